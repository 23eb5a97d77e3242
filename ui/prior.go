package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// Last year beside this year in the window: the detail pane's 上年目标 and
// 上年完成, the form that pairs an item with one of last year's, and the
// notice after a plan is created with items left unpaired.

// lastYear is what the window knows of the current plan's previous year:
// the previous plan, if the workspace holds it, and each item's prior.
type lastYear struct {
	prev    store.PlanInfo
	hasPrev bool
	priors  map[string]domain.Prior
}

// loadLastYear reads the previous plan and every item's prior.
func loadLastYear(st *store.Store) (lastYear, error) {
	var ly lastYear
	var err error
	if ly.prev, ly.hasPrev, err = st.PreviousPlan(); err != nil {
		return ly, err
	}
	ly.priors, err = st.Priors(domain.DefaultTolerance())
	return ly, err
}

// unmatched counts the items with no pairing at all (不配对 is a pairing).
func (ly lastYear) unmatched(p *domain.Plan) int {
	n := 0
	for _, it := range p.Items {
		if pr, ok := ly.priors[it.ID]; !ok || (!pr.Paired && pr.How != domain.PairNone) {
			n++
		}
	}
	return n
}

// priorBlock shows 上年目标 and 上年完成 with its status, and the button
// that pairs the item with another of last year's. A plan with no
// previous plan and nothing typed shows nothing.
func (dp *detailPane) priorBlock(it domain.Item) fyne.CanvasObject {
	ly := dp.lastYear
	p, ok := ly.priors[it.ID]
	if !ly.hasPrev && !ok {
		return nil
	}
	box := container.NewVBox(heading(tr("上年情况")))
	switch {
	case ok && p.Paired:
		how := tr(p.How.Label())
		box.Add(wrapLabel(tr("上年目标：") + orDash(p.Target())))
		box.Add(wrapLabel(trf("对应上年项目：{{.ID}} {{.N}}（{{.How}}）", "ID", p.Item.ID, "N", p.Item.DisplayName(), "How", how)))
	case ok && p.How == domain.PairNone:
		box.Add(wrapLabel(tr("上年目标：不配对（上年计划无对应项目）")))
	case ly.hasPrev:
		box.Add(wrapLabel(tr("上年目标：未配对")))
	}
	switch {
	case ok && p.HasActual:
		// The badge right after the figure, as short as the figure is: a
		// reader takes the two together.
		b := newBadge()
		b.set(p.Status)
		line := widget.NewLabel(tr("上年完成：") + periodLabel(p.Actual.Period) + " " + p.Figure)
		box.Add(container.NewHBox(line, container.NewCenter(b)))
	case ok && p.Typed != nil:
		box.Add(wrapLabel(tr("上年完成：") + p.Figure + trf("（{{.By}}录入，来源：{{.S}}）", "By", p.Typed.By, "S", p.Typed.Source)))
	default:
		box.Add(wrapLabel(tr("上年完成：暂无")))
	}
	if ly.hasPrev {
		id := it.ID
		pair := widget.NewButtonWithIcon(tr("配对上年项目…"), theme.SearchIcon(), func() { dp.host.pairForm(id) })
		dp.buttons = append(dp.buttons, pair)
		box.Add(container.NewHBox(pair))
	}
	return box
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// pairForm pairs an item with one of last year's, chosen from a list the
// reviewer can search by ID or name, or records 不配对.
func (u *UI) pairForm(id string) {
	it, _ := u.plan.Item(id)
	prev, items, err := u.st.PriorItems()
	if err != nil {
		u.showError(err)
		return
	}
	none := tr("不配对（上年计划无对应项目）")
	label := func(x domain.Item) string {
		return x.ID + "  " + x.DisplayName() + "  " + domain.TargetWords(x)
	}
	var shown []domain.Item // the items the search admits, after the 不配对 row
	chosen := -1            // index in the list: 0 is 不配对
	list := widget.NewList(func() int { return len(shown) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			text := none
			if i > 0 {
				text = label(shown[i-1])
			}
			o.(*widget.Label).SetText(text)
		})
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	search := newEscEntry(nil)
	search.SetPlaceHolder(tr("搜索上年项目的编号或名称"))
	filter := func(q string) {
		q = strings.ToLower(strings.TrimSpace(q))
		shown = shown[:0]
		for _, x := range items {
			if q == "" || strings.Contains(strings.ToLower(x.ID+"\x00"+x.DisplayName()), q) {
				shown = append(shown, x)
			}
		}
		chosen = -1
		list.UnselectAll()
		list.Refresh()
	}
	search.OnChanged = filter
	filter("")
	if pr, ok := u.lastYear.priors[id]; ok && pr.Paired {
		for i, x := range shown {
			if x.ID == pr.Item.ID {
				list.Select(i + 1)
				list.ScrollTo(i + 1)
			}
		}
	}
	f := u.newForm(trf("配对上年项目：{{.ID}} {{.N}}", "ID", it.ID, "N", it.DisplayName()), func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		switch {
		case chosen < 0:
			f.fail("", errors.New(tr("请在列表中选择上年项目，或选择“不配对”")))
			return false
		case chosen == 0:
			if err := u.st.UnpairPrior(id, by); err != nil {
				f.fail("", err)
				return false
			}
			u.changed(trf("已设 {{.ID}} 为不配对", "ID", id))
		default:
			pit := shown[chosen-1]
			if _, err := u.st.PairPrior(id, prev.ID, pit.ID, by); err != nil {
				f.fail("", err)
				return false
			}
			u.changed(trf("已将 {{.ID}} 与上年 {{.P}} 配对", "ID", id, "P", pit.ID))
		}
		return true
	})
	f.add(tr("搜索"), search, trf("上年计划：{{.T}}", "T", prev.Title))
	f.add(tr("上年项目"), container.NewGridWrap(fyne.NewSize(460, 260), list), "")
	f.show()
}

