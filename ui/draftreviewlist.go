package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// draftListRow is a row of the review's draft list: a heading (待确认,
// or a section of the document) or an item, by its index in the draft.
type draftListRow struct {
	heading string
	item    int
}

// draftListRows orders the draft for the reviewer: the items waiting for
// them first, under 待确认, then the others under their sections in the
// document's order.
func draftListRows(items []plantable.Item) []draftListRow {
	var rows []draftListRow
	pending := 0
	for _, it := range items {
		if it.NeedsReview {
			pending++
		}
	}
	if pending > 0 {
		rows = append(rows, draftListRow{heading: trf("待确认（{{.N}}项）：请逐项核对后点“保存并确认”", "N", pending)})
		for i, it := range items {
			if it.NeedsReview {
				rows = append(rows, draftListRow{item: i})
			}
		}
	}
	var sections []string
	bySection := map[string][]int{}
	for i, it := range items {
		if it.NeedsReview {
			continue
		}
		if _, ok := bySection[it.Section]; !ok {
			sections = append(sections, it.Section)
		}
		bySection[it.Section] = append(bySection[it.Section], i)
	}
	for _, s := range sections {
		h := s
		if h == "" {
			h = tr("（未分部分）")
		}
		rows = append(rows, draftListRow{heading: h})
		for _, i := range bySection[s] {
			rows = append(rows, draftListRow{item: i})
		}
	}
	return rows
}

// newDraftListCell is a row of the list: two labels, an item's kind mark,
// name and target on the first line, why it waits (or its kind and
// 责任单位) on the second.
func newDraftListCell() fyne.CanvasObject {
	title, detail := widget.NewLabel(""), widget.NewLabel("")
	title.Truncation = fyne.TextTruncateEllipsis
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText // the second line smaller
	return container.NewVBox(title, detail)
}

// draftHeadingHeight is a heading row's height: one line, not two.
func draftHeadingHeight() float32 { return widget.NewLabel("国").MinSize().Height }

// draftItemHeight is an item row's height: the cell's two lines.
func draftItemHeight() float32 { return newDraftListCell().MinSize().Height }

// show puts the row into a cell newDraftListCell made.
func (row draftListRow) show(cell *fyne.Container, items []plantable.Item) {
	c := struct{ title, detail *widget.Label }{cell.Objects[0].(*widget.Label), cell.Objects[1].(*widget.Label)}
	if row.heading != "" {
		c.title.TextStyle.Bold = true
		c.title.Importance = widget.MediumImportance
		c.title.SetText(row.heading)
		c.detail.Hide()
		return
	}
	if row.item >= len(items) {
		return
	}
	it := items[row.item]
	c.title.TextStyle.Bold = false
	c.detail.Show()
	title := draftKindMark(it.Kind) + " " + it.Name
	if t := draftTargetShown(it); t != "" {
		title += " · " + t
	}
	if it.NeedsReview {
		c.title.Importance = widget.DangerImportance
		c.title.SetText(tr("【待确认】") + title)
		c.detail.SetText(it.Reason)
		return
	}
	c.title.Importance = widget.MediumImportance
	c.title.SetText(title)
	detail := tr(domain.KindLabel(it.Kind))
	if len(it.Owners) > 0 {
		detail += " · " + strings.Join(it.Owners, "、")
	}
	if it.Deadline != "" {
		detail += " · " + it.Deadline
	}
	c.detail.SetText(detail)
}

// draftTargetShown is an item's target as the list shows it: as
// understood when read, else as written.
func draftTargetShown(it plantable.Item) string {
	switch {
	case it.Kind == domain.KindMilestone:
		return it.Deadline
	case it.Qualitative && it.Target != nil:
		return tr("定性：") + it.Target.Ref
	case it.Target != nil:
		return it.Target.StringIn(language)
	}
	return it.TargetText
}
