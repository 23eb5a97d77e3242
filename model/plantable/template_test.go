package plantable

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// TestTemplateReadsBack: the fill-in workbook, as written, reads back as
// its two example rows, the explanatory rows skipped; filled in by an
// office (rows added under each sheet's example) it reads those too.
func TestTemplateReadsBack(t *testing.T) {
	p, d := templateDraft(t)
	if len(d.Items) != 2 || len(d.Problems) > 0 || d.Pending() > 0 {
		t.Fatalf("items %+v problems %v", d.Items, d.Problems)
	}
	a1, _ := p.Item("A1-01")
	ind := d.Items[0]
	if ind.Kind != domain.KindIndicator || ind.Name != a1.Name || ind.Target == nil || *ind.Target != a1.Target ||
		ind.Section == "" || ind.Seq != "1" || ind.Sheet != "主要指标" || ind.Line != 3 {
		t.Errorf("indicator %+v, want %s %+v", ind, a1.Name, a1.Target)
	}
	task := d.Items[1]
	if task.Kind != domain.KindCommitment || task.Target == nil || task.Deadline == "" || task.Sheet != "重点工作" {
		t.Errorf("task %+v", task)
	}
}

// TestTasks: the 重点工作 sheet gives commitments (a target the grammar
// reads), milestones (no number) and rows for the reviewer.
func TestTasks(t *testing.T) {
	file := filepath.Join(t.TempDir(), "计划.xlsx")
	write(t, file, xlsxOf(t, map[string][][]string{
		"主要指标": {{"指标名称", "预期目标"}, {"地区生产总值", "增长6%左右"}},
		"重点工作": {{"任务", "目标", "责任单位", "完成时限", "原文"},
			{"新开工亿元以上产业项目", "400个", "市发改局/市经信局", "2024年12月底", "新开工亿元以上产业项目400个"},
			{"湾北新区设立", "", "市发改局", "2024年9月底", ""},
			{"建成保障性租赁住房", "1万余套", "市住建局", "", ""}},
	}, "主要指标", "重点工作"))
	d, err := Read(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range d.Items {
		got = append(got, string(it.Kind)+"|"+it.Name+"|"+strings.Join(it.Owners, "+")+"|"+it.Deadline+"|"+boolWord(it.NeedsReview))
	}
	want := []string{"indicator|地区生产总值|||ok", "commitment|新开工亿元以上产业项目|市发改局+市经信局|2024年12月底|ok",
		"milestone|湾北新区设立|市发改局|2024年9月底|ok", "commitment|建成保障性租赁住房|市住建局||review"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := d.Items[3].Reason; !strings.Contains(r, "第4行“目标”列（B列）") {
		t.Errorf("reason %q", r)
	}
}

func boolWord(b bool) string {
	if b {
		return "review"
	}
	return "ok"
}

// TestCategoryColumn: 规模/效率/动力 in a 类别 column, merged down its
// rows as offices lay it out, give every row its section.
func TestCategoryColumn(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range [][]any{{"类别", "指标名称", "预期目标"}, {"规模", "地区生产总值", "增长6%"},
		{nil, "规模以上工业增加值", "增长7%"}, {"效率", "全员劳动生产率", "增长5%"}} {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell("Sheet1", "A2", "A3"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "类别.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	d, err := Read(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range d.Items {
		got = append(got, it.Section+"|"+it.Name)
	}
	if want := "规模|地区生产总值 规模|规模以上工业增加值 效率|全员劳动生产率"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// templateDraft writes the bundled plan's template to a file and reads it.
func templateDraft(t *testing.T) (*domain.Plan, Draft) {
	t.Helper()
	return bundledDraft(t, Template)
}

// bundledDraft writes the bundled plan in a workbook, by Template or
// Fill, to a file and reads it.
func bundledDraft(t *testing.T, book func(*domain.Plan) ([]byte, error)) (*domain.Plan, Draft) {
	t.Helper()
	p, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	data, err := book(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "计划模板.xlsx")
	write(t, file, data)
	d, err := Read(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	return p, d
}
