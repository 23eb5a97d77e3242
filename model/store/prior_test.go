package store

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// A plan created beside last year's is paired by name at once; a plan of
// the year before, created after, pairs next year's too; a plan of
// another city pairs nothing; history says so on the plan paired.
func TestPlansArePairedBothWaysByYear(t *testing.T) {
	for _, tc := range []struct {
		name      string
		create    []NewPlan
		plan      string // the plan whose pairs are checked
		wantPairs int
	}{
		{"next year after", []NewPlan{planFile("嘉兴", 2024)}, "plan-嘉兴-2024", 113},
		{"last year after", []NewPlan{planFile("嘉兴", 2025), planFile("嘉兴", 2024)}, "plan-嘉兴-2025", 113},
		{"another city", []NewPlan{planFile("海宁", 2024)}, "plan-海宁-2024", 0},
		{"two years apart", []NewPlan{planFile("嘉兴", 2025)}, "plan-嘉兴-2025", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			for _, np := range tc.create {
				if _, err := s.CreatePlan(np, "张三"); err != nil {
					t.Fatal(err)
				}
			}
			must(t, s.SelectPlan(tc.plan))
			pairs, err := s.Pairs()
			if err != nil || len(pairs) != tc.wantPairs {
				t.Fatalf("%d pairs, %v; want %d", len(pairs), err, tc.wantPairs)
			}
			for _, p := range pairs {
				if p.ItemID != p.PriorItemID || p.How != domain.PairByName {
					t.Errorf("pair %+v: the same plan a year on pairs each item with itself", p)
				}
			}
			h, _ := s.History("")
			auto := 0
			for _, c := range h {
				if c.Action == domain.AutoPairPrior {
					auto++
				}
			}
			if want := map[bool]int{true: 1, false: 0}[tc.wantPairs > 0]; auto != want {
				t.Errorf("%d auto-pair history rows on %s, want %d", auto, tc.plan, want)
			}
		})
	}
}

// 上年完成: the previous plan's 1-12月 figure, judged by its own Review,
// wins over a typed one; a typed one shows where the previous plan has
// none; pairing by hand, 不配对 and undo each work and are in history.
func TestPriorFiguresPairingAndUndo(t *testing.T) {
	s, _, next := twoPlans(t, "嘉兴", 2024)
	_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(2023, 12), Value: 6.3, Source: "统计公报"}, "张三")
	must(t, err)
	must(t, s.SelectPlan(next.ID))
	_, err = s.RecordPrior("A1-01", "5.9", "执行情况报告", "张三")
	must(t, err)
	_, err = s.RecordPrior("A1-02", "５.１％", "执行情况报告", "张三")
	must(t, err)
	pr, err := s.Priors(domain.DefaultTolerance())
	must(t, err)
	if g := pr["A1-01"]; g.Target() != "增长6%左右" || g.Result() != "增长6.3%（完成）" {
		t.Errorf("A1-01 prior %q / %q", g.Target(), g.Result())
	}
	if g := pr["A1-02"]; g.HasActual || g.Typed == nil || !strings.Contains(g.Result(), "5.1%") {
		t.Errorf("A1-02 prior %+v", g)
	}

	// Pair A1-01 with A1-02 by hand, then undo: back to the name pair.
	pit, err := s.PairPrior("A1-01", "", "A1-02", "李四")
	if err != nil || pit.ID != "A1-02" {
		t.Fatalf("PairPrior: %v %v", pit.ID, err)
	}
	pr, _ = s.Priors(domain.DefaultTolerance())
	if g := pr["A1-01"]; g.How != domain.PairByReviewer || g.Item.ID != "A1-02" || g.HasActual {
		t.Errorf("after pairing by hand: %+v", g)
	}
	c, err := s.UndoLast("李四")
	if err != nil || c.Action != domain.PairPrior {
		t.Fatalf("undo: %+v %v", c, err)
	}
	pr, _ = s.Priors(domain.DefaultTolerance())
	if g := pr["A1-01"]; g.How != domain.PairByName || g.Item.ID != "A1-01" || !g.HasActual {
		t.Errorf("after undo: %+v", g)
	}
	// 不配对, then undo; unrecord-prior, then undo.
	must(t, s.UnpairPrior("A1-01", "李四"))
	if pr, _ = s.Priors(domain.DefaultTolerance()); pr["A1-01"].Paired || pr["A1-01"].HasActual {
		t.Errorf("unpaired item still shows last year: %+v", pr["A1-01"])
	}
	must(t, second(s.UndoLast("李四")))
	must(t, s.DeletePrior("A1-02", "张三"))
	if pr, _ = s.Priors(domain.DefaultTolerance()); pr["A1-02"].Typed != nil {
		t.Error("typed prior result still there after DeletePrior")
	}
	must(t, second(s.UndoLast("张三")))
	if pr, _ = s.Priors(domain.DefaultTolerance()); pr["A1-02"].Typed == nil || pr["A1-02"].Typed.Text != "５.１％" {
		t.Errorf("undo of DeletePrior: %+v", pr["A1-02"].Typed)
	}
	h, _ := s.History("A1-01")
	var actions []string
	for _, c := range h {
		actions = append(actions, string(c.Action))
	}
	if got := strings.Join(actions, ","); got != "record_prior,pair_prior,undo,pair_prior,undo" {
		t.Errorf("history of A1-01: %s", got)
	}
}

