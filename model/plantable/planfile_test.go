package plantable

import (
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// readDraft writes a workbook to a temporary file and reads it back.
func readDraft(t *testing.T, sheets map[string][][]string, order ...string) Draft {
	t.Helper()
	file := filepath.Join(t.TempDir(), "计划.xlsx")
	write(t, file, xlsxOf(t, sheets, order...))
	d, err := Read(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// planOf makes d's plan file and reads it as the app will.
func planOf(t *testing.T, d Draft, m Meta) *domain.Plan {
	t.Helper()
	out, err := PlanFile(d, m)
	if err != nil {
		t.Fatal(err)
	}
	p, err := domain.ParsePlanFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlanFileTemplate: the template of the bundled plan, read back, makes
// a plan file the app accepts, with the bundled items' targets.
func TestPlanFileTemplate(t *testing.T) {
	p, d := templateDraft(t)
	got := planOf(t, d, Meta{City: "嘉兴市", Year: 2023})
	a1, _ := p.Item("A1-01")
	g1, ok := got.Item("A1-01")
	if !ok || g1.Target != a1.Target || g1.Measure != a1.Measure || got.ID != PlanID("嘉兴市", 2023) ||
		got.Title != "2023年嘉兴市国民经济和社会发展计划" {
		t.Errorf("plan %s %q, A1-01 %+v", got.ID, got.Title, g1)
	}
	if len(got.Items) != 2 || got.Items[1].ID != "B1-01" || got.Items[1].Deadline.IsZero() {
		t.Errorf("items %+v", got.Items)
	}
	if !strings.Contains(d.Text, "【主要指标】") || !strings.Contains(d.Text, a1.Name) {
		t.Errorf("text %q", d.Text)
	}
}

// TestPlanFileTen: ten indicators in two categories, one a # row, and
// tasks give the bundled scheme's IDs and a file ParsePlanFile accepts.
// Numbers follow the table's 序号: row 9 was left out, so 10 is A1-10.
func TestPlanFileTen(t *testing.T) {
	var rows [][]string
	for _, r := range plan2024 {
		if len(r) > 1 && r[1] == "生态环境质量" { // qualitative: needs the reviewer
			continue
		}
		rows = append(rows, r)
	}
	d := readDraft(t, map[string][][]string{"主要指标": rows,
		"重点工作": {{"任务", "目标", "完成时限"}, {"新开工亿元以上产业项目", "力争400个", "2024年12月底"},
			{"湾北新区设立", "", "2024年9月底"}, {"新增城镇就业", "1.2万人", ""}}}, "主要指标", "重点工作")
	p := planOf(t, d, Meta{City: "桐乡市", Year: 2024, Title: "桐乡市2024年计划"})
	var got []string
	for _, it := range p.Items {
		got = append(got, it.ID+"|"+it.Section+"|"+string(it.Measure)+"|"+it.Parent+"|"+it.Hedge)
	}
	want := []string{"A1-01|C1|rate||", "A1-02|C1|rate||", "A1-03|C1|rate||", "A1-03a|C1|rate|A1-03|",
		"A1-04|C1|rate||", "A1-05|C2|rate||", "A1-06|C2|level||", "A1-07|C2|level||", "A1-08|C2|rate||",
		"A1-10|C2|cumulative||", "B1-01|S1|cumulative||力争", "M1-01|S1|||", "B1-02|S1|cumulative||"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p.Refs["经济增长"] != "A1-01" || p.Title != "桐乡市2024年计划" || p.Items[0].Note != "属性：预期性；责任单位：市发改局、市统计局" {
		t.Errorf("refs %v title %q note %q", p.Refs, p.Title, p.Items[0].Note)
	}
}

// TestPlanFileGroup: a group row's sub-rows share a number, as A1-13a/b.
func TestPlanFileGroup(t *testing.T) {
	d := readDraft(t, map[string][][]string{"Sheet1": {{"序号", "指标名称", "预期目标"},
		{"1", "地区生产总值", "增长6%"}, {"2", "居民收入", ""}, {"", "#城镇居民人均可支配收入", "增长6%"},
		{"", "#农村居民人均可支配收入", "增长7%"}, {"3", "城镇新增就业人数", "11万人"}}}, "Sheet1")
	p := planOf(t, d, Meta{City: "嘉兴市", Year: 2024})
	var got []string
	for _, it := range p.Items {
		got = append(got, it.ID+"|"+it.Group)
	}
	if want := "A1-01| A1-02a|居民收入 A1-02b|居民收入 A1-03|"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestPlanFileRefused: a draft with anything left to decide, or without
// a city and year, makes no plan, and the message says why.
func TestPlanFileRefused(t *testing.T) {
	ok := map[string][][]string{"Sheet1": {{"指标名称", "预期目标"}, {"地区生产总值", "增长6%"}}}
	for _, c := range []struct {
		name   string
		sheets map[string][][]string
		meta   Meta
		want   string
	}{
		{"pending", map[string][][]string{"Sheet1": {{"指标名称", "预期目标"}, {"生态环境质量", "明显好转"}}}, Meta{City: "嘉兴市", Year: 2024}, "1项待审阅"},
		{"duplicate", map[string][][]string{"Sheet1": {{"指标名称", "预期目标"}, {"地区生产总值", "增长6%"}, {"地区生产总值", "增长7%"}}}, Meta{City: "嘉兴市", Year: 2024}, "重复"},
		{"no city", ok, Meta{Year: 2024}, "城市和年度"},
		{"no year", ok, Meta{City: "嘉兴市"}, "城市和年度"},
		{"deadline other year", map[string][][]string{"主要指标": ok["Sheet1"],
			"重点工作": {{"任务", "目标", "完成时限"}, {"湾北新区设立", "", "2025年9月底"}}}, Meta{City: "嘉兴市", Year: 2024}, "第2行“完成时限”"},
	} {
		t.Run(c.name, func(t *testing.T) {
			order := []string{"Sheet1"}
			if _, two := c.sheets["主要指标"]; two {
				order = []string{"主要指标", "重点工作"}
			}
			_, err := PlanFile(readDraft(t, c.sheets, order...), c.meta)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err %v, want %q", err, c.want)
			}
		})
	}
}
