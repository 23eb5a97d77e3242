package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

func period(m int) domain.Period { return domain.Period{Year: 2023, Month: m} }

// tapSelect opens a select through a tap and taps the item with the label
// in its pop-up menu, as a reviewer picks a period.
func tapSelect(t *testing.T, u *UI, s *widget.Select, label string) {
	t.Helper()
	test.Tap(s)
	for _, o := range u.win.Canvas().Overlays().List() {
		item := find(o, func(o fyne.CanvasObject) bool {
			return fmt.Sprintf("%T", o) == "*widget.menuItem" && hasText(o, label)
		})
		if item != nil {
			test.Tap(item.(fyne.Tappable))
			return
		}
	}
	t.Fatalf("no menu item %q", label)
}

// hasText reports whether a canvas text under o reads s.
func hasText(o fyne.CanvasObject, s string) bool {
	return find(o, func(o fyne.CanvasObject) bool {
		x, ok := o.(*canvas.Text)
		return ok && x.Text == s
	}) != nil
}

// On first start the overview says how to begin; the toolbar follows the
// newest figures until the reviewer picks a period, then keeps the pick.
func TestFirstStartGuideAndDefaultPeriod(t *testing.T) {
	u, _ := newTestUI(t)
	if u.asOf != period(12) {
		t.Fatalf("empty database: period %v", u.asOf)
	}
	guide := texts(u.overview.box)
	for _, want := range []string{"如何开始", "录入实际值：", "从Excel导入：", "保存填报模板…", "从Excel导入…", "尚未录入任何实际值"} {
		if !strings.Contains(guide, want) {
			t.Errorf("the first-start overview lacks %q:\n%s", want, guide)
		}
	}
	if strings.Contains(guide, "全部项目") || find(u.overview.box, func(o fyne.CanvasObject) bool { _, ok := o.(*statusBar); return ok }) != nil {
		t.Errorf("the first-start overview shows grey counts:\n%s", guide)
	}
	// The guide's button opens the figure form on the first item.
	test.Tap(button(t, u.overview.box, "录入实际值…"))
	if openForm(u) == nil || u.selected != "A1-01" {
		t.Fatalf("the guide's button opened no form (selected %q)", u.selected)
	}
	formSelect(t, u, "期间").SetSelectedIndex(8) // 1-9月
	v := formEntry(t, u, "实际值")
	test.Type(v, "5.8")
	press(v, fyne.KeyReturn)
	if openForm(u) != nil {
		t.Fatalf("form still open: %q", openForm(u).errorText("实际值"))
	}
	if u.asOf != period(9) || u.bar.periodSel.Selected != "前三季度（1-9月）" {
		t.Errorf("after the first 1-9月 figure the toolbar shows %q (%v), want 前三季度（1-9月）", u.bar.periodSel.Selected, u.asOf)
	}
	if o := texts(u.overview.box); strings.Contains(o, "如何开始") || !strings.Contains(o, "符合预期 1") {
		t.Errorf("overview after the first figure:\n%s", o)
	}
	// The reviewer's own pick is kept when newer figures arrive.
	tapSelect(t, u, u.bar.periodSel, "上半年（1-6月）")
	if u.asOf != period(6) {
		t.Fatalf("picked 上半年, period %v", u.asOf)
	}
	if _, err := u.st.RecordActual(domain.Actual{ItemID: "A1-02", Period: period(10), Value: 5}, "张三"); err != nil {
		t.Fatal(err)
	}
	u.changed("")
	if u.asOf != period(6) {
		t.Errorf("a new figure moved the reviewer's period to %v", u.asOf)
	}
}

// A judgement on an earlier figure is counted as such in the overview; a
// linked item is one concern naming both items.
func TestOverviewSpeaksOfEarlyFiguresAndLinkedItems(t *testing.T) {
	u, st := newTestUI(t)
	for _, a := range []domain.Actual{{ItemID: "A1-01", Period: period(9), Value: 5.8}, {ItemID: "A1-05", Period: period(9), Value: 9.1}} {
		if _, err := st.RecordActual(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	u.changed("")
	tapSelect(t, u, u.bar.periodSel, "全年（1-12月）")
	o := texts(u.overview.box)
	for _, want := range []string{"主要指标（附件1） 20项：目标待定 1，暂无数据 17；按1-9月数据：符合预期 1，低于预期 1", "按此前期间数据判断",
		"A1-05 固定资产投资 · 同B1-03"} {
		if !strings.Contains(o, want) {
			t.Errorf("overview lacks %q:\n%s", want, o)
		}
	}
	if find(u.overview.box, func(o fyne.CanvasObject) bool {
		b, ok := o.(*badge)
		return ok && b.text.Text == "按1-9月数据低于预期"
	}) == nil {
		t.Error("the concern's badge does not say it rests on the 1-9月 figure")
	}
	if strings.Contains(o, "B1-03 固定资产投资") {
		t.Errorf("the linked item is listed twice:\n%s", o)
	}
	bar := find(u.overview.box, func(o fyne.CanvasObject) bool { _, ok := o.(*statusBar); return ok }).(*statusBar)
	if bar.counts[domain.EarlyGroup] != 3 || bar.counts[0] != 0 {
		t.Errorf("the bar puts early judgements in %v, want 3 in the early group", bar.counts)
	}
}

// The export dialog says, before writing, that the chosen period has no
// figures for most indicators, and follows the period chosen in it.
func TestExportDialogWarnsOfAnEmptyPeriod(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(9), Value: 5.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	u.changed("")
	pressCtrl(u.win, fyne.KeyP)
	if openForm(u) == nil {
		t.Fatal("Ctrl+P opened no dialog")
	}
	got := texts(u.win.Canvas().Overlays().Top())
	if want := "所选期间1-9月，20项主要指标中19项尚无该期数据。"; !strings.Contains(got, want) {
		t.Errorf("dialog lacks %q:\n%s", want, got)
	}
	formSelect(t, u, "截至期间").SetSelectedIndex(11)
	got = texts(u.win.Canvas().Overlays().Top())
	if want := "所选期间1-12月，20项主要指标中20项尚无该期数据（最新数据为1-9月）。"; !strings.Contains(got, want) {
		t.Errorf("dialog lacks %q:\n%s", want, got)
	}
}
