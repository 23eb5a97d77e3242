package domain

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// testPlan is a small plan with one item of each shape the status rules
// distinguish.
func testPlan(t *testing.T) *Plan {
	t.Helper()
	mk := func(id string, kind Kind, measure Measure, text string) Item {
		it := Item{ID: id, Kind: kind, Section: "S", Name: id, TargetText: text, Measure: measure, SourceQuote: "q"}
		if text != "" {
			tg, err := ParseTarget(text)
			if err != nil {
				t.Fatal(err)
			}
			it.Target = tg
		}
		return it
	}
	deadline := mk("start", KindCommitment, Level, "达到100%")
	deadline.Deadline = Period{2023, 9}
	linked := mk("fai-body", KindCommitment, Rate, "增长10%")
	linked.SameAs = "fai"
	p := &Plan{Year: 2023, Sections: []Section{{ID: "S"}}, Refs: map[string]string{"经济增长": "gdp"}, Items: []Item{
		mk("gdp", KindIndicator, Rate, "增长6%左右"),
		mk("fai", KindIndicator, Rate, "增长10%"),
		linked,
		mk("projects", KindCommitment, Cumulative, "400个"),
		mk("invest", KindCommitment, Cumulative, "647.4亿元"),
		mk("cpi", KindIndicator, Level, "3%以内"),
		mk("death", KindIndicator, Level, "低于0.011人/亿元"),
		mk("water", KindIndicator, Level, "95%以上"),
		mk("income", KindIndicator, Rate, "与经济增长基本同步"),
		mk("energy", KindIndicator, Rate, "按省下达目标安排"),
		mk("loans", KindCommitment, Rate, "高于各项贷款增速"),
		mk("pp", KindIndicator, Rate, "提高3个百分点左右"),
		mk("accidents", KindCommitment, Rate, "同比下降20%左右"),
		deadline,
		mk("zone", KindMilestone, "", ""),
		mk("quality", KindIndicator, Level, "稳中提质"),
	}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// mustItem is the item the test builds on.
func mustItem(t *testing.T, p *Plan, id string) Item {
	t.Helper()
	it, ok := p.Item(id)
	if !ok {
		t.Fatalf("no item %s", id)
	}
	return it
}

func act(id string, month int, v float64) Actual {
	return Actual{ItemID: id, Period: Period{2023, month}, Value: v}
}

// TestStatusRules is one table with a row per status rule, grouped by
// kind of target (docs/STATUS.md): it is long because the table is.
func TestStatusRules(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name    string
		item    string
		actuals []Actual
		asOf    int
		code    Code
		reason  string // a part the reason must contain
	}{
		// Year end, ≈ (左右): band ±0.5 pp, 基本完成 down to −1.0.
		{"approx met", "gdp", []Actual{act("gdp", 12, 6.3)}, 12, Met, "1-12月增长6.3%，高于目标0.3个百分点，在目标区间（5.5%—6.5%）内"},
		{"approx nearly wording", "gdp", []Actual{act("gdp", 12, 5.2)}, 12, NearlyMet, "略低于目标区间（5.5%—6.5%）"},
		{"rate beyond target", "fai", []Actual{act("fai", 9, 10.8)}, 9, Better, "高于目标0.8个百分点"},
		{"approx exceeded", "gdp", []Actual{act("gdp", 12, 6.6)}, 12, Exceeded, "高于目标0.6个百分点"},
		{"approx at lower band", "gdp", []Actual{act("gdp", 12, 5.5)}, 12, Met, "低于目标0.5个百分点"},
		{"approx nearly", "gdp", []Actual{act("gdp", 12, 5.2)}, 12, NearlyMet, "低于目标0.8个百分点"},
		{"approx missed", "gdp", []Actual{act("gdp", 12, 4.9)}, 12, Missed, "低于目标1.1个百分点"},
		{"negative growth", "gdp", []Actual{act("gdp", 12, -0.4)}, 12, Missed, "1-12月下降0.4%"},
		// Year end, bare value (≥): 完成 at or above, 基本完成 within 0.5 pp below.
		{"bare met", "fai", []Actual{act("fai", 12, 10)}, 12, Met, "与目标持平"},
		{"bare nearly", "fai", []Actual{act("fai", 12, 9.6)}, 12, NearlyMet, "差距在允许的0.5个百分点以内"},
		{"bare exceeded", "fai", []Actual{act("fai", 12, 10.6)}, 12, Exceeded, "高于目标0.6个百分点"},
		// Counts at year end: 3% of 400 = 12, so 398.25 of 400 is 基本完成 (docs/STATUS.md).
		{"count nearly", "projects", []Actual{act("projects", 12, 398.25)}, 12, NearlyMet, "完成率99.6%"},
		{"count missed", "projects", []Actual{act("projects", 12, 380)}, 12, Missed, "低于目标20个"},
		{"count exceeded", "projects", []Actual{act("projects", 12, 430)}, 12, Exceeded, "高于目标30个"},
		// 序时进度; the first is the worked example of docs/STATUS.md:
		// 1-10月 629.0 of 647.4 → 97.2%; 97.16 − 83.33 = 13.8.
		{"ahead of schedule", "invest", []Actual{act("invest", 10, 629.0)}, 10, Ahead, "为全年目标的97.2%，快于序时进度13.8个百分点"},
		// 1-9月 270 of 400 → 67.5%, 67.5 − 75 = −7.5.
		{"behind schedule", "projects", []Actual{act("projects", 9, 270)}, 9, Behind, "为全年目标的67.5%，慢于序时进度7.5个百分点"},
		// 1-6月 200 of 400 → 50% = 6/12: level.
		{"on schedule", "projects", []Actual{act("projects", 6, 200)}, 6, Ahead, "与序时进度持平"},
		{"done early", "projects", []Actual{act("projects", 11, 410)}, 11, DoneEarly, "已提前完成全年目标"},
		// In-year growth against the target: "1-9月增长5.8%，低于目标0.2个百分点".
		{"rate in band", "gdp", []Actual{act("gdp", 9, 5.8)}, 9, OnTrack, "1-9月增长5.8%，低于目标0.2个百分点"},
		{"rate below", "fai", []Actual{act("fai", 9, 8.2)}, 9, OffTrack, "1-9月增长8.2%，低于目标1.8个百分点"},
		// Ceilings.
		{"ceiling within", "cpi", []Actual{act("cpi", 12, 2.1)}, 12, WithinLimit, "在“3%以内”的控制目标内"},
		{"ceiling at limit", "cpi", []Actual{act("cpi", 12, 3)}, 12, WithinLimit, ""},
		{"ceiling over", "cpi", []Actual{act("cpi", 9, 3.4)}, 9, OverLimit, "超出控制目标0.4个百分点"},
		{"strict ceiling at limit", "death", []Actual{act("death", 12, 0.011)}, 12, OverLimit, ""},
		{"strict ceiling below", "death", []Actual{act("death", 12, 0.009)}, 12, WithinLimit, ""},
		// Levels.
		{"level in-year below", "water", []Actual{act("water", 6, 93)}, 6, OffTrack, "1-6月为93%，低于目标2个百分点"},
		{"level year end", "water", []Actual{act("water", 12, 96.2)}, 12, Exceeded, ""},
		// Relative: income against GDP growth of the same period.
		{"sync met", "income", []Actual{act("gdp", 12, 6.1), act("income", 12, 5.9)}, 12, Met, "低于同期gdp增速（6.1%）0.2个百分点，在目标区间（5.6%—6.6%）内"},
		{"sync no gdp", "income", []Actual{act("income", 12, 5.9)}, 12, NoData, "同期gdp（gdp）尚未录入"},
		{"sync missed", "income", []Actual{act("gdp", 12, 6.1), act("income", 12, 4.0)}, 12, Missed, "低于同期gdp增速（6.1%）2.1个百分点"},
		// Pending and external references wait for the reviewer.
		{"pending", "energy", []Actual{act("energy", 12, 3)}, 12, AwaitingTarget, "目标待省下达后录入"},
		{"external ref", "loans", nil, 12, AwaitingTarget, "“各项贷款增速”的数值尚未录入"},
		// pp change and reduction.
		{"pp nearly", "pp", []Actual{act("pp", 12, 2.1)}, 12, NearlyMet, "1-12月提高2.1个百分点"},
		{"reduction met", "accidents", []Actual{act("accidents", 12, 20.3)}, 12, Met, "1-12月下降20.3%，高于降幅目标0.3个百分点"},
		{"reduction rose", "accidents", []Actual{act("accidents", 12, -5)}, 12, Missed, "1-12月上升5%"},
		// A deadline inside the year: 三季度达到100%.
		{"deadline before", "start", []Actual{act("start", 6, 85)}, 6, OffTrack, "（目标三季度达到100%）"},
		{"deadline met", "start", []Actual{act("start", 9, 100)}, 10, DeadlineMet, "如期达到“三季度达到100%”"},
		{"deadline missed", "start", []Actual{act("start", 9, 96), act("start", 11, 100)}, 12, DeadlineMissed, "未如期达到"},
		{"deadline no data", "start", []Actual{act("start", 10, 100)}, 12, NoData, "三季度末的数据尚未录入"},
		// Nothing recorded, and a figure older than the as-of period.
		{"no data", "gdp", nil, 9, NoData, "暂无1-9月数据"},
		{"older figure", "gdp", []Actual{act("gdp", 6, 6.2)}, 9, OnTrack, "尚无1-9月数据，按1-6月数据"},
		{"future figure ignored", "gdp", []Actual{act("gdp", 12, 6.2)}, 9, NoData, ""},
		// A qualitative target waits for the reviewer whatever its figures say,
		// at year end too: never 完成 or 未完成 by arithmetic.
		{"qualitative no figure", "quality", nil, 9, AwaitingJudgement, "定性目标（稳中提质），由审阅人根据进展判断"},
		{"qualitative with figure", "quality", []Actual{act("quality", 9, 3.1)}, 9, AwaitingJudgement, "定性目标（稳中提质），由审阅人根据进展判断；已录入1-9月数据3.1"},
		{"qualitative year end", "quality", []Actual{act("quality", 12, 99)}, 12, AwaitingJudgement, "已录入1-12月数据99"},
		{"qualitative older figure", "quality", []Actual{act("quality", 6, 2)}, 9, AwaitingJudgement, "已录入1-6月数据2"},
		// A body commitment that repeats an indicator uses its figures.
		{"same as", "fai-body", []Actual{act("fai", 12, 10.2)}, 12, Met, "1-12月增长10.2%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReview(p, DefaultTolerance(), tt.actuals, nil, nil)
			it := mustItem(t, p, tt.item)
			s := r.Status(it, Period{2023, tt.asOf})
			if s.Code != tt.code || !strings.Contains(s.Reason, tt.reason) {
				t.Errorf("got %s (%s) %q\nwant %s with %q", s.Code, s.Label, s.Reason, tt.code, tt.reason)
			}
			if s.Label != tt.code.Label() {
				t.Errorf("label %q, want %q", s.Label, tt.code.Label())
			}
		})
	}
}

