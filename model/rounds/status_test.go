package rounds

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
)

var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

// clock is the store's clock, set by each step of a test.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

var cst = time.FixedZone("CST", 8*3600)

// roundOfThree is the bundled 2023 plan with three units — 市商务局
// (A1-06), 市发展改革委 (A1-01, A1-05), 市统计局 (A1-02, A1-03) — and
// a 1-9月 round due 2023-10-10 sent to all three. 市商务局 returns on
// 2023-10-08, 市发展改革委 on 2023-10-12 (late, 固定资产投资 8.1% below
// its 增长10%), 市统计局 never.
func roundOfThree(t *testing.T) (*store.Store, domain.Round) {
	t.Helper()
	c := &clock{now: time.Date(2023, 9, 1, 9, 0, 0, 0, cst)}
	st, err := store.Open(filepath.Join(t.TempDir(), "plan.db"), store.Options{Bundle: bundle, Now: c.Now, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, as := range []store.Assignment{
		{Items: []string{"A1-06"}, Lead: "市商务局", NewUnits: true},
		{Items: []string{"A1-01", "A1-05"}, Lead: "市发展改革委", NewUnits: true},
		{Items: []string{"A1-02", "A1-03"}, Lead: "市统计局", NewUnits: true},
	} {
		if _, err := st.AssignUnits(as, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 9}, "2023-10-10")
	if err != nil {
		t.Fatal(err)
	}
	round, err := st.SaveRound(rp, "张三")
	if err != nil {
		t.Fatal(err)
	}
	c.now = time.Date(2023, 10, 8, 15, 20, 0, 0, cst)
	returnFigures(t, st, "市商务局", map[string]float64{"A1-06": 6.1})
	c.now = time.Date(2023, 10, 12, 9, 30, 0, 0, cst)
	returnFigures(t, st, "市发展改革委", map[string]float64{"A1-01": 6.3, "A1-05": 8.1})
	return st, round
}

// returnFigures records a unit's return as round collect writes it.
func returnFigures(t *testing.T, st *store.Store, unit string, figures map[string]float64) {
	t.Helper()
	var rows []store.Import
	for id, v := range figures {
		rows = append(rows, store.Import{Actual: &domain.Actual{ItemID: id, Period: domain.Period{Year: 2023, Month: 9}, Value: v, Source: "统计月报"}})
	}
	if err := st.ImportReturn(rows, unit, unit+".xlsx", "张三"); err != nil {
		t.Fatal(err)
	}
}

func TestStatus(t *testing.T) {
	st, round := roundOfThree(t)
	type counts struct{ items, returned, missing, late int }
	for _, tc := range []struct {
		name   string
		asOf   time.Time
		counts map[string]counts
		lights map[string]domain.Light // unit item → light
	}{
		{"after the due date", time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC),
			map[string]counts{"市商务局": {1, 1, 0, 0}, "市发展改革委": {2, 2, 0, 2}, "市统计局": {2, 0, 2, 2}},
			map[string]domain.Light{"市商务局 A1-06": domain.LightGreen, "市发展改革委 A1-05": domain.LightYellow,
				"市统计局 A1-02": domain.LightRed, "市统计局 A1-03": domain.LightRed}},
		// As of a past day, returns collected after it had not come in:
		// 市发展改革委's of 10月12日 is not yet there on 10月8日.
		{"two days before", time.Date(2023, 10, 8, 0, 0, 0, 0, time.UTC),
			map[string]counts{"市商务局": {1, 1, 0, 0}, "市发展改革委": {2, 0, 2, 0}, "市统计局": {2, 0, 2, 0}},
			map[string]domain.Light{"市统计局 A1-02": domain.LightBlue, "市发展改革委 A1-05": domain.LightBlue}},
		{"weeks before", time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC),
			map[string]counts{"市商务局": {1, 0, 1, 0}, "市发展改革委": {2, 0, 2, 0}, "市统计局": {2, 0, 2, 0}},
			map[string]domain.Light{"市统计局 A1-03": domain.LightNone, "市商务局 A1-06": domain.LightNone}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units, err := Status(st, round, tc.asOf)
			if err != nil {
				t.Fatal(err)
			}
			if len(units) != len(tc.counts) {
				t.Fatalf("units: %+v", units)
			}
			lights := map[string]domain.Light{}
			for _, u := range units {
				if got := (counts{u.Items, u.Returned, u.Missing, u.Late}); got != tc.counts[u.Unit] {
					t.Errorf("%s: %+v, want %+v", u.Unit, got, tc.counts[u.Unit])
				}
				for _, r := range u.Rows {
					lights[u.Unit+" "+r.ItemID] = r.Light
					if r.LightLabel != r.Light.Label() || r.Why == "" {
						t.Errorf("%s %s: label %q why %q", u.Unit, r.ItemID, r.LightLabel, r.Why)
					}
				}
			}
			for k, want := range tc.lights {
				if lights[k] != want {
					t.Errorf("%s: %s, want %s", k, lights[k], want)
				}
			}
		})
	}

	units, err := Status(st, round, time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	byUnit := map[string]UnitRow{}
	for _, u := range units {
		byUnit[u.Unit] = u
	}
	if got := byUnit["市发展改革委"]; got.LastReturn != "2023-10-12 09:30" || got.Rows[0].Why != "已报送，"+got.Rows[0].Status.Label()+"（逾期报送）" {
		t.Errorf("市发展改革委: %+v", got)
	}
	if got := byUnit["市统计局"]; got.LastReturn != "" || got.Rows[0].Why != "逾期未报" || got.Rows[0].Returned() {
		t.Errorf("市统计局: %+v", got)
	}
	// The command line prints these as JSON: the names it always had, and
	// no status code (the light says it).
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(units[0].Rows[0]); err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(buf.Bytes(), &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"item", "name", "light", "light_label", "why", "late"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, buf.String())
		}
	}
	if len(fields) > 7 {
		t.Errorf("JSON has more than it had: %s", buf.String())
	}
}

