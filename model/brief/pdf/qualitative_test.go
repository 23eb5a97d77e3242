package pdf_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
)

// A plan with a qualitative indicator (生态环境质量 稳中提质): the brief, read
// back from the PDF, counts it apart in the count line and shows it 待审阅人判断
// with its reason and figure, never 完成 or 未完成.
func TestBriefShowsQualitativeTargets(t *testing.T) {
	need(t, "pdftotext")
	var f domain.PlanFile
	if err := json.Unmarshal(seeds.PlanJSON, &f); err != nil {
		t.Fatal(err)
	}
	f.Plan.ID, f.Plan.City = "tongxiang-2023", "桐乡市"
	q := domain.QualitativeTarget("稳中提质")
	for i, it := range f.Items {
		if it.ID == "A1-02" {
			f.Items[i].TargetText, f.Items[i].Target, f.Items[i].Measure = "稳中提质", &q, domain.Level
			f.Items[i].SourceQuote = "2.规模以上工业增加值稳中提质"
		}
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "简报 测试", "plan.db"), store.Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.CreatePlan(store.NewPlan{Dataset: data, City: "桐乡市", Year: 2023}, "张三"); err != nil {
		t.Fatal(err)
	}
	if err := st.SelectPlan("tongxiang-2023"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []domain.Actual{{ItemID: "A1-01", Period: p(12), Value: 6.2}, {ItemID: "A1-02", Period: p(12), Value: 3.1}} {
		if _, err := st.RecordActual(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	path, _, _ := export(t, st, opts(12))
	text := flat(pdftotext(t, path))
	for _, want := range []string{
		"年度计划确定的20项主要指标中，1项完成全年目标，0项未完成或不及预期，18项暂无数据或目标待定，1项为定性目标、待审阅人判断，详见表1。",
		"待审阅人判断", "定性目标（稳中提质），由审阅人根据进展判断；已录入1-12月数据3.1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
}
