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
)

// runAt is run with the clock at a given day (Beijing time), for returns
// collected after the due date without waiting for it.
func runAt(t *testing.T, db string, at time.Time, argv ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Bundle: bundle, Stdout: &out, Stderr: &errb, Now: func() time.Time { return at },
		Getenv: func(k string) string {
			if k == "PLANREVIEW_USER" {
				return "张三"
			}
			return ""
		}}
	code := Run(append(argv, "--db", db), env)
	return result{code, out.String(), errb.String()}
}

// TestRoundStatus: a 1-9月 round due 2024-10-10 to three units; 市商务局
// returns on time, 市发展改革委 two days late, 市统计局 — which only
// co-operates (协办) on A1-01 and A1-02 — not at all. As of 2024-10-15
// status counts each unit's returned, missing and late items with the
// right lights, and 市统计局 owes nothing: its leads returned both items
// (STATUS.md rule 21). As of 2024-10-11 the 催报清单 lists 市发展改革委's
// items and 市统计局's A1-01, whose lead had not returned yet.
func TestRoundStatus(t *testing.T) {
	db, dir := startedRound(t)
	cst := time.FixedZone("CST", 8*3600)
	in := filepath.Join(filepath.Dir(db), "收回")
	must(t, os.Mkdir(in, 0o755))
	trade := filepath.Join(in, "商务局.xlsx")
	fill(t, filepath.Join(dir, "2024年1-9月_市商务局_填报.xlsx"), trade, func(f *excelize.File) { fillRow(f, 2, 6.8) })
	setUp(t, db, "round", "collect", trade) // the test clock: 2023-10-25, well before the due date
	dev := filepath.Join(in, "发改委.xlsx")
	fill(t, filepath.Join(dir, "2024年1-9月_市发展改革委_填报.xlsx"), dev, func(f *excelize.File) {
		fillRow(f, 2, 6.2)
		fillRow(f, 3, 4.1)
	})
	if r := runAt(t, db, time.Date(2024, 10, 12, 9, 30, 0, 0, cst), "round", "collect", dev); r.code != 0 {
		t.Fatalf("late collect: %s %s", r.stdout, r.stderr)
	}

	r := run(t, db, "round", "status", "--as-of", "2024-10-15", "--json")
	var units []rounds.UnitRow
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &units) != nil {
		t.Fatalf("status: %d %s %s", r.code, r.stdout, r.stderr)
	}
	type counts struct{ items, returned, missing, late, lateMissing, lateReturned int }
	want := map[string]counts{
		"市发展改革委": {2, 2, 0, 2, 0, 2},
		"市商务局":   {1, 1, 0, 0, 0, 0},
		"市统计局":   {2, 0, 0, 0, 0, 0},
	}
	if len(units) != len(want) {
		t.Fatalf("units: %+v", units)
	}
	lights := map[string]string{}
	for _, u := range units {
		got := counts{u.Items, u.Returned, u.Missing, u.Late, u.LateMissing, u.LateReturned}
		if got != want[u.Unit] {
			t.Errorf("%s: %+v, want %+v", u.Unit, got, want[u.Unit])
		}
		if u.Unit == "市统计局" && u.ByLead != 2 || u.Unit != "市统计局" && u.ByLead != 0 {
			t.Errorf("%s: by_lead %d", u.Unit, u.ByLead)
		}
		for _, it := range u.Rows {
			lights[u.Unit+" "+it.ItemID] = string(it.Light)
			if u.Unit == "市统计局" && (it.ByLead == "" || it.Why != "牵头单位已报送（"+it.ByLead+"）") {
				t.Errorf("市统计局 %s: why %q by %q", it.ItemID, it.Why, it.ByLead)
			}
		}
	}
	for k, l := range lights {
		if l == "red" || l == "blue" || l == "none" {
			t.Errorf("%s: %s", k, l)
		}
	}
	if !strings.Contains(r.stdout, `"by_lead": "市发展改革委"`) {
		t.Errorf("--json lacks the item's by_lead: %s", r.stdout)
	}
	// 固定资产投资 4.1% against 增长5% is 低于预期 by Review.Status: 黄.
	if lights["市发展改革委 A1-03"] != "yellow" || lights["市商务局 A1-02"] != "green" {
		t.Errorf("lights: %v", lights)
	}
	if units[0].LastReturn == "" {
		t.Errorf("last return missing: %+v", units[0])
	}

	// Before the due date, 市统计局's A1-01 (its lead's return not yet
	// in) is 蓝 and nobody is late.
	// 2024年10月8日 is read as the window's 截至 box reads it.
	r = run(t, db, "round", "status", "--as-of", "2024年10月8日")
	if r.code != 0 || !strings.Contains(r.stdout, "临近截止，尚未报送") || strings.Contains(r.stdout, " 逾期未报\n") {
		t.Errorf("before due: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// The unit table counts overdue missing items and late returns apart.
	for _, line := range strings.Split(r.stdout, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "单位":
			if strings.Join(f[1:], " ") != "项目 已报 逾期报送 未报 逾期未报 牵头已报 最近报送" {
				t.Errorf("header: %q", line)
			}
		case len(f) >= 7 && f[0] == "市统计局":
			// Not yet due: nothing overdue; A1-02 settled by 市商务局.
			if f[3] != "0" || f[5] != "0" || f[6] != "1" {
				t.Errorf("市统计局 before due: %q", line)
			}
		case len(f) >= 6 && f[0] == "市发展改革委":
			// Its late returns were collected after 10月8日: as of
			// that day nothing had come in, and nothing was late yet.
			if f[2] != "0" || f[3] != "0" || f[5] != "0" {
				t.Errorf("市发展改革委 before due: %q", line)
			}
		}
	}

	out := filepath.Join(filepath.Dir(db), "催报清单.xlsx")
	r = run(t, db, "round", "status", "--as-of", "2024-10-11", "-o", out)
	if r.code != 0 || !strings.Contains(r.stdout, " 逾期未报\n") || !strings.Contains(r.stdout, "牵头单位已报送（市商务局）") ||
		!strings.Contains(r.stderr, "已写入催报清单："+out+"（2个单位未报3项次）") {
		t.Fatalf("status -o: %d %s %s", r.code, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(out)
	must(t, err)
	defer f.Close()
	rows, err := f.GetRows(rounds.ChaseSheet)
	must(t, err)
	if len(rows) != 4 || rows[0][0] != "责任单位" || rows[0][5] != "联系人" {
		t.Fatalf("催报清单: %q", rows)
	}
	for i, want := range [][]string{{"市发展改革委", "A1-01"}, {"市发展改革委", "A1-03"}, {"市统计局", "A1-01"}} {
		if row := rows[i+1]; row[0] != want[0] || row[1] != want[1] || row[3] != "2024-10-10" || row[4] != "1" {
			t.Errorf("催报清单 row %d: %q, want %v", i+2, row, want)
		}
	}

	for _, bad := range [][]string{{"--round", "R9"}, {"--as-of", "十月"}} {
		if r := run(t, db, append([]string{"round", "status"}, bad...)...); r.code == 0 || r.stderr == "" {
			t.Errorf("%v: %d %s", bad, r.code, r.stderr)
		}
	}
}