func TestCompletionShare(t *testing.T) {
	p := testPlan(t)
	r := NewReview(p, DefaultTolerance(), []Actual{act("projects", 9, 270), act("gdp", 9, 6)}, nil, nil)
	it := mustItem(t, p, "projects")
	if c := r.Status(it, Period{2023, 9}).Completion; math.Abs(c-0.675) > 1e-9 {
		t.Errorf("completion %v, want 0.675", c)
	}
	gdp := mustItem(t, p, "gdp")
	if c := r.Status(gdp, Period{2023, 9}).Completion; !math.IsNaN(c) {
		t.Errorf("a growth rate has no completion share, got %v", c)
	}
}

func TestOverridesAndManualStatus(t *testing.T) {
	p := testPlan(t)
	energy := mustItem(t, p, "energy")
	loans := mustItem(t, p, "loans")
	gdp := mustItem(t, p, "gdp")
	r := NewReview(p, DefaultTolerance(),
		[]Actual{act("energy", 12, 3.6), act("loans", 12, 14.2), act("gdp", 12, 4)},
		[]ManualStatus{{ItemID: "gdp", Period: Period{2023, 12}, Code: NearlyMet, Reason: "受外部需求影响，经审议认定", By: "张三"}},
		[]TargetOverride{{ItemID: "energy", Text: "下降3.5%"}, {ItemID: "loans", Text: "12.1%"}})
	if s := r.Status(energy, Period{2023, 12}); s.Code != Met || !strings.Contains(s.Reason, "1-12月下降3.6%") {
		t.Errorf("energy with the province's target: %s %q", s.Code, s.Reason)
	}
	if s := r.Status(loans, Period{2023, 12}); s.Code != Exceeded || !strings.Contains(s.Reason, "高于各项贷款增速（12.1%）2.1个百分点") {
		t.Errorf("loans against 12.1%%: %s %q", s.Code, s.Reason)
	}
	s := r.Status(gdp, Period{2023, 12})
	if !s.Manual || s.Code != NearlyMet || s.Label != "基本完成（人工）" || !strings.Contains(s.Reason, "张三") ||
		!strings.Contains(s.Reason, "受外部需求影响") {
		t.Errorf("manual status: %+v", s)
	}
	if s := r.Status(gdp, Period{2023, 9}); s.Manual {
		t.Errorf("a manual status set for 全年 must not apply to 前三季度: %+v", s)
	}
	if _, err := ResolveOverride(energy.Target, "按省"); err == nil {
		t.Error("an override must be a target with a value")
	}
	if _, err := ResolveOverride(gdp.Target, "7%"); err == nil {
		t.Error("a target written in the plan cannot be overridden")
	}
}

