package store

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// planFile is the bundled plan file made another plan: another city's
// (same items, same year) or another year's (every 2023 in it, dates
// included, moved to that year), with its notice to match.
func planFile(city string, year int) NewPlan {
	y := strconv.Itoa(year)
	r := strings.NewReplacer("2023", y, "嘉兴", city, "jiaxing", "plan-"+city)
	return NewPlan{Dataset: []byte(r.Replace(string(seeds.PlanJSON))), Notice: r.Replace(seeds.Notice),
		City: city + "市", Year: year}
}

// twoPlans is a workspace with the bundled plan (current) and a second.
func twoPlans(t *testing.T, city string, year int) (*Store, string, PlanInfo) {
	t.Helper()
	s, path := openTemp(t)
	b, err := s.CreatePlan(planFile(city, year), "张三")
	if err != nil {
		t.Fatalf("CreatePlan: %v", err)
	}
	return s, path, b
}

func period(year, month int) domain.Period { return domain.Period{Year: year, Month: month} }

// Two plans both have A1-01; each records its own figures, notes,
// statuses and targets, and sees only its own, whichever is current.
func TestTwoPlansRecordTheSameItemIndependently(t *testing.T) {
	for _, tc := range []struct {
		city string
		year int
	}{{"海宁", 2023}, {"嘉兴", 2024}} {
		t.Run(tc.city+strconv.Itoa(tc.year), func(t *testing.T) {
			s, _, b := twoPlans(t, tc.city, tc.year)
			a := s.Plan().ID
			if b.Items != len(s.Plan().Items) || b.Year != tc.year || b.City != tc.city+"市" {
				t.Errorf("created %+v", b)
			}
			write := func(year int, value float64, note, target string) {
				t.Helper()
				_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(year, 9), Value: value}, "张三")
				must(t, err)
				must(t, second(s.AddNote("A1-01", period(year, 9), note, "张三")))
				must(t, s.SetManualStatus("A1-02", period(year, 6), domain.Code("met"), note, "张三"))
				must(t, s.SetTarget("A1-17", target, note, "张三"))
			}
			write(2023, 5.8, "甲计划备注", "下降3.5%")
			must(t, s.SelectPlan(b.ID))
			write(tc.year, 6.3, "乙计划备注", "下降2%")
			for _, tt := range []struct {
				plan   string
				value  float64
				note   string
				target string
			}{{a, 5.8, "甲计划备注", "下降3.5%"}, {b.ID, 6.3, "乙计划备注", "下降2%"}} {
				must(t, s.SelectPlan(tt.plan))
				as, _ := s.Actuals()
				ns, _ := s.Notes("A1-01")
				ms, _ := s.ManualStatuses()
				os, _ := s.TargetOverrides()
				h, _ := s.History("A1-01")
				if len(as) != 1 || as[0].Value != tt.value || len(ns) != 1 || ns[0].Body != tt.note ||
					len(ms) != 1 || ms[0].Reason != tt.note || len(os) != 1 || os[0].Text != tt.target || len(h) != 2 {
					t.Errorf("plan %s sees %+v, %+v, %+v, %+v, %d history rows", tt.plan, as, ns, ms, os, len(h))
				}
			}
			plans, err := s.Plans()
			if err != nil || len(plans) != 2 || plans[0].Figures != 1 || plans[1].Figures != 1 ||
				plans[0].Notes != 1 || plans[0].LastChange.IsZero() {
				t.Errorf("Plans() = %+v, %v", plans, err)
			}
			if problems, err := s.Consistency(); err != nil || len(problems) != 0 {
				t.Errorf("Consistency: %v %v", problems, err)
			}
		})
	}
}

