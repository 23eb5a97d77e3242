package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Two rounds for one period: a return to the older round is held there,
// the collect says which round to look in, round conflicts without
// --round lists every round's, a resolve without --round finds the round
// (or asks which when both hold the item), and a stale return of the
// older round is not taken over the newer round's figure.
func TestConflictsAcrossRounds(t *testing.T) {
	db, dir1 := startedRound(t)
	dir2 := filepath.Join(filepath.Dir(db), "发出2")
	must(t, os.Mkdir(dir2, 0o755))
	setUp(t, db, "round", "start", "--period", "1-9月", "--due", "2024-10-20", "-o", dir2)
	in := filepath.Join(filepath.Dir(db), "收回")
	must(t, os.Mkdir(in, 0o755))
	item := listJSON(t, db)[1].ID // 社会消费品零售总额: 市商务局 row 2, 市统计局 row 3
	ret := func(dir, unit, name string, row int, v float64) string {
		to := filepath.Join(in, name)
		fill(t, filepath.Join(dir, "2024年1-9月_"+unit+"_填报.xlsx"), to, func(f *excelize.File) { fillRow(f, row, v) })
		return to
	}

	setUp(t, db, "round", "collect", ret(dir2, "市商务局", "商务局R2.xlsx", 2, 6.8))
	r := run(t, db, "round", "collect", ret(dir1, "市商务局", "商务局R1.xlsx", 2, 6.2))
	if r.code != 0 || !strings.Contains(r.stdout, "round conflicts --round R1 查看") {
		t.Fatalf("stale return's hint: %d %s %s", r.code, r.stdout, r.stderr)
	}
	setUp(t, db, "round", "collect", ret(dir2, "市统计局", "统计局R2.xlsx", 3, 6.5))

	cs := conflictList(t, db)
	if len(cs) != 2 || cs[0].Round != "R1" || cs[0].Candidates[0].Unit != "市商务局" || cs[1].Round != "R2" || cs[1].Candidates[0].Unit != "市统计局" {
		t.Fatalf("every round's conflicts: %+v", cs)
	}
	if r := run(t, db, "round", "conflicts"); !strings.Contains(r.stdout, "轮次 R1（2024年1-9月）有1项") || !strings.Contains(r.stdout, "轮次 R2（2024年1-9月）有1项") {
		t.Errorf("listing: %s", r.stdout)
	}
	if cs := run(t, db, "round", "conflicts", "--round", "R2", "--json"); strings.Contains(cs.stdout, `"round": "R1"`) {
		t.Errorf("--round R2 lists R1: %s", cs.stdout)
	}

	before := dbBytes(t, db)
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{item, "--unit", "市商务局"}, "在轮次 R1、R2 都有待裁定的填报"},
		{[]string{item, "--unit", "市商务局", "--round", "R1"}, "较新的轮次 R2 已收到同期（1-9月）的填报"},
	} {
		r := run(t, db, append([]string{"round", "resolve"}, bad.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, bad.want) {
			t.Errorf("resolve %v: %d %s %s, want %q", bad.args, r.code, r.stdout, r.stderr, bad.want)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("resolve %v changed the database", bad.args)
		}
	}
	if a := listJSON(t, db)[1].Actual; a == nil || *a.Value != 6.8 {
		t.Fatalf("figure: %+v", a)
	}
	// Keeping the recorded figure settles the older round.
	if r := run(t, db, "round", "resolve", item, "--recorded", "--round", "R1"); r.code != 0 || !strings.Contains(r.stdout, "未采用：市商务局填报的增长6.2%") {
		t.Errorf("settle R1: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// Now one round holds the item: no --round needed.
	if r := run(t, db, "round", "resolve", item, "--unit", "市统计局"); r.code != 0 || !strings.Contains(r.stdout, "轮次 R2") {
		t.Errorf("resolve in R2: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if a := listJSON(t, db)[1].Actual; a == nil || *a.Value != 6.5 {
		t.Errorf("figure after resolve: %+v", a)
	}
	if cs := conflictList(t, db); len(cs) != 0 {
		t.Errorf("left: %+v", cs)
	}
}