func TestMilestoneStatus(t *testing.T) {
	p := testPlan(t)
	zone := mustItem(t, p, "zone")
	rec := func(m int, o Outcome) Actual { return Actual{ItemID: "zone", Period: Period{2023, m}, Outcome: o} }
	tests := []struct {
		actuals []Actual
		asOf    int
		code    Code
	}{
		{nil, 6, NoData},
		{[]Actual{rec(3, OutcomeInProgress)}, 6, InProgress},
		{[]Actual{rec(3, OutcomeInProgress)}, 12, NotDone},
		{[]Actual{rec(3, OutcomeInProgress), rec(9, OutcomeDone)}, 12, Done},
		{[]Actual{rec(3, OutcomeInProgress), rec(9, OutcomeDone)}, 6, InProgress},
		{[]Actual{rec(6, OutcomeNotDone)}, 9, NotDone},
	}
	for i, tt := range tests {
		r := NewReview(p, DefaultTolerance(), tt.actuals, nil, nil)
		if s := r.Status(zone, Period{2023, tt.asOf}); s.Code != tt.code {
			t.Errorf("case %d: %s %q, want %s", i, s.Code, s.Reason, tt.code)
		}
	}
	for in, want := range map[string]Outcome{"已完成": OutcomeDone, "推进中": OutcomeInProgress, "未完成": OutcomeNotDone} {
		if o, err := ParseOutcome(in); err != nil || o != want {
			t.Errorf("ParseOutcome(%q) = %v %v", in, o, err)
		}
	}
	if _, err := ParseOutcome("差不多"); err == nil {
		t.Error("unknown outcome accepted")
	}
}

