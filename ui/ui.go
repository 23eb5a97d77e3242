// Package ui is Plan Review's window: navigation by the notice's own
// structure, an overview for the chosen period, the item table, and each
// item's detail with its figures, notes, manual status, chart and history.
// It receives the store it works on; it holds no globals and computes no
// status of its own (domain.Review.Status does).
package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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

// UI is one open window on one database.
type UI struct {
	app    fyne.App
	win    fyne.Window
	st     *store.Store
	bundle store.Bundle // the plan the program ships, for reopening after a restore
	plan   *domain.Plan
	prefs  fyne.Preferences

	review   *domain.Review
	statuses map[string]domain.Status // at asOf
	locks    map[domain.Period]store.Lock
	asOf     domain.Period
	// periodChosen is set once the reviewer picks a period in the
	// toolbar; until then asOf follows the newest figures.
	periodChosen bool

	query       string
	status      statusFilter
	sortCol     sortColumn
	sortDesc    bool
	rows        []domain.Item
	selected    string            // the item in the detail pane
	selectedCol int               // the table column last tapped, kept as rows change
	fitted      map[fitKey]string // table texts fitted to their cells (fit.go)
	ended       atomic.Bool       // the window has closed: see do
	files       fileDialogs       // the system's file dialogs on Windows, Fyne's elsewhere
	tr          *tracer           // set by TraceTo: what the window shows, for scripts/walkthrough.sh

	// widgets
	periodSel  *widget.Select
	search     *escEntry
	statusSel  *widget.Select
	nav        *navigation
	tips       *tooltips // the navigation's tips, drawn over the content
	table      *widget.Table
	center     *fyne.Container
	overview   *fyne.Container
	tablePane  fyne.CanvasObject
	detail     *fyne.Container
	detailBox  *container.Scroll
	whoLabel   *widget.Label
	whoBox     *fyne.Container // the status bar's right: reviewer and the button to change it, theme, language
	lockBtn    *widget.Button
	message    *widget.Label
	languageSl *widget.Select
	themeSel   *widget.Select
	activeForm *form
	// briefWritten is told, on the main goroutine, how each export of
	// the brief ended: it shows the result.
	briefWritten func(exportResult)
	haystack     map[string]string // each item's searchable text, lower-cased

	detailButtons []*widget.Button  // the detail pane's buttons, for the trace
	allHistory    string            // the item whose whole history the pane lists
	windowKeys    map[string]bool   // the window's shortcuts, by name, for the search box to pass on
	shown         string            // the item the detail pane was built for
	revealNote    int64             // a note just saved, for the pane to show
	reveal        fyne.CanvasObject // its line in the pane
	detailHead    *fyne.Container   // the detail pane's top: the item's name and 录入实际值
	detailBody    *fyne.Container   // the detail pane's scrolled part
}

// New builds the window's content for st in win. The caller shows the
// window; the first run asks for the reviewer's name (see AskReviewer).
func New(a fyne.App, win fyne.Window, st *store.Store) (*UI, error) {
	u := &UI{app: a, win: win, st: st, plan: st.Plan(), prefs: a.Preferences(), sortCol: unsorted}
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
	u.buildToolbar()
	u.tips = newTooltips()
	u.nav = newNavigation(u.plan, u.tips, u.traceNav, func(navTarget) { u.applyFilter() })
	u.buildTable()
	u.overview = container.NewVBox()
	u.center = container.NewStack()
	// The detail pane: the item's name and 录入实际值 stay at the top, the
	// rest scrolls under them.
	u.detailBody = container.NewVBox()
	u.detailBox, _ = newWheelScroll(u.detailBody)
	u.detailHead = container.NewStack()
	u.detail = container.NewBorder(u.detailHead, nil, nil, nil, u.detailBox)
	u.message = widget.NewLabel(trf("数据库：{{.P}}", "P", u.st.Path()))
	u.message.Truncation = fyne.TextTruncateEllipsis

	u.search = newEscEntry(nil)
	u.search.SetPlaceHolder(tr("搜索编号、名称或原文（Ctrl+F）"))
	u.search.OnChanged = func(s string) { u.query = s; u.applyFilter() }
	u.search.onShortcut = u.windowShortcut
	u.search.onFocus = func() { u.trace("focus search") }
	statusOptions := []string{tr("全部状态"), tr("需关注")}
	for _, c := range domain.Codes {
		statusOptions = append(statusOptions, tr(c.Label()))
	}
	u.statusSel = widget.NewSelect(statusOptions, func(s string) {
		u.status = statusFilter{concern: s == tr("需关注")}
		for _, c := range domain.Codes {
			if s == tr(c.Label()) {
				u.status = statusFilter{code: c}
			}
		}
		u.applyFilter()
	})
	u.statusSel.SetSelectedIndex(0)
	filters := container.NewBorder(nil, nil, nil, u.statusSel, u.search)
	u.tablePane = container.NewBorder(filters, nil, nil, nil, container.New(fitColumns{u.table, theme.Padding(), u.itemColumns()}, u.table))
	overview, _ := newWheelScroll(u.overview)
	u.center.Objects = []fyne.CanvasObject{overview, u.tablePane}

	right := container.NewHSplit(u.center, u.detail)
	right.Offset = 0.6
	main := container.NewHSplit(u.nav.list, right)
	main.Offset = 0.2
	toolbar := u.toolbar()
	status := container.NewBorder(nil, nil, nil, u.whoBox, u.message)
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
	u.win.Canvas().Focus(u.search)
	u.search.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
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
	u.nav.refresh(u.statuses)
	u.applyFilter()
	u.buildOverview()
	u.showDetail(u.selected)
}

