package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	o := u.overview
	o.Objects = nil
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
		o.Add(widget.NewSeparator())
		o.Add(u.countLine(tr(p.title), n))
		o.Add(newStatusBar(n))
	}
	o.Add(widget.NewSeparator())
	o.Add(widget.NewLabelWithStyle(tr("需关注事项"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	any := false
	for _, it := range u.plan.Items {
		s := u.statuses[it.ID]
		if !s.Code.Concern() {
			continue
		}
		any = true
		o.Add(u.concernRow(it, s))
	}
	if !any {
		o.Add(widget.NewLabel(tr("暂无滞后或未完成的项目。")))
	}
	o.Refresh()
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

// statusBar draws counts by status as one bar split in proportion, each
// part in its status colour.
type statusBar struct {
	widget.BaseWidget
	counts map[model.Code]int
}

func newStatusBar(counts map[model.Code]int) *statusBar {
	b := &statusBar{counts: counts}
	b.ExtendBaseWidget(b)
	return b
}

func (b *statusBar) CreateRenderer() fyne.WidgetRenderer {
	r := &statusBarRenderer{b: b}
	r.build()
	return r
}

type statusBarRenderer struct {
	b     *statusBar
	parts []*canvas.Rectangle
	codes []model.Code
	texts []*canvas.Text
}

func (r *statusBarRenderer) build() {
	r.parts, r.codes, r.texts = nil, nil, nil
	for _, c := range model.Codes {
		if r.b.counts[c] == 0 {
			continue
		}
		bg, dark := StatusColor(c)
		r.parts = append(r.parts, canvas.NewRectangle(bg))
		r.codes = append(r.codes, c)
		fg := color.Color(color.White)
		if dark {
			fg = color.Black
		}
		t := canvas.NewText(fmt.Sprint(r.b.counts[c]), fg)
		t.Alignment = fyne.TextAlignCenter
		r.texts = append(r.texts, t)
	}
}

func (r *statusBarRenderer) Layout(size fyne.Size) {
	total := 0
	for _, c := range r.codes {
		total += r.b.counts[c]
	}
	x := float32(0)
	for i, c := range r.codes {
		w := size.Width * float32(r.b.counts[c]) / float32(total)
		r.parts[i].Move(fyne.NewPos(x, 0))
		r.parts[i].Resize(fyne.NewSize(w, size.Height))
		r.texts[i].Move(fyne.NewPos(x, (size.Height-r.texts[i].MinSize().Height)/2))
		r.texts[i].Resize(fyne.NewSize(w, r.texts[i].MinSize().Height))
		r.texts[i].Hidden = r.texts[i].MinSize().Width > w
		x += w
	}
}

func (r *statusBarRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 22) }
func (r *statusBarRenderer) Refresh() {
	r.build()
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
