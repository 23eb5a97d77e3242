package plandraft

import (
	"strings"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// period is the months an execution report's result column covers, from
// its header (plantable.ReportedPeriod); "" for a table with none.
func (d *drafter) period(t *docread.Table, cols colIndex) string {
	if !cols.has(docread.ColActual) {
		return ""
	}
	var head string
	for h := 0; h < t.HeaderRows; h++ {
		head += cols.cell(t.Rows[h], docread.ColActual)
	}
	return plantable.ReportedPeriod(head)
}

// reported reads a row's result (plantable.ReadReported). Under 绝对值 |
// 增速 sub-columns the one in the target's terms is taken: the first with
// a percentage for a growth or reduction target, else the first filled.
func (d *drafter) reported(r docread.Row, cols colIndex, it item, period string) *plantable.Reported {
	if !cols.has(docread.ColActual) {
		return nil // 增长(%) beside a plan's figure is no result
	}
	idx := cols[docread.ColActual]
	if subs := cols[docread.ColSub]; len(subs) > 0 {
		idx = subs
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
	return plantable.ReadReported(text, it.Target, period)
}