// TestChaseWorkbook: the 催报清单 read back lists 市统计局's two missing
// items, five days overdue, with blank contact columns to fill in.
func TestChaseWorkbook(t *testing.T) {
	st, round := roundOfThree(t)
	asOf := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
	units, err := Status(st, round, asOf)
	if err != nil {
		t.Fatal(err)
	}
	data, err := ChaseWorkbook(round, asOf, units)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(ChaseSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{ChaseHeader,
		{"市统计局", "A1-02", "一般公共预算收入", "2023-10-10", "5"},
		{"市统计局", "A1-03", "全员劳动生产率", "2023-10-10", "5"}}
	if len(rows) != len(want) {
		t.Fatalf("催报清单: %q", rows)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("row %d col %d: %q, want %q", i+1, j+1, rows[i][j], want[i][j])
			}
		}
	}

	if _, err := ChaseWorkbook(domain.Round{ID: "R1", Due: "十月十日"}, asOf, units); err == nil {
		t.Error("a due date that cannot be read made a workbook")
	}
}

// TestStatusFollowsWhatTheRoundSent: a unit answers for the items its
// workbook held, whatever is assigned since; a return held for the
// reviewer (it differs from the figure recorded) counts as returned, with
// the reason saying so.
func TestStatusFollowsWhatTheRoundSent(t *testing.T) {
	st, round := roundOfThree(t)
	// A1-06 moves from 市商务局 to 市统计局 after the round went out.
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-06"}, Lead: "市统计局"}, "张三"); err != nil {
		t.Fatal(err)
	}
	// 市统计局 returns 一般公共预算收入 4.5% where 4.0% is recorded.
	if _, err := st.RecordActual(domain.Actual{ItemID: "A1-02", Period: round.Period, Value: 4.0, Source: "财政月报"}, "张三"); err != nil {
		t.Fatal(err)
	}
	unit, err := st.FindUnit("市统计局")
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.CollectReturn(store.ReturnFile{RoundID: round.ID, Period: round.Period, Unit: unit, File: "统计局.xlsx",
		Rows: []store.ReturnRow{{ItemID: "A1-02", Actual: &domain.Actual{ItemID: "A1-02", Period: round.Period, Value: 4.5, By: "王五"}}}}, "张三", false)
	if err != nil || c.Held != 1 {
		t.Fatalf("collect: %+v %v", c, err)
	}
	units, err := Status(st, round, time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	items := map[string][]string{}
	why := map[string]string{}
	light := map[string]domain.Light{}
	for _, u := range units {
		for _, r := range u.Rows {
			items[u.Unit] = append(items[u.Unit], r.ItemID)
			why[r.ItemID] = r.Why
			light[r.ItemID] = r.Light
		}
	}
	if got := fmt.Sprint(items["市商务局"], items["市统计局"]); got != "[A1-06] [A1-02 A1-03]" {
		t.Errorf("items by unit: %s", got)
	}
	if !strings.HasPrefix(why["A1-02"], "已报送，待裁定") || light["A1-02"] != domain.LightYellow {
		t.Errorf("held return: %s %q, want 黄 待裁定", light["A1-02"], why["A1-02"])
	}
}

