package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
)

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// showDetail fills the right-hand pane with one item. Shown again, after
// a change to it, the pane keeps its scroll position, so what was just
// saved stays in view.
func (u *UI) showDetail(id string) {
	d := u.detailBody
	d.Objects = nil
	u.detailHead.Objects = nil
	u.detailButtons = nil
	it, ok := u.plan.Item(id)
	if !ok {
		d.Add(wrapLabel(tr("在左侧列表中选择一个项目，查看目标、原文、实际值、备注和修改记录。")))
		u.shown = ""
		u.detailHead.Refresh()
		u.detailBox.Refresh()
		return
	}
	s := u.statuses[it.ID]
	sec, _ := u.plan.Section(it.Section)
	u.detailHead.Objects = []fyne.CanvasObject{u.detailTitle(it)}
	meta := tr(domain.KindLabel(it.Kind)) + " · " + sec.Title
	if it.Group != "" {
		meta += " · " + it.Group
	}
	if it.Topic != "" {
		meta += " · " + it.Topic
	}
	d.Add(wrapLabel(meta))

	b := newBadge()
	b.set(s)
	d.Add(container.NewBorder(nil, nil, container.NewPadded(container.NewVBox(b)), nil, wrapLabel(s.ReasonIn(language))))

	d.Add(widget.NewSeparator())
	d.Add(u.targetBlock(it))
	if it.Kind != domain.KindMilestone {
		if t, ok, _ := u.review.EffectiveTarget(it); ok {
			d.Add(newChart(it, t, u.review.Actuals(it), u.asOf))
		}
	}
	d.Add(widget.NewSeparator())
	d.Add(u.sourceBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(u.actualsBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(u.notesBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(u.manualBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(u.historyBlock(it))
	u.detailHead.Refresh()
	u.detailBox.Refresh()
	if u.shown != id {
		u.shown = id
		u.detailBox.ScrollToTop()
	}
	u.scrollIntoView(u.reveal)
	u.reveal, u.revealNote = nil, 0
	u.trace("detail %s", id)
	u.tracePlaces()
}

// scrollIntoView scrolls the detail pane the least that shows all of o,
// a part of it just saved.
func (u *UI) scrollIntoView(o fyne.CanvasObject) {
	in, ok := posIn(u.detailBody, o)
	if o == nil || !ok {
		return
	}
	off, view := u.detailBox.Offset, u.detailBox.Size().Height
	switch {
	case in.Y < off.Y:
		off.Y = in.Y
	case in.Y+o.Size().Height > off.Y+view:
		off.Y = in.Y + o.Size().Height - view
	}
	u.detailBox.ScrollToOffset(off)
}

// detailTitle is the pane's fixed top: the item's ID and name, and the
// button to record a figure, which a long pane would otherwise push below
// the window's bottom edge.
func (u *UI) detailTitle(it domain.Item) fyne.CanvasObject {
	title := heading(it.ID + "  " + it.Name)
	title.SizeName = theme.SizeNameSubHeadingText
	id := it.ID
	add := widget.NewButtonWithIcon(tr("录入实际值…"), theme.ContentAddIcon(), func() { u.actualForm(id, nil) })
	add.Importance = widget.HighImportance
	u.detailButtons = append(u.detailButtons, add)
	bar := container.NewBorder(nil, nil, nil, container.NewCenter(add), title)
	return container.NewVBox(container.NewPadded(bar), widget.NewSeparator())
}

// targetBlock shows the target as written and as understood.
func (u *UI) targetBlock(it domain.Item) fyne.CanvasObject {
	box := container.NewVBox(heading(tr("目标")))
	if it.Kind == domain.KindMilestone {
		text := tr("完成情况以“已完成 / 推进中 / 未完成”记录")
		if it.Hedge != "" {
			text = trf("原文表述：{{.H}}", "H", it.Hedge) + "。" + text
		}
		box.Add(wrapLabel(text))
		return box
	}
	box.Add(wrapLabel(tr("原文：") + it.Hedge + it.TargetText))
	t, ok, why := u.review.EffectiveTargetIn(it, language)
	dir := map[domain.Direction]string{domain.Higher: tr("越高越好"), domain.Lower: tr("越低越好")}[t.Direction]
	understood := t.StringIn(language) + tr("，") + dir
	if !ok {
		understood = why
	} else if !it.Target.HasValue() {
		if o, has := u.review.Override(it); has {
			understood += "（" + trf("{{.By}}录入：{{.T}}", "By", o.By, "T", o.Text)
			if o.Reason != "" {
				understood += "，" + o.Reason
			}
			understood += "）"
		}
	}
	box.Add(wrapLabel(tr("理解：") + understood))
	if t.HasValue() && t.Multiplier > 1 {
		box.Add(wrapLabel(trf("单位：{{.U}}（= {{.M}} {{.B}}）", "U", t.Unit, "M", domain.FormatNumber(t.Multiplier), "B", t.BaseUnit)))
	}
	measure := map[domain.Measure]string{domain.Cumulative: tr("年内累计，按序时进度比较"),
		domain.Rate: tr("增速或变化幅度，与目标直接比较"), domain.Level: tr("时点水平，与目标直接比较")}[it.Measure]
	box.Add(wrapLabel(tr("口径：") + measure))
	if !it.Deadline.IsZero() {
		box.Add(wrapLabel(trf("期限：{{.D}}末（{{.P}}）", "D", domain.DeadlineNameIn(it.Deadline, language), "P", periodLabel(it.Deadline))))
	}
	if it.SameAs != "" {
		o, _ := u.plan.Item(it.SameAs)
		box.Add(wrapLabel(trf("与附件1指标 {{.ID}}（{{.N}}）为同一指标，共用实际值。", "ID", it.SameAs, "N", o.Name)))
	}
	if it.Parent != "" {
		o, _ := u.plan.Item(it.Parent)
		box.Add(wrapLabel(trf("为 {{.ID}}（{{.N}}）的其中项。", "ID", it.Parent, "N", o.Name)))
	}
	if pc := it.Parcel; pc != nil {
		bd := pc.Boundaries
		box.Add(wrapLabel(fmt.Sprintf("%s东至%s、南至%s、西至%s、北至%s", tr("四至："), bd.East, bd.South, bd.West, bd.North)))
		box.Add(wrapLabel(trf("面积：{{.A}}亩　公共利益类型：{{.T}}　实施主体：{{.I}}", "A", fmt.Sprintf("%.2f", pc.AreaMu),
			"T", pc.InterestType, "I", strings.Join(pc.Implementers, "、"))))
	}
	if !it.Target.HasValue() {
		id := it.ID
		box.Add(widget.NewButtonWithIcon(tr("录入目标…"), theme.DocumentCreateIcon(), func() { u.targetForm(id) }))
	}
	return box
}

// sourceBlock shows the source sentence inside its paragraph, the
// sentence in bold, so a reader sees the words around a figure.
func (u *UI) sourceBlock(it domain.Item) fyne.CanvasObject {
	box := container.NewVBox(heading(tr("原文出处")))
	para := paragraphOf(u.st.Notice(), it.SourceQuote)
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapWord
	if i := strings.Index(para, it.SourceQuote); para != "" && i >= 0 {
		rt.Segments = []widget.RichTextSegment{
			&widget.TextSegment{Text: cjk.MarkBreaks(para[:i]), Style: widget.RichTextStyleInline},
			&widget.TextSegment{Text: cjk.MarkBreaks(it.SourceQuote), Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: cjk.MarkBreaks(para[i+len(it.SourceQuote):]), Style: widget.RichTextStyleInline},
		}
	} else {
		rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: cjk.MarkBreaks(it.SourceQuote), Style: widget.RichTextStyleStrong}}
	}
	rt.Refresh()
	box.Add(rt)
	if it.Note != "" {
		box.Add(wrapLabel(it.Note))
	}
	return box
}

// paragraphOf finds the notice's paragraph holding a body quote; table
// rows (whose quotes have no white space) are shown alone.
func paragraphOf(notice, quote string) string {
	if notice == "" || !strings.Contains(notice, quote) {
		return ""
	}
	for _, line := range strings.Split(notice, "\n") {
		if strings.Contains(line, quote) {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// actualsBlock lists the recorded figures with their source, and the
// buttons to add, correct and delete them.
func (u *UI) actualsBlock(it domain.Item) fyne.CanvasObject {
	id := it.ID
	box := container.NewVBox(heading(tr("实际值（年内累计）")))
	if it.SameAs != "" {
		box.Add(wrapLabel(trf("录入时记入 {{.ID}}。", "ID", it.SameAs)))
	}
	as := u.review.Actuals(it)
	if len(as) == 0 {
		box.Add(wrapLabel(tr("尚未录入。")))
	}
	tracked, _ := u.plan.Item(domain.TrackedID(it))
	for i := len(as) - 1; i >= 0; i-- {
		a := as[i]
		v := domain.FormatNumber(a.Value) + tracked.Target.Unit
		if a.Outcome != "" {
			v = tr(domain.OutcomeLabel(a.Outcome))
		}
		line := periodLabel(a.Period) + tr("　") + v
		if a.Source != "" {
			line += tr("　") + tr("来源：") + a.Source
		}
		if a.SourceDate != "" {
			line += paren(a.SourceDate)
		}
		line += tr("　") + trf("{{.By}}录入", "By", a.By)
		act := a
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { u.actualForm(id, &act) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { u.confirmDeleteActual(id, act.Period) })
		if u.isLocked(a.Period) {
			edit.Disable()
			del.Disable()
			line += tr("　") + tr("（已锁定）")
		}
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), wrapLabel(line)))
	}
	return box
}

// notesBlock lists the notes with buttons to add, edit and delete them.
func (u *UI) notesBlock(it domain.Item) fyne.CanvasObject {
	id := it.ID
	add := widget.NewButtonWithIcon(tr("添加备注…"), theme.ContentAddIcon(), func() { u.noteForm(id, nil) })
	u.detailButtons = append(u.detailButtons, add)
	box := container.NewVBox(container.NewBorder(nil, nil, nil, add, heading(tr("备注"))))
	notes, err := u.st.Notes(id)
	if err != nil {
		box.Add(wrapLabel(err.Error()))
		return box
	}
	if len(notes) == 0 {
		box.Add(wrapLabel(tr("暂无备注。")))
	}
	for i := len(notes) - 1; i >= 0; i-- {
		n := notes[i]
		when := tr("不限期间")
		if !n.Period.IsZero() {
			when = periodLabel(n.Period)
		}
		text := trf("［{{.P}}］", "P", when) + n.Body + paren(n.Author+tr("，")+n.Updated.Format("2006-01-02"))
		note := n
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { u.noteForm(id, &note) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { u.confirmDeleteNote(note) })
		if !n.Period.IsZero() && u.isLocked(n.Period) {
			edit.Disable()
			del.Disable()
		}
		line := container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), wrapLabel(text))
		if n.ID == u.revealNote {
			u.reveal = line
		}
		box.Add(line)
	}
	return box
}