func TestValidateCatchesBrokenPlans(t *testing.T) {
	p := testPlan(t)
	p.Items[2].SameAs = "nope"
	p.Items = append(p.Items, Item{ID: "p1", Kind: KindParcel, Section: "S", SourceQuote: "q", TargetText: "5亩",
		Measure: Cumulative, Target: Target{Value: 5, Unit: "亩"}, Parcel: &Parcel{AreaMu: 5}})
	p.ParcelTotalMu = 6
	err := p.Validate()
	if err == nil || !strings.Contains(err.Error(), "关联项目“nope”不存在") || !strings.Contains(err.Error(), "与总计6.00亩不符") {
		t.Errorf("Validate = %v", err)
	}
}

func TestLookupExplainsSubRows(t *testing.T) {
	p := &Plan{Items: []Item{{ID: "A1-13a", Name: "城镇"}, {ID: "A1-13b", Name: "农村"}}}
	if _, err := p.Lookup("A1-13"); err == nil || !strings.Contains(err.Error(), "A1-13a（城镇）") {
		t.Errorf("Lookup(A1-13) = %v", err)
	}
	if it, err := p.Lookup("a1-13b"); err != nil || it.Name != "农村" {
		t.Errorf("IDs are matched without regard to case: %v", err)
	}
}

// TestReviewGroupsFigures: figures given in any order come back per item in
// period order, and Newest is the latest of them all.
func TestReviewGroupsFigures(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name   string
		given  []Actual
		gdp    []int // months of gdp's figures, in the order Actuals gives them
		newest int   // 0: none
	}{
		{"none", nil, nil, 0},
		{"shuffled", []Actual{act("gdp", 9, 6), act("water", 11, 95), act("gdp", 3, 5), act("gdp", 6, 5.5)}, []int{3, 6, 9}, 11},
		{"one", []Actual{act("gdp", 12, 6)}, []int{12}, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReview(p, DefaultTolerance(), tt.given, nil, nil)
			it := mustItem(t, p, "gdp")
			var got []int
			for _, a := range r.Actuals(it) {
				got = append(got, a.Period.Month)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.gdp) {
				t.Errorf("gdp figures %v, want %v", got, tt.gdp)
			}
			n, ok := r.Newest()
			if ok != (tt.newest != 0) || ok && n.Month != tt.newest {
				t.Errorf("Newest = %v %v, want month %d", n, ok, tt.newest)
			}
			// Appending to one item's figures must not overwrite another's.
			as := r.Actuals(it)
			_ = append(as, act("gdp", 12, 99))
			if w := mustItem(t, p, "water"); len(r.Actuals(w)) > 0 && r.Actuals(w)[0].Value != 95 {
				t.Error("appending to gdp's figures overwrote water's")
			}
		})
	}
}

