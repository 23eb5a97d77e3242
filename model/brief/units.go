package brief

import (
	"fmt"

	"cn.planreview/planreview/model/domain"
)

// The appendix 按责任单位: per unit, how many items it leads and how many
// it assists (协办), and how those items stand as of the brief's period.
// The counts are of the statuses the brief already holds (builder's
// statuses, from Review.Status) sorted by the count lines' buckets, never
// judged again here.

// UnitColumns are the appendix table's column titles, in order.
var UnitColumns = []string{"责任单位", "牵头", "协办", "进展正常", "基本符合", "滞后", "本期未报", "其他"}

// UnitTally is one unit's line of the appendix.
type UnitTally struct {
	Unit      string
	Lead      int // items it leads
	With      int // items it assists
	OnTrack   int // 符合或好于预期、快于序时进度、完成、已完成
	Nearly    int // 基本完成、基本符合、推进中
	Behind    int // 慢于序时进度、未完成、超出控制目标 …
	NoFigure  int // no figure of the brief's period (none at all, or judged on an earlier one)
	Other     int // 目标待定, or a qualitative target awaiting the reviewer
	itemCount int
}

// add counts an item's status into the appendix's columns by the bucket
// the count lines use.
func (t *UnitTally) add(s domain.Status) {
	t.itemCount++
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
		t.Other++
	}
}

// unitTallies counts each unit's items, in the units' order; a unit with
// no item is left out. unassigned is how many items have no unit, shared
// how many have more than one.
func (c builder) unitTallies() (out []UnitTally, unassigned, shared int) {
	byID := map[int64]*UnitTally{}
	for _, u := range c.o.Units {
		byID[u.ID] = &UnitTally{Unit: u.Full}
	}
	for _, it := range c.p.Items {
		if it.SameAs != "" {
			continue // the indicator it repeats is counted
		}
		a, ok := c.o.ItemUnits[it.ID]
		if !ok || a.Empty() {
			unassigned++
			continue
		}
		if len(a.With) > 0 {
			shared++
		}
		s := c.statuses[it.ID]
		if t := byID[a.Lead]; t != nil {
			t.Lead++
			t.add(s)
		}
		for _, w := range a.With {
			if t := byID[w]; t != nil && w != a.Lead {
				t.With++
				t.add(s)
			}
		}
	}
	for _, u := range c.o.Units {
		if t := byID[u.ID]; t.itemCount > 0 {
			out = append(out, *t)
		}
	}
	return out, unassigned, shared
}

// units is the appendix; false when the plan has no unit with an item.
func (c builder) units() (Part, bool) {
	tallies, unassigned, shared := c.unitTallies()
	if len(tallies) == 0 {
		return Part{}, false
	}
	t := &Table{Caption: "附表　按责任单位统计（" + c.asOfShort() + "）"}
	for i, title := range UnitColumns {
		if title == "基本符合" && c.o.AsOf.Month == 12 {
			title = "基本完成" // at year end the nearly bucket is 基本完成
		}
		// Widths that keep each title on one line: the unit's name
		// wide, four-character titles wider than two-character ones.
		// (Word's 小四 with its cell margins needs the room most.)
		w := 0.75
		switch {
		case i == 0:
			w = 2.2
		case len([]rune(title)) > 2:
			w = 1.3
		}
		t.Columns = append(t.Columns, Column{Title: title, Width: w})
	}
	g := Group{}
	for _, u := range tallies {
		g.Rows = append(g.Rows, Row{Cells: []string{u.Unit, fmt.Sprint(u.Lead), fmt.Sprint(u.With),
			fmt.Sprint(u.OnTrack), fmt.Sprint(u.Nearly), fmt.Sprint(u.Behind), fmt.Sprint(u.NoFigure), fmt.Sprint(u.Other)}})
	}
	t.Groups = []Group{g}
	line := fmt.Sprintf("截至%s，%d个责任单位牵头或协办的项目进展如下表，牵头、协办项目分列。", c.o.AsOf.Name(), len(tallies))
	if shared > 0 {
		line += fmt.Sprintf("%d项有多个责任单位，在各单位分别计入，故各单位合计多于项目数。", shared)
	}
	line += fmt.Sprintf("“本期未报”为没有%s数据的项目（含按此前数据判断的）", c.o.AsOf.Label())
	if unassigned > 0 {
		line += fmt.Sprintf("；另有%d项未指定责任单位，不在表中", unassigned)
	}
	return Part{Heading: "附：按责任单位统计", Lines: []string{line + "。"}, Table: t}, true
}