// applyFilter picks the rows for the navigation entry, search and status
// filter, sorts them, and shows the overview or the table.
func (u *UI) applyFilter() {
	if u.table == nil || u.statuses == nil || len(u.center.Objects) == 0 {
		return // still being built
	}
	q := strings.ToLower(strings.TrimSpace(u.query))
	u.rows = u.rows[:0]
	for _, it := range u.plan.Items {
		if !u.nav.shown.holds(it) {
			continue
		}
		if q != "" && !u.matches(it, q) {
			continue
		}
		if !u.status.admits(u.statuses[it.ID]) {
			continue
		}
		u.rows = append(u.rows, it)
	}
	u.sortRows()
	if u.nav.shown.kind == navOverview {
		u.center.Objects[0].Show()
		u.tablePane.Hide()
	} else {
		u.center.Objects[0].Hide()
		u.tablePane.Show()
	}
	u.table.Refresh()
	u.syncSelection()
	if u.tr != nil {
		view := "table"
		if !u.tablePane.Visible() {
			view = "overview"
		}
		u.trace("view %s query=%s rows=%d", view, u.query, len(u.rows))
		u.tracePlaces()
	}
}

// syncSelection highlights the row of the item in the detail pane, or no
// row when it is not listed: after a search or sort the highlighted row
// index would otherwise point at another item, and tapping that cell,
// already selected as far as the table knows, would open nothing.
func (u *UI) syncSelection() {
	for i, it := range u.rows {
		if it.ID == u.selected {
			u.table.Select(widget.TableCellID{Row: i, Col: u.selectedCol})
			return
		}
	}
	u.table.UnselectAll()
}

// matches reports whether an item's ID, name, target or source sentence
// contains q (already lower-cased; it holds no NUL, so no match spans two
// fields).
func (u *UI) matches(it domain.Item, q string) bool {
	if u.haystack == nil {
		// Lower-cased once per plan, not once per item per keystroke.
		u.haystack = searchIndex(u.plan)
	}
	return strings.Contains(u.haystack[it.ID], q)
}

// searchIndex is each item's searchable text, lower-cased: its ID, name,
// group, target, source sentence and topic, NUL-separated.
func searchIndex(p *domain.Plan) map[string]string {
	m := make(map[string]string, len(p.Items))
	for _, x := range p.Items {
		m[x.ID] = strings.ToLower(strings.Join([]string{x.ID, x.Name, x.Group, x.TargetText,
			x.SourceQuote, x.Topic}, "\x00"))
	}
	return m
}

// prepareSearch builds the search index on another goroutine, so the first
// keystroke does not wait for it (40 ms at 10,000 items). Run calls it once
// the first frame is drawn.
func (u *UI) prepareSearch() {
	p := u.plan
	go func() {
		m := searchIndex(p)
		u.do(func() {
			if u.haystack == nil && u.plan == p { // not replaced by a restore meanwhile
				u.haystack = m
			}
		})
	}()
}

func (u *UI) sortRows() {
	if u.sortCol == unsorted {
		return
	}
	key := func(it domain.Item) string {
		switch u.sortCol {
		case colID:
			return it.ID
		case colName:
			return it.Name
		case colTarget:
			return it.TargetText
		case colLatest:
			if a, ok := u.review.Latest(it, u.asOf); ok {
				return fmt.Sprintf("%020.6f", a.Value+1e12)
			}
			return ""
		case colStatus:
			return fmt.Sprintf("%02d", codeRank(u.statuses[it.ID].Code))
		case colProgress:
			s := u.statuses[it.ID]
			if s.Completion == s.Completion {
				return fmt.Sprintf("%020.6f", s.Completion+1e6)
			}
			return ""
		}
		return ""
	}
	// Rows without a value (no figure, no share) go last either way: a
	// reviewer sorting by progress wants the figures, not the blanks.
	sort.SliceStable(u.rows, func(i, j int) bool {
		a, b := key(u.rows[i]), key(u.rows[j])
		if a == "" || b == "" {
			return a != "" && b == ""
		}
		if u.sortDesc {
			return a > b
		}
		return a < b
	})
}

func codeRank(c domain.Code) int {
	for i, x := range domain.Codes {
		if x == c {
			return i
		}
	}
	return len(domain.Codes)
}

// selectItem shows an item's detail and selects its row if it is listed.
func (u *UI) selectItem(id string) {
	u.selected = id
	u.showDetail(id)
	u.syncSelection()
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

// isLocked reports whether edits to period p are refused.
func (u *UI) isLocked(p domain.Period) bool { _, ok := u.locks[p]; return ok }

// errLocked is how a locked period is reported before anything is tried.
func (u *UI) errLocked(p domain.Period) error {
	return fmt.Errorf("%w：%s", store.ErrLocked, trf("{{.P}}已锁定（简报已报出），请先解锁", "P", periodLabel(p)))
}

var errNoReviewer = errors.New("请先填写审阅人姓名")
