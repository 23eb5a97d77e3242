package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// itemTable is the item list: the search box, the status filter and the
// table of the items under the navigation entry, sortable by column. It
// keeps what the reviewer typed, chose and sorted by; the window hands it
// the review to show (judge) and is told when a row is picked.
type itemTable struct {
	app   fyne.App // for the theme's sizes
	hooks itemTableHooks

	// what it shows, as the window last judged it
	plan     *domain.Plan
	review   *domain.Review
	asOf     domain.Period
	statuses map[string]domain.Status // nil until judged
	priors   map[string]domain.Prior  // 上年完成, for its optional column
	// showPrior adds the 上年完成 column (the 上年完成 box above the
	// table), remembered in the preferences.
	showPrior bool

	query       string
	status      statusFilter
	sortCol     sortColumn
	sortDesc    bool
	rows        []domain.Item
	selected    string            // the item in the detail pane, whose row is highlighted
	selectedCol int               // the column last tapped, kept as rows change
	fitted      map[fitKey]string // texts fitted to their cells (fit.go)
	haystack    map[string]string // each item's searchable text, lower-cased

	table      *widget.Table
	body       *fyne.Container // the table in its column layout
	priorCheck *widget.Check
	search     *escEntry
	statusSel  *widget.Select
	pane       *fyne.Container // the filters above the table

	// 责任单位: the units as the window last read them, the unit box and
	// the button that assigns units to the rows listed (units.go)
	units      unitBook
	unitFilter unitFilter
	unitSel    *widget.Select
	assignBtn  *widget.Button
	countLabel *widget.Label // how many rows the button acts on
}

// itemTableHooks are how the table tells the window what happened.
type itemTableHooks struct {
	picked   func(id string)          // a row of another item was tapped
	filtered func()                   // the search, filter or sort changed
	shortcut func(fyne.Shortcut) bool // a window shortcut typed in the search box
	trace    func(format string, args ...any)
	traceRow func(fyne.CanvasObject, int, string) // a cell now shows an item
	assign   func()                               // 指定责任单位… for the rows listed
}

func newItemTable(a fyne.App, p *domain.Plan, h itemTableHooks) *itemTable {
	t := &itemTable{app: a, plan: p, hooks: h, sortCol: unsorted, showPrior: a.Preferences().Bool(prefPriorColumn)}
	t.buildTable()
	t.search = newEscEntry(nil)
	t.search.SetPlaceHolder(tr("搜索编号、名称或原文（Ctrl+F）"))
	t.search.OnChanged = func(s string) { t.query = s; h.filtered() }
	t.search.onShortcut = h.shortcut
	t.search.onFocus = func() { h.trace("focus search") }
	statusOptions := []string{tr("全部状态"), tr("需关注")}
	for _, c := range domain.Codes {
		statusOptions = append(statusOptions, tr(c.Label()))
	}
	t.statusSel = widget.NewSelect(statusOptions, func(s string) {
		t.status = statusFilter{concern: s == tr("需关注")}
		for _, c := range domain.Codes {
			if s == tr(c.Label()) {
				t.status = statusFilter{code: c}
			}
		}
		h.filtered()
	})
	t.statusSel.SetSelectedIndex(0)
	t.priorCheck = widget.NewCheck(tr("上年完成"), t.setShowPrior)
	t.priorCheck.SetChecked(t.showPrior)
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(t.priorCheck, t.statusSel), t.search)
	t.body = container.New(fitColumns{t.table, theme.Padding(), t.itemColumns()}, t.table)
	t.unitSel = widget.NewSelect(t.unitOptions(), func(s string) { t.pickUnit(s); h.filtered() })
	t.unitSel.SetSelectedIndex(0)
	t.unitSel.PlaceHolder = " " // its width is unitBoxWidth, not the placeholder's
	t.assignBtn = widget.NewButtonWithIcon(tr("指定责任单位…"), theme.AccountIcon(), func() {
		if h.assign != nil {
			h.assign()
		}
	})
	// 责任单位 get a row of their own below the table — the unit box, the
	// bulk button and how many rows it acts on: beside the search and
	// status boxes there is no room for them on a 1024×600 screen.
	t.countLabel = widget.NewLabel("")
	footer := container.NewHBox(container.New(fixedWidth(unitBoxWidth), t.unitSel), t.assignBtn, t.countLabel)
	t.pane = container.NewBorder(filters, footer, nil, nil, t.body)
	return t
}

