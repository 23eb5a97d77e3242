package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model"
)

// navEntry is one line of the navigation: the notice's own structure.
type navEntry struct {
	key    string // overview, all, A1, C1…C5, body, S1…S6, milestones, A2
	title  string
	indent bool
}

func (u *UI) navEntries() []navEntry {
	out := []navEntry{{key: "overview", title: tr("总览")}, {key: "all", title: tr("全部项目")},
		{key: "A1", title: tr("附件1 主要目标")}}
	for _, s := range u.plan.Sections {
		if s.Part == "annex1" {
			out = append(out, navEntry{key: s.ID, title: s.Title, indent: true})
		}
	}
	out = append(out, navEntry{key: "body", title: tr("重点工作")})
	for _, s := range u.plan.Sections {
		if s.Part == "body" {
			// 一、聚焦扩大内需，展现投资消费新气象 → 一、聚焦扩大内需: the
			// first clause is how people name a section, and it fits.
			title, _, _ := strings.Cut(s.Title, "，")
			out = append(out, navEntry{key: s.ID, title: title, indent: true})
		}
	}
	return append(out, navEntry{key: "milestones", title: tr("重点事项")},
		navEntry{key: "A2", title: tr("附件2 房屋征收计划")})
}

// inNav reports whether an item belongs under a navigation entry.
func (u *UI) inNav(it model.Item, key string) bool {
	switch key {
	case "overview", "all":
		return true
	case "A1":
		return it.Kind == model.KindIndicator
	case "body":
		return it.Kind == model.KindCommitment || it.Kind == model.KindMilestone
	case "milestones":
		return it.Kind == model.KindMilestone
	case "A2":
		return it.Kind == model.KindParcel
	}
	return it.Section == key
}

// navCount counts an entry's items and those needing attention.
func (u *UI) navCount(key string) (n, concern int) {
	for _, it := range u.plan.Items {
		if u.inNav(it, key) {
			n++
			if u.statuses[it.ID].Code.Concern() {
				concern++
			}
		}
	}
	return n, concern
}

func (u *UI) buildNav() {
	u.navItems = u.navEntries()
	u.navList = widget.NewList(
		func() int { return len(u.navItems) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			count := widget.NewLabel("")
			count.Importance = widget.DangerImportance
			return container.NewBorder(nil, nil, nil, count, title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := u.navItems[id]
			c := o.(*fyne.Container)
			title := c.Objects[0].(*widget.Label)
			count := c.Objects[1].(*widget.Label)
			text := e.title
			if e.indent {
				text = "    " + text
			}
			count.SetText("")
			if u.statuses != nil && e.key != "overview" {
				n, concern := u.navCount(e.key)
				text += fmt.Sprintf("（%d）", n)
				if concern > 0 {
					count.SetText(trf("{{.C}}项需关注", "C", concern))
				}
			}
			title.TextStyle.Bold = !e.indent
			title.SetText(text)
			u.traceNav(title, e.title)
		})
	u.navList.OnSelected = func(id widget.ListItemID) {
		u.nav = u.navItems[id].key
		u.applyFilter()
	}
	u.navList.Select(0)
}

// selectNav switches the navigation to key.
func (u *UI) selectNav(key string) {
	for i, e := range u.navItems {
		if e.key == key {
			u.navList.Select(i)
			return
		}
	}
	panic(fmt.Sprintf("no navigation entry %q", key))
}
