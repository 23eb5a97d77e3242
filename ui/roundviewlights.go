package ui

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
)

// The chase lights as the round view draws and words them.

// lightLabel is a light's name in the interface's language (蓝, Blue).
func lightLabel(l domain.Light) string {
	switch l {
	case domain.LightBlue:
		return tr("蓝")
	case domain.LightYellow:
		return tr("黄")
	case domain.LightRed:
		return tr("红")
	case domain.LightGreen:
		return tr("绿")
	}
	return "—"
}

// lightWhy is why an item has its light, in the interface's language.
// It is worded here from the light and status as domain.ItemLight words
// it in Chinese; a reason the model words otherwise (a return held for
// the reviewer, say) is shown as the model gives it, never replaced by a
// wrong one.
func lightWhy(r rounds.ItemRow) string {
	if local, ok := fixedWhy(r.Why); ok {
		return local
	}
	if r.ByLead != "" {
		return trf("牵头单位已报送（{{.U}}）", "U", r.ByLead)
	}
	var zh, local string
	switch {
	case r.Returned():
		zh, local = "已报送，"+r.Status.Label(), trf("已报送，{{.S}}", "S", midSentence(tr(r.Status.Label())))
	case r.Light == domain.LightRed:
		zh, local = "逾期未报", tr("逾期未报")
	case r.Light == domain.LightBlue:
		zh, local = "临近截止，尚未报送", tr("临近截止，尚未报送")
	default:
		zh, local = "未报送，未到催报期", tr("未报送，未到催报期")
	}
	if r.Late && r.Returned() {
		zh, local = zh+"（逾期报送）", local+tr("（逾期报送）")
	}
	if zh != r.Why {
		return r.Why
	}
	return local
}

// fixedWhy words the reasons domain.ItemLight gives in a fixed sentence
// — a row with words and no figure, a return whose status cannot be
// judged — in the interface's language.
func fixedWhy(why string) (string, bool) {
	late := strings.HasSuffix(why, "（逾期报送）")
	var local string
	switch strings.TrimSuffix(why, "（逾期报送）") {
	case domain.TextOnlyWhy:
		local = tr("只报了进展情况，未填实际值")
	case domain.TextOnlyWhy + "，逾期未报":
		local = tr("只报了进展情况，未填实际值，逾期未报")
	case domain.TextOnlyWhy + "，临近截止，尚未报送":
		local = tr("只报了进展情况，未填实际值，临近截止")
	case "已报送，目标待定，无法判断":
		local = tr("已报送，目标待定，无法判断")
	case "已报送，待审阅人判断":
		local = tr("已报送，待审阅人判断")
	case "已报送，暂无可判断的数值":
		local = tr("已报送，暂无可判断的数值")
	default:
		return "", false
	}
	if late {
		local += tr("（逾期报送）")
	}
	return local, true
}

// lightTone is the colour a light is drawn in: the palette's blue, orange,
// vermillion and green, as statuses are, and always with its name.
func lightTone(l domain.Light) domain.Tone {
	switch l {
	case domain.LightBlue:
		return domain.ToneExceeded
	case domain.LightYellow:
		return domain.ToneNearly
	case domain.LightRed:
		return domain.ToneBad
	case domain.LightGreen:
		return domain.ToneGood
	}
	return domain.ToneNone
}

// setLight shows a chase light: its name on its colour.
func (b *badge) setLight(l domain.Light) {
	bg, dark := ToneColor(lightTone(l))
	b.bg.FillColor = bg
	b.text.Color = color.White
	if dark {
		b.text.Color = color.Black
	}
	b.text.Text = lightLabel(l)
	b.Refresh()
}

// midSentence is a status label as it reads after a comma: in English
// “Returned, off track”, not “Returned, Off track”; a word in capitals
// (GDP) and Chinese are left as they are.
func midSentence(s string) string {
	if language != domain.English {
		return s
	}
	first, n := utf8.DecodeRuneInString(s)
	second, _ := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsUpper(first) || unicode.IsUpper(second) {
		return s
	}
	return string(unicode.ToLower(first)) + s[n:]
}
