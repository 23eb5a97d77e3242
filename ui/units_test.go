package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// formWidget is the first widget of type W in a field of the open form
// ("" for the unlabelled field).
func formWidget[W fyne.CanvasObject](t *testing.T, u *UI, label string) W {
	t.Helper()
	for _, it := range openForm(u).items {
		if it.Text == label {
			if w, ok := find(it.Widget, func(o fyne.CanvasObject) bool { _, ok := o.(W); return ok }).(W); ok {
				return w
			}
		}
	}
	var zero W
	t.Fatalf("form has no such widget in %q", label)
	return zero
}

// TestAssignUnitsInBulk: a section chosen in the navigation, 指定责任单位…
// assigns its listed rows in one go; an unknown unit is refused until
// 添加到名单 is ticked; the unit filter then lists exactly those rows, the
// detail pane names the units, and one undo takes the whole assignment
// back.
func TestAssignUnitsInBulk(t *testing.T) {
	u, st := newTestUI(t)
	u.selectNav(navToSection("S1"))
	want := u.items.listedIDs()
	if len(want) < 5 {
		t.Fatalf("S1 lists %d items", len(want))
	}
	test.Tap(button(t, u.items.pane, "指定责任单位…"))
	f := openForm(u)
	if f == nil || !strings.Contains(f.title, "为列出的") {
		t.Fatalf("form %+v", f)
	}
	formWidget[*widget.SelectEntry](t, u, "牵头单位").SetText("市商务局")
	formEntry(t, u, "协办单位").SetText("市统计局、市发展改革委")
	test.Tap(f.saveBtn)
	if msg := openForm(u).errorText(""); !strings.Contains(msg, "没有这个责任单位") {
		t.Errorf("unknown unit: %q", msg)
	}
	if a, _ := st.ItemUnits(); len(a) != 0 {
		t.Fatalf("a refused form saved %v", a)
	}
	formWidget[*widget.Check](t, u, "").SetChecked(true) // 名单中没有的单位一并添加
	test.Tap(openForm(u).saveBtn)
	if openForm(u) != nil {
		t.Fatalf("form still open: %q", openForm(u).errorText(""))
	}
	assigned, _ := st.ItemUnits()
	if len(assigned) != len(want) {
		t.Errorf("%d items assigned, want %d", len(assigned), len(want))
	}
	units, _ := st.Units()
	if len(units) != 3 || units[0].Full != "市商务局" {
		t.Errorf("units %+v", units)
	}

	// The filter beside the status box lists the unit's rows, in every
	// section.
	u.selectNav(navTo(navAll))
	u.items.unitSel.SetSelected("市统计局")
	if got := u.items.listedIDs(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("filtered %v, want %v", got, want)
	}
	u.items.unitSel.SetSelected("未指定单位")
	if n := len(u.items.listedIDs()); n != len(u.plan.Items)-len(want) {
		t.Errorf("未指定单位 lists %d", n)
	}
	u.items.unitSel.SetSelectedIndex(0)

	// The detail pane names the units and edits one item's.
	u.selectItem(want[0])
	body := texts(u.detail.pane)
	if !strings.Contains(body, "牵头单位：市商务局") || !strings.Contains(body, "协办单位：市统计局、市发展改革委") {
		t.Errorf("detail pane: %s", body)
	}
	test.Tap(button(t, u.detail.pane, "指定责任单位…"))
	if got := formWidget[*widget.SelectEntry](t, u, "牵头单位").Text; got != "市商务局" {
		t.Errorf("form starts with lead %q", got)
	}
	formEntry(t, u, "协办单位").SetText("")
	test.Tap(openForm(u).saveBtn)
	if a, _ := st.ItemUnits(); len(a[want[0]].With) != 0 || a[want[0]].Lead == 0 {
		t.Errorf("one item edited: %+v", a[want[0]])
	}

	// Undo: first the single edit, then the bulk assignment whole.
	u.undo()
	u.undo()
	if a, _ := st.ItemUnits(); len(a) != 0 {
		t.Errorf("after two undos %d items keep units", len(a))
	}
}
