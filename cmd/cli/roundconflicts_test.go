package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// statusRows is `round status --json` as unit → item → row.
func statusRows(t *testing.T, db string) (map[string]rounds.UnitRow, map[string]rounds.ItemRow) {
	t.Helper()
	r := run(t, db, "round", "status", "--as-of", "2024-10-15", "--json")
	var units []rounds.UnitRow
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &units) != nil {
		t.Fatalf("status: %d %s %s", r.code, r.stdout, r.stderr)
	}
	byUnit, byItem := map[string]rounds.UnitRow{}, map[string]rounds.ItemRow{}
	for _, u := range units {
		byUnit[u.Unit] = u
		for _, it := range u.Rows {
			byItem[u.Unit+" "+it.ItemID] = it
		}
	}
	return byUnit, byItem
}

func conflictList(t *testing.T, db string) []conflictJSON {
	t.Helper()
	r := run(t, db, "round", "conflicts", "--json")
	var cs []conflictJSON
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &cs) != nil {
		t.Fatalf("conflicts: %d %s %s", r.code, r.stdout, r.stderr)
	}
	return cs
}

// TestRoundConflicts is the scenario: a 1-9月 round for three
// units; 市商务局 returns on time, 市统计局 late with a figure for 社会消费品零售总额
// that differs from 市商务局's, 市发展改革委 not at all except a re-sent
// figure identical to one typed in by hand. Nothing is overwritten: the
// conflict is listed with both candidates, counts as returned, is
// resolved with history holding the choice and the other, comes back on
// undo, and is resolved again the other way.
func TestRoundConflicts(t *testing.T) {
	db, dir := startedRound(t)
	cst := time.FixedZone("CST", 8*3600)
	in := filepath.Join(filepath.Dir(db), "收回")
	must(t, os.Mkdir(in, 0o755))
	item := listJSON(t, db)[1].ID // 社会消费品零售总额: 市商务局 leads, 市统计局 co-operates

	if r := run(t, db, "round", "conflicts"); r.code != 0 || !strings.Contains(r.stdout, "没有待裁定的填报") {
		t.Errorf("no conflicts yet: %d %s %s", r.code, r.stdout, r.stderr)
	}
	trade := filepath.Join(in, "商务局.xlsx")
	fill(t, filepath.Join(dir, "2024年1-9月_市商务局_填报.xlsx"), trade, func(f *excelize.File) { fillRow(f, 2, 6.8) })
	setUp(t, db, "round", "collect", trade)

	// 市统计局's rows: A1-01 (row 2), then 社会消费品零售总额 (row 3).
	stats := filepath.Join(in, "统计局.xlsx")
	fill(t, filepath.Join(dir, "2024年1-9月_市统计局_填报.xlsx"), stats, func(f *excelize.File) {
		fillRow(f, 3, 6.5)
		f.SetCellValue("填报", "K3", "赵六")
		f.SetCellValue("填报", "L3", "0573-87654321")
	})
	r := runAt(t, db, time.Date(2024, 10, 12, 9, 30, 0, 0, cst), "round", "collect", stats)
	if r.code != 0 || !strings.Contains(r.stdout, "1条与已录入的实际值不同，未覆盖，留待裁定") {
		t.Fatalf("late, conflicting collect: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if a := listJSON(t, db)[1].Actual; a == nil || *a.Value != 6.8 {
		t.Fatalf("the conflicting return overwrote 6.8: %+v", a)
	}

	cs := conflictList(t, db)
	if len(cs) != 1 || cs[0].Item != item || cs[0].Recorded == nil || cs[0].Recorded.Figure != "增长6.8%" || cs[0].Recorded.Unit != "市商务局" ||
		len(cs[0].Candidates) != 1 {
		t.Fatalf("conflicts: %+v", cs)
	}
	if c := cs[0].Candidates[0]; c.Unit != "市统计局" || c.Figure != "增长6.5%" || c.Person != "赵六" || c.Phone != "0573-87654321" ||
		c.Source != "市统计局月报" || c.File != "统计局.xlsx" || !strings.HasPrefix(c.At, "2024-10-12") {
		t.Errorf("candidate: %+v", c)
	}
	if r := run(t, db, "round", "conflicts"); r.code != 0 || !strings.Contains(r.stdout, "市统计局") || !strings.Contains(r.stdout, "增长6.5%") ||
		!strings.Contains(r.stdout, "市商务局填报（商务局.xlsx）") {
		t.Errorf("conflicts listing: %s", r.stdout)
	}

	// show names the held figure under the recorded one.
	if r := run(t, db, "show", item); r.code != 0 || !strings.Contains(r.stdout, "待裁定（1个填报值与已录入的不同") ||
		!strings.Contains(r.stdout, "增长6.5%　市统计局填报（统计局.xlsx，轮次R1）") {
		t.Errorf("show %s: %s %s", item, r.stdout, r.stderr)
	}

	units, items := statusRows(t, db)
	if u := units["市统计局"]; u.Returned != 1 || u.Missing != 1 || u.Late != 2 {
		t.Errorf("市统计局: %+v", u)
	}
	if it := items["市统计局 "+item]; !it.Returned() || it.Why != "已报送，待裁定（与市商务局填报的增长6.8%不一致）（逾期报送）" {
		t.Errorf("held item: %+v", it)
	}
	if u := units["市发展改革委"]; u.Returned != 0 || u.Missing != 2 {
		t.Errorf("市发展改革委: %+v", u)
	}

	// Refused choices change nothing.
	before := dbBytes(t, db)
	for _, bad := range [][]string{
		{item},                                    // neither --unit nor --recorded
		{item, "--unit", "市发展改革委"},                // no return of it from that unit
		{item, "--unit", "市税务局"},                  // no such unit
		{"A1-03", "--recorded"},                   // no conflict there
		{item, "--unit", "市统计局", "--round", "R9"}, // no such round
	} {
		if r := run(t, db, append([]string{"round", "resolve"}, bad...)...); r.code == 0 || r.stderr == "" {
			t.Errorf("resolve %v: %d %s", bad, r.code, r.stdout)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("resolve %v changed the database", bad)
		}
	}

	want := "采用市统计局填报的增长6.5%（统计局.xlsx），未采用：市商务局填报的增长6.8%"
	if r := run(t, db, "round", "resolve", item, "--unit", "市统计局"); r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Fatalf("resolve: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if a := listJSON(t, db)[1].Actual; a == nil || *a.Value != 6.5 || !strings.Contains(a.By, "赵六") {
		t.Errorf("picked figure: %+v", a)
	}
	if h := run(t, db, "history", item); !strings.Contains(h.stdout, want) || !strings.Contains(h.stdout, "裁定填报数据") {
		t.Errorf("history: %s", h.stdout)
	}
	if cs := conflictList(t, db); len(cs) != 0 {
		t.Errorf("conflicts after resolve: %+v", cs)
	}
	if _, items := statusRows(t, db); strings.Contains(items["市统计局 "+item].Why, "待裁定") {
		t.Errorf("resolved item still held: %+v", items["市统计局 "+item])
	}

	// Undo brings the conflict and the figure back.
	setUp(t, db, "undo")
	if cs := conflictList(t, db); len(cs) != 1 || len(cs[0].Candidates) != 1 {
		t.Errorf("conflict not back after undo: %+v", cs)
	}
	if a := listJSON(t, db)[1].Actual; a == nil || *a.Value != 6.8 {
		t.Errorf("figure after undo: %+v", a)
	}
	if r := run(t, db, "round", "resolve", item, "--recorded"); r.code != 0 ||
		!strings.Contains(r.stdout, "采用市商务局填报的增长6.8%（商务局.xlsx），未采用：市统计局填报的增长6.5%") {
		t.Errorf("keep recorded: %d %s %s", r.code, r.stdout, r.stderr)
	}

	// 市发展改革委 re-sends a figure already typed in by hand: unchanged,
	// yet returned.
	setUp(t, db, "record", "A1-01", "1-9月", "6.2")
	dev := filepath.Join(in, "发改委.xlsx")
	fill(t, filepath.Join(dir, "2024年1-9月_市发展改革委_填报.xlsx"), dev, func(f *excelize.File) {
		fillRow(f, 2, 6.2)
		f.SetCellValue("填报", "I2", "")
	})
	if r := run(t, db, "round", "collect", dev); r.code != 0 || !strings.Contains(r.stdout, "记为已报送") {
		t.Errorf("unchanged return: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if units, _ := statusRows(t, db); units["市发展改革委"].Returned != 1 {
		t.Errorf("an unchanged return not counted: %+v", units["市发展改革委"])
	}

	// A folder of returns is one batch: one automatic backup before its
	// first write, not one per file (besides the one every start takes).
	batch := filepath.Join(filepath.Dir(db), "批量")
	must(t, os.Mkdir(batch, 0o755))
	fill(t, trade, filepath.Join(batch, "商务局.xlsx"), func(*excelize.File) {})
	fill(t, dev, filepath.Join(batch, "发改委.xlsx"), func(*excelize.File) {})
	fill(t, stats, filepath.Join(batch, "统计局.xlsx"), func(*excelize.File) {}) // 6.5 again: held again
	collectBackups := func() int {
		all, err := store.Backups(db)
		must(t, err)
		n := 0
		for _, b := range all {
			if strings.HasSuffix(b, "-collect.db") {
				n++
			}
		}
		return n
	}
	n := collectBackups()
	// A clock that moves a second each time it is read: backups are named
	// by the time, and a fixed clock would give two backups one name.
	tick := time.Date(2024, 10, 20, 9, 0, 0, 0, cst)
	var out bytes.Buffer
	env := Env{Bundle: bundle, Stdout: &out, Stderr: &out, Getenv: func(string) string { return "张三" },
		Now: func() time.Time { tick = tick.Add(time.Second); return tick }}
	if code := Run([]string{"round", "collect", batch, "--db", db}, env); code != 0 {
		t.Fatalf("batch: %s", out.String())
	}
	if got := collectBackups() - n; got != 1 {
		t.Errorf("%d backups for a batch of 3 returns, want 1", got)
	}
	if !strings.Contains(out.String(), "本次共1条填报与已录入的实际值不同，留待裁定（轮次 R1）") {
		t.Errorf("batch summary: %s", out.String())
	}
	if cs := conflictList(t, db); len(cs) != 1 {
		t.Errorf("the re-sent differing figure not held again: %+v", cs)
	}
}
