package plantable_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
)

// benchTargets are the kinds of target an office's table holds, in turn.
var benchTargets = []struct{ target, unit string }{
	{"增长6%左右", ""}, {"达到95%以上", ""}, {"控制在3%以内", ""}, {"400", "个"}, {"稳中提质", ""},
	{"提高3个百分点", ""}, {"下降4%以上", ""}, {"1.2万人", ""}, {"与经济增长同步", ""}, {"增长7", "%"},
}

// planWorkbook1000 is a 1,000-row 主要指标 sheet, 20 categories of 50 rows,
// as an office's template would be filled in.
func planWorkbook1000(b *testing.B) []byte {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{"类别", "序号", "指标名称", "预期目标", "单位", "属性", "责任单位", "原文/备注"}}
	for i := 0; i < 1000; i++ {
		cat := ""
		if i%50 == 0 {
			cat = fmt.Sprintf("第%d类", i/50+1)
		}
		t := benchTargets[i%len(benchTargets)]
		rows = append(rows, []any{cat, fmt.Sprint(i + 1), fmt.Sprintf("指标%04d", i+1), t.target, t.unit, "预期性",
			"市发改局、市统计局", ""})
	}
	if i := len(rows); i != 1001 {
		b.Fatalf("%d rows", i)
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImportPlanWorkbook1000 is `plan import` of a 1,000-row plan
// workbook: read the workbook, lay out the preview, make the plan file
// and create the plan in a real SQLite file (a workspace holding the
// bundled plan). Goal: < 2 s.
func BenchmarkImportPlanWorkbook1000(b *testing.B) {
	data := planWorkbook1000(b)
	bundle := store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "plan.db"), store.Options{Bundle: bundle})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		d, err := plantable.Read("计划.xlsx", data)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(d.Items); n != 1000 || d.Pending() != 0 || len(d.Problems) != 0 {
			b.Fatalf("%d items, %d pending, problems %v", n, d.Pending(), d.Problems)
		}
		if lay := plantable.Lay(d, 2024); len(lay.Problems) != 0 {
			b.Fatal(lay.Problems)
		}
		dataset, err := plantable.PlanFile(d, plantable.Meta{City: "桐乡市", Year: 2024})
		if err != nil {
			b.Fatal(err)
		}
		info, err := st.CreatePlan(store.NewPlan{Dataset: dataset, Notice: d.Text, SourceDocument: "计划.xlsx",
			City: "桐乡市", Year: 2024}, "张三")
		if err != nil || info.Items != 1000 {
			b.Fatalf("%+v %v", info, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}
