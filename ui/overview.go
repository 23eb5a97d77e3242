package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// keyLabel names a status key in the window's language: 符合预期, or
// 按1-9月数据符合预期.
func keyLabel(k domain.StatusKey) string {
	if k.Early.IsZero() {
		return tr(k.Code.Label())
	}
	return trf("按{{.P}}数据{{.S}}", "P", periodLabel(k.Early), "S", tr(k.Code.Label()))
}

// overviewPane is the overview: counts by status for each part of the
// plan, drawn as a bar as well as numbers, and the items that need
// attention; before anything is recorded, how to begin. It is drawn anew
// for each review the window hands it.
type overviewPane struct {
	box   *fyne.Container // scrolled by the window
	hooks overviewHooks

	plan     *domain.Plan
	review   *domain.Review
	asOf     domain.Period
	statuses map[string]domain.Status
	lock     *store.Lock // the period's lock, nil when it is open
}

// overviewHooks are what the overview's buttons do in the window.
type overviewHooks struct {
	open         func(id string) // show an item
	record       func(id string) // show an item and record a figure for it
	allConcerns  func()          // list every item needing attention
	saveTemplate func()
	importFile   func()
}

func newOverviewPane(h overviewHooks) *overviewPane {
	return &overviewPane{box: container.NewVBox(), hooks: h}
}

// show draws the overview of review r at asOf.
func (v *overviewPane) show(p *domain.Plan, r *domain.Review, asOf domain.Period, statuses map[string]domain.Status, lock *store.Lock) {
	v.plan, v.review, v.asOf, v.statuses, v.lock = p, r, asOf, statuses, lock
	v.build()
}

// countStatuses counts the statuses of the items the filter keeps.
func (v *overviewPane) countStatuses(filter func(domain.Item) bool) domain.Tally {
	n := domain.Tally{}
	for _, it := range v.plan.Items {
		if filter(it) {
			n.Add(v.statuses[it.ID])
		}
	}
	return n
}

