package plantable

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// TestReportedColumn: an execution report kept as a workbook — the
// 上半年实绩 column beside the target — gives each row its result, read
// where the grammar reads it, with the months it covers.
func TestReportedColumn(t *testing.T) {
	data := xlsxOf(t, map[string][][]string{"表1": {
		{"序号", "指标名称", "预期目标", "上半年实绩", "备注"},
		{"1", "地区生产总值", "增长6%左右", "增长5.9%", ""},
		{"2", "一般公共预算收入", "增长5%", "-4.6%", ""},
		{"3", "固定资产投资", "增长8%", "预计7.3%左右", ""},
		{"4", "城镇新增就业人数", "1.2万人", "0.65万人", ""},
		{"5", "单位GDP能耗", "按省下达目标安排", "待省反馈", ""},
		{"6", "城镇调查失业率", "控制在5%以内", "", ""},
	}}, "表1")
	dr, err := Read("report.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	v := func(f float64) *float64 { return &f }
	want := []struct {
		text  string
		value *float64
		basis domain.Basis
	}{
		{"增长5.9%", v(5.9), domain.BasisGrowth},
		{"-4.6%", v(-4.6), domain.BasisGrowth},
		{"预计7.3%左右", v(7.3), domain.BasisGrowth},
		{"0.65万人", v(0.65), domain.BasisLevel},
		{"待省反馈", nil, ""},
		{"", nil, ""},
	}
	if len(dr.Items) != len(want) {
		t.Fatalf("%d items, want %d", len(dr.Items), len(want))
	}
	for i, w := range want {
		it := dr.Items[i]
		r := it.Reported
		switch {
		case w.text == "" && r != nil:
			t.Errorf("%s: reported %+v for an empty cell", it.Name, r)
		case w.text == "":
		case r == nil || r.Text != w.text || r.Basis != w.basis || r.Period != "1-6月" || (r.Value == nil) != (w.value == nil) || r.Value != nil && *r.Value != *w.value:
			t.Errorf("%s: reported %+v, want %+v", it.Name, r, w)
		}
	}
}

// FuzzReadReported: any cell reads without panic; the words are kept as
// printed (trimmed), and a value comes only with its basis.
func FuzzReadReported(f *testing.F) {
	for _, s := range []string{"增长4.8%", "下降4.6%", "-4.6%", "－5.1%", "预计7.3%左右", "1.35万人", "待省反馈",
		"年度指标", "预计较难完成", "20.5万元/", " ", "—", "-3个", "约95%以上", "按省下达目标安排"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	growth := &domain.Target{Basis: domain.BasisGrowth, Unit: "%"}
	f.Fuzz(func(t *testing.T, cell string, withTarget bool) {
		var tg *domain.Target
		if withTarget {
			tg = growth
		}
		r := ReadReported(cell, tg, "1-12月")
		if strings.TrimSpace(cell) == "" {
			if r != nil {
				t.Fatalf("%q: a result for an empty cell", cell)
			}
			return
		}
		if r == nil || r.Text != strings.TrimSpace(cell) || r.Period != "1-12月" {
			t.Fatalf("%q: %+v", cell, r)
		}
		if (r.Value == nil) != (r.Basis == "") {
			t.Fatalf("%q: value %v without basis %q or the other way", cell, r.Value, r.Basis)
		}
	})
}
