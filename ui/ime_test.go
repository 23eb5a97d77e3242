package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

type imeCall struct{ x, y, h int }

// recordIME stands in for the system's input method and keeps what it is
// told.
func recordIME(t *testing.T) *[]imeCall {
	var calls []imeCall
	old := setIME
	setIME = func(_ fyne.Window, x, y, h int) { calls = append(calls, imeCall{x, y, h}) }
	t.Cleanup(func() { setIME = old })
	return &calls
}

// typeInto types s as the desktop driver does: each character to the
// focused object.
func typeInto(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

func lastIME(t *testing.T, calls *[]imeCall, after string) imeCall {
	t.Helper()
	if len(*calls) == 0 {
		t.Fatalf("the input method was not told where the caret is %s", after)
	}
	return (*calls)[len(*calls)-1]
}

// The input method is told where the caret is when the search box gains
// focus and as typing and keys move the caret, so the candidate window
// opens at the text rather than in the screen's corner.
func TestInputMethodFollowsTheCaret(t *testing.T) {
	u, _ := newTestUI(t)
	calls := recordIME(t)
	c := u.win.Canvas()
	pressCtrl(u.win, fyne.KeyF)
	at := lastIME(t, calls, "on Ctrl+F")
	box := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.items.search)
	left, top := c.PixelCoordinateForPosition(box)
	right, bottom := c.PixelCoordinateForPosition(box.Add(u.items.search.Size()))
	pad := int(theme.InnerPadding()*c.Scale()) + 2
	if at.x < left || at.x > left+pad || at.y < top || at.y+at.h > bottom {
		t.Fatalf("caret told at %+v, the empty box is %d,%d–%d,%d", at, left, top, right, bottom)
	}
	typeInto(c, "地区生产")
	typed := lastIME(t, calls, "after typing")
	width := int(fyne.MeasureText("地区生产", theme.TextSize(), u.items.search.TextStyle).Width * c.Scale())
	if d := typed.x - at.x; d < width-3 || d > width+3 || typed.y != at.y {
		t.Errorf("after 4 characters the caret is told at %+v, from %+v: want %d px to the right", typed, at, width)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if home := lastIME(t, calls, "after Home"); home != at {
		t.Errorf("after Home the caret is told at %+v, want %+v", home, at)
	}
}

// In a multi-line note the caret's line counts: a new line moves the
// input method down by one line. An entry without focus does not move it.
func TestInputMethodFollowsTheLineInANote(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("note")
	e := newEscMultiLine(nil)
	other := newEscEntry(nil)
	w.SetContent(container.NewVBox(other, e))
	w.Resize(fyne.NewSize(400, 200))
	w.Show()
	calls := recordIME(t)
	w.Canvas().Focus(e)
	typeInto(w.Canvas(), "第一行")
	first := lastIME(t, calls, "on the first line")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	second := lastIME(t, calls, "on the second line")
	if second.y <= first.y || second.y-first.y > 2*first.h || second.x >= first.x {
		t.Errorf("first line %+v, second %+v", first, second)
	}
	n := len(*calls)
	other.SetText("市统计局")
	if len(*calls) != n {
		t.Errorf("an entry without focus moved the input method: %+v", (*calls)[n:])
	}
}

// The brief dialog's 密级标注 box, a drop-down one can type in, tells the
// input method too as its caret moves.
func TestInputMethodFollowsTheMarkingBox(t *testing.T) {
	u, _ := newTestUI(t)
	calls := recordIME(t)
	u.exportDialog()
	c := u.win.Canvas()
	found := find(c.Overlays().Top(), func(o fyne.CanvasObject) bool {
		_, ok := o.(*widget.SelectEntry)
		return ok
	})
	if found == nil {
		t.Fatal("no 密级标注 box")
	}
	marking := found.(*widget.SelectEntry)
	c.Focus(marking)
	marking.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	typeInto(c, "（征求意见）")
	at := lastIME(t, calls, "in the marking box")
	box := fyne.CurrentApp().Driver().AbsolutePositionForObject(marking)
	left, top := c.PixelCoordinateForPosition(box)
	right, bottom := c.PixelCoordinateForPosition(box.Add(marking.Size()))
	if at.x <= left || at.x > right || at.y < top || at.y+at.h > bottom {
		t.Errorf("caret told at %+v, the box is %d,%d–%d,%d", at, left, top, right, bottom)
	}
}
