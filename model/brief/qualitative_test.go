package brief

import (
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// A qualitative indicator without a reviewer's judgement is counted apart
// in the count line and never as done or not; with one, as the reviewer
// judged it.
func TestCountLineNamesQualitativeTargets(t *testing.T) {
	plan, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range plan.Items {
		if it.ID == "A1-02" || it.ID == "A1-03" {
			plan.Items[i].TargetText = "稳中提质"
			plan.Items[i].Target, err = domain.ParseTarget("稳中提质")
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	as := []domain.Actual{
		{ItemID: "A1-01", Period: p(12), Value: 6.2}, // met
		{ItemID: "A1-02", Period: p(12), Value: 4.6}, // qualitative: a figure, no verdict
	}
	manual := []domain.ManualStatus{{ItemID: "A1-03", Period: p(12), Code: domain.Met, Reason: "经审议认定", By: "张三"}}
	r := domain.NewReview(plan, domain.DefaultTolerance(), as, manual, nil)
	b := Build(r, nil, Options{AsOf: p(12), Parts: []string{PartSummary},
		Date: time.Date(2024, 1, 25, 0, 0, 0, 0, time.UTC)})
	want := "年度计划确定的20项主要指标中，2项完成全年目标，0项未完成或不及预期，17项暂无数据或目标待定，1项为定性目标、待审阅人判断，详见表1。"
	if got := b.Parts[0].Lines[0]; got != want {
		t.Errorf("count line\n got %s\nwant %s", got, want)
	}
	counts := map[domain.Code]int{}
	for _, c := range b.Parts[0].Bars[0].Counts {
		counts[c.Code] += c.Count
	}
	if counts[domain.AwaitingJudgement] != 1 || counts[domain.Met] != 2 {
		t.Errorf("indicator bar %v: want 1 awaiting judgement and 2 met", counts)
	}
}
