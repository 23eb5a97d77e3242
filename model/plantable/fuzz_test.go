package plantable

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
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
