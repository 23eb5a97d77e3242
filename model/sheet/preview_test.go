package sheet

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// A name is looked up among the plan's items: one that matches only items
// sharing one series of figures (same_as) goes to that series; one that
// matches unrelated items is refused, naming them.
func TestImportByNameOfLinkedItems(t *testing.T) {
	plan, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	// Give B1-01 the name of A1-01, which it does not repeat: a real
	// ambiguity.
	for i := range plan.Items {
		if plan.Items[i].ID == "B1-01" {
			plan.Items[i].Name = "地区生产总值"
		}
	}
	r := domain.NewReview(plan, domain.DefaultTolerance(), nil, nil, nil)
	tests := []struct {
		name    string
		row     []string
		item    string // the item the figure goes to
		problem string
	}{
		{"linked: 固定资产投资", []string{"固定资产投资", "2023-09", "9.1"}, "A1-05", ""},
		{"linked: 社会消费品零售总额", []string{"社会消费品零售总额", "1-9月", "5.2"}, "A1-06", ""},
		{"unique name", []string{"城镇调查失业率", "2023-09", "4.8"}, "A1-15", ""},
		{"unrelated items", []string{"地区生产总值", "2023-09", "5.8"}, "", "第2行“指标名称”列（A列）：名称“地区生产总值”有歧义，可能是A1-01、B1-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Plan(r, []Table{{Name: "表", Rows: [][]string{{"指标名称", "期间", "实际值"}, tt.row}}}, "报送.csv", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Rows) != 1 {
				t.Fatalf("rows %+v", p.Rows)
			}
			row := p.Rows[0]
			got := strings.Join(row.Problems, "；")
			if row.Actual.ItemID != tt.item || !strings.Contains(got, tt.problem) || (tt.problem == "") != (got == "") {
				t.Errorf("went to %q with problems %q; want %q, %q", row.Actual.ItemID, got, tt.item, tt.problem)
			}
		})
	}
}

// Prose cells (备注, 来源, 填报人) keep their full-width punctuation and
// brackets; only the cells read as IDs, periods and figures are folded.
func TestProseCellsKeepTheirPunctuation(t *testing.T) {
	plan, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := domain.NewReview(plan, domain.DefaultTolerance(), nil, nil, nil)
	p, err := Plan(r, []Table{{Name: "表", Rows: [][]string{
		{"指标编号", "期间", "实际值", "来源", "备注", "填报人"},
		{"Ａ１－０１", "１－９月", "５．８", "市统计局（快报）", "　总体平稳，稳中有进。", "张三（综合处）"},
	}}}, "报送.xlsx", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != 1 || len(p.Rows[0].Problems) > 0 {
		t.Fatalf("rows %+v", p.Rows)
	}
	row := p.Rows[0]
	for _, c := range []struct{ field, got, want string }{
		{"实际值", row.Text, "5.8"},
		{"项目", row.Actual.ItemID, "A1-01"},
		{"来源", row.Actual.Source, "市统计局（快报）"},
		{"备注", row.Note, "总体平稳，稳中有进。"},
		{"填报人", row.Actual.By, "张三（综合处）"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.field, c.got, c.want)
		}
	}
}
