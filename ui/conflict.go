package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// 待裁定数据: the returns held because they differ from the figure recorded
// for their item and period (typed in, or from another unit's return).
// Per item the candidates stand side by side — 原录入 and each unit's
// return, with value, unit, 填报人, 电话, 来源, 文件 and time — each with
// 采用此值; the store records the choice and keeps the others in history.

// roundConflict is one item's conflict in one round.
type roundConflict struct {
	round domain.Round
	store.Conflict
}

// conflictHooks is what the dialog needs of the window.
type conflictHooks struct {
	load    func() ([]roundConflict, error)
	resolve func(c roundConflict, pick store.Pick) (string, error)
	// resolved is told what the store recorded, for the window to reload
	// and say so.
	resolved  func(detail string)
	item      func(id string) (domain.Item, bool)
	figure    func(tracked domain.Item, a domain.Actual) string // in words: 增长5.8%
	showError func(error)
}

// conflictDialog owns the conflicts shown and their widgets.
type conflictDialog struct {
	hooks     conflictHooks
	win       fyne.Window
	conflicts []roundConflict

	list     *fyne.Container
	summary  *widget.Label
	closeBtn *keyButton
	picks    []*keyButton // every 采用此值, in order: for the keyboard and tests
	dlg      *dialog.CustomDialog
}

func newConflictDialog(win fyne.Window, h conflictHooks) *conflictDialog {
	d := &conflictDialog{hooks: h, win: win, list: container.NewVBox(), summary: wrapLabel("")}
	d.closeBtn = newKeyButton(tr("关闭"), d.close, d.close)
	return d
}

// show loads the conflicts and opens the dialog over most of the window;
// the list scrolls, the button stays in view.
func (d *conflictDialog) show() {
	if !d.reload() {
		return
	}
	scroll, _ := newWheelScroll(d.list)
	content := container.NewBorder(d.summary, nil, nil, nil, scroll)
	d.dlg = dialog.NewCustomWithoutButtons(tr("待裁定数据"), content, d.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.closeBtn})
	size := d.win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.9))
	escCloses(d.win, d.dlg)
	d.dlg.Show()
}

func (d *conflictDialog) close() { d.dlg.Hide() }

// reload reads the conflicts again and rebuilds the list; false when
// they cannot be read (the error is shown).
func (d *conflictDialog) reload() bool {
	cs, err := d.hooks.load()
	if err != nil {
		d.hooks.showError(err)
		return false
	}
	d.conflicts = cs
	d.list.Objects, d.picks = nil, nil
	for _, c := range cs {
		d.list.Add(d.block(c))
	}
	setWrapped(d.summary, trf("{{.N}}项数据有不同的填报值，请逐项核实后采用其一；未采用的值保留在修改记录中。", "N", len(cs)))
	if len(cs) == 0 {
		setWrapped(d.summary, tr("没有待裁定的数据。"))
	}
	d.list.Refresh()
	return true
}

// pick settles c with p and shows what is left.
func (d *conflictDialog) pick(c roundConflict, p store.Pick) {
	detail, err := d.hooks.resolve(c, p)
	if err != nil {
		d.hooks.showError(err)
		return
	}
	d.hooks.resolved(detail)
	d.reload()
	if d.dlg != nil && d.win.Canvas().Focused() == nil && len(d.picks) > 0 {
		d.win.Canvas().Focus(d.picks[0]) // the keyboard goes on to the next item
	}
}

// showConflicts opens 待裁定数据 (表格 › 待裁定数据…), for one item when
// itemID is set (the detail pane's 裁定…), else for every item.
func (u *UI) showConflicts(itemID string) *conflictDialog {
	d := newConflictDialog(u.win, conflictHooks{
		load: func() ([]roundConflict, error) { return u.pendingConflicts(itemID) },
		resolve: func(c roundConflict, p store.Pick) (string, error) {
			who := u.reviewer()
			if who == "" {
				return "", errNoReviewer
			}
			return u.st.ResolveConflict(c.round.ID, c.ItemID, p, who)
		},
		resolved:  func(detail string) { u.changed(tr("已裁定：") + detail) },
		item:      u.plan.Item,
		figure:    func(it domain.Item, a domain.Actual) string { return u.review.FigureOf(it, a) },
		showError: u.showError,
	})
	d.show()
	return d
}

// pendingConflicts lists the conflicts of every round, oldest round
// first; with itemID set, those of that item and of the items recorded
// on it (a body commitment's figures are its indicator's).
func (u *UI) pendingConflicts(itemID string) ([]roundConflict, error) {
	rs, err := u.st.Rounds()
	if err != nil {
		return nil, err
	}
	var out []roundConflict
	for _, r := range rs {
		cs, err := u.st.Conflicts(r.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			it, _ := u.plan.Item(c.ItemID)
			if itemID == "" || c.ItemID == itemID || domain.TrackedID(it) == itemID {
				out = append(out, roundConflict{round: r, Conflict: c})
			}
		}
	}
	return out, nil
}

// conflictLine is the detail pane's 有N个填报值待裁定 with its 裁定…
// button, for an item with returns held for the reviewer; nil for one
// without (or when they cannot be read: the pane shows the item anyway).
func (u *UI) conflictLine(id string) fyne.CanvasObject {
	n := u.heldFor(id)
	if n == 0 {
		return nil
	}
	l := wrapLabel(trf("有{{.N}}个填报值待裁定", "N", n))
	l.Importance = widget.WarningImportance
	b := widget.NewButton(tr("裁定…"), func() { u.showConflicts(id) })
	return container.NewBorder(nil, nil, nil, b, l)
}

// heldCounts is how many returns are held for each item (and for the
// item its figures are recorded on): the detail pane asks on every item
// shown, and reading every round's conflicts each time took tens of
// milliseconds at 1,000 items. reload, which every change of the plan
// passes through, drops it.
type heldCounts struct {
	n map[string]int
}

// heldFor is how many returns are held for an item, read again only after
// a reload.
func (u *UI) heldFor(id string) int {
	if u.held.n == nil {
		cs, err := u.pendingConflicts("")
		if err != nil {
			return 0
		}
		n := map[string]int{}
		for _, c := range cs {
			n[c.ItemID] += len(c.Candidates)
			if it, ok := u.plan.Item(c.ItemID); ok && domain.TrackedID(it) != c.ItemID {
				n[domain.TrackedID(it)] += len(c.Candidates)
			}
		}
		u.held = heldCounts{n: n}
	}
	return u.held.n[id]
}
