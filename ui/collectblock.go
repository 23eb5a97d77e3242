package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/sheet"
)

// collectBlock is one workbook in the 导入回执 preview: its name, unit,
// round and rows filled; then each row with what it would do and the
// status it would give, or the refusal in red; after 写入, what was done.
func collectBlock(e *collectEntry) fyne.CanvasObject {
	c := e.checked
	box := container.NewVBox(heading(c.File))
	if c.Known() {
		box.Add(wrapLabel(trf("单位：{{.U}}　轮次：{{.R}}（{{.Y}}年{{.P}}，截止{{.D}}）　填写{{.N}}行",
			"U", c.Unit.Full, "R", c.Round.ID, "Y", c.Round.Period.Year, "P", periodLabel(c.Round.Period), "D", c.Round.Due, "N", c.Rows)))
	}
	switch {
	case c.Refused != nil:
		box.Add(dangerLabel(tr("未写入：") + c.Refused.Error()))
	case c.Preview == nil || len(c.Preview.Rows) == 0:
		box.Add(wrapLabel(tr("没有填写任何一行，无需写入。")))
	default:
		for _, r := range c.Preview.Rows {
			box.Add(collectRow(r))
		}
	}
	if o := e.outcome; o != nil {
		switch {
		case o.Refused != nil && c.Refused == nil: // refused at writing: say why
			box.Add(dangerLabel(tr("未写入：") + o.Refused.Error()))
		case o.Refused == nil:
			done := wrapLabel(trf("已写入：新增{{.N}}条，更正{{.C}}条，无变化{{.U}}条。", "N", o.New, "C", o.Corrected, "U", o.Unchanged))
			done.Importance = widget.SuccessImportance
			box.Add(done)
		}
	}
	box.Add(widget.NewSeparator())
	return box
}

// collectRow is one filled row: its item, what it would do, and the
// status it would give beside it as the item table colours it.
func collectRow(r sheet.Row) fyne.CanvasObject {
	what := ""
	switch r.Change {
	case sheet.New:
		what = tr("新增") + tr("　") + r.Shown
	case sheet.Same:
		what = tr("无变化") + tr("　") + r.Shown
	case sheet.Corrects:
		what = trf("待裁定：已录入{{.Old}}，填报{{.New}}", "Old", r.Old, "New", r.Shown)
	}
	if r.Text == "" && r.Note != "" {
		what = tr("仅添加备注")
	}
	line := r.ItemID + " " + r.ItemName + tr("　") + what
	if r.Note != "" {
		line += tr("　") + tr("进展：") + r.Note
	}
	b := newBadge()
	b.set(r.Status)
	return container.NewBorder(nil, nil, container.NewPadded(container.NewVBox(b)), nil, wrapLabel(line))
}

// dangerLabel is a wrapped label in the danger colour, for a refusal.
func dangerLabel(s string) *widget.Label {
	l := wrapLabel(s)
	l.Importance = widget.DangerImportance
	return l
}
