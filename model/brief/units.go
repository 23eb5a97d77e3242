package brief

import (
	"fmt"

	"cn.planreview/planreview/model/domain"
)

// The appendix 按责任单位: per unit, how many items it leads and how many
// it assists (协办), and how the items it LEADS stand as of the brief's
// period. A unit answers for the items it leads; counting its 协办 items
// into the status columns too would put one item's status under several
// units and make the columns add up to more than the plan has. So the
// status columns of all units together count each assigned item once.
// The statuses are those the brief already holds (builder's statuses,
// from Review.Status) sorted by the count lines' buckets, never judged
// again here.

// The appendix's column titles. The nearly column is called as the
// summary's counts call that bucket (domain.StatusGroups: 基本完成或推进中,
// for it holds 推进中 items at every period), not 基本符合.
var (
	unitColOnTrack = "进展正常"
	unitColNearly  = domain.StatusGroups[1].Label // 基本完成或推进中
	unitColBehind  = "滞后"
	// unitColNoFigure is about the data, not the unit: an item without a
	// figure of the period may well have been reported on; who has not
	// returned a round's workbook is the 催报清单's business.
	unitColNoFigure = "暂无本期数据"
	unitColOther    = "其他"
)

// UnitColumns are the appendix table's column titles, in order.
var UnitColumns = []string{"责任单位", "牵头", "协办", unitColOnTrack, unitColNearly, unitColBehind, unitColNoFigure, unitColOther}

// UnitTally is one unit's line of the appendix. The status counts are of
// its lead items only: OnTrack+Nearly+Behind+NoFigure+Other == Lead.
type UnitTally struct {
	Unit     string
	Lead     int // items it leads
	With     int // items it assists: counted, not sorted by status
	OnTrack  int // 符合或好于预期、快于序时进度、完成、已完成
	Nearly   int // 基本完成、基本符合、推进中
	Behind   int // 慢于序时进度、未完成、超出控制目标 …
	NoFigure int // no figure of the brief's period (none at all, or judged on an earlier one)
	Other    int // 目标待定, or a qualitative target awaiting the reviewer
}

// add counts a lead item's status into the appendix's columns by the
// bucket the count lines use.
func (t *UnitTally) add(s domain.Status) {
	switch bucketOf(s) {
	case good:
		t.OnTrack++
	case nearly:
		t.Nearly++
	case bad:
		t.Behind++
	case early:
		t.NoFigure++
	case none:
		if s.Code == domain.NoData {
			t.NoFigure++
		} else {
			t.Other++ // 目标待定: a figure may be in, the target is not
		}
	default:
		t.Other++ // 定性目标，待审阅人判断
	}
}

// unitCount is what the appendix's note says about the items behind the
// table: how many are assigned, how many have no unit, how many have no
// lead (only 协办), how many repeat another item and are folded into it.
type unitCount struct {
	assigned, unassigned, noLead, folded int
}

// unitTallies counts each unit's items, in the units' order; a unit with
// no item is left out.
func (c builder) unitTallies() (out []UnitTally, n unitCount) {
	byID := map[int64]*UnitTally{}
	for _, u := range c.o.Units {
		byID[u.ID] = &UnitTally{Unit: u.Full}
	}
	for _, it := range c.p.Items {
		if it.SameAs != "" {
			// A body commitment repeating a 附件1 indicator (B1-10 =
			// A1-06) is counted once, as the indicator: the note says
			// so, since `units` lists it under its own units too.
			n.folded++
			continue
		}
		a, ok := c.o.ItemUnits[it.ID]
		if !ok || a.Empty() {
			n.unassigned++
			continue
		}
		n.assigned++
		if t := byID[a.Lead]; t != nil {
			t.Lead++
			t.add(c.statuses[it.ID])
		} else {
			n.noLead++
		}
		for _, w := range a.With {
			if t := byID[w]; t != nil && w != a.Lead {
				t.With++
			}
		}
	}
	for _, u := range c.o.Units {
		if t := byID[u.ID]; t.Lead+t.With > 0 {
			out = append(out, *t)
		}
	}
	return out, n
}

// noUnitItems says why the appendix is not there: the plan has no units,
// or none of its items has been given one.
func (c builder) noUnitItems() string {
	if len(c.o.Units) == 0 {
		return "本计划没有责任单位"
	}
	return "本计划的项目尚未指定责任单位"
}

// units is the appendix; false when no item of the plan has a unit.
func (c builder) units() (Part, bool) {
	tallies, n := c.unitTallies()
	if len(tallies) == 0 {
		return Part{}, false
	}
	t := &Table{Caption: "附表　按责任单位统计（" + c.asOfShort() + "）"}
	for i, title := range UnitColumns {
		// Widths that keep each title on one line, or on two even
		// ones for the eight characters of 基本完成或推进中: the unit's
		// name widest. (Word's 小四 with its cell margins needs the room
		// most.)
		w := 0.75
		n := len([]rune(title))
		if n > 6 {
			n = (n + 1) / 2
		}
		switch {
		case i == 0:
			w = 2.2
		case n > 2:
			w = 0.3*float64(n) + 0.1
		}
		t.Columns = append(t.Columns, Column{Title: title, Width: w})
	}
	g := Group{}
	for _, u := range tallies {
		g.Rows = append(g.Rows, Row{Cells: []string{u.Unit, fmt.Sprint(u.Lead), fmt.Sprint(u.With),
			fmt.Sprint(u.OnTrack), fmt.Sprint(u.Nearly), fmt.Sprint(u.Behind), fmt.Sprint(u.NoFigure), fmt.Sprint(u.Other)}})
	}
	t.Groups = []Group{g}
	return Part{Heading: "附：按责任单位统计", Lines: []string{c.unitNote(len(tallies), n)}, Table: t}, true
}

// unitNote is the sentence above the appendix's table: what its columns
// count, and which items are not in it.
func (c builder) unitNote(units int, n unitCount) string {
	when := "截至" + c.o.AsOf.Name()
	if c.o.AsOf.Month == 12 {
		when = "全年" // not 截至全年: the summary says 全年 too
	}
	line := fmt.Sprintf("%s，%d个责任单位牵头或协办的项目进展如下表。各状态列按牵头项目统计；协办项目只计数。",
		when, units)
	line += fmt.Sprintf("每项只计入其牵头单位，各单位牵头项目合计%d项", n.assigned-n.noLead)
	if n.noLead > 0 {
		line += fmt.Sprintf("；另有%d项只有协办单位、未定牵头单位，不计入状态列", n.noLead)
	}
	line += "。"
	line += fmt.Sprintf("“%s”为没有%s数据的项目（含按此前数据判断的），不表示单位未报送，各单位填报工作簿的交回情况见催报清单；", unitColNoFigure, c.o.AsOf.Label())
	line += fmt.Sprintf("“%s”为目标待定或定性目标待审阅人判断的项目", unitColOther)
	if n.folded > 0 {
		line += fmt.Sprintf("；重复列示的项目按其指标计一次（%d项不另计）", n.folded)
	}
	if n.unassigned > 0 {
		line += fmt.Sprintf("；另有%d项未指定责任单位，不在表中", n.unassigned)
	}
	return line + "。"
}
