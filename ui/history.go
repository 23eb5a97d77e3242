package ui

import (
	"encoding/json"
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

// stateText reads the JSON of a figure, note, manual status, target or lock.
func stateText(raw, unit string) string {
	if raw == "" {
		return ""
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return raw
	}
	str := func(k string) string { s, _ := m[k].(string); return s }
	switch {
	case m["value"] != nil:
		v, _ := m["value"].(float64)
		s := domain.FormatNumber(v) + unit
		if src := str("source"); src != "" {
			s += "，" + tr("来源：") + src
		}
		return s
	case str("outcome") != "":
		return tr(domain.OutcomeLabel(domain.Outcome(str("outcome"))))
	case str("body") != "":
		return "“" + str("body") + "”"
	case str("code") != "":
		return tr(domain.Code(str("code")).Label()) + "，" + str("reason")
	case str("how") != "": // a pairing with last year's item
		if str("prior_item") == "" {
			return tr("不配对")
		}
		return trf("上年 {{.ID}}", "ID", str("prior_item"))
	case str("text") != "":
		return str("text")
	case str("reason") != "":
		return str("reason")
	}
	return ""
}
