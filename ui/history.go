package ui

import (
	"fmt"

	"cn.planreview/planreview/model/domain"
)

// changeText writes one history row for a person: who, when, what, and
// the before and after values in words, not JSON.
func (u *UI) changeText(c domain.Change) string {
	line := fmt.Sprintf("#%d %s %s %s", c.ID, c.At.Format("2006-01-02 15:04"), c.Who, tr(c.Action.Label()))
	if p := u.periodLabel(c.Period); p != "" {
		line += " " + p
	}
	unit := ""
	if it, ok := u.plan.Item(c.ItemID); ok {
		unit = it.Target.Unit
	}
	b, a := stateText(c.Before, unit), stateText(c.After, unit)
	switch {
	case b != "" && a != "":
		line += tr("：") + b + " → " + a
	case a != "":
		line += tr("：") + a
	case b != "":
		line += tr("：") + tr("原为") + b
	}
	if c.Detail != "" {
		line += paren(c.Detail)
	}
	return line
}

// stateText words a history side: a figure, note, manual status, target,
// lock or pairing.
func stateText(raw, unit string) string {
	st, ok := domain.ReadState(raw)
	switch {
	case !ok:
		return ""
	case st.Value != nil:
		s := domain.FormatNumber(*st.Value) + unit
		if st.Source != "" {
			s += "，" + tr("来源：") + st.Source
		}
		return s
	case st.Outcome != "":
		return tr(domain.OutcomeLabel(st.Outcome))
	case st.Body != "":
		return "“" + st.Body + "”"
	case st.Code != "":
		return tr(st.Code.Label()) + "，" + st.Reason
	case st.Pairing:
		if st.PriorItem == "" {
			return tr("不配对")
		}
		return trf("上年 {{.ID}}", "ID", st.PriorItem)
	case st.Text != "":
		return st.Text
	}
	return st.Reason
}
