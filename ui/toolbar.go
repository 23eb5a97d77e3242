package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// periodOptions are the as-of choices: every month, with the customary
// names of quarter ends.
func periodOptions(year int) []string {
	var out []string
	for m := 1; m <= 12; m++ {
		out = append(out, periodChoice(domain.Period{Year: year, Month: m}))
	}
	return out
}

func periodChoice(p domain.Period) string {
	if p.Name() != p.Label() {
		return tr(p.Name()) + paren(periodLabel(p))
	}
	return periodLabel(p)
}

// toolbar is the strip at the top (title, as-of period, lock, brief,
// spreadsheets, backups, undo) and the status bar's right (reviewer,
// theme, language). The window tells it what to show with refresh; it
// tells the window what was pressed through its hooks.
type toolbar struct {
	app   fyne.App
	prefs fyne.Preferences
	hooks toolbarHooks

	periodSel  *widget.Select
	planSel    *plansSelect // nil when the workspace has one plan
	whoLabel   *widget.Label
	lockBtn    *widget.Button
	languageSl *widget.Select
	themeSel   *widget.Select
	strip      fyne.CanvasObject // the toolbar proper
	whoBox     *fyne.Container   // the status bar's right: reviewer and the button to change it, theme, language
}

// toolbarHooks are what the toolbar's controls do in the window.
type toolbarHooks struct {
	periodPicked                 func(month int) // 1-12: the reviewer picked an as-of period
	lock, export, undo, reviewer func()
	sheetMenu, dataMenu          func(anchor fyne.CanvasObject)
	planMenu                     func(anchor fyne.CanvasObject)
	planPicked                   func(id string) // another plan was chosen in the switcher
	relaid                       func()          // the language changed: lay the window out again
	failed                       func(error)
}

func newToolbar(a fyne.App, p *domain.Plan, plans []store.PlanInfo, asOf domain.Period, h toolbarHooks) *toolbar {
	b := &toolbar{app: a, prefs: a.Preferences(), hooks: h}
	b.periodSel = widget.NewSelect(periodOptions(p.Year), nil)
	b.periodSel.SetSelectedIndex(asOf.Month - 1)
	b.periodSel.OnChanged = func(string) { h.periodPicked(b.periodSel.SelectedIndex() + 1) }
	b.whoLabel = widget.NewLabel("")
	b.lockBtn = widget.NewButtonWithIcon("", lockIcon, h.lock)
	b.languageSl = widget.NewSelect([]string{LanguageName("zh"), LanguageName("en")}, nil)
	b.planSel = newPlansSelect(plans, p.ID, h.planPicked)
	b.build(p)
	return b
}

