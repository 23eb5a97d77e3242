package brief

import (
	"fmt"
	"time"

	"cn.planreview/planreview/model/domain"
)

// ChaseList is the 催报清单 of a reporting round: who has not yet returned
// which items, for the clerk who phones the units round. It is plain data
// so the command line and the window fill it alike from the round's
// status; brief/pdf draws it on one A4 page (pdf.RenderChaseList).
type ChaseList struct {
	Title  string        // empty: ChaseTitle(Period)
	Plan   string        // the plan's title, printed under the title; may be empty
	Round  string        // R3
	Period domain.Period // the period the round asked for
	Due    time.Time     // the round's due date
	AsOf   time.Time     // the day the list is made
	Units  []ChaseUnit   // units with missing items, in unit order; others are left out
	// Workbook names the 催报清单 workbook a shortened list refers the
	// reader to; empty: the words 催报清单工作簿 alone.
	Workbook string
}

// ChaseUnit is one unit's missing items.
type ChaseUnit struct {
	Unit        string // the unit's full name
	Missing     []ChaseItem
	DaysOverdue int // 0 while the due date has not passed
	// Person and Phone are who filled in the unit's workbook last time
	// (earlier returns); empty: a blank for the clerk to fill.
	Person, Phone string
}

// ChaseItem is one item a unit has not returned.
type ChaseItem struct {
	ID   string
	Name string
}

// ChaseTitle is the list's title for a period: 2023年1-9月计划执行情况填报催报清单.
func ChaseTitle(p domain.Period) string {
	return fmt.Sprintf("%d年%s计划执行情况填报催报清单", p.Year, p.Label())
}

// HeadTitle is the title printed: Title, or ChaseTitle of the period.
func (c ChaseList) HeadTitle() string {
	if c.Title != "" {
		return c.Title
	}
	return ChaseTitle(c.Period)
}

// MissingCount is how many items are missing over all units.
func (c ChaseList) MissingCount() int {
	n := 0
	for _, u := range c.Units {
		n += len(u.Missing)
	}
	return n
}

// Chasing lists the units that have something missing: a unit whose
// every item is in is not phoned, and is not on the list.
func (c ChaseList) Chasing() []ChaseUnit {
	var out []ChaseUnit
	for _, u := range c.Units {
		if len(u.Missing) > 0 {
			out = append(out, u)
		}
	}
	return out
}

// WorkbookWords names where the items a shortened list leaves out are:
// 催报清单工作簿, with the file's name when known.
func (c ChaseList) WorkbookWords() string {
	if c.Workbook == "" {
		return "催报清单工作簿"
	}
	return "催报清单工作簿（" + c.Workbook + "）"
}

// DueLine is the round, due date and as-of line under the title:
// 填报轮次：R3　截止日期：2023年10月10日　截至：2023年10月15日（已逾期5天）.
func (c ChaseList) DueLine() string {
	s := ""
	if c.Round != "" {
		s = "填报轮次：" + c.Round + "　"
	}
	s += "截止日期：" + c.Due.Format("2006年1月2日") + "　截至：" + c.AsOf.Format("2006年1月2日")
	if n := domain.DaysOverdue(c.Due, c.AsOf); n > 0 {
		s += fmt.Sprintf("（已逾期%d天）", n)
	} else {
		s += "（尚未到期）"
	}
	return s
}
