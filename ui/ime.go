package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setIME tells the system's input method where the caret is, in the
// window's pixels: its composition and candidate windows then open at
// what is being typed instead of the screen's top-left corner
// (fyne-io/fyne#618). It is setIMEPosition, which only Windows implements;
// tests replace it to see what it is told.
var setIME = setIMEPosition

// placeIME tells the input method where a focused entry's caret is. The
// entries call it when they gain focus and whenever the caret moves. obj
// is the widget on the canvas; e is it or the entry inside it (a
// SelectEntry's).
func placeIME(obj fyne.CanvasObject, e *widget.Entry) {
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil || any(c.Focused()) != any(obj) {
		return
	}
	win := windowOf(c)
	if win == nil {
		return
	}
	pos, h := caretOf(obj, e)
	x, y := c.PixelCoordinateForPosition(pos)
	setIME(win, x, y, int(h*c.Scale()+0.5))
}

// caretOf is where e's caret is on its canvas and how high it is. A caret
// scrolled past the entry's edge is put at the edge.
func caretOf(obj fyne.CanvasObject, e *widget.Entry) (fyne.Position, float32) {
	p := e.CursorPosition()
	size := obj.Size()
	p.X = min(max(p.X, 0), size.Width)
	p.Y = min(max(p.Y, 0), size.Height)
	h := fyne.MeasureText("计", theme.TextSize(), e.TextStyle).Height
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(obj).Add(p), h
}

// windowOf is the window showing canvas c.
func windowOf(c fyne.Canvas) fyne.Window {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}