// A status judged on an earlier period's figure is marked early, counts in
// its own group and names that period, so no view can take it for a result
// of the period asked.
func TestEarlyJudgement(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name    string
		item    string
		actuals []Actual
		asOf    int
		early   bool
		count   string
	}{
		{"year end on 1-9月", "gdp", []Actual{act("gdp", 9, 5.8)}, 12, true, "按1-9月数据符合预期"},
		{"in year on 1-6月", "projects", []Actual{act("projects", 6, 100)}, 9, true, "按1-6月数据慢于序时进度"},
		{"asked period", "gdp", []Actual{act("gdp", 9, 5.8), act("gdp", 12, 6.1)}, 12, false, "完成"},
		{"no data", "gdp", nil, 12, false, "暂无数据"},
		{"deadline past: the deadline's figure is final", "start", []Actual{act("start", 9, 100)}, 12, false, "如期达到"},
		{"deadline past, missed on a figure before it", "start", []Actual{act("start", 3, 10)}, 12, true, "按1-3月数据未如期达到"},
		{"deadline past, reached before it", "start", []Actual{act("start", 6, 100)}, 12, false, "如期达到"},
		{"deadline ahead", "start", []Actual{act("start", 6, 100)}, 8, true, "按1-6月数据符合预期"},
		{"milestone done earlier", "zone", []Actual{{ItemID: "zone", Period: Period{2023, 6}, Outcome: OutcomeDone}}, 12, false, "已完成"},
		{"linked item", "fai-body", []Actual{act("fai", 9, 10.5)}, 12, true, "按1-9月数据符合预期"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReview(p, DefaultTolerance(), tt.actuals, nil, nil)
			it := mustItem(t, p, tt.item)
			s := r.Status(it, Period{2023, tt.asOf})
			if s.Early != tt.early || s.CountLabel() != tt.count {
				t.Errorf("early %v, count label %q; want %v, %q (%s)", s.Early, s.CountLabel(), tt.early, tt.count, s.Reason)
			}
			want := s.Code.Group()
			if tt.early {
				want = EarlyGroup
			}
			if s.Group() != want {
				t.Errorf("group %d, want %d", s.Group(), want)
			}
		})
	}
}

// The indicator rollup takes a row judged on an earlier figure over one
// judged on the asked period when both are on track, so the indicator is
// not counted as a result of the asked period.
func TestRollupPrefersEarly(t *testing.T) {
	p := &Plan{Year: 2023, Sections: []Section{{ID: "C"}}, Items: []Item{
		{ID: "A1-13a", Kind: KindIndicator, IndicatorNo: 13, Section: "C", Name: "城镇", TargetText: "增长6%", Measure: Rate, SourceQuote: "q"},
		{ID: "A1-13b", Kind: KindIndicator, IndicatorNo: 13, Section: "C", Name: "农村", TargetText: "增长6%", Measure: Rate, SourceQuote: "q"},
	}}
	for i := range p.Items {
		tg, err := ParseTarget(p.Items[i].TargetText)
		if err != nil {
			t.Fatal(err)
		}
		p.Items[i].Target = tg
	}
	r := NewReview(p, DefaultTolerance(), []Actual{act("A1-13a", 12, 6.5), act("A1-13b", 9, 6.5)}, nil, nil)
	got := r.IndicatorRollup(Period{2023, 12})
	if len(got) != 1 || !got[0].Early {
		t.Fatalf("rollup %+v, want the early row", got)
	}
}

// Linked items judged alike are one concern; with different targets they
// are judged apart and stay two.
func TestConcernsListLinkedItemsOnce(t *testing.T) {
	p := testPlan(t)
	r := NewReview(p, DefaultTolerance(), []Actual{act("fai", 9, 7)}, nil, nil)
	status := func(it Item) Status { return r.Status(it, Period{2023, 9}) }
	cs := p.Concerns(status)
	if len(cs) != 1 || cs[0].Item.ID != "fai" || len(cs[0].Also) != 1 || cs[0].Also[0].ID != "fai-body" {
		t.Fatalf("concerns %+v", cs)
	}
	for i := range p.Items {
		if p.Items[i].ID == "fai-body" {
			p.Items[i].TargetText, p.Items[i].Target = "增长12%", mustTarget(t, "增长12%")
		}
	}
	if cs := p.Concerns(status); len(cs) != 2 || len(cs[0].Also) != 0 {
		t.Errorf("linked items with different targets: %+v", cs)
	}
}
