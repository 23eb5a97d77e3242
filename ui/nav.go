package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// navEntry is one line of the navigation: the notice's own structure.
type navEntry struct {
	key    navTarget
	title  string
	indent bool
}

// navigation is the pane on the left: the notice's structure, each entry
// with its count of items and, once they are judged, of those needing
// attention. It tells the window when the reviewer picks an entry.
type navigation struct {
	plan     *domain.Plan
	statuses map[string]domain.Status // the items' statuses at the window's period; nil until judged
	entries  []navEntry
	list     *widget.List
	shown    navTarget // the entry picked
}

// newNavigation builds the pane on the overview; picked is told of every
// entry picked after that, traced of every row drawn.
func newNavigation(p *domain.Plan, tips *tooltips, traced func(fyne.CanvasObject, string), picked func(navTarget)) *navigation {
	n := &navigation{plan: p, entries: navEntries(p), shown: navTo(navOverview)}
	n.list = widget.NewList(
		func() int { return len(n.entries) },
		func() fyne.CanvasObject { return newNavRow(tips) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := n.entries[id]
			count, concern := -1, 0
			if n.statuses != nil && e.key.kind != navOverview {
				count, concern = n.count(e.key)
			}
			o.(*navRow).set(e, count, concern)
			traced(o, e.title)
		})
	n.list.Select(0)
	n.list.OnSelected = func(id widget.ListItemID) {
		n.shown = n.entries[id].key
		picked(n.shown)
	}
	return n
}

func navEntries(p *domain.Plan) []navEntry {
	out := []navEntry{{key: navTo(navOverview), title: tr("总览")}, {key: navTo(navAll), title: tr("全部项目")},
		{key: navTo(navIndicators), title: tr("附件1 主要目标")}}
	for _, s := range p.Sections {
		if s.Part == "annex1" {
			out = append(out, navEntry{key: navToSection(s.ID), title: s.Title, indent: true})
		}
	}
	out = append(out, navEntry{key: navTo(navWork), title: tr("重点工作")})
	for _, s := range p.Sections {
		if s.Part == "body" {
			// 一、聚焦扩大内需，展现投资消费新气象 → 一、聚焦扩大内需: the
			// first clause is how people name a section, and it fits.
			title, _, _ := strings.Cut(s.Title, "，")
			out = append(out, navEntry{key: navToSection(s.ID), title: title, indent: true})
		}
	}
	return append(out, navEntry{key: navTo(navMilestones), title: tr("重点事项")},
		navEntry{key: navTo(navParcels), title: tr("附件2 房屋征收计划")})
}

// count counts an entry's items and those needing attention.
func (n *navigation) count(key navTarget) (items, concern int) {
	for _, it := range n.plan.Items {
		if key.holds(it) {
			items++
			if n.statuses[it.ID].Code.Concern() {
				concern++
			}
		}
	}
	return items, concern
}

// refresh redraws the counts for the items' new statuses (of a new plan
// after a restore).
func (n *navigation) refresh(p *domain.Plan, statuses map[string]domain.Status) {
	n.plan, n.statuses = p, statuses
	n.list.Refresh()
}

// pick switches the pane to key, as a tap on its entry does.
func (n *navigation) pick(key navTarget) {
	for i, e := range n.entries {
		if e.key == key {
			n.list.Select(i)
			return
		}
	}
	panic(fmt.Sprintf("no navigation entry %v", key))
}

// selectNav switches the navigation to key.
func (u *UI) selectNav(key navTarget) { u.nav.pick(key) }

// navRow is one line of the navigation: the entry's name, cut with "…"
// when the pane is narrow, then its item count and, in a red badge, how
// many need attention. The counts are laid out apart from the name, so
// they always show whole; resting the pointer on the row shows the whole
// name and what the numbers mean.
type navRow struct {
	widget.BaseWidget
	tips    *tooltips
	hover   *canvas.Rectangle // the list's own hover highlight, which this row takes the pointer from
	title   *widget.Label
	count   *widget.Label
	concern *badge
	line    *fyne.Container // title and counts, laid out again when they change
	entry   navEntry
	tip     string
}

func newNavRow(tips *tooltips) *navRow {
	r := &navRow{tips: tips, hover: canvas.NewRectangle(color.Transparent), title: widget.NewLabel(""),
		count: widget.NewLabel(""), concern: newBadge()}
	r.title.Truncation = fyne.TextTruncateEllipsis
	// A margin keeps the badge clear of the list's scroll bar.
	margin := canvas.NewRectangle(color.Transparent)
	margin.SetMinSize(fyne.NewSize(6, 0))
	r.line = container.NewBorder(nil, nil, nil, container.NewHBox(r.count, container.NewCenter(r.concern), margin), r.title)
	r.ExtendBaseWidget(r)
	return r
}

// set shows an entry with n items (n < 0: no count, as for 总览), concern
// of them needing attention.
func (r *navRow) set(e navEntry, n, concern int) {
	r.entry = e
	text := e.title
	if e.indent {
		text = "    " + text
	}
	r.title.TextStyle.Bold = !e.indent
	r.title.SetText(text)
	r.tip = e.title
	r.count.SetText("")
	r.concern.Hide()
	if n >= 0 {
		r.count.SetText(fmt.Sprint(n))
		r.tip = trf("{{.T}}：{{.N}}项", "T", e.title, "N", n)
		if concern > 0 {
			r.concern.setText(fmt.Sprint(concern), domain.Behind)
			r.concern.Show()
			r.tip = trf("{{.T}}：{{.N}}项，其中{{.C}}项需关注", "T", e.title, "N", n, "C", concern)
		}
	}
	r.line.Refresh()
}

func (r *navRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.hover, r.line))
}

// MouseIn shows the tip and the hover highlight.
func (r *navRow) MouseIn(e *desktop.MouseEvent) {
	r.hover.FillColor = theme.Color(theme.ColorNameHover)
	r.hover.Refresh()
	r.tips.show(r.tip, e.AbsolutePosition)
}

// MouseMoved keeps the tip by the pointer.
func (r *navRow) MouseMoved(e *desktop.MouseEvent) { r.tips.show(r.tip, e.AbsolutePosition) }

// MouseOut hides them.
func (r *navRow) MouseOut() {
	r.hover.FillColor = color.Transparent
	r.hover.Refresh()
	r.tips.hide()
}
