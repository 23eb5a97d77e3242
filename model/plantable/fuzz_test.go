package plantable

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// FuzzRead: no table, however broken, panics the reader, and every item
// it gives is either understood or says why not, naming its row. Input
// comes as .csv: the reader's rules are what is fuzzed; opening .xlsx
// packages is excelize's (its byte-level mutations mostly fail the zip
// check, and some stall it).
func FuzzRead(f *testing.F) {
	f.Add([]byte("指标名称,目标\n地区生产总值,6\n"))
	f.Add(gbkCSV(f, plan2024))
	f.Add([]byte("\n\n序号,指标名称,目标增长(%)\n一、x\n,#a,1\n1,b,\n,其中:c,稳\n"))
	f.Add([]byte("类别,指标名称,预期目标,单位\n规模,a,7,‰\n,b,7左右,个\n任务,目标\nx,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("f.csv", data)
		if err != nil {
			return
		}
		for _, it := range d.Items {
			switch {
			case it.NeedsReview:
				if !strings.HasPrefix(it.Reason, "第") {
					t.Errorf("reason %q names no row", it.Reason)
				}
			case it.Kind == domain.KindMilestone:
			case it.Target == nil:
				t.Errorf("row %d: neither understood nor for review: %+v", it.Line, it)
			}
			if it.Line < 1 {
				t.Errorf("row %d", it.Line)
			}
		}
	})
}

// FuzzPlanWorkbook: a plan's own workbook edited any way — the rows of a
// 房屋征收 sheet and of 重点工作 with 编号, 同一指标 and 上级 columns, lines
// and tabs from the fuzzer — never panics the reader or the layout, and
// every parcel it gives is understood or says why not, naming its row.
func FuzzPlanWorkbook(f *testing.F) {
	f.Add("类别\t序号\t地块名称\t东至\t南至\t西至\t北至\t面积（亩）\t公共利益类型\t实施主体\t原文\t编号\n附件2\t1\t城北地块\t百墅路\t\t\t\t62.10\t旧城区改建\t嘉城集团、南湖区\t原文\tA2-01",
		"类别\t任务\t目标\t计量方式\t编号\t同一指标\t上级\n一、x\t投资\t增长10%\t速度\tB1-01\tA1-01\t\n\t其中\t5个\t累计\tB1-02\t\tB1-01")
	f.Add("地块名称\t面积\na\tx\nb\t-1\n\t3", "任务\t目标\t编号\na\t1个\tA1-01\nb\t稳中提质\tA1-01")
	f.Add("地块名称\t面积(亩)\t编号\na\t1.5\tZ", "任务\t目标\t计量方式\t上级\na\t明显好转\t定性\tnope")
	table := func(name, s string) sheet.Table {
		t := sheet.Table{Name: name}
		for _, line := range strings.Split(s, "\n") {
			t.Rows = append(t.Rows, strings.Split(line, "\t"))
		}
		return t
	}
	f.Fuzz(func(t *testing.T, parcelRows, taskRows string) {
		ind := sheet.Table{Name: "主要指标", Rows: [][]string{{"指标名称", "预期目标", "编号"}, {"地区生产总值", "增长6%", "A1-01"}}}
		d, err := FromTables("f.xlsx", []sheet.Table{ind, table("重点工作", taskRows), table("房屋征收", parcelRows)})
		if err != nil {
			return
		}
		for _, it := range d.Items {
			switch {
			case it.NeedsReview:
				if !strings.HasPrefix(it.Reason, "第") {
					t.Errorf("reason %q names no row", it.Reason)
				}
			case it.Kind == domain.KindParcel && (it.Target == nil || it.Parcel == nil || it.Parcel.AreaMu != it.Target.Value):
				t.Errorf("row %d: parcel %+v", it.Line, it)
			}
		}
		l := Lay(d, 2024)
		if len(l.Items) != len(d.Items) {
			t.Fatalf("%d placed for %d rows", len(l.Items), len(d.Items))
		}
	})
}
