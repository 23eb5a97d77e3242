package plandraft

import (
	"regexp"
	"strings"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// estimateWords open a result that is an estimate (预计7.3%左右); the
// figure after them is read, the words stay in Text.
var estimateWords = []string{"预计", "约", "初步统计", "快报"}

// reMinus is a minus sign before a figure, in any of the ways it is typed.
var reMinus = regexp.MustCompile(`^[-－−—]`)

// rePeriodHead finds the months a result column covers in its header:
// 1-6月实绩, 上半年实绩, 前三季度实绩.
var rePeriodHead = regexp.MustCompile(`([0-9]{1,2})\s*[-—－~～至]\s*([0-9]{1,2})月`)

// period is the months an execution report's result column covers, from
// its header: 1-6月 / 上半年 / 前三季度 / 一季度, else the whole year
// (全年实绩, 实际完成 in a report on the year).
func (d *drafter) period(t *docread.Table, cols colIndex) string {
	if !cols.has(docread.ColActual) {
		return ""
	}
	var head string
	for h := 0; h < t.HeaderRows; h++ {
		head += cols.cell(t.Rows[h], docread.ColActual)
	}
	switch {
	case rePeriodHead.MatchString(head):
		m := rePeriodHead.FindStringSubmatch(head)
		return m[1] + "-" + m[2] + "月"
	case strings.Contains(head, "上半年"):
		return "1-6月"
	case strings.Contains(head, "前三季度"):
		return "1-9月"
	case strings.Contains(head, "一季度"):
		return "1-3月"
	}
	return "1-12月"
}

// reported reads a row's result. Under 绝对值 | 增速 sub-columns the one
// in the target's terms is taken (增速 for a growth target). Value and
// Basis are set only where the grammar reads the figure; a bare
// percentage takes the target's basis when that is growth or reduction
// (the report prints the figure in the target's terms); a signed one
// (-4.6%) is a growth rate, negative.
func (d *drafter) reported(r docread.Row, cols colIndex, it item, period string) *plantable.Reported {
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
	if text == "" {
		return nil
	}
	rep := &plantable.Reported{Text: text, Period: period}
	read := text
	for _, w := range estimateWords {
		read = strings.TrimPrefix(read, w)
	}
	sign := 1.0
	if m := reMinus.FindString(read); m != "" {
		// -4.6% under 增速: a signed growth rate.
		sign, read = -1, read[len(m):]
	}
	if t, err := domain.ParseTarget(read); err == nil && t.HasValue() {
		v := t.Value
		rep.Value, rep.Basis = &v, t.Basis
		if sign < 0 {
			if t.Basis != domain.BasisLevel || t.Unit != "%" {
				return &plantable.Reported{Text: text, Period: period} // -3个 is no figure
			}
			v, rep.Basis = -v, domain.BasisGrowth
			return rep
		}
		if t.Basis == domain.BasisLevel && t.Unit == "%" && it.Target != nil && !strings.ContainsAny(read, "达到保持") &&
			(it.Target.Basis == domain.BasisGrowth || it.Target.Basis == domain.BasisReduction) {
			rep.Basis = it.Target.Basis
		}
	}
	return rep
}