// Bad input is refused with a Chinese message naming what is wrong, and
// changes nothing.
func TestPriorRefusals(t *testing.T) {
	s, _, next := twoPlans(t, "嘉兴", 2024)
	other, err := s.CreatePlan(planFile("海宁", 2023), "张三")
	must(t, err)
	must(t, s.SelectPlan(next.ID))
	before := snapshot(t, s)
	_, noItem := s.PairPrior("X9-99", "", "A1-01", "张三")
	_, noPrior := s.PairPrior("A1-01", "", "X9-99", "张三")
	_, otherCity := s.PairPrior("A1-01", other.ID, "A1-01", "张三")
	_, unread := s.RecordPrior("A1-01", "六点三", "报告", "张三")
	_, noSource := s.RecordPrior("A1-01", "6.3", " ", "张三")
	_, milestone := s.RecordPrior("M1-01", "已完成", "报告", "张三")
	_, badUnit := s.RecordPrior("A1-01", "6.3万", "报告", "张三")
	checkRefused(t, s, before, []refused{
		{"unknown item", noItem, "没有编号为“X9-99”的项目"},
		{"unknown prior item", noPrior, "上年计划《2023年嘉兴市国民经济和社会发展计划》中没有编号为“X9-99”的项目"},
		{"another city", otherCity, "是海宁市2023年的计划，不是本计划（嘉兴市2024年）的上年计划"},
		{"unreadable value", unread, "A1-01 上年完成：实际值“六点三”无法识别"},
		{"no source", noSource, "来源不能为空"},
		{"milestone", milestone, "M1-01 是重点事项"},
		{"unit", badUnit, "带有“万/亿”"},
		{"delete what is not there", s.DeletePrior("A1-01", "张三"), "A1-01 没有录入的上年完成"},
	})
	// The bundled plan has no 2022 plan beside it.
	must(t, s.SelectPlan("jiaxing-2023"))
	before = snapshot(t, s)
	_, noPrev := s.PairPrior("A1-01", "", "A1-01", "张三")
	checkRefused(t, s, before, []refused{{"no previous plan", noPrev, "工作区中没有嘉兴市2022年（上年）的计划"}})
}

// Removing last year's plan takes next year's pairs with it, and the
// typed results of a removed plan go with it.
func TestRemovingAPlanRemovesItsPairs(t *testing.T) {
	s, _, next := twoPlans(t, "嘉兴", 2024)
	if n := count(t, s, `SELECT count(*) FROM prior_pairs`); n != 113 {
		t.Fatalf("%d pairs", n)
	}
	must(t, s.SelectPlan(next.ID))
	_, err := s.RecordPrior("A1-01", "6", "报告", "张三")
	must(t, err)
	_, err = s.RemovePlan("jiaxing-2023", "张三")
	must(t, err)
	if n := count(t, s, `SELECT count(*) FROM prior_pairs`); n != 0 {
		t.Errorf("%d pairs left pointing at a removed plan", n)
	}
	// The plan whose pairs went says so in its own history.
	h, err := s.History("")
	must(t, err)
	said := false
	for _, c := range h {
		said = said || c.Action == domain.RemovePlan &&
			strings.Contains(c.Detail, "上年计划《2023年嘉兴市国民经济和社会发展计划》（jiaxing-2023）已删除，本计划与其配对的113项随之改为未配对")
	}
	if !said {
		t.Errorf("next year's history does not say why its pairs went: %+v", h)
	}
	pr, err := s.Priors(domain.DefaultTolerance())
	must(t, err)
	if g := pr["A1-01"]; g.Paired || g.Typed == nil {
		t.Errorf("after removing last year: %+v", g)
	}
	_, err = s.CreatePlan(planFile("海宁", 2024), "张三")
	must(t, err)
	_, err = s.RemovePlan(next.ID, "张三")
	must(t, err)
	if n := count(t, s, `SELECT count(*) FROM prior_results`); n != 0 {
		t.Errorf("%d typed results left of a removed plan", n)
	}
}