// Undo in one plan never reaches the other's changes, and a lock in one
// leaves the same period of the other open.
func TestUndoAndLocksArePerPlan(t *testing.T) {
	s, _, b := twoPlans(t, "海宁", 2023)
	a := s.Plan().ID
	_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三")
	must(t, err)
	must(t, s.LockPeriod(p(6), "半年简报已报出", "张三"))
	aHist, _ := s.History("")
	must(t, s.SelectPlan(b.ID))
	for _, tc := range []struct {
		name string
		do   func() error
		want string // "" for success
	}{
		{"nothing of B's to undo", func() error { return second(s.UndoLast("张三")) }, "没有可撤销的修改"},
		{"A's change by its id", func() error { return second(s.Undo(aHist[len(aHist)-1].ID, "张三")) }, "没有编号为"},
		{"A's locked period is open in B", func() error {
			return second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(6), Value: 6}, "张三"))
		}, ""},
		{"B's own change undone", func() error { return second(s.UndoLast("张三")) }, ""},
		{"B locks its own", func() error { return s.LockPeriod(p(6), "乙", "张三") }, ""},
		{"and is then locked", func() error {
			return second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(6), Value: 6}, "张三"))
		}, "已锁定"},
	} {
		err := tc.do()
		if (tc.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if ls, _ := s.Locks(); len(ls) != 1 {
		t.Errorf("B's locks: %+v", ls)
	}
	must(t, s.SelectPlan(a))
	as, _ := s.Actuals()
	ls, _ := s.Locks()
	if len(as) != 1 || as[0].Value != 5.8 || len(ls) != 1 {
		t.Errorf("plan A after B's changes: %+v, locks %+v", as, ls)
	}
	// A's own undo still finds its change (the lock, its newest).
	if c, err := s.UndoLast("张三"); err != nil || c.Action != domain.LockPeriod {
		t.Errorf("UndoLast in A: %+v, %v", c, err)
	}
}

// A plan's periods are its year's: a figure for another year is refused
// naming the plan's year.
func TestPeriodsBelongToThePlansYear(t *testing.T) {
	s, _, b := twoPlans(t, "嘉兴", 2024)
	must(t, s.SelectPlan(b.ID))
	for _, tc := range []struct {
		name string
		do   func() error
	}{
		{"figure", func() error {
			return second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5}, "张三"))
		}},
		{"note", func() error { return second(s.AddNote("A1-01", p(9), "x", "张三")) }},
		{"lock", func() error { return s.LockPeriod(p(9), "", "张三") }},
	} {
		if err := tc.do(); err == nil || !strings.Contains(err.Error(), "2024年") {
			t.Errorf("%s for 2023 in the 2024 plan: %v, want refused naming 2024年", tc.name, err)
		}
	}
}

// The bundled plan made a second plan of another year gives every item
// the same status for the same figures.
func TestSecondPlanFromTheBundledFileJudgesAlike(t *testing.T) {
	s, _, b := twoPlans(t, "嘉兴", 2024)
	a := s.Plan().ID
	figures := []struct {
		id    string
		month int
		value float64
	}{{"A1-01", 9, 5.8}, {"A1-02", 9, 4.2}, {"B1-01", 6, 180}, {"B1-01", 9, 270}, {"A1-19", 9, 96.5}, {"A2-01", 9, 30.5}}
	statuses := map[string][]string{}
	for _, plan := range []struct {
		id   string
		year int
	}{{a, 2023}, {b.ID, 2024}} {
		must(t, s.SelectPlan(plan.id))
		for _, f := range figures {
			_, err := s.RecordActual(domain.Actual{ItemID: f.id, Period: period(plan.year, f.month), Value: f.value}, "张三")
			must(t, err)
		}
		_, err := s.RecordActual(domain.Actual{ItemID: "M3-01", Period: period(plan.year, 9), Outcome: domain.Outcome("in_progress")}, "张三")
		must(t, err)
		r, err := s.Review(domain.DefaultTolerance())
		must(t, err)
		for _, it := range s.Plan().Items {
			for _, m := range []int{3, 9, 12} {
				st := r.Status(it, period(plan.year, m))
				statuses[plan.id] = append(statuses[plan.id], it.ID+" "+string(st.Code)+" "+strings.ReplaceAll(st.Reason, "2024", "2023"))
			}
		}
	}
	x, y := statuses[a], statuses[b.ID]
	if len(x) != len(y) || len(x) == 0 {
		t.Fatalf("%d statuses in A, %d in B", len(x), len(y))
	}
	for i := range x {
		if x[i] != y[i] {
			t.Errorf("status differs: %s (2023) vs %s (2024)", x[i], y[i])
		}
	}
}

// A plan is refused when its ID or its city and year are taken, or its
// file disagrees with the year given; nothing is written.
func TestCreatePlanRefusals(t *testing.T) {
	s, _ := openTemp(t)
	before := snapshot(t, s)
	same := NewPlan{Dataset: seeds.PlanJSON, City: "嘉兴市"}
	sameCityYear := planFile("嘉兴", 2023)
	sameCityYear.Dataset = []byte(strings.Replace(string(sameCityYear.Dataset), `"id": "plan-嘉兴-2023"`, `"id": "other-2023"`, 1))
	wrongYear := planFile("海宁", 2024)
	wrongYear.Year = 2025
	for _, tc := range []struct {
		name string
		np   NewPlan
		want string
	}{
		{"same id", same, "已有编号"},
		{"same city and year", sameCityYear, "已有2023年的计划"},
		{"year disagrees", wrongYear, "2024年"},
		{"not a plan file", NewPlan{Dataset: []byte("{}"), City: "海宁市"}, ""},
	} {
		_, err := s.CreatePlan(tc.np, "张三")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want refused with %q", tc.name, err, tc.want)
		}
	}
	if after := snapshot(t, s); after != before {
		t.Error("a refused plan changed the database")
	}
	if plans, _ := s.Plans(); len(plans) != 1 {
		t.Errorf("%d plans after refusals", len(plans))
	}
}

