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

// detailPane is the right-hand pane: one item's target, chart, source,
// figures, notes, manual status and history, with the buttons that open
// their forms. Its name and 录入实际值 stay at the top; the rest scrolls.
type detailPane struct {
	host  detailHost
	reads detailReads

	// what it shows, as the window last judged it
	plan     *domain.Plan
	review   *domain.Review
	asOf     domain.Period
	statuses map[string]domain.Status
	lastYear lastYear // 上年目标 and 上年完成 (prior.go)
	units    unitBook

	pane       *fyne.Container // head over the scrolled body
	head       *fyne.Container // the item's name and 录入实际值
	body       *fyne.Container // the scrolled part
	box        *container.Scroll
	buttons    []*widget.Button // for the trace
	shown      string           // the item the pane was built for
	allHistory string           // the item whose whole history the pane lists
	revealNote int64            // a note just saved, for the pane to show
	reveal     fyne.CanvasObject
}

// detailHost is what the detail pane's buttons open in the window, and
// what it asks of it.
type detailHost interface {
	actualForm(id string, existing *domain.Actual)
	noteForm(id string, existing *domain.Note)
	manualForm(id string)
	targetForm(id string)
	pairForm(id string)
	unitForm(ids []string)
	confirmDeleteActual(id string, p domain.Period)
	confirmDeleteNote(n domain.Note)
	clearManual(id string, p domain.Period)
	isLocked(p domain.Period) bool
	changeText(c domain.Change) string
	trace(format string, args ...any)
	tracePlaces()
	conflictLine(id string) fyne.CanvasObject // 有N个填报值待裁定 and 裁定…, nil without
}

// detailReads are the store's reads the pane makes; they follow the
// window's store, which a restore replaces.
type detailReads struct {
	notes   func(itemID string) ([]domain.Note, error)
	history func(itemID string) ([]domain.Change, error)
	notice  func() string
}

func newDetailPane(host detailHost, reads detailReads) *detailPane {
	dp := &detailPane{host: host, reads: reads, body: container.NewVBox(), head: container.NewStack()}
	dp.box, _ = newWheelScroll(dp.body)
	dp.pane = container.NewBorder(dp.head, nil, nil, nil, dp.box)
	return dp
}

// judge hands the pane the window's review at its period.
func (dp *detailPane) judge(p *domain.Plan, r *domain.Review, asOf domain.Period, statuses map[string]domain.Status) {
	dp.plan, dp.review, dp.asOf, dp.statuses = p, r, asOf, statuses
}