// Last year's review for 上年完成 reads only the figures its 1-12月
// statuses rest on; every item's full-year result and status must be
// those of a review of every figure: cumulative items, rates judged
// against 经济增长, a deadline inside the year, milestones done early,
// items with only a 1-9月 figure, a manual status and an entered target.
func TestFullYearActualsJudgeAlike(t *testing.T) {
	s, _ := openTemp(t)
	var rows []Import
	for i, it := range s.Plan().Items {
		add := func(m int, v float64, o domain.Outcome) {
			rows = append(rows, Import{Actual: &domain.Actual{ItemID: it.ID, Period: p(m), Value: v, Outcome: o, By: "统计局"}})
		}
		switch {
		case it.SameAs != "":
			continue // recorded on the indicator
		case it.Kind == domain.KindMilestone:
			add(6, 0, domain.Outcome([]string{"done", "in_progress", "not_done"}[i%3]))
		case it.Parcel != nil:
			add(9, it.Parcel.AreaMu/2, "")
			if i%2 == 0 {
				add(12, it.Parcel.AreaMu, "")
			}
		case !it.Deadline.IsZero():
			add(it.Deadline.Month, it.Target.Value*0.98, "")
			add(12, it.Target.Value, "")
		default:
			v := it.Target.Value
			if !it.Target.HasValue() {
				v = 5
			}
			add(9, v*0.7, "")
			if i%4 != 0 {
				add(12, v*(0.95+float64(i%7)/50), "")
			}
		}
	}
	must(t, s.ImportActuals(rows, "测试.xlsx", "张三"))
	must(t, s.SetManualStatus("A1-03", p(12), domain.Code("met"), "口径调整", "张三"))
	must(t, s.SetTarget("A1-17", "下降3.5%", "省下达", "张三"))
	all, err := s.Review(domain.DefaultTolerance())
	must(t, err)
	part, err := s.reviewOf(s.Plan().ID, domain.DefaultTolerance())
	must(t, err)
	results := 0
	for _, it := range s.Plan().Items {
		a1, s1, ok1 := all.FullYear(it)
		a2, s2, ok2 := part.FullYear(it)
		if ok1 != ok2 || a1 != a2 || s1.Code != s2.Code || s1.Reason != s2.Reason || s1.Manual != s2.Manual {
			t.Errorf("%s: every figure gives %v %+v %s %q; the year-end figures give %v %+v %s %q",
				it.ID, ok1, a1, s1.Code, s1.Reason, ok2, a2, s2.Code, s2.Reason)
		}
		if ok1 {
			results++
		}
	}
	if results < 80 {
		t.Errorf("only %d items have a full-year result: the test checks too little", results)
	}
}

// Undoing a pairing whose earlier pairing pointed into a plan removed
// since cannot put that pairing back: it is refused in Chinese, naming
// the item and the plan gone, and changes nothing — never the SQLite
// foreign-key error it gave before.
func TestUndoPairIntoARemovedPlanIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		act  func(s *Store) error
	}{
		{"不配对 after a pair by name", func(s *Store) error { return s.UnpairPrior("A1-02", "张三") }},
		{"a pair by hand after a pair by name", func(s *Store) error {
			_, err := s.PairPrior("A1-02", "", "A1-03", "张三")
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, next := twoPlans(t, "嘉兴", 2024)
			must(t, s.SelectPlan(next.ID))
			must(t, tc.act(s))
			_, err := s.RemovePlan("jiaxing-2023", "李四")
			must(t, err)
			must(t, s.SelectPlan(next.ID))
			before := snapshot(t, s)
			_, err = s.UndoLast("张三")
			checkRefused(t, s, before, []refused{{"undo", err, "A1-02"}})
			if err == nil || !strings.Contains(err.Error(), "jiaxing-2023") || strings.Contains(err.Error(), "constraint") {
				t.Errorf("undo into a removed plan: %v; want a Chinese refusal naming the plan", err)
			}
		})
	}
}

// TestPriorsKeepLastYearsReview: last year's Review is built once and
// kept while last year's plan does not change — a save in this year's
// plan (the window asks for Priors after every one) reuses it — and built
// again, showing the new figure, when last year's plan changes.
func TestPriorsKeepLastYearsReview(t *testing.T) {
	s, _, next := twoPlans(t, "嘉兴", 2024)
	last := s.Plan().ID
	_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(2023, 12), Value: 6.3, Source: "统计公报"}, "张三")
	must(t, err)
	must(t, s.SelectPlan(next.ID))
	tol := domain.DefaultTolerance()
	result := func() string {
		t.Helper()
		pr, err := s.Priors(tol)
		must(t, err)
		return pr["A1-01"].Result()
	}
	for _, step := range []struct {
		name   string
		change func()
		builds int
		want   string
	}{
		{"first", func() {}, 1, "增长6.3%（完成）"},
		{"a figure of this year", func() {
			_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(2024, 3), Value: 5, Source: "月报"}, "张三")
			must(t, err)
		}, 1, "增长6.3%（完成）"},
		{"a note of this year", func() { must(t, second(s.AddNote("A1-02", domain.Period{}, "待核实", "张三"))) }, 1, "增长6.3%（完成）"},
		{"last year's figure corrected", func() {
			must(t, s.SelectPlan(last))
			_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(2023, 12), Value: 5.2, Source: "统计公报"}, "张三")
			must(t, err)
			must(t, s.SelectPlan(next.ID))
		}, 2, "增长5.2%（基本完成）"},
		{"last year's change undone", func() {
			must(t, s.SelectPlan(last))
			must(t, second(s.UndoLast("张三")))
			must(t, s.SelectPlan(next.ID))
		}, 3, "增长6.3%（完成）"},
	} {
		step.change()
		if got := result(); got != step.want || s.lastYearBuilds != step.builds {
			t.Errorf("after %s: %q with %d builds of last year's review, want %q with %d", step.name, got, s.lastYearBuilds, step.want, step.builds)
		}
	}
}
