package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// 责任单位 in the window: the detail pane's block with its edit button,
// the table's unit filter and its bulk 指定责任单位… for the rows listed,
// and the form both open.

// unitBook is the plan's units and who answers for which item, as the
// window last read them.
type unitBook struct {
	list     []domain.Unit
	byID     map[int64]domain.Unit
	assigned map[string]domain.ItemUnits
}

func readUnitBook(st *store.Store) (unitBook, error) {
	list, err := st.Units()
	if err != nil {
		return unitBook{}, err
	}
	assigned, err := st.ItemUnits()
	if err != nil {
		return unitBook{}, err
	}
	b := unitBook{list: list, byID: map[int64]domain.Unit{}, assigned: assigned}
	for _, u := range list {
		b.byID[u.ID] = u
	}
	return b, nil
}

// of is an item's lead unit's full name ("" for none) and its co-operating
// units' full names.
func (b unitBook) of(id string) (lead string, with []string) {
	a := b.assigned[id]
	if a.Lead != 0 {
		lead = b.byID[a.Lead].Full
	}
	for _, w := range a.With {
		with = append(with, b.byID[w].Full)
	}
	return lead, with
}

// unitsBlock is the detail pane's 责任单位: 牵头单位, 协办单位 and the button
// that edits them.
func (dp *detailPane) unitsBlock(it domain.Item) fyne.CanvasObject {
	box := container.NewVBox(heading(tr("责任单位")))
	lead, with := dp.units.of(it.ID)
	if lead == "" {
		box.Add(wrapLabel(tr("尚未指定责任单位。")))
	} else {
		box.Add(wrapLabel(tr("牵头单位：") + lead))
		w := tr("无")
		if len(with) > 0 {
			w = strings.Join(with, "、")
		}
		box.Add(wrapLabel(tr("协办单位：") + w))
	}
	id := it.ID
	b := widget.NewButtonWithIcon(tr("指定责任单位…"), theme.DocumentCreateIcon(), func() { dp.host.unitForm([]string{id}) })
	dp.buttons = append(dp.buttons, b)
	box.Add(container.NewHBox(b))
	return box
}

// unitOptions are the unit filter's choices: every unit, then the items
// with none.
func (t *itemTable) unitOptions() []string {
	opts := []string{tr("全部单位")}
	for _, u := range t.units.list {
		opts = append(opts, u.Full)
	}
	return append(opts, tr("未指定单位"))
}

// setUnits hands the table the window's units; the filter keeps its
// choice while that unit still exists.
func (t *itemTable) setUnits(b unitBook) {
	t.units = b
	chosen := t.unitSel.Selected
	t.unitSel.Options = t.unitOptions()
	keep := false
	for _, o := range t.unitSel.Options {
		keep = keep || o == chosen
	}
	if !keep {
		t.unitFilter = unitFilter{}
		t.unitSel.Selected = tr("全部单位")
	}
	t.unitSel.Refresh()
}

// unitFilter is the table's unit box: every item (the zero value), the
// items a unit leads or co-operates on, or the items with no unit.
type unitFilter struct {
	unit int64
	none bool
}

func (f unitFilter) admits(a domain.ItemUnits) bool {
	switch {
	case f.none:
		return a.Empty()
	case f.unit != 0:
		return a.Has(f.unit)
	}
	return true
}

func (t *itemTable) pickUnit(s string) {
	t.unitFilter = unitFilter{none: s == tr("未指定单位")}
	for _, u := range t.units.list {
		if u.Full == s {
			t.unitFilter = unitFilter{unit: u.ID}
		}
	}
}

// listedIDs are the items the table lists, in its order: what the bulk
// 指定责任单位… applies to.
func (t *itemTable) listedIDs() []string {
	ids := make([]string, len(t.rows))
	for i, it := range t.rows {
		ids[i] = it.ID
	}
	return ids
}

// assignListed opens the form for every row the table lists: the section
// chosen in the navigation, narrowed by the search and the filters.
func (u *UI) assignListed() {
	ids := u.items.listedIDs()
	if len(ids) == 0 {
		u.showError(fmt.Errorf("%s", tr("列表中没有项目：请先在左侧选择部分，或放宽搜索和筛选条件")))
		return
	}
	u.unitForm(ids)
}

// unitForm assigns a lead unit and co-operating units to one item or
// many. A name the list does not know is refused unless 添加到单位名单 is
// ticked, as on the command line (--new-unit).
func (u *UI) unitForm(ids []string) {
	var names []string
	for _, un := range u.units.list {
		names = append(names, un.Full)
	}
	lead := widget.NewSelectEntry(names)
	with := newEscEntry(nil)
	addNew := widget.NewCheck(tr("名单中没有的单位一并添加"), nil)
	clear := widget.NewCheck(tr("清除责任单位"), nil)
	title := trf("为列出的{{.N}}项指定责任单位", "N", len(ids))
	if len(ids) == 1 {
		it, _ := u.plan.Item(ids[0])
		title = trf("指定责任单位：{{.ID}} {{.N}}", "ID", it.ID, "N", it.Name)
		l, w := u.units.of(it.ID)
		lead.SetText(l)
		with.SetText(strings.Join(w, "、"))
	}
	f := u.newForm(title, func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		as := store.Assignment{Items: ids, Lead: strings.TrimSpace(lead.Text), NewUnits: addNew.Checked}
		if !clear.Checked {
			if as.Lead == "" {
				f.fail(tr("牵头单位"), fmt.Errorf("%s", tr("请填写或选择牵头单位（要清除责任单位，请勾选“清除责任单位”）")))
				return false
			}
			as.With = domain.SplitUnitNames(with.Text)
		} else {
			as.Lead = ""
		}
		res, err := u.st.AssignUnits(as, by)
		if err != nil {
			f.fail("", err)
			return false
		}
		if res.Lead.ID == 0 {
			u.changed(trf("已清除{{.N}}项的责任单位", "N", len(res.Changed)))
		} else {
			u.changed(trf("已为{{.N}}项指定责任单位：牵头 {{.U}}", "N", len(res.Changed), "U", res.Lead.Full))
		}
		return true
	})
	f.add(tr("牵头单位"), lead, tr("选择或填写单位全称或简称，如：市发展改革委、发改委"))
	f.add(tr("协办单位"), with, tr("可填多个，用顿号分隔，如：市统计局、市商务局"))
	f.add("", container.NewVBox(addNew, clear), "")
	f.show()
}

// unitBoxWidth is the unit box's width: as wide as 全部单位 or a six-
// character full name (市发展改革委), so the choice is never cut.
const unitBoxWidth = 140

// fixedWidth lays out one object at a set width (at least its own).
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(max(float32(w), m.Width), m.Height)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// listedCount is the footer's line: how many rows the bulk button acts on.
func (t *itemTable) listedCount() string {
	return trf("对列出的{{.N}}项", "N", len(t.rows))
}