// keepChoices carries the order, the column last tapped and the search
// over from the table this one replaces, when the window is laid out again
// in another language. The search is typed into the new box, so the box
// shows what the rows are filtered by.
func (t *itemTable) keepChoices(old *itemTable) {
	t.sortCol, t.sortDesc, t.selectedCol = old.sortCol, old.sortDesc, old.selectedCol
	t.search.SetText(old.query)
}

// judge hands the table the window's review at its period.
func (t *itemTable) judge(p *domain.Plan, r *domain.Review, asOf domain.Period, statuses map[string]domain.Status) {
	if p != t.plan { // a restore opened another database
		t.haystack = nil
	}
	t.plan, t.review, t.asOf, t.statuses = p, r, asOf, statuses
}

// filter picks the rows under nav that match the search and the status
// filter, in the chosen order.
func (t *itemTable) filter(nav navTarget) {
	q := strings.ToLower(strings.TrimSpace(t.query))
	t.rows = t.rows[:0]
	for _, it := range t.plan.Items {
		if !nav.holds(it) {
			continue
		}
		if q != "" && !t.matches(it, q) {
			continue
		}
		if !t.status.admits(t.statuses[it.ID]) {
			continue
		}
		if !t.unitFilter.admits(t.units.assigned[it.ID]) {
			continue
		}
		t.rows = append(t.rows, it)
	}
	t.sortRows()
	t.countLabel.SetText(t.listedCount())
}

// redraw shows the rows picked, with the row of the selected item
// highlighted.
func (t *itemTable) redraw(selected string) {
	t.table.Refresh()
	t.sync(selected)
}

// sync highlights the row of the item in the detail pane, or no row when
// it is not listed: after a search or sort the highlighted row index
// would otherwise point at another item, and tapping that cell, already
// selected as far as the table knows, would open nothing.
func (t *itemTable) sync(selected string) {
	t.selected = selected
	for i, it := range t.rows {
		if it.ID == selected {
			t.table.Select(widget.TableCellID{Row: i, Col: t.selectedCol})
			return
		}
	}
	t.table.UnselectAll()
}

// matches reports whether an item's ID, name, target or source sentence
// contains q (already lower-cased; it holds no NUL, so no match spans two
// fields).
func (t *itemTable) matches(it domain.Item, q string) bool {
	if t.haystack == nil {
		// Lower-cased once per plan, not once per item per keystroke.
		t.haystack = searchIndex(t.plan)
	}
	return strings.Contains(t.haystack[it.ID], q)
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

// prepareSearch builds the search index on another goroutine, so the
// first keystroke does not wait for it (40 ms at 10,000 items); do brings
// it back to the main goroutine. Run calls it once the first frame is
// drawn.
func (t *itemTable) prepareSearch(do func(func())) {
	p := t.plan
	go func() {
		m := searchIndex(p)
		do(func() {
			if t.haystack == nil && t.plan == p { // not replaced by a restore meanwhile
				t.haystack = m
			}
		})
	}()
}

// sortKey is what an item is sorted by in a column, as text compared
// byte by byte; "" when it has no value there.
func (t *itemTable) sortKey(it domain.Item) string {
	switch t.sortCol {
	case colID:
		return it.ID
	case colName:
		return it.Name
	case colTarget:
		return it.TargetText
	case colLatest:
		if a, ok := t.review.Latest(it, t.asOf); ok {
			return fmt.Sprintf("%020.6f", a.Value+1e12)
		}
		return ""
	case colStatus:
		return fmt.Sprintf("%02d", codeRank(t.statuses[it.ID].Code))
	case colProgress:
		s := t.statuses[it.ID]
		if s.Completion == s.Completion {
			return fmt.Sprintf("%020.6f", s.Completion+1e6)
		}
		return ""
	case colPrior:
		return t.priorKey(it)
	}
	return ""
}

func (t *itemTable) sortRows() {
	if t.sortCol == unsorted {
		return
	}
	// Rows without a value (no figure, no share) go last either way: a
	// reviewer sorting by progress wants the figures, not the blanks.
	sort.SliceStable(t.rows, func(i, j int) bool {
		a, b := t.sortKey(t.rows[i]), t.sortKey(t.rows[j])
		if a == "" || b == "" {
			return a != "" && b == ""
		}
		if t.sortDesc {
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