// TestChaseListNamesLastContact: a unit missing from a round is listed in
// the 催报清单 — workbook and PDF — with who filled in its workbook last
// time and their phone; a unit that never named anyone gets the blanks.
func TestChaseListNamesLastContact(t *testing.T) {
	st, r1 := roundOfThree(t)
	unit, err := st.FindUnit("市统计局")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CollectReturn(store.ReturnFile{RoundID: r1.ID, Period: r1.Period, Unit: unit, File: "统计局.xlsx",
		Rows: []store.ReturnRow{{ItemID: "A1-03", Person: "王五", Phone: "0573-82345678",
			Actual: &domain.Actual{ItemID: "A1-03", Period: r1.Period, Value: 7.2, By: "王五"}}}}, "张三", false); err != nil {
		t.Fatal(err)
	}
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 12}, "2024-01-20")
	if err != nil {
		t.Fatal(err)
	}
	r2, err := st.SaveRound(rp, "张三")
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2024, 1, 25, 0, 0, 0, 0, time.UTC)
	units, err := Status(st, r2, asOf)
	if err != nil {
		t.Fatal(err)
	}
	contact := map[string]string{}
	for _, u := range units {
		contact[u.Unit] = u.Person + "|" + u.Phone
	}
	if contact["市统计局"] != "王五|0573-82345678" || contact["市商务局"] != "|" {
		t.Errorf("contacts: %q", contact)
	}
	data, err := ChaseWorkbook(r2, asOf, units)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(ChaseSheet)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, row := range rows[1:] {
		if row[0] == "市统计局" {
			found++
			if len(row) < 7 || row[5] != "王五" || row[6] != "0573-82345678" {
				t.Errorf("市统计局's row lacks its contact: %q", row)
			}
		} else if len(row) > 5 && strings.Join(row[5:], "") != "" {
			t.Errorf("%s's row has a contact it never gave: %q", row[0], row)
		}
	}
	if found != 2 {
		t.Errorf("市统计局 rows: %d, want 2 (%q)", found, rows)
	}
	list, err := ChaseList("2023年嘉兴市计划", r2, asOf, units, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range list.Units {
		if got, want := u.Person+"|"+u.Phone, map[bool]string{true: "王五|0573-82345678", false: "|"}[u.Unit == "市统计局"]; got != want {
			t.Errorf("%s: contact %q, want %q", u.Unit, got, want)
		}
	}
	page, _, err := ChasePDF("2023年嘉兴市计划", r2, asOf, units, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "催报清单.pdf")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "王五") || !strings.Contains(string(text), "0573-82345678") {
		t.Errorf("the PDF does not name 市统计局's contact:\n%s", text)
	}
}

// TestStatusLateSplit checks that 逾期 splits into 逾期未报 and 逾期报送:
// a late return is not counted as missing, so the window never reads more
// overdue than missing.
func TestStatusLateSplit(t *testing.T) {
	st, round := roundOfThree(t)
	type split struct{ lateMissing, lateReturned int }
	for _, tc := range []struct {
		name string
		asOf time.Time
		want map[string]split
	}{
		{"after the due date", time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC),
			map[string]split{"市商务局": {0, 0}, "市发展改革委": {0, 2}, "市统计局": {2, 0}}},
		// 市发展改革委's late return of 10月12日 had not come in yet.
		{"two days before", time.Date(2023, 10, 8, 0, 0, 0, 0, time.UTC),
			map[string]split{"市商务局": {0, 0}, "市发展改革委": {0, 0}, "市统计局": {0, 0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units, err := Status(st, round, tc.asOf)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range units {
				if got := (split{u.LateMissing, u.LateReturned}); got != tc.want[u.Unit] {
					t.Errorf("%s: %+v, want %+v", u.Unit, got, tc.want[u.Unit])
				}
				if u.LateMissing+u.LateReturned != u.Late || u.LateMissing > u.Missing || u.LateReturned > u.Returned {
					t.Errorf("%s: late %d = %d missing + %d returned, of %d missing and %d returned",
						u.Unit, u.Late, u.LateMissing, u.LateReturned, u.Missing, u.Returned)
				}
			}
		})
	}
}
