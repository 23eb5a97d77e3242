package brief

import (
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

func p(m int) domain.Period { return domain.Period{Year: 2023, Month: m} }

func build(t *testing.T, as []domain.Actual, o Options) Brief {
	t.Helper()
	plan, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := domain.NewReview(plan, domain.DefaultTolerance(), as, nil, nil)
	o.Date = time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC)
	return Build(r, nil, o)
}

func TestCountLineSpeaksOfTheTwentyIndicators(t *testing.T) {
	// 13 has two rows: 城镇 in line with GDP, 农村 well below. The indicator
	// counts once, as the worse of its rows.
	as := []domain.Actual{
		{ItemID: "A1-01", Period: p(12), Value: 6.2},  // met
		{ItemID: "A1-02", Period: p(12), Value: 4.6},  // 5±0.5: met
		{ItemID: "A1-03", Period: p(12), Value: 7.9},  // ≥7, +0.9 > 0.5: exceeded
		{ItemID: "A1-05", Period: p(12), Value: 9.7},  // ≥10, −0.3: nearly met
		{ItemID: "A1-13a", Period: p(12), Value: 6.0}, // ≈ GDP 6.2: met
		{ItemID: "A1-13b", Period: p(12), Value: 4.0}, // 6.2−4.0 = 2.2 > 1.0: missed
		{ItemID: "A1-12", Period: p(12), Value: 3.4},  // > 3%: over limit
	}
	b := build(t, as, Options{AsOf: p(12), Parts: []string{PartSummary}})
	want := "年度计划确定的20项主要指标中，3项完成全年目标（其中超额完成1项），1项基本完成，2项未完成或不及预期，14项暂无数据或目标待定，详见表1。"
	if got := b.Parts[0].Lines[0]; got != want {
		t.Errorf("count line\n got %s\nwant %s", got, want)
	}
	if b.AsOf != "2023年全年" || b.Parts[0].Heading != "一、总体情况" {
		t.Errorf("as-of %q heading %q", b.AsOf, b.Parts[0].Heading)
	}
	n := 0
	for _, c := range b.Parts[0].Bars[0].Counts {
		n += c.Count
	}
	if n != 20 {
		t.Errorf("the indicator bar counts %d, want 20", n)
	}
}

// During the year a ceiling kept counts with the good news, and the line
// says how many of them are ceilings rather than targets met.
func TestCountLineNamesCeilingsKept(t *testing.T) {
	as := []domain.Actual{
		{ItemID: "A1-01", Period: p(9), Value: 5.8},   // 6左右: on track
		{ItemID: "A1-04", Period: p(9), Value: 0.009}, // below its ceiling
	}
	b := build(t, as, Options{AsOf: p(9), Parts: []string{PartSummary}})
	want := "年度计划确定的20项主要指标中，截至前三季度，2项符合或好于预期、快于序时进度（其中控制在目标内1项），0项滞后或超出控制目标，18项暂无数据或目标待定，详见表1。"
	if got := b.Parts[0].Lines[0]; got != want {
		t.Errorf("count line\n got %s\nwant %s", got, want)
	}
}

func TestPartsNumberInOrder(t *testing.T) {
	b := build(t, nil, Options{AsOf: p(9), Parts: []string{PartParcels, PartConcerns}})
	if len(b.Parts) != 2 || b.Parts[0].Heading != "一、需关注事项" || b.Parts[1].Heading != "二、房屋征收计划" {
		t.Fatalf("parts: %+v", b.Parts)
	}
	if !strings.Contains(b.Parts[1].Lines[0], "共8个地块，面积合计513.31亩") {
		t.Errorf("parcel line %q", b.Parts[1].Lines[0])
	}
}

func TestConcernsListBehindAndMissed(t *testing.T) {
	as := []domain.Actual{{ItemID: "B1-01", Period: p(9), Value: 270}, {ItemID: "B1-06", Period: p(9), Value: 301.5}}
	b := build(t, as, Options{AsOf: p(9), Parts: []string{PartConcerns}})
	items := b.Parts[0].Items
	if len(items) != 1 || items[0].ID != "B1-01" || items[0].Status.Code != domain.Behind || items[0].Target != "400个" {
		t.Errorf("concerns: %+v", items)
	}
}

