package ui

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/store"
)

// prefPlan remembers the plan last shown, so the next run opens on it.
const prefPlan = "ui.plan"

// plansSelect is the toolbar's plan switcher: city · year · title of each
// plan of the workspace.
type plansSelect struct {
	*widget.Select
	ids []string
	box fyne.CanvasObject // the select in a layout that lets it shrink
}

// newPlansSelect is the switcher on plans with current chosen; nil when
// there is only one plan, which needs no switching.
func newPlansSelect(plans []store.PlanInfo, current string, picked func(id string)) *plansSelect {
	if len(plans) < 2 {
		return nil
	}
	s := &plansSelect{}
	var names []string
	for _, pi := range plans {
		names = append(names, planName(pi))
		s.ids = append(s.ids, pi.ID)
	}
	s.Select = widget.NewSelect(names, nil)
	for i, id := range s.ids {
		if id == current {
			s.SetSelectedIndex(i)
		}
	}
	// Set after the plan shown is selected: choosing it is no switch.
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 && s.ids[i] != current {
			picked(s.ids[i])
		}
	}
	s.box = container.New(shrinkLayout{}, s.Select)
	return s
}

// planName is how a plan is listed: 嘉兴市 · 2023 · 嘉兴市2023年国民经济….
func planName(pi store.PlanInfo) string {
	return fmt.Sprintf("%s · %d · %s", pi.City, pi.Year, pi.Title)
}

// shrinkLayout gives its one object the whole space but asks for no
// width: a long plan title is cut rather than widening the toolbar past
// a 1024 px screen.
type shrinkLayout struct{}

func (shrinkLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (shrinkLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(80, h)
}

// plans lists the workspace's plans; an error is shown and leaves the
// list empty, so the window keeps to the plan it has.
func (u *UI) plans() []store.PlanInfo {
	plans, err := u.st.Plans()
	if err != nil {
		u.showError(err)
	}
	return plans
}

// switchPlan shows another plan: the store reads and writes it from now
// on and every pane is built again for it, starting from its newest
// figures as a window just opened does.
func (u *UI) switchPlan(id string) {
	if err := u.st.SelectPlan(id); err != nil {
		u.showError(err)
		u.rebuild() // the switcher back on the plan still shown
		return
	}
	u.planShown()
}

// planShown rebuilds the window for the store's current plan and
// remembers it for the next run.
func (u *UI) planShown() {
	u.plan = u.st.Plan()
	u.prefs.SetString(prefPlan, u.plan.ID)
	u.selected, u.periodChosen = "", false
	if err := u.reload(); err != nil {
		u.showError(err)
		return
	}
	u.asOf = u.defaultAsOf()
	u.build()
	u.recompute()
	u.showTitle()
	u.say(trf("已切换到《{{.T}}》", "T", u.plan.Title))
}

// showTitle names the plan shown in the title bar.
func (u *UI) showTitle() { u.win.SetTitle(tr("计划审阅") + " — " + u.plan.Title) }

// rememberedPlan is the plan to open on: the one shown last time, "" for
// the store's default.
func rememberedPlan(prefs fyne.Preferences) string { return prefs.String(prefPlan) }

// planMenu is the 计划 button's menu.
func (u *UI) planMenu(anchor fyne.CanvasObject) {
	m := fyne.NewMenu("",
		fyne.NewMenuItem(tr("新建计划（从表格）…"), u.choosePlanTable),
		fyne.NewMenuItem(tr("从文件起草…"), u.chooseDraftDocument),
		fyne.NewMenuItem(tr("粘贴原文起草…"), u.pasteDraft),
		fyne.NewMenuItem(tr("导出计划定义…"), u.exportPlan),
		fyne.NewMenuItem(tr("删除计划…"), u.confirmRemovePlan),
	)
	showMenuUnder(m, u.win, anchor)
}

// showMenuUnder opens a toolbar button's menu just below it.
func showMenuUnder(m *fyne.Menu, win fyne.Window, anchor fyne.CanvasObject) {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(anchor)
	widget.ShowPopUpMenuAtPosition(m, win.Canvas(), pos.Add(fyne.NewPos(0, anchor.Size().Height)))
}

// exportPlan saves the plan shown as the plan file (JSON) it was made
// from, to create it in another workspace or as next year's from.
func (u *UI) exportPlan() {
	data, err := u.st.PlanFile()
	if err != nil {
		u.showError(err)
		return
	}
	u.files.save(fileRequest{title: tr("导出计划定义"), folder: u.prefs.String(prefSheetFolder), name: u.plan.ID + ".json",
		kind: tr("计划定义（JSON）"), exts: []string{".json"}}, func(path string) {
		path = withExt(path, ".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			u.showError(err)
			return
		}
		u.say(tr("已导出计划定义：") + path)
	})
}

// confirmRemovePlan asks before removing the plan shown, naming what goes
// with it; the only plan is not offered for removal.
func (u *UI) confirmRemovePlan() {
	plans := u.plans()
	var shown store.PlanInfo
	for _, pi := range plans {
		if pi.ID == u.plan.ID {
			shown = pi
		}
	}
	if len(plans) < 2 {
		u.showError(errors.New(tr("这是工作区中唯一的计划，不能删除。")))
		return
	}
	msg := trf("删除《{{.T}}》？\n它的{{.F}}个实际值和{{.N}}条备注将一并删除。删除前会先备份整个数据库，可从备份恢复。",
		"T", shown.Title, "F", shown.Figures, "N", shown.Notes)
	dialog.ShowCustomConfirm(tr("删除计划"), tr("删除"), tr("取消"), wrapLabel(msg), func(ok bool) {
		if ok {
			u.removePlan(shown.ID)
		}
	}, u.win)
}

// removePlan removes a plan (the store backs the workspace up first) and
// shows the plan the store then holds.
func (u *UI) removePlan(id string) {
	who := u.reviewer()
	if who == "" {
		u.showError(errNoReviewer)
		return
	}
	r, err := u.st.RemovePlan(id, who)
	if err != nil {
		u.showError(err)
		return
	}
	u.planShown()
	u.say(trf("已删除《{{.T}}》及其{{.F}}个实际值、{{.N}}条备注；删除前备份：{{.B}}",
		"T", r.Plan.Title, "F", r.Figures, "N", r.Notes, "B", r.Backup))
}