// showDetail shows an item in the detail pane.
func (u *UI) showDetail(id string) { u.detail.show(id) }

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// show fills the right-hand pane with one item. Shown again, after
// a change to it, the pane keeps its scroll position, so what was just
// saved stays in view.
func (dp *detailPane) show(id string) {
	d := dp.body
	d.Objects = nil
	dp.head.Objects = nil
	dp.buttons = nil
	it, ok := dp.plan.Item(id)
	if !ok {
		d.Add(wrapLabel(tr("在左侧列表中选择一个项目，查看目标、原文、实际值、备注和修改记录。")))
		dp.shown = ""
		dp.head.Refresh()
		dp.box.Refresh()
		return
	}
	s := dp.statuses[it.ID]
	sec, _ := dp.plan.Section(it.Section)
	dp.head.Objects = []fyne.CanvasObject{dp.detailTitle(it)}
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
	if l := dp.host.conflictLine(it.ID); l != nil {
		d.Add(l)
	}

	d.Add(widget.NewSeparator())
	d.Add(dp.targetBlock(it))
	if it.Kind != domain.KindMilestone {
		// A qualitative target has no line to draw figures against.
		if t, ok, _ := dp.review.EffectiveTarget(it); ok && t.Basis != domain.BasisQualitative {
			d.Add(newChart(it, t, dp.review.Actuals(it), dp.asOf))
		}
	}
	if b := dp.priorBlock(it); b != nil {
		d.Add(widget.NewSeparator())
		d.Add(b)
	}
	d.Add(widget.NewSeparator())
	d.Add(dp.unitsBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(dp.sourceBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(dp.actualsBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(dp.notesBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(dp.manualBlock(it))
	d.Add(widget.NewSeparator())
	d.Add(dp.historyBlock(it))
	dp.head.Refresh()
	dp.box.Refresh()
	if dp.shown != id {
		dp.shown = id
		dp.box.ScrollToTop()
	}
	dp.scrollIntoView(dp.reveal)
	dp.reveal, dp.revealNote = nil, 0
	dp.host.trace("detail %s", id)
	dp.host.tracePlaces()
}

// scrollIntoView scrolls the detail pane the least that shows all of o,
// a part of it just saved.
func (dp *detailPane) scrollIntoView(o fyne.CanvasObject) {
	in, ok := posIn(dp.body, o)
	if o == nil || !ok {
		return
	}
	off, view := dp.box.Offset, dp.box.Size().Height
	switch {
	case in.Y < off.Y:
		off.Y = in.Y
	case in.Y+o.Size().Height > off.Y+view:
		off.Y = in.Y + o.Size().Height - view
	}
	dp.box.ScrollToOffset(off)
}

// detailTitle is the pane's fixed top: the item's ID and name, and the
// button to record a figure, which a long pane would otherwise push below
// the window's bottom edge.
func (dp *detailPane) detailTitle(it domain.Item) fyne.CanvasObject {
	title := heading(it.ID + "  " + it.Name)
	title.SizeName = theme.SizeNameSubHeadingText
	id := it.ID
	add := widget.NewButtonWithIcon(tr("录入实际值…"), theme.ContentAddIcon(), func() { dp.host.actualForm(id, nil) })
	add.Importance = widget.HighImportance
	dp.buttons = append(dp.buttons, add)
	bar := container.NewBorder(nil, nil, nil, container.NewCenter(add), title)
	return container.NewVBox(container.NewPadded(bar), widget.NewSeparator())
}

// targetBlock shows the target as written and as understood.
func (dp *detailPane) targetBlock(it domain.Item) fyne.CanvasObject {
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
	t, ok, why := dp.review.EffectiveTargetIn(it, language)
	dir := map[domain.Direction]string{domain.Higher: tr("越高越好"), domain.Lower: tr("越低越好")}[t.Direction]
	understood := t.StringIn(language) + tr("，") + dir
	if t.Basis == domain.BasisQualitative {
		// No arithmetic judges it, so no better way is claimed.
		understood = t.StringIn(language) + tr("，") + tr("由审阅人判断")
	}
	if !ok {
		understood = why
	} else if it.Target.Open() {
		if o, has := dp.review.Override(it); has {
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
	if it.Target.Basis != domain.BasisQualitative {
		box.Add(wrapLabel(tr("口径：") + measure))
	}
	if !it.Deadline.IsZero() {
		box.Add(wrapLabel(trf("期限：{{.D}}末（{{.P}}）", "D", domain.DeadlineNameIn(it.Deadline, language), "P", periodLabel(it.Deadline))))
	}
	if it.SameAs != "" {
		o, _ := dp.plan.Item(it.SameAs)
		box.Add(wrapLabel(trf("与附件1指标 {{.ID}}（{{.N}}）为同一指标，共用实际值。", "ID", it.SameAs, "N", o.Name)))
	}
	if it.Parent != "" {
		o, _ := dp.plan.Item(it.Parent)
		box.Add(wrapLabel(trf("为 {{.ID}}（{{.N}}）的其中项。", "ID", it.Parent, "N", o.Name)))
	}
	if pc := it.Parcel; pc != nil {
		bd := pc.Boundaries
		box.Add(wrapLabel(fmt.Sprintf("%s东至%s、南至%s、西至%s、北至%s", tr("四至："), bd.East, bd.South, bd.West, bd.North)))
		box.Add(wrapLabel(trf("面积：{{.A}}亩　公共利益类型：{{.T}}　实施主体：{{.I}}", "A", fmt.Sprintf("%.2f", pc.AreaMu),
			"T", pc.InterestType, "I", strings.Join(pc.Implementers, "、"))))
	}
	if it.Target.Open() {
		id := it.ID
		box.Add(widget.NewButtonWithIcon(tr("录入目标…"), theme.DocumentCreateIcon(), func() { dp.host.targetForm(id) }))
	}
	return box
}

// sourceBlock shows the source sentence inside its paragraph, the
// sentence in bold, so a reader sees the words around a figure.
func (dp *detailPane) sourceBlock(it domain.Item) fyne.CanvasObject {
	box := container.NewVBox(heading(tr("原文出处")))
	para := paragraphOf(dp.reads.notice(), it.SourceQuote)
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
func (dp *detailPane) actualsBlock(it domain.Item) fyne.CanvasObject {
	id := it.ID
	box := container.NewVBox(heading(tr("实际值（年内累计）")))
	if it.SameAs != "" {
		box.Add(wrapLabel(trf("录入时记入 {{.ID}}。", "ID", it.SameAs)))
	}
	as := dp.review.Actuals(it)
	if len(as) == 0 {
		box.Add(wrapLabel(tr("尚未录入。")))
	}
	tracked, _ := dp.plan.Item(domain.TrackedID(it))
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
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { dp.host.actualForm(id, &act) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { dp.host.confirmDeleteActual(id, act.Period) })
		if dp.host.isLocked(a.Period) {
			edit.Disable()
			del.Disable()
			line += tr("　") + tr("（已锁定）")
		}
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), wrapLabel(line)))
	}
	return box
}

// notesBlock lists the notes with buttons to add, edit and delete them.
func (dp *detailPane) notesBlock(it domain.Item) fyne.CanvasObject {
	id := it.ID
	add := widget.NewButtonWithIcon(tr("添加备注…"), theme.ContentAddIcon(), func() { dp.host.noteForm(id, nil) })
	dp.buttons = append(dp.buttons, add)
	box := container.NewVBox(container.NewBorder(nil, nil, nil, add, heading(tr("备注"))))
	notes, err := dp.reads.notes(id)
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
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { dp.host.noteForm(id, &note) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { dp.host.confirmDeleteNote(note) })
		if !n.Period.IsZero() && dp.host.isLocked(n.Period) {
			edit.Disable()
			del.Disable()
		}
		line := container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), wrapLabel(text))
		if n.ID == dp.revealNote {
			dp.reveal = line
		}
		box.Add(line)
	}
	return box
}