// Removing a plan takes a backup first, says how many figures and notes
// went with it, keeps its history, and leaves the other plan as it was.
func TestRemovePlan(t *testing.T) {
	s, path, b := twoPlans(t, "嘉兴", 2024)
	a := s.Plan().ID
	_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三")
	must(t, err)
	must(t, s.SelectPlan(b.ID))
	for m := 3; m <= 9; m += 3 {
		_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(2024, m), Value: 6}, "张三")
		must(t, err)
	}
	must(t, second(s.AddNote("B1-01", period(2024, 9), "乙计划备注", "张三")))
	must(t, s.LockPeriod(period(2024, 6), "", "张三"))
	must(t, s.SetManualStatus("A1-02", period(2024, 9), domain.Code("met"), "理由", "张三"))

	if _, err := s.RemovePlan("no-such", "张三"); err == nil {
		t.Error("removing a plan that is not there succeeded")
	}
	r, err := s.RemovePlan(b.ID, "张三")
	if err != nil {
		t.Fatal(err)
	}
	if r.Figures != 3 || r.Notes != 1 || r.Plan.ID != b.ID {
		t.Errorf("Removed = %+v, want 3 figures and 1 note", r)
	}
	if _, err := os.Stat(r.Backup); err != nil {
		t.Errorf("no backup before removing: %v", err)
	} else {
		old := mustOpen(t, r.Backup, Options{ReadOnly: true, Plan: b.ID})
		if as, _ := old.Actuals(); len(as) != 3 {
			t.Errorf("the backup holds %d of the removed plan's figures, want 3", len(as))
		}
		old.Close()
	}
	if s.Plan().ID != a {
		t.Errorf("current plan after removing it: %s, want %s", s.Plan().ID, a)
	}
	for _, table := range []string{"items", "actuals", "notes", "manual_statuses", "target_overrides", "period_locks", "plans"} {
		col := "plan_id"
		if table == "plans" {
			col = "id"
		}
		if n := count(t, s, `SELECT count(*) FROM `+table+` WHERE `+col+` = ?`, b.ID); n != 0 {
			t.Errorf("%d %s rows of the removed plan left", n, table)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM history WHERE plan_id = ?`, b.ID); n < 7 {
		t.Errorf("the removed plan's history: %d rows, want its changes and the removal kept", n)
	}
	if as, _ := s.Actuals(); len(as) != 1 {
		t.Errorf("the remaining plan's figures: %+v", as)
	}
	if _, err := s.RemovePlan(a, "张三"); err == nil || !strings.Contains(err.Error(), "唯一") {
		t.Errorf("removing the only plan: %v, want refused", err)
	}
	must(t, s.Close())
	// The file opens again on the remaining plan, and checks clean.
	s2 := mustOpen(t, path, Options{Bundle: bundle, NoBackup: true})
	defer s2.Close()
	if problems, err := s2.Consistency(); err != nil || len(problems) != 0 || s2.Plan().ID != a {
		t.Errorf("after removal: %s %v %v", s2.Plan().ID, problems, err)
	}
	if err := s2.SelectPlan(b.ID); err == nil || errors.Is(err, os.ErrNotExist) {
		t.Errorf("selecting the removed plan: %v", err)
	}
}

// Open makes the plan Options.Plan names current.
func TestOpenOnAChosenPlan(t *testing.T) {
	s, path, b := twoPlans(t, "海宁", 2023)
	must(t, s.Close())
	s2 := mustOpen(t, path, Options{Bundle: bundle, NoBackup: true, Plan: b.ID, Prefetch: true})
	defer s2.Close()
	if s2.Plan().ID != b.ID || s2.Plan().City != "海宁市" {
		t.Errorf("opened on %s", s2.Plan().ID)
	}
	if _, err := Open(path, Options{Bundle: bundle, NoBackup: true, Plan: "no-such"}); err == nil {
		t.Error("opening on a plan that is not there succeeded")
	}
}