func TestPeriodGapWarnsWhenMostIndicatorsLackThePeriod(t *testing.T) {
	plan, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	// Eleven numbered indicators with a 1-9月 figure (13 through its first
	// row), nine without.
	var as []domain.Actual
	for _, id := range []string{"A1-01", "A1-02", "A1-03", "A1-04", "A1-05", "A1-06", "A1-07", "A1-08", "A1-09", "A1-10", "A1-13a"} {
		as = append(as, domain.Actual{ItemID: id, Period: p(9), Value: 5})
	}
	r := domain.NewReview(plan, domain.DefaultTolerance(), as, nil, nil)
	tests := []struct {
		asOf    int
		missing int
		most    bool
		text    string
	}{
		{9, 9, false, "所选期间1-9月，20项主要指标中9项尚无该期数据。"},
		{12, 20, true, "所选期间1-12月，20项主要指标中20项尚无该期数据（最新数据为1-9月）。"},
		{6, 20, true, "所选期间1-6月，20项主要指标中20项尚无该期数据。"},
	}
	for _, tt := range tests {
		g := PeriodGapOf(r, p(tt.asOf))
		if g.Total != 20 || g.Missing != tt.missing || g.Most() != tt.most || g.Text() != tt.text {
			t.Errorf("%d月: %+v most=%v %q", tt.asOf, g, g.Most(), g.Text())
		}
	}
}

// The bars count a judgement on an earlier figure apart, by its period.
func TestBarsCountEarlyJudgementsApart(t *testing.T) {
	as := []domain.Actual{
		{ItemID: "A1-01", Period: p(9), Value: 5.8},
		{ItemID: "A1-02", Period: p(12), Value: 5},
	}
	b := build(t, as, Options{AsOf: p(12), Parts: []string{PartSummary}})
	got := map[string]int{}
	for _, c := range b.Parts[0].Bars[0].Counts {
		got[c.Label()] = c.Count
		if (c.Group() == domain.EarlyGroup) != !c.Early.IsZero() {
			t.Errorf("%s in group %d", c.Label(), c.Group())
		}
	}
	if got["完成"] != 1 || got["按1-9月数据符合预期"] != 1 || got["符合预期"] != 0 || got["暂无数据"] != 17 || got["目标待定"] != 1 {
		t.Errorf("indicator bar counts %v", got)
	}
}

// Linked items judged alike are one concern naming both places; judged
// apart (different targets), they stay two.
func TestLinkedItemsAreOneConcern(t *testing.T) {
	as := []domain.Actual{{ItemID: "A1-05", Period: p(9), Value: 9.1}}
	b := build(t, as, Options{AsOf: p(9), Parts: []string{PartConcerns}})
	items := b.Parts[0].Items
	if len(items) != 1 || items[0].ID != "A1-05" || items[0].Ref != "表1第5项及表2 一、聚焦扩大内需" {
		t.Errorf("concerns: %+v", items)
	}
}

// 表1 gets a 上年完成 column only when last year gives a result for one
// of its rows: none for a first plan, none for pairs without a full-year
// figure; with one, the figure and last year's status, or a typed result.
func TestIndicatorTableTakesAPriorColumnOnlyWithResults(t *testing.T) {
	last, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	lastReview := domain.NewReview(last, domain.DefaultTolerance(),
		[]domain.Actual{{ItemID: "A1-01", Period: p(12), Value: 6.3}}, nil, nil)
	gdp, _ := last.Item("A1-01")
	inv, _ := last.Item("A1-05")
	paired := func(it domain.Item) domain.Prior {
		return domain.PriorOf(it, &domain.Pair{ItemID: it.ID, PriorItemID: it.ID, How: domain.PairByName}, lastReview, nil)
	}
	typed := domain.PriorOf(inv, nil, nil, &domain.PriorResult{ItemID: "A1-05", Value: 9.1, Source: "报告"})
	for _, tt := range []struct {
		name   string
		priors map[string]domain.Prior
		cells  map[string]string // item → 上年完成 cell; nil: no column
	}{
		{"no priors", nil, nil},
		{"pairs without a full-year figure", map[string]domain.Prior{"A1-05": paired(inv)}, nil},
		{"a full-year figure and a typed result", map[string]domain.Prior{"A1-01": paired(gdp), "A1-05": typed},
			map[string]string{"A1-01": "增长6.3%\n（完成）", "A1-05": "增长9.1%", "A1-02": "—"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := build(t, nil, Options{AsOf: p(9), Parts: []string{PartIndicators}, Priors: tt.priors})
			tb := b.Parts[0].Table
			var titles []string
			for _, c := range tb.Columns {
				titles = append(titles, c.Title)
			}
			want := "指标名称,预期目标,完成情况,状态,备注"
			if tt.cells != nil {
				want = "指标名称,预期目标,上年完成,完成情况,状态,备注"
			}
			if got := strings.Join(titles, ","); got != want {
				t.Fatalf("columns %s, want %s", got, want)
			}
			for _, g := range tb.Groups {
				for _, r := range g.Rows {
					if len(r.Cells) != len(tb.Columns) {
						t.Errorf("%s: %d cells for %d columns", r.ID, len(r.Cells), len(tb.Columns))
					}
					if want, ok := tt.cells[r.ID]; ok && r.Cells[2] != want {
						t.Errorf("%s: 上年完成 %q, want %q", r.ID, r.Cells[2], want)
					}
				}
			}
		})
	}
}