// noticeUnmatched says, after a plan is created beside last year's, how
// many items found no counterpart by name and where to pair them.
func (u *UI) noticeUnmatched() {
	if !u.lastYear.hasPrev {
		return
	}
	if n := u.lastYear.unmatched(u.plan); n > 0 {
		showMessage(u.win, tr("上年项目配对"), trf("已按名称与上年计划《{{.T}}》配对；{{.N}}项名称不同、未能配对。请在右侧项目详情中点“配对上年项目…”逐项配对（命令行：planreview pairs --unmatched）。",
			"T", u.lastYear.prev.Title, "N", n))
	}
}

// prefPriorColumn remembers whether the item table shows 上年完成.
const prefPriorColumn = "ui.priorColumn"

// columnCount is how many of the table's columns show: all but 上年完成
// unless the reviewer asked for it.
func (t *itemTable) columnCount() int {
	if t.showPrior {
		return len(columns)
	}
	return int(colPrior)
}

// setShowPrior shows or hides the 上年完成 column and remembers it.
func (t *itemTable) setShowPrior(on bool) {
	if on == t.showPrior {
		return
	}
	t.showPrior = on
	t.app.Preferences().SetBool(prefPriorColumn, on)
	if !on && t.sortCol == colPrior {
		t.sortCol = unsorted
	}
	if t.selectedCol >= t.columnCount() {
		t.selectedCol = 0
	}
	t.body.Layout = fitColumns{t.table, theme.Padding(), t.itemColumns()}
	t.body.Refresh()
	t.table.Refresh()
	if on {
		// On a small screen the table already scrolls sideways and the
		// new last column would open out of view, as if the box did
		// nothing: show it.
		t.table.ScrollToTrailing()
	}
	t.hooks.trace("prior column %v", on)
}

// priorText is an item's 上年完成 in the table: the figure alone (its
// status from last year is in the detail pane: in a cell it would push
// the figure out of view); — when none.
func (t *itemTable) priorText(it domain.Item) string {
	if p, ok := t.priors[it.ID]; ok && p.HasResult() {
		return p.Figure
	}
	return "—"
}

// priorKey sorts by 上年完成: items with a result by its value.
func (t *itemTable) priorKey(it domain.Item) string {
	p, ok := t.priors[it.ID]
	switch {
	case !ok || !p.HasResult():
		return ""
	case p.HasActual:
		return fmt.Sprintf("%020.6f", p.Actual.Value+1e12)
	}
	return fmt.Sprintf("%020.6f", p.Typed.Value+1e12)
}
