package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
)

// TestRoundViewKeys: Esc closes the round view wherever the focus is —
// the unit table after a click on a unit (Fyne's table kept Esc), the
// item table, the round box, a button — and Enter presses the button
// focused.
func TestRoundViewKeys(t *testing.T) {
	u, _, _ := roundTestUI(t)
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	for _, tc := range []struct {
		name  string
		focus func(v *roundView) fyne.Focusable
	}{
		{"unit table", func(v *roundView) fyne.Focusable {
			v.unitTable.Select(widget.TableCellID{Row: 1, Col: ucUnit}) // a unit clicked
			return v.unitTable
		}},
		{"item table", func(v *roundView) fyne.Focusable {
			v.itemTable.Select(widget.TableCellID{Row: 0, Col: icName})
			return v.itemTable
		}},
		{"round box", func(v *roundView) fyne.Focusable { return v.roundSel }},
		{"截至 box", func(v *roundView) fyne.Focusable { return v.asOfEntry }},
		{"a button", func(v *roundView) fyne.Focusable { return v.export }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u.roundStatusView()
			v := u.roundView
			if v == nil {
				t.Fatal("the view did not open")
			}
			f := tc.focus(v)
			c := u.win.Canvas()
			c.Focus(f)
			if c.Focused() != f {
				t.Fatalf("focus on %T, want %T", c.Focused(), f)
			}
			c.Focused().TypedKey(esc)
			if u.roundView != nil || c.Overlays().Top() != nil {
				t.Errorf("Esc with the focus in the %s left the view open", tc.name)
			}
		})
	}

	// Enter presses the focused button: 关闭 closes, 转到该项目 jumps.
	u.roundStatusView()
	v := u.roundView
	u.win.Canvas().Focus(v.closeBtn)
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.roundView != nil {
		t.Error("Enter on 关闭 left the view open")
	}
	u.roundStatusView()
	v = u.roundView
	v.itemTable.Select(widget.TableCellID{Row: 1, Col: icName})
	want := v.rows()[1].ItemID
	u.win.Canvas().Focus(v.jump)
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if u.roundView != nil || u.selected != want {
		t.Errorf("Enter on 转到该项目: view open %v, selected %q, want %q", u.roundView != nil, u.selected, want)
	}
}

// TestRoundViewDayBox: the 截至 box takes a day as people write it
// (2023/10/20, 2023年10月15日), says nothing while one is being typed,
// refuses at once what no day can become and a day that does not exist,
// and refuses an unfinished one on Enter or when the focus leaves —
// each time keeping the day last shown.
func TestRoundViewDayBox(t *testing.T) {
	u, _, _ := roundTestUI(t)
	u.roundStatusView()
	v := u.roundView
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		typed string
		asOf  time.Time // the day shown after
		err   string    // part of the complaint, "" for none
	}{
		{"2023/10/20", day(2023, 10, 20), ""},
		{"2023年10月15日", day(2023, 10, 15), ""},
		{"2", day(2023, 10, 15), ""},
		{"2023-1", day(2023, 10, 15), ""},
		{"2023年10月", day(2023, 10, 15), ""},
		{"2023.10.8", day(2023, 10, 8), ""},
		{"2023-02-30", day(2023, 10, 8), "“2023-02-30”不是有效日期：月为1-12，日不超过当月天数（仍显示截至2023-10-08）"},
		{"10月15日", day(2023, 10, 8), "“10月15日”不是日期：请写作 2023-10-15 或 2023年10月15日（仍显示截至2023-10-08）"},
		{" 2023-10-15 ", day(2023, 10, 15), ""},
	} {
		v.asOfEntry.SetText(tc.typed)
		got := cjk.Unmark(v.asOfError.Text)
		switch {
		case !v.asOf.Equal(tc.asOf):
			t.Errorf("%q: as of %s, want %s", tc.typed, v.asOf.Format(dayLayout), tc.asOf.Format(dayLayout))
		case tc.err == "" && v.asOfError.Visible():
			t.Errorf("%q: complained %q", tc.typed, got)
		case tc.err != "" && (!v.asOfError.Visible() || got != tc.err):
			t.Errorf("%q: complaint %q (shown %v), want %q", tc.typed, got, v.asOfError.Visible(), tc.err)
		}
	}
	if !strings.Contains(texts(u.win.Canvas().Overlays().Top()), "截至2023-10-15：") {
		t.Error("the summary is not as of the day typed")
	}

	// Unfinished: nothing said while typing, refused on Enter, and again
	// when the focus leaves.
	c := u.win.Canvas()
	c.Focus(v.asOfEntry)
	v.asOfEntry.SetText("2023-10")
	if v.asOfError.Visible() {
		t.Errorf("complained while typing: %q", v.asOfError.Text)
	}
	v.asOfEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !v.asOfError.Visible() || !strings.Contains(cjk.Unmark(v.asOfError.Text), "“2023-10”不是日期") {
		t.Errorf("Enter on an unfinished day: %q", v.asOfError.Text)
	}
	v.asOfEntry.SetText("2023-10-1")
	if v.asOfError.Visible() || !v.asOf.Equal(day(2023, 10, 1)) {
		t.Errorf("2023-10-1: %q, as of %s", v.asOfError.Text, v.asOf.Format(dayLayout))
	}
	v.asOfEntry.SetText("2023-")
	c.Unfocus()
	if !v.asOfError.Visible() || !strings.Contains(cjk.Unmark(v.asOfError.Text), "“2023-”不是日期") {
		t.Errorf("focus left an unfinished day: %q", v.asOfError.Text)
	}
}