// manualBlock shows a manual status in force and the button to set one.
func (u *UI) manualBlock(it domain.Item) fyne.CanvasObject {
	id := it.ID
	set := widget.NewButtonWithIcon(tr("人工认定…"), theme.DocumentCreateIcon(), func() { u.manualForm(id) })
	box := container.NewVBox(container.NewBorder(nil, nil, nil, set, heading(tr("人工认定"))))
	if m, ok := u.review.Manual(it, u.asOf); ok {
		box.Add(wrapLabel(trf("自{{.P}}起认定为“{{.L}}”：{{.R}}（{{.By}}）", "P", m.Period.Label(), "L", tr(m.Code.Label()),
			"R", m.Reason, "By", m.By)))
		p := m.Period
		clear := widget.NewButton(tr("取消认定"), func() { u.clearManual(id, p) })
		if u.isLocked(p) {
			clear.Disable()
		}
		box.Add(clear)
	} else {
		box.Add(wrapLabel(tr("未人工认定：状态由规则计算。")))
	}
	return box
}

// historyBlock lists the item's changes, newest first.
func (u *UI) historyBlock(it domain.Item) fyne.CanvasObject {
	box := container.NewVBox(heading(tr("修改记录")))
	h, err := u.st.History(it.ID)
	if err != nil {
		box.Add(wrapLabel(err.Error()))
		return box
	}
	sort.Slice(h, func(i, j int) bool { return h[i].ID > h[j].ID })
	if len(h) == 0 {
		box.Add(wrapLabel(tr("暂无修改。")))
	}
	for i, c := range h {
		if i == historyShown && u.allHistory != it.ID {
			id := it.ID
			box.Add(widget.NewButton(trf("显示全部（另有{{.N}}条）", "N", len(h)-historyShown), func() {
				u.allHistory = id
				u.showDetail(id)
			}))
			break
		}
		box.Add(wrapLabel(u.changeText(c)))
	}
	return box
}

// historyShown is how many changes an item's history lists before a
// 显示全部 button: a long history would make the pane slow to build.
const historyShown = 50
