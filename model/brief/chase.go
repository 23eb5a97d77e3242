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
	// Note says what is owed when it is not the whole return: ChaseNoFigure
	// for a row that came back with 进展情况 only. Empty: nothing came back.
	Note string
}

// ChaseNoFigure is the note of an item whose row came back with words
// and no 实际值: the clerk asks for the figure.
const ChaseNoFigure = "未填实际值"

// Label is how the list names the item: A1-02 一般公共预算收入（未填实际值）.
func (it ChaseItem) Label() string {
	s := it.ID + " " + it.Name
	if it.Note != "" {
		s += "（" + it.Note + "）"
	}
	return s
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

// MissingCount is how many unit × item pairs are missing over all
// units: an item owed by two units counts twice (项次).
func (c ChaseList) MissingCount() int {
	n := 0
	for _, u := range c.Units {
		n += len(u.Missing)
	}
	return n
}

// MissingItems is how many distinct items are missing: an item owed by
// two units counts once.
func (c ChaseList) MissingItems() int {
	seen := map[string]bool{}
	for _, u := range c.Units {
		for _, it := range u.Missing {
			seen[it.ID] = true
		}
	}
	return len(seen)
}

// CountWord is what MissingCount counts, for the page's sentences: 项
// while every missing item is one unit's, 项次 once an item is owed by
// more than one unit, so a count of pairs is never read as one of items.
func (c ChaseList) CountWord() string {
	if c.MissingCount() != c.MissingItems() {
		return "项次"
	}
	return "项"
}

// Summary is the sentence above the list: how many units and items, and
// what to do. Before the due date nothing is overdue, and the list is a
// reminder (截止前提醒), not a chase.
func (c ChaseList) Summary() string {
	units := len(c.Chasing())
	if units == 0 {
		return "全部已报送：本轮所有单位的所有项目均已报送，无需催报。"
	}
	pairs, items := c.MissingCount(), c.MissingItems()
	count := fmt.Sprintf("共%d个单位%d项未报送", units, pairs)
	if pairs != items {
		count = fmt.Sprintf("共%d个单位未报送%d项次（涉及%d个项目，部分项目由多个单位分别填报）", units, pairs, items)
	}
	if domain.DaysOverdue(c.Due, c.AsOf) == 0 {
		return "截止前提醒：" + count + "。请在截止日期前提醒各单位按时报送，记下联系人、电话和提醒情况。"
	}
	return count + "。请逐一电话催报，记下联系人、电话和催报情况。"
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