// build lays out the strip and the status bar's right.
func (b *toolbar) build(p *domain.Plan) {
	// With several plans the switcher takes the title's place: it names
	// the plan shown, so one window with one plan looks as it always did.
	var title fyne.CanvasObject
	if b.planSel != nil {
		title = b.planSel.box
	} else {
		l := widget.NewLabelWithStyle(p.Title+" · "+tr("执行情况审阅"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		title = l
	}
	undo := widget.NewButtonWithIcon(tr("撤销"), theme.ContentUndoIcon(), b.hooks.undo)
	export := widget.NewButtonWithIcon(tr("生成简报…"), theme.DocumentPrintIcon(), b.hooks.export)
	export.Importance = widget.HighImportance
	var excel, data, plan *widget.Button
	plan = widget.NewButtonWithIcon(tr("计划"), theme.FolderOpenIcon(), func() { b.hooks.planMenu(plan) })
	excel = widget.NewButtonWithIcon("Excel", theme.GridIcon(), func() { b.hooks.sheetMenu(excel) })
	data = widget.NewButtonWithIcon(tr("备份"), theme.StorageIcon(), func() { b.hooks.dataMenu(data) })
	change := widget.NewButtonWithIcon("", theme.AccountIcon(), b.hooks.reviewer)
	b.buildLanguage()
	period := container.NewGridWrap(fyne.NewSize(176, b.periodSel.MinSize().Height), b.periodSel)
	b.buildTheme()
	// Theme and language sit in the status bar, beside the reviewer: in
	// the toolbar their 260 px made the English window wider than a
	// 1024 px screen.
	b.whoBox = container.NewHBox(b.whoLabel, change, b.themeSel, b.languageSl)
	right := container.NewHBox(widget.NewLabel(tr("截至")), period, b.lockBtn, export, excel, data, plan, undo)
	b.strip = container.NewBorder(nil, widget.NewSeparator(), nil, right, title)
}

// buildLanguage shows the language in use and switches it when another
// is picked.
func (b *toolbar) buildLanguage() {
	if lang := b.prefs.StringWithFallback(prefLanguage, "zh"); lang == "en" {
		b.languageSl.SetSelected(LanguageName("en"))
	} else {
		b.languageSl.SetSelected(LanguageName("zh"))
	}
	b.languageSl.OnChanged = func(s string) {
		code := "zh"
		if s == LanguageName("en") {
			code = "en"
		}
		if code == b.prefs.StringWithFallback(prefLanguage, "zh") {
			return
		}
		b.prefs.SetString(prefLanguage, code)
		if err := SetLanguage(code); err != nil {
			b.hooks.failed(err)
			return
		}
		b.hooks.relaid()
	}
}

// themeCodes are the theme preference's values, in the theme list's order.
var themeCodes = []string{"", "light", "dark"}

// buildTheme makes the theme list: the system's, light or dark.
func (b *toolbar) buildTheme() {
	b.themeSel = widget.NewSelect([]string{tr("跟随系统"), tr("浅色"), tr("深色")}, nil)
	b.themeSel.SetSelectedIndex(map[string]int{"": 0, "light": 1, "dark": 2}[b.prefs.String(prefTheme)])
	b.themeSel.OnChanged = func(string) {
		code := themeCodes[b.themeSel.SelectedIndex()]
		b.prefs.SetString(prefTheme, code)
		b.app.Settings().SetTheme(ThemeFromPreference(code))
	}
}

// rebuild lays the window out again, after a language change.
func (u *UI) rebuild() {
	sel, old := u.selected, u.items
	u.build()
	u.items.keepChoices(old)
	u.selected = sel
	u.recompute()
}

// refresh shows who reviews, whether the period is locked, and the period.
func (b *toolbar) refresh(who string, locked bool, asOf domain.Period) {
	if who == "" {
		who = tr("（未填写审阅人）")
	}
	b.whoLabel.SetText(tr("审阅人：") + who)
	if locked {
		b.lockBtn.SetText(tr("已锁定"))
		b.lockBtn.SetIcon(lockIcon)
		b.lockBtn.Importance = widget.WarningImportance
	} else {
		b.lockBtn.SetText(tr("锁定本期"))
		b.lockBtn.SetIcon(unlockIcon)
		b.lockBtn.Importance = widget.MediumImportance
	}
	b.lockBtn.Refresh()
	if b.periodSel.SelectedIndex() != asOf.Month-1 {
		b.periodSel.SetSelectedIndex(asOf.Month - 1)
	}
}

// refreshToolbar shows the window's reviewer, lock and period.
func (u *UI) refreshToolbar() { u.bar.refresh(u.reviewer(), u.isLocked(u.asOf), u.asOf) }

// pickPeriod is the toolbar's period list: the window's period from now
// on. The toolbar itself selects asOf (refresh); any other period is the
// reviewer's choice, kept from then on.
func (u *UI) pickPeriod(month int) {
	p := domain.Period{Year: u.plan.Year, Month: month}
	u.periodChosen = u.periodChosen || p != u.asOf
	u.asOf = p
	if u.statuses != nil {
		u.recompute()
	}
}

// Fyne's theme has no padlock; these follow its icon style (24 px, one
// colour, recoloured by the theme).
var (
	lockIcon   = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 0 1 6 0v3H9zm3 3.5a1.5 1.5 0 0 1 .8 2.8V18h-1.6v-1.7a1.5 1.5 0 0 1 .8-2.8z"/></svg>`)))
	unlockIcon = theme.NewThemedResource(fyne.NewStaticResource("unlock.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 2a5 5 0 0 0-5 5h2a3 3 0 0 1 6 0v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm0 11.5a1.5 1.5 0 0 1 .8 2.8V18h-1.6v-1.7a1.5 1.5 0 0 1 .8-2.8z"/></svg>`)))
)
