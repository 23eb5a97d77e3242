package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/sheet"
)

// collectBlock is one workbook in the 导入回执 preview: its name, unit,
// round and rows filled; then each row with what it would do and the
// status it would give, or the refusal in red; after 写入, what was done.
func collectBlock(e *collectEntry, col badgeColumn) fyne.CanvasObject {
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
			var before *rounds.Earlier
			if f, ok := c.Earlier(r); ok && r.Text != "" { // after 写入 too: it is what the write did
				before = &f
			}
			box.Add(collectRow(r, before, col))
		}
	}
	if o := e.outcome; o != nil {
		switch {
		case o.Refused != nil && c.Refused == nil: // refused at writing: say why
			box.Add(dangerLabel(tr("未写入：") + o.Refused.Error()))
		case o.Refused == nil && o.New+o.Corrected == 0 && o.Held > 0:
			// Every figure held: "已写入：新增0条" would say it was written.
			msg := trf("没有写入数值：{{.N}}条与已录入的数值不同，未覆盖，待裁定。", "N", o.Held)
			if o.Notes > 0 {
				msg += trf("只写入了进展情况{{.N}}条。", "N", o.Notes)
			}
			held := wrapLabel(msg)
			held.Importance = widget.WarningImportance
			box.Add(held)
		case o.Refused == nil:
			done := wrapLabel(trf("已写入：新增{{.N}}条，更正{{.C}}条，无变化{{.U}}条。", "N", o.New, "C", o.Corrected, "U", o.Unchanged))
			done.Importance = widget.SuccessImportance
			box.Add(done)
			if o.Held > 0 {
				held := wrapLabel(trf("{{.N}}条与已录入的数值不同，未覆盖，待裁定。", "N", o.Held))
				held.Importance = widget.WarningImportance
				box.Add(held)
			}
		}
	}
	box.Add(widget.NewSeparator())
	return box
}

// collectRow is one filled row: its item, what it would do, and the
// status it would give beside it as the item table colours it. before is
// the figure an earlier file of the batch records for the same item, if
// any, as the checker foresaw it (rounds.Checked.Earlier): this row is
// then held as 待裁定 unless it agrees.
func collectRow(r sheet.Row, before *rounds.Earlier, col badgeColumn) fyne.CanvasObject {
	what, held := "", false
	switch {
	case r.Change == sheet.New && before != nil && !before.Same:
		what, held = trf("待裁定：与{{.U}}填报的{{.V}}不同，填报{{.New}}", "U", before.Unit.Full, "V", before.Shown, "New", r.Shown), true
	case r.Change == sheet.New && before != nil:
		what = tr("无变化") + tr("　") + r.Shown
	case r.Change == sheet.New:
		what = tr("新增") + tr("　") + r.Shown
	case r.Change == sheet.Same:
		what = tr("无变化") + tr("　") + r.Shown
	case r.Change == sheet.Corrects:
		what, held = trf("待裁定：已录入{{.Old}}，填报{{.New}}", "Old", r.Old, "New", r.Shown), true
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
	l := wrapLabel(line)
	if held {
		l.Importance = widget.WarningImportance
	}
	return container.NewBorder(nil, nil, container.New(col, b), nil, l)
}

// badgeColumn lays a status badge out as wide as the longest status in
// the interface's language, so the rows' texts line up after it.
type badgeColumn struct{ width float32 }

// newBadgeColumn measures the statuses once: a preview of a thousand rows
// lays out its badges many times.
func newBadgeColumn() badgeColumn {
	size := theme.TextSize() - 1 // the badge's text size
	var longest float32
	for _, c := range domain.Codes {
		longest = max(longest, fyne.MeasureText(tr(c.Label()), size, fyne.TextStyle{}).Width)
	}
	return badgeColumn{width: longest + 12 + 2*theme.Padding()}
}

func (c badgeColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(c.width, h+2*theme.Padding())
}

func (c badgeColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(theme.Padding(), theme.Padding()))
		o.Resize(fyne.NewSize(size.Width-2*theme.Padding(), o.MinSize().Height))
	}
}

// dangerLabel is a wrapped label in the danger colour, for a refusal.
func dangerLabel(s string) *widget.Label {
	l := wrapLabel(s)
	l.Importance = widget.DangerImportance
	return l
}
