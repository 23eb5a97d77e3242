package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// periodOptions are the as-of choices: every month, with the customary
// names of quarter ends.
func (u *UI) periodOptions() []string {
	var out []string
	for m := 1; m <= 12; m++ {
		out = append(out, periodChoice(domain.Period{Year: u.plan.Year, Month: m}))
	}
	return out
}

func periodChoice(p domain.Period) string {
	if p.Name() != p.Label() {
		return tr(p.Name()) + paren(periodLabel(p))
	}
	return periodLabel(p)
}

func (u *UI) buildToolbar() {
	u.periodSel = widget.NewSelect(u.periodOptions(), func(s string) {
		for i, o := range u.periodOptions() {
			if p := (domain.Period{Year: u.plan.Year, Month: i + 1}); o == s {
				// The toolbar itself selects asOf (refreshToolbar); any
				// other period is the reviewer's choice, kept from then on.
				u.periodChosen = u.periodChosen || p != u.asOf
				u.asOf = p
			}
		}
		if u.statuses != nil {
			u.recompute()
		}
	})
	u.periodSel.SetSelectedIndex(u.asOf.Month - 1)
	u.whoLabel = widget.NewLabel("")
	u.lockBtn = widget.NewButtonWithIcon("", lockIcon, func() { u.toggleLock() })
	u.languageSl = widget.NewSelect([]string{LanguageName("zh"), LanguageName("en")}, nil)
}

// toolbar is the strip at the top: title, as-of period, lock, brief,
// spreadsheets, backups, undo; it also makes the status bar's reviewer,
// theme and language.
func (u *UI) toolbar() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(u.plan.Title+" · "+tr("执行情况审阅"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	undo := widget.NewButtonWithIcon(tr("撤销"), theme.ContentUndoIcon(), func() { u.undo() })
	export := widget.NewButtonWithIcon(tr("生成简报…"), theme.DocumentPrintIcon(), func() { u.exportDialog() })
	export.Importance = widget.HighImportance
	var excel, data *widget.Button
	excel = widget.NewButtonWithIcon("Excel", theme.GridIcon(), func() { u.sheetMenu(excel) })
	data = widget.NewButtonWithIcon(tr("备份"), theme.StorageIcon(), func() { u.dataMenu(data) })
	change := widget.NewButtonWithIcon("", theme.AccountIcon(), func() { u.askReviewer(nil) })
	if lang := u.prefs.StringWithFallback(prefLanguage, "zh"); lang == "en" {
		u.languageSl.SetSelected(LanguageName("en"))
	} else {
		u.languageSl.SetSelected(LanguageName("zh"))
	}
	u.languageSl.OnChanged = func(s string) {
		code := "zh"
		if s == LanguageName("en") {
			code = "en"
		}
		if code == u.prefs.StringWithFallback(prefLanguage, "zh") {
			return
		}
		u.prefs.SetString(prefLanguage, code)
		if err := SetLanguage(code); err != nil {
			u.showError(err)
			return
		}
		u.rebuild()
	}
	period := container.NewGridWrap(fyne.NewSize(176, u.periodSel.MinSize().Height), u.periodSel)
	themes := []string{tr("跟随系统"), tr("浅色"), tr("深色")}
	u.themeSel = widget.NewSelect(themes, nil)
	u.themeSel.SetSelectedIndex(map[string]int{"": 0, "light": 1, "dark": 2}[u.prefs.String(prefTheme)])
	u.themeSel.OnChanged = func(string) {
		code := []string{"", "light", "dark"}[u.themeSel.SelectedIndex()]
		u.prefs.SetString(prefTheme, code)
		u.app.Settings().SetTheme(ThemeFromPreference(code))
	}
	// Theme and language sit in the status bar, beside the reviewer: in
	// the toolbar their 260 px made the English window wider than a
	// 1024 px screen.
	u.whoBox = container.NewHBox(u.whoLabel, change, u.themeSel, u.languageSl)
	right := container.NewHBox(widget.NewLabel(tr("截至")), period, u.lockBtn, export, excel, data, undo)
	return container.NewBorder(nil, widget.NewSeparator(), nil, right, title)
}

// rebuild lays the window out again, after a language change.
func (u *UI) rebuild() {
	sel, old := u.selected, u.items
	u.build()
	u.items.keepChoices(old)
	u.selected = sel
	u.recompute()
}

func (u *UI) refreshToolbar() {
	who := u.reviewer()
	if who == "" {
		who = tr("（未填写审阅人）")
	}
	u.whoLabel.SetText(tr("审阅人：") + who)
	if u.isLocked(u.asOf) {
		u.lockBtn.SetText(tr("已锁定"))
		u.lockBtn.SetIcon(lockIcon)
		u.lockBtn.Importance = widget.WarningImportance
	} else {
		u.lockBtn.SetText(tr("锁定本期"))
		u.lockBtn.SetIcon(unlockIcon)
		u.lockBtn.Importance = widget.MediumImportance
	}
	u.lockBtn.Refresh()
	if u.periodSel.SelectedIndex() != u.asOf.Month-1 {
		u.periodSel.SetSelectedIndex(u.asOf.Month - 1)
	}
}

// Fyne's theme has no padlock; these follow its icon style (24 px, one
// colour, recoloured by the theme).
var (
	lockIcon   = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 0 1 6 0v3H9zm3 3.5a1.5 1.5 0 0 1 .8 2.8V18h-1.6v-1.7a1.5 1.5 0 0 1 .8-2.8z"/></svg>`)))
	unlockIcon = theme.NewThemedResource(fyne.NewStaticResource("unlock.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 2a5 5 0 0 0-5 5h2a3 3 0 0 1 6 0v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm0 11.5a1.5 1.5 0 0 1 .8 2.8V18h-1.6v-1.7a1.5 1.5 0 0 1 .8-2.8z"/></svg>`)))
)
