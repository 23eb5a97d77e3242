package plandraft

import (
	"regexp"
	"strings"

	"cn.planreview/planreview/model/tablehead"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// period is the months an execution report's result column covers, from
// its header (plantable.ReportedPeriod); "" for a table with none.
func (d *drafter) period(t *docread.Table, cols colIndex) string {
	if !cols.has(tablehead.ColActual) {
		return ""
	}
	var head string
	for h := 0; h < t.HeaderRows; h++ {
		head += cols.cell(t.Rows[h], tablehead.ColActual)
	}
	return plantable.ReportedPeriod(head)
}

// reported reads a row's result (plantable.ReadReported). Under 绝对值 |
// 增速 sub-columns the one in the target's terms is taken: the first with
// a percentage for a growth or reduction target, else the first filled.
func (d *drafter) reported(t *docread.Table, r docread.Row, cols colIndex, it item, period string) *plantable.Reported {
	if !cols.has(tablehead.ColActual) {
		return nil // 增长(%) beside a plan's figure is no result
	}
	idx := cols[tablehead.ColActual]
	if subs := cols[tablehead.ColSub]; len(subs) > 0 {
		idx = subs
	}
	if rep := d.growthCell(t, r, cols, it, period); rep != nil {
		return rep
	}
	var text string
	for _, i := range idx {
		if i >= len(r.Cells) || strings.TrimSpace(r.Cells[i]) == "" {
			continue
		}
		c := strings.TrimSpace(r.Cells[i])
		if text == "" {
			text = c
		}
		if it.Target != nil && (it.Target.Basis == domain.BasisGrowth || it.Target.Basis == domain.BasisReduction) && strings.ContainsAny(c, "%％") {
			text = c
			break
		}
	}
	if it.Target != nil && it.Target.Basis == domain.BasisLevel && it.Target.Unit != "" && reBareSigned.MatchString(text) && !strings.ContainsAny(text, "-－−") {
		// 城镇新增就业 1.1 | 0.93 in a row whose 单位 is 万人: the result
		// is in the target's unit, kept as printed.
		if rep := plantable.ReadReported(text+it.Target.Unit, it.Target, period); rep != nil {
			rep.Text = text
			return rep
		}
	}
	return plantable.ReadReported(text, it.Target, period)
}

// growthCell reads a growth or reduction target's result from a sub-column
// headed 增速, 增长 or 增幅 (1-9月 | 绝对值 | 增速(%)): a bare figure there is
// a percentage, as its heading says — 6.1 is 6.1%, -3.2 is −3.2% — and is
// kept as printed. nil when there is no such column or cell.
func (d *drafter) growthCell(t *docread.Table, r docread.Row, cols colIndex, it item, period string) *plantable.Reported {
	if it.Target == nil || (it.Target.Basis != domain.BasisGrowth && it.Target.Basis != domain.BasisReduction) || t.HeaderRows == 0 {
		return nil
	}
	last := t.Rows[t.HeaderRows-1]
	for _, i := range append(append([]int(nil), cols[tablehead.ColActual]...), cols[tablehead.ColSub]...) {
		if i >= len(r.Cells) || i >= len(last.Cells) {
			continue
		}
		h := tablehead.Normalize(last.Cells[i])
		if !strings.Contains(h, "增速") && !strings.Contains(h, "增长") && !strings.Contains(h, "增幅") {
			continue
		}
		c := strings.TrimSpace(r.Cells[i])
		if !reBareSigned.MatchString(c) {
			return nil // 增长4.8%, 待省反馈: read as written by the rule below
		}
		rep := plantable.ReadReported(c+"%", it.Target, period)
		rep.Text = c
		return rep
	}
	return nil
}

// reBareSigned is a bare figure, signed or not: 6.1, -3.2.
var reBareSigned = regexp.MustCompile(`^[-－−]?[0-9]+(?:\.[0-9]+)?$`)