// build fills the overview: counts by status for each part of the
// plan, drawn as a bar as well as numbers, and the items that need
// attention.
func (v *overviewPane) build() {
	// Objects are gathered first and set once: Container.Add lays the box
	// out again on every call, which made a long list quadratic.
	o := &fyne.Container{}
	defer func() {
		v.box.Objects = o.Objects
		v.box.Refresh()
	}()
	o.Add(widget.NewLabelWithStyle(trf("截至{{.Y}}年{{.P}}（{{.N}}）执行情况", "Y", v.asOf.Year, "P", periodLabel(v.asOf),
		"N", tr(v.asOf.Name())), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if l := v.lock; l != nil {
		lk := wrapLabel(trf("本期已锁定：{{.By}}，{{.At}}。{{.Reason}}", "By", l.By, "At", l.At.Format("2006-01-02"), "Reason", l.Reason))
		lk.Importance = widget.WarningImportance
		o.Add(lk)
	}
	if v.nothingRecorded() {
		v.addGuide(o)
		return
	}
	parts := []struct {
		title string
		kind  domain.Kind
	}{{"主要指标（附件1）", domain.KindIndicator}, {"量化任务", domain.KindCommitment}, {"重点事项", domain.KindMilestone}, {"房屋征收地块（附件2）", domain.KindParcel}}
	total := v.countStatuses(func(domain.Item) bool { return true })
	o.Add(newStatusBar(total))
	o.Add(v.countLine(tr("全部项目"), total))
	for _, p := range parts {
		kind := p.kind
		n := v.countStatuses(func(it domain.Item) bool { return it.Kind == kind })
		if kind == domain.KindIndicator {
			// As the brief counts them: 20 numbered indicators, each the
			// worst of its rows.
			n = domain.Tally{}
			for _, s := range v.review.IndicatorRollup(v.asOf) {
				n.Add(s)
			}
		}
		o.Add(widget.NewSeparator())
		o.Add(v.countLine(tr(p.title), n))
		o.Add(newStatusBar(n))
	}
	o.Add(newLegend(total.HasEarly()))
	o.Add(widget.NewSeparator())
	o.Add(widget.NewLabelWithStyle(tr("需关注事项"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	// The first items needing attention, in the notice's order; all of
	// them are a click away in the table (a province's plan can have
	// thousands, more than a page can show).
	const shown = 30
	concerns := v.plan.Concerns(func(it domain.Item) domain.Status { return v.statuses[it.ID] })
	for _, cn := range concerns[:min(shown, len(concerns))] {
		o.Add(v.concernRow(cn))
	}
	switch n := len(concerns); {
	case n == 0:
		o.Add(widget.NewLabel(tr("暂无滞后或未完成的项目。")))
	case n > shown:
		o.Add(widget.NewButton(trf("查看全部{{.N}}项需关注事项", "N", n), v.hooks.allConcerns))
	}
}

// nothingRecorded reports whether the overview has nothing to count yet:
// no figure recorded and no status that is not grey.
func (v *overviewPane) nothingRecorded() bool {
	if _, any := v.review.Newest(); any {
		return false
	}
	for _, s := range v.statuses {
		if s.Code.Tone() != domain.ToneNone {
			return false
		}
	}
	return true
}

// addGuide is the overview before anything is recorded: what the plan
// holds and how to begin, in place of bars and counts that would all be
// grey 暂无数据.
func (v *overviewPane) addGuide(o *fyne.Container) {
	n := map[domain.Kind]int{}
	for _, it := range v.plan.Items {
		n[it.Kind]++
	}
	o.Add(wrapLabel(trf("本计划共{{.N}}项：主要指标{{.I}}行、量化任务{{.C}}项、重点事项{{.M}}项、房屋征收地块{{.P}}个。尚未录入任何实际值，录入后每项的状态和理由自动给出。",
		"N", len(v.plan.Items), "I", n[domain.KindIndicator], "C", n[domain.KindCommitment], "M", n[domain.KindMilestone], "P", n[domain.KindParcel])))
	o.Add(widget.NewSeparator())
	o.Add(widget.NewLabelWithStyle(tr("如何开始"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	first := ""
	if len(v.plan.Items) > 0 {
		first = v.plan.Items[0].ID
	}
	record := widget.NewButtonWithIcon(tr("录入实际值…"), theme.ContentAddIcon(), func() { v.hooks.record(first) })
	record.Importance = widget.HighImportance
	o.Add(wrapLabel(tr("录入实际值：在左侧或表格中选中一项，在右侧点“录入实际值…”，填写期间（如1-9月）、数值和来源。重点事项记为已完成、推进中或未完成。")))
	o.Add(container.New(layout.NewRowWrapLayout(), record))
	o.Add(wrapLabel(tr("从Excel导入：先保存填报模板，按统计部门公布的数据填好后导入。导入前逐行预览将写入的内容，有问题的行写明原因，一行有误则全部不写入。")))
	// Buttons wrap rather than hold a narrow pane wider than the screen.
	o.Add(container.New(layout.NewRowWrapLayout(),
		widget.NewButtonWithIcon(tr("保存填报模板…"), theme.DocumentSaveIcon(), v.hooks.saveTemplate),
		widget.NewButtonWithIcon(tr("从Excel导入…"), theme.UploadIcon(), v.hooks.importFile)))
	o.Add(wrapLabel(tr("录入后在工具栏选择截至期间，点“生成简报…”即得PDF简报。")))
	o.Add(widget.NewSeparator())
	o.Add(wrapLabel(tr("录入后，总览和表格以这些颜色区分各项状态：")))
	o.Add(newLegend(false))
}

// countLine writes the counts as text: 主要指标 22项：完成 3，……
func (v *overviewPane) countLine(title string, n domain.Tally) fyne.CanvasObject {
	total := 0
	var groups []string // the asked period's counts, then each earlier period's
	var parts []string
	var period domain.Period
	for _, k := range n.Keys() { // early keys come last, by period
		total += n[k]
		if k.Early != period {
			if len(parts) > 0 {
				groups = append(groups, strings.Join(parts, tr("，")))
			}
			period, parts = k.Early, []string{trf("按{{.P}}数据：", "P", periodLabel(k.Early))}
			parts[0] += fmt.Sprintf("%s %d", tr(k.Code.Label()), n[k])
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d", tr(k.Code.Label()), n[k]))
	}
	if len(parts) > 0 {
		groups = append(groups, strings.Join(parts, tr("，")))
	}
	return wrapLabel(trf("{{.T}} {{.N}}项：", "T", title, "N", total) + strings.Join(groups, tr("；")))
}

// concernRow is one finding of 需关注事项: badge, ID and name (with the
// linked items it stands for too), reason; tapping it opens the item.
func (v *overviewPane) concernRow(cn domain.Concerned) fyne.CanvasObject {
	it, s := cn.Item, cn.Status
	b := newBadge()
	b.set(s)
	if s.Early {
		b.text.Text = keyLabel(domain.KeyOf(s))
	}
	title := it.ID + " " + it.Name
	for _, also := range cn.Also {
		title += " · " + trf("同{{.ID}}", "ID", also.ID)
	}
	id := it.ID
	open := widget.NewButton(title, func() { v.hooks.open(id) })
	open.Alignment = widget.ButtonAlignLeading
	reason := wrapLabel(s.ReasonIn(language))
	return container.NewVBox(container.NewBorder(nil, nil, b, nil, open), reason)
}

// statusBar draws counts as one bar in the groups of domain.StatusGroups
// (as the brief does), divided by thin rules, each part with its number
// when it fits.
type statusBar struct {
	widget.BaseWidget
	counts []int
}

func newStatusBar(counts domain.Tally) *statusBar {
	b := &statusBar{counts: make([]int, len(domain.StatusGroups))}
	for k, n := range counts {
		b.counts[k.Group()] += n
	}
	b.ExtendBaseWidget(b)
	return b
}

func (b *statusBar) CreateRenderer() fyne.WidgetRenderer {
	r := &statusBarRenderer{b: b, parts: make([]*canvas.Rectangle, len(b.counts)), texts: make([]*canvas.Text, len(b.counts))}
	for i, g := range domain.StatusGroups {
		bg, dark := ToneColor(g.Tone)
		r.parts[i] = canvas.NewRectangle(bg)
		fg := color.Color(color.White)
		if dark {
			fg = color.Black
		}
		r.texts[i] = canvas.NewText(fmt.Sprint(b.counts[i]), fg)
		r.texts[i].Alignment = fyne.TextAlignCenter
		r.texts[i].TextStyle.Bold = true
	}
	return r
}

type statusBarRenderer struct {
	b     *statusBar
	parts []*canvas.Rectangle
	texts []*canvas.Text
}

func (r *statusBarRenderer) Layout(size fyne.Size) {
	total := 0
	for _, n := range r.b.counts {
		total += n
	}
	x := float32(0)
	for i, n := range r.b.counts {
		w := float32(0)
		if total > 0 {
			w = size.Width * float32(n) / float32(total)
		}
		gap := float32(0)
		if n > 0 && x > 0 {
			gap = 2 // a divider, so two parts never run together
		}
		r.parts[i].Move(fyne.NewPos(x+gap, 0))
		r.parts[i].Resize(fyne.NewSize(max(0, w-gap), size.Height))
		r.parts[i].Hidden = n == 0
		t := r.texts[i]
		t.Text = fmt.Sprint(n)
		t.Move(fyne.NewPos(x+gap, (size.Height-t.MinSize().Height)/2))
		t.Resize(fyne.NewSize(max(0, w-gap), t.MinSize().Height))
		t.Hidden = n == 0 || t.MinSize().Width+4 > w-gap
		x += w
	}
}

func (r *statusBarRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 22) }
func (r *statusBarRenderer) Refresh() {
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *statusBarRenderer) Objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, p := range r.parts {
		out = append(out, p)
	}
	for _, t := range r.texts {
		out = append(out, t)
	}
	return out
}
func (r *statusBarRenderer) Destroy() {}

// newLegend names the bars' colours, the early group's only when a bar
// shows it. The names wrap onto a second line in a narrow pane rather than
// widen the window: in English the four take 700 px.
func newLegend(early bool) fyne.CanvasObject {
	box := container.New(layout.NewRowWrapLayoutWithCustomPadding(0, 0))
	for i, g := range domain.StatusGroups {
		if i == domain.EarlyGroup && !early {
			continue
		}
		bg, _ := ToneColor(g.Tone)
		sw := canvas.NewRectangle(bg)
		sw.SetMinSize(fyne.NewSize(12, 12))
		box.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(tr(g.Label))))
	}
	return box
}
