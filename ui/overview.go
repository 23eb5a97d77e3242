package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model"
)

// countByCode counts items' statuses.
func (u *UI) countByCode(filter func(model.Item) bool) map[model.Code]int {
	n := map[model.Code]int{}
	for _, it := range u.plan.Items {
		if filter(it) {
			n[u.statuses[it.ID].Code]++
		}
	}
	return n
}

// buildOverview fills the overview: counts by status for each part of the
// plan, drawn as a bar as well as numbers, and the items that need
// attention.
func (u *UI) buildOverview() {
	// Objects are gathered first and set once: Container.Add lays the box
	// out again on every call, which made a long list quadratic.
	o := &fyne.Container{}
	defer func() {
		u.overview.Objects = o.Objects
		u.overview.Refresh()
	}()
	o.Add(widget.NewLabelWithStyle(trf("截至{{.Y}}年{{.P}}（{{.N}}）执行情况", "Y", u.asOf.Year, "P", u.asOf.Label(),
		"N", tr(u.asOf.Name())), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if l, ok := u.locks[u.asOf]; ok {
		lk := wrapLabel(trf("本期已锁定：{{.By}}，{{.At}}。{{.Reason}}", "By", l.By, "At", l.At.Format("2006-01-02"), "Reason", l.Reason))
		lk.Importance = widget.WarningImportance
		o.Add(lk)
	}
	parts := []struct {
		title string
		kind  model.Kind
	}{{"主要指标（附件1）", model.KindIndicator}, {"量化任务", model.KindCommitment}, {"重点事项", model.KindMilestone}, {"房屋征收地块（附件2）", model.KindParcel}}
	total := u.countByCode(func(model.Item) bool { return true })
	o.Add(newStatusBar(total))
	o.Add(u.countLine(tr("全部项目"), total))
	for _, p := range parts {
		kind := p.kind
		n := u.countByCode(func(it model.Item) bool { return it.Kind == kind })
		if kind == model.KindIndicator {
			// As the brief counts them: 20 numbered indicators, each the
			// worst of its rows.
			n = map[model.Code]int{}
			for _, s := range u.review.IndicatorRollup(u.asOf) {
				n[s.Code]++
			}
		}
		o.Add(widget.NewSeparator())
		o.Add(u.countLine(tr(p.title), n))
		o.Add(newStatusBar(n))
	}
	o.Add(newLegend())
	o.Add(widget.NewSeparator())
	o.Add(widget.NewLabelWithStyle(tr("需关注事项"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	// The first items needing attention, in the notice's order; all of
	// them are a click away in the table (a province's plan can have
	// thousands, more than a page can show).
	const shown = 30
	n := 0
	for _, it := range u.plan.Items {
		s := u.statuses[it.ID]
		if !s.Code.Concern() {
			continue
		}
		n++
		if n <= shown {
			o.Add(u.concernRow(it, s))
		}
	}
	switch {
	case n == 0:
		o.Add(widget.NewLabel(tr("暂无滞后或未完成的项目。")))
	case n > shown:
		o.Add(widget.NewButton(trf("查看全部{{.N}}项需关注事项", "N", n), func() {
			u.selectNav("all")
			u.statusSel.SetSelected(tr("需关注"))
		}))
	}
}

// countLine writes the counts as text: 主要指标 22项：完成 3项，……
func (u *UI) countLine(title string, n map[model.Code]int) fyne.CanvasObject {
	total := 0
	parts := ""
	for _, c := range model.Codes {
		if n[c] == 0 {
			continue
		}
		total += n[c]
		if parts != "" {
			parts += "，"
		}
		parts += fmt.Sprintf("%s %d", tr(c.Label()), n[c])
	}
	return wrapLabel(trf("{{.T}} {{.N}}项：", "T", title, "N", total) + parts)
}

// concernRow is one item of 需关注事项: badge, ID and name, reason; tapping
// it opens the item.
func (u *UI) concernRow(it model.Item, s model.Status) fyne.CanvasObject {
	b := newBadge()
	b.set(s)
	id := it.ID
	open := widget.NewButton(it.ID+" "+it.Name, func() { u.selectItem(id) })
	open.Alignment = widget.ButtonAlignLeading
	reason := wrapLabel(s.Reason)
	return container.NewVBox(container.NewBorder(nil, nil, b, nil, open), reason)
}

// statusBar draws counts as one bar in the four groups of
// model.StatusGroups (as the brief does), divided by thin rules, each part
// with its number when it fits.
type statusBar struct {
	widget.BaseWidget
	counts [4]int
}

func newStatusBar(counts map[model.Code]int) *statusBar {
	b := &statusBar{}
	for c, n := range counts {
		b.counts[c.Group()] += n
	}
	b.ExtendBaseWidget(b)
	return b
}

func (b *statusBar) CreateRenderer() fyne.WidgetRenderer {
	r := &statusBarRenderer{b: b}
	for i, g := range model.StatusGroups {
		bg, dark := StatusColor(toneCode(g.Tone))
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

// toneCode is a status code of the tone, for its colour.
func toneCode(t model.Tone) model.Code {
	for _, c := range model.Codes {
		if c.Tone() == t {
			return c
		}
	}
	return model.NoData
}

type statusBarRenderer struct {
	b     *statusBar
	parts [4]*canvas.Rectangle
	texts [4]*canvas.Text
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

// newLegend names the bars' four colours. The names wrap onto a second
// line in a narrow pane rather than widen the window: in English the four
// take 700 px.
func newLegend() fyne.CanvasObject {
	box := container.New(layout.NewRowWrapLayoutWithCustomPadding(0, 0))
	for _, g := range model.StatusGroups {
		bg, _ := StatusColor(toneCode(g.Tone))
		sw := canvas.NewRectangle(bg)
		sw.SetMinSize(fyne.NewSize(12, 12))
		box.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(tr(g.Label))))
	}
	return box
}
