// Package ui is Plan Review's window, on the infrastructure side of the
// line: navigation by the notice's own structure, an overview for the
// chosen period, the item table, and each item's detail with its figures,
// notes, manual status, chart and history. Each is a pane (navigation,
// overviewPane, itemTable, detailPane, toolbar, briefDialog, importDialog,
// backupMenu) that owns its widgets and state; UI wires them. It receives
// the store it works on; it holds no globals and computes no status of its
// own (domain.Review.Status does).
package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// Preference keys.
const (
	prefName     = "reviewer.name"
	prefUnit     = "reviewer.unit"
	prefLanguage = "ui.language"
	prefTheme    = "ui.theme" // "", "light" or "dark"
)

// UI is one open window on one database. It holds what the panes share
// (the store, the review at the chosen period, the item in the detail
// pane), hands each new review to the panes, and turns what they report
// (an entry picked, a row tapped, a button pressed) into the others'
// updates.
type UI struct {
	app    fyne.App
	win    fyne.Window
	st     *store.Store
	bundle store.Bundle // the plan the program ships, for reopening after a restore
	plan   *domain.Plan
	prefs  fyne.Preferences

	review   *domain.Review
	lastYear lastYear                 // the previous plan and 上年目标/上年完成 (prior.go)
	units    unitBook                 // 责任单位
	statuses map[string]domain.Status // at asOf
	locks    map[domain.Period]store.Lock
	asOf     domain.Period
	// periodChosen is set once the reviewer picks a period in the
	// toolbar; until then asOf follows the newest figures.
	periodChosen bool

	selected string      // the item in the detail pane
	ended    atomic.Bool // the window has closed: see do
	files    fileDialogs // the system's file dialogs on Windows, Fyne's elsewhere
	tr       *tracer     // set by TraceTo: what the window shows, for scripts/walkthrough.sh

	// the panes, and the widgets the window itself keeps
	nav      *navigation
	tips     *tooltips // the navigation's tips, drawn over the content
	items    *itemTable
	center   *fyne.Container
	detail   *detailPane
	overview *overviewPane
	bar      *toolbar
	message  *widget.Label
	// roundView is the open 填报情况 view (roundview.go), nil when closed.
	roundView *roundView
	held      heldCounts // returns held per item, for the detail pane (conflict.go)
	// briefWritten is told, on the main goroutine, how each export of
	// the brief ended: it shows the result.
	briefWritten func(exportResult)

	windowKeys map[string]bool // the window's shortcuts, by name, for the search box to pass on
}

// New builds the window's content for st in win. The caller shows the
// window; the first run asks for the reviewer's name (see AskReviewer).
func New(a fyne.App, win fyne.Window, st *store.Store) (*UI, error) {
	u := &UI{app: a, win: win, st: st, plan: st.Plan(), prefs: a.Preferences()}
	u.briefWritten = u.showExportResult
	win.SetOnClosed(func() { u.ended.Store(true) })
	u.files = newFileDialogs(win, u.showError)
	if err := u.reload(); err != nil {
		return nil, err
	}
	u.asOf = u.defaultAsOf()
	u.build()
	u.recompute()
	return u, nil
}

// do runs f on the main goroutine, for work finished on another one,
// unless the window has closed: once Fyne's loop has stopped, fyne.Do runs
// f on the caller's goroutine, where it must not touch widgets.
func (u *UI) do(f func()) {
	fyne.Do(func() {
		if !u.ended.Load() {
			f()
		}
	})
}

// reload reads the review and locks from the database.
func (u *UI) reload() error {
	r, err := u.st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	u.review = r
	u.held = heldCounts{} // counted again when the detail pane next asks
	if u.lastYear, err = loadLastYear(u.st); err != nil {
		return err
	}
	if u.units, err = readUnitBook(u.st); err != nil {
		return err
	}
	locks, err := u.st.Locks()
	if err != nil {
		return err
	}
	u.locks = map[domain.Period]store.Lock{}
	for _, l := range locks {
		u.locks[l.Period] = l
	}
	return nil
}

// defaultAsOf is the newest period with any figure, or the plan year's
// end when nothing is recorded.
func (u *UI) defaultAsOf() domain.Period {
	if p, ok := u.review.Newest(); ok {
		return p
	}
	return domain.Period{Year: u.plan.Year, Month: 12}
}

// reviewer is who changes are recorded as: 张三（市人大财经委）.
func (u *UI) reviewer() string {
	return domain.JoinReviewer(u.prefs.String(prefName), u.prefs.String(prefUnit))
}