// manualBlock shows a manual status in force and the button to set one.
func (dp *detailPane) manualBlock(it domain.Item) fyne.CanvasObject {
	id := it.ID
	set := widget.NewButtonWithIcon(tr("人工认定…"), theme.DocumentCreateIcon(), func() { dp.host.manualForm(id) })
	box := container.NewVBox(container.NewBorder(nil, nil, nil, set, heading(tr("人工认定"))))
	if m, ok := dp.review.Manual(it, dp.asOf); ok {
		box.Add(wrapLabel(trf("自{{.P}}起认定为“{{.L}}”：{{.R}}（{{.By}}）", "P", m.Period.Label(), "L", tr(m.Code.Label()),
			"R", m.Reason, "By", m.By)))
		p := m.Period
		clear := widget.NewButton(tr("取消认定"), func() { dp.host.clearManual(id, p) })
		if dp.host.isLocked(p) {
			clear.Disable()
		}
		box.Add(clear)
	} else {
		box.Add(wrapLabel(tr("未人工认定：状态由规则计算。")))
	}
	return box
}

// historyBlock lists the item's changes, newest first.
func (dp *detailPane) historyBlock(it domain.Item) fyne.CanvasObject {
	box := container.NewVBox(heading(tr("修改记录")))
	h, err := dp.reads.history(it.ID)
	if err != nil {
		box.Add(wrapLabel(err.Error()))
		return box
	}
	sort.Slice(h, func(i, j int) bool { return h[i].ID > h[j].ID })
	if len(h) == 0 {
		box.Add(wrapLabel(tr("暂无修改。")))
	}
	for i, c := range h {
		if i == historyShown && dp.allHistory != it.ID {
			id := it.ID
			box.Add(widget.NewButton(trf("显示全部（另有{{.N}}条）", "N", len(h)-historyShown), func() {
				dp.allHistory = id
				dp.show(id)
			}))
			break
		}
		box.Add(wrapLabel(dp.host.changeText(c)))
	}
	return box
}

// historyShown is how many changes an item's history lists before a
// 显示全部 button: a long history would make the pane slow to build.
const historyShown = 50
