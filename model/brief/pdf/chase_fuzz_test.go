package pdf_test

import (
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
)

// FuzzChaseList: whatever the names (long, empty, rare characters,
// control bytes) and however many units and items, the 催报清单 is one
// page, and every item is either shown or counted as left out.
func FuzzChaseList(f *testing.F) {
	f.Add("市发展改革委", "地区生产总值增长", uint8(12), uint8(4))
	f.Add("", "", uint8(1), uint8(0))
	f.Add(strings.Repeat("市自然资源和规划局", 6), strings.Repeat("研究与试验发展经费支出占地区生产总值比重", 5), uint8(40), uint8(9))
	f.Add("𠀀\x00\t单位", "𪚥\n项目", uint8(255), uint8(255))
	f.Fuzz(func(t *testing.T, unit, item string, units, items uint8) {
		c := brief.ChaseList{Round: "R1", Period: domain.Period{Year: 2023, Month: 9},
			Due: time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC), AsOf: time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)}
		total := 0
		for i := 0; i < int(units)%80; i++ {
			u := brief.ChaseUnit{Unit: unit, DaysOverdue: 5}
			for k := 0; k < (int(items)+i)%30; k++ {
				u.Missing = append(u.Missing, brief.ChaseItem{ID: "X", Name: item})
			}
			total += len(u.Missing)
			c.Units = append(c.Units, u)
		}
		_, rep, err := pdf.RenderChaseList(c)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Pages != 1 {
			t.Fatalf("%d pages", rep.Pages)
		}
		if rep.Omitted < 0 || rep.Omitted > total {
			t.Fatalf("omitted %d of %d", rep.Omitted, total)
		}
	})
}