// build lays out the window.
func (u *UI) build() {
	u.bar = newToolbar(u.app, u.plan, u.plans(), u.asOf, toolbarHooks{periodPicked: u.pickPeriod, lock: u.toggleLock,
		export: u.exportDialog, undo: u.undo, reviewer: func() { u.askReviewer(nil) },
		sheetMenu: u.sheetMenu, dataMenu: u.dataMenu, planMenu: u.planMenu, planPicked: u.switchPlan,
		relaid: u.rebuild, failed: u.showError})
	u.tips = newTooltips()
	u.nav = newNavigation(u.plan, u.tips, u.traceNav, func(navTarget) { u.applyFilter() })
	u.items = newItemTable(u.app, u.plan, itemTableHooks{
		picked:   func(id string) { u.selected = id; u.showDetail(id) },
		filtered: u.applyFilter,
		shortcut: u.windowShortcut,
		trace:    u.trace,
		traceRow: u.traceCell,
		assign:   u.assignListed,
	})
	u.overview = newOverviewPane(overviewHooks{open: u.selectItem,
		record:       func(id string) { u.selectItem(id); u.actualForm(id, nil) },
		allConcerns:  u.listConcerns,
		saveTemplate: func() { u.chooseSave(tr("填报模板.xlsx"), u.writeTemplate) },
		importFile:   u.chooseImport})
	u.center = container.NewStack()
	u.detail = newDetailPane(u, detailReads{notes: func(id string) ([]domain.Note, error) { return u.st.Notes(id) },
		history: func(id string) ([]domain.Change, error) { return u.st.History(id) },
		notice:  func() string { return u.st.Notice() }})
	u.message = widget.NewLabel(trf("数据库：{{.P}}", "P", u.st.Path()))
	u.message.Truncation = fyne.TextTruncateEllipsis

	overview, _ := newWheelScroll(u.overview.box)
	u.center.Objects = []fyne.CanvasObject{overview, u.items.pane}

	right := container.NewHSplit(u.center, u.detail.pane)
	right.Offset = 0.6
	main := container.NewHSplit(u.nav.list, right)
	main.Offset = 0.2
	toolbar := u.bar.strip
	status := container.NewBorder(nil, nil, nil, u.bar.whoBox, u.message)
	u.win.SetContent(container.NewStack(container.NewBorder(toolbar, status, nil, nil, main), u.tips.layer))

	u.addShortcuts()
}

// addShortcuts registers the window's keys.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	u.windowKeys = map[string]bool{}
	add := func(s fyne.Shortcut, f func()) {
		u.windowKeys[s.ShortcutName()] = true
		c.AddShortcut(s, func(fyne.Shortcut) { f() })
	}
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	add(ctrl(fyne.KeyF), u.focusSearch)
	// Fyne's desktop driver turns Ctrl+Z (Cmd+Z) into fyne.ShortcutUndo
	// before looking for a handler (internal/driver/glfw/window.go,
	// triggersShortcut), so a CustomShortcut for Z would never fire.
	add(&fyne.ShortcutUndo{}, func() {
		// Not behind an open dialog: a form's period list has the focus
		// without taking shortcuts, and Ctrl+Z there must not undo a
		// saved change the reviewer cannot see.
		if c.Overlays().Top() == nil {
			u.undo()
		}
	})
	add(ctrl(fyne.KeyP), u.exportDialog)
}

// windowShortcut lets the search box pass the window's shortcuts on: the
// driver hands every shortcut to the focused entry alone, which would
// swallow Ctrl+P and Ctrl+F and undo the typing in the search box instead
// of the reviewer's last change. The entry's own (copy, paste, select
// all, Ctrl+arrows and Ctrl+Backspace by word) stay the entry's.
func (u *UI) windowShortcut(s fyne.Shortcut) bool {
	if !u.windowKeys[s.ShortcutName()] {
		return false
	}
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
	return true
}

