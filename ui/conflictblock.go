package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// conflictColumns is how many candidates stand side by side before the
// next row: three fit a 1024-pixel screen with their lines unbroken.
const conflictColumns = 3

// block is one item's conflict: its name, period and round, then the
// recorded figure and each pending return side by side.
func (d *conflictDialog) block(c roundConflict) fyne.CanvasObject {
	it, _ := d.hooks.item(c.ItemID)
	tracked, ok := d.hooks.item(domain.TrackedID(it))
	if !ok {
		tracked = it
	}
	title := heading(c.ItemID + " " + it.DisplayName() + tr("　") + periodLabel(c.Period) + tr("　") + trf("轮次 {{.R}}", "R", c.round.ID))
	var cards []fyne.CanvasObject
	if rec := c.Recorded; rec != nil {
		who := tr("原录入")
		if rec.Unit != "" {
			who += paren(trf("{{.U}}填报", "U", rec.Unit))
		}
		lines := []string{
			tr("数值：") + d.figureWords(tracked, rec.Actual.Value, rec.Actual.Outcome),
			tr("录入人：") + rec.Actual.By,
			tr("来源：") + rec.Actual.Source,
		}
		if rec.File != "" {
			lines = append(lines, tr("文件：")+rec.File)
		}
		if !rec.At.IsZero() {
			lines = append(lines, tr("时间：")+rec.At.Local().Format("2006-01-02 15:04"))
		}
		cards = append(cards, d.card(who, lines, c, store.PickRecorded()))
	}
	for _, r := range c.Candidates {
		v := 0.0
		if r.Value != nil {
			v = *r.Value
		}
		lines := []string{
			tr("数值：") + d.figureWords(tracked, v, r.Outcome),
			tr("填报人：") + r.Person,
			tr("电话：") + r.Phone,
			tr("来源：") + r.Source,
			tr("文件：") + r.File,
			tr("时间：") + r.At.Local().Format("2006-01-02 15:04"),
		}
		if r.Progress != "" {
			lines = append(lines, tr("进展：")+r.Progress)
		}
		cards = append(cards, d.card(r.Unit, lines, c, store.PickUnit(r.UnitID)))
	}
	cols := len(cards)
	if cols > conflictColumns {
		cols = conflictColumns
	}
	return container.NewVBox(title, container.NewGridWithColumns(cols, cards...), widget.NewSeparator())
}

// card is one candidate: who, its lines and 采用此值 at the foot, so the
// buttons of a row of cards line up.
func (d *conflictDialog) card(who string, lines []string, c roundConflict, p store.Pick) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	b := newKeyButton(tr("采用此值"), func() { d.pick(c, p) }, d.close)
	d.picks = append(d.picks, b)
	body := wrapLabel(strings.Join(lines, "\n"))
	return widget.NewCard("", "", container.NewBorder(title, b, nil, nil, body))
}

// figureWords is a figure as the import preview and history word it in
// Chinese (增长5.8%, 300个), or its number and unit in English, or a
// milestone's outcome.
func (d *conflictDialog) figureWords(tracked domain.Item, v float64, o domain.Outcome) string {
	if o != "" {
		return tr(domain.OutcomeLabel(o))
	}
	if language == domain.Chinese && d.hooks.figure != nil {
		return d.hooks.figure(tracked, domain.Actual{ItemID: tracked.ID, Value: v})
	}
	return domain.FormatNumber(v) + tracked.Target.Unit
}