// focusSearch is Ctrl+F: the search box, its text selected, so what is
// typed next is a new search.
func (u *UI) focusSearch() {
	if u.nav.shown.kind == navOverview {
		u.selectNav(navTo(navAll))
	}
	u.win.Canvas().Focus(u.items.search)
	u.items.search.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// recompute judges every item at asOf and refreshes every view.
func (u *UI) recompute() {
	u.statuses = make(map[string]domain.Status, len(u.plan.Items))
	for _, it := range u.plan.Items {
		u.statuses[it.ID] = u.review.Status(it, u.asOf)
	}
	if u.selected == "" {
		// Start on the first item needing attention rather than an empty
		// pane: it is what a reviewer opens the app to look at.
		for _, it := range u.plan.Items {
			if u.statuses[it.ID].Code.Concern() {
				u.selected = it.ID
				break
			}
		}
	}
	u.refreshToolbar()
	u.nav.refresh(u.plan, u.statuses)
	u.items.judge(u.plan, u.review, u.asOf, u.statuses)
	u.items.priors = u.lastYear.priors
	u.items.setUnits(u.units)
	u.detail.judge(u.plan, u.review, u.asOf, u.statuses)
	u.detail.lastYear = u.lastYear
	u.detail.units = u.units
	u.applyFilter()
	u.overview.show(u.plan, u.review, u.asOf, u.statuses, u.lockOf(u.asOf))
	u.showDetail(u.selected)
}

// applyFilter picks the table's rows for the navigation entry, search and
// status filter, and shows the overview or the table.
func (u *UI) applyFilter() {
	if u.items == nil || u.items.statuses == nil || len(u.center.Objects) == 0 {
		return // still being built
	}
	u.items.filter(u.nav.shown)
	if u.nav.shown.kind == navOverview {
		u.center.Objects[0].Show()
		u.items.pane.Hide()
	} else {
		u.center.Objects[0].Hide()
		u.items.pane.Show()
	}
	u.items.redraw(u.selected)
	if u.tr != nil {
		view := "table"
		if !u.items.pane.Visible() {
			view = "overview"
		}
		u.trace("view %s query=%s rows=%d", view, u.items.query, len(u.items.rows))
		u.tracePlaces()
	}
}

// selectItem shows an item's detail and selects its row if it is listed.
func (u *UI) selectItem(id string) {
	u.selected = id
	u.showDetail(id)
	u.items.sync(id)
}

// changed is called after every successful write: it reloads and redraws.
func (u *UI) changed(msg string) {
	if err := u.reload(); err != nil {
		u.showError(err)
		return
	}
	if !u.periodChosen {
		// Until the reviewer picks a period, the window follows the
		// newest figures: the first import of 1-9月 figures moves it off
		// 全年, so a brief is not written for a year not yet reported.
		u.asOf = u.defaultAsOf()
	}
	u.recompute()
	u.refreshRoundView()
	u.say(msg)
}

// say puts a line in the status bar.
func (u *UI) say(msg string) {
	u.message.SetText(time.Now().Format("15:04") + "  " + msg)
	u.trace("say %s", msg)
}

// showError reports an error in the status bar and a dialog.
func (u *UI) showError(err error) {
	u.message.SetText(tr("错误：") + err.Error())
	showMessage(u.win, tr("操作未完成"), err.Error())
}

// undo reverses the reviewer's newest change (Ctrl+Z).
func (u *UI) undo() {
	who := u.reviewer()
	if who == "" {
		u.askReviewer(nil)
		return
	}
	c, err := u.st.UndoLast(who)
	if err != nil {
		u.showError(err)
		return
	}
	if c.Detail != "" {
		// A collected or imported file, undone whole: the store says
		// which file and what went with it.
		u.changed(trf("已撤销{{.What}}", "What", c.Detail))
		return
	}
	u.changed(strings.TrimSpace(trf("已撤销：{{.Action}} {{.Item}} {{.Period}}", "Action", tr(c.Action.Label()),
		"Item", c.ItemID, "Period", u.periodLabel(c.Period))))
}

// periodLabel is a stored period ("2023-09") as people write it (1-9月,
// Jan-Sep in English);
// "" for a change that has none.
func (u *UI) periodLabel(stored string) string {
	if stored == "" {
		return ""
	}
	if p, err := domain.ParsePeriod(stored, u.plan.Year); err == nil {
		return periodLabel(p)
	}
	return stored
}

// lockOf is period p's lock, nil when it is open.
func (u *UI) lockOf(p domain.Period) *store.Lock {
	if l, ok := u.locks[p]; ok {
		return &l
	}
	return nil
}

// listConcerns lists every item needing attention: the overview's
// button when there are more than it shows.
func (u *UI) listConcerns() {
	u.selectNav(navTo(navAll))
	u.items.statusSel.SetSelected(tr("需关注"))
}

// isLocked reports whether edits to period p are refused.
func (u *UI) isLocked(p domain.Period) bool { _, ok := u.locks[p]; return ok }

// errLocked is how a locked period is reported before anything is tried.
func (u *UI) errLocked(p domain.Period) error {
	return fmt.Errorf("%w：%s", store.ErrLocked, trf("{{.P}}已锁定（简报已报出），请先解锁", "P", periodLabel(p)))
}

var errNoReviewer = errors.New("请先填写审阅人姓名")
