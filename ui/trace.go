package ui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TraceEnv names the environment variable that makes the window write what
// it shows to standard error, one line per event: scripts/walkthrough.sh
// presses real keys and clicks with xdotool and waits on these lines, and
// takes from them where on the screen to click. The lines:
//
//	ready
//	focus search
//	view overview|table query=Q rows=N
//	detail ID
//	highlight ID|none     the table row drawn as selected
//	form TITLE
//	say MESSAGE
//	at KIND:NAME X Y      the centre of a row, navigation entry or button, in window pixels
const TraceEnv = "PLANREVIEW_TRACE"

// tracer remembers which rendered cell shows which row and which label
// which navigation entry, since cells are reused as the table scrolls.
type tracer struct {
	w     io.Writer
	cells map[fyne.CanvasObject]string // a 名称 cell → the item ID it shows
	navs  map[fyne.CanvasObject]string // a navigation label → its title
}

// TraceTo makes the window write its trace lines to w.
func (u *UI) TraceTo(w io.Writer) {
	u.tr = &tracer{w: w, cells: map[fyne.CanvasObject]string{}, navs: map[fyne.CanvasObject]string{}}
}

func (u *UI) trace(format string, args ...any) {
	if u.tr != nil {
		fmt.Fprintf(u.tr.w, format+"\n", args...)
	}
}

// traceCell notes that a table cell now shows an item; the table reuses
// cells in any column.
func (u *UI) traceCell(c fyne.CanvasObject, col int, id string) {
	switch {
	case u.tr == nil:
	case col == 1:
		u.tr.cells[c] = id
	default:
		delete(u.tr.cells, c)
	}
}

// traceNav notes that a navigation label now shows an entry.
func (u *UI) traceNav(l fyne.CanvasObject, title string) {
	if u.tr != nil {
		u.tr.navs[l] = title
	}
}

// tracePlaces writes where the visible rows, navigation entries and the
// detail pane's buttons are.
func (u *UI) tracePlaces() {
	if u.tr == nil {
		return
	}
	var lines []string
	at := func(kind, name string, o fyne.CanvasObject) {
		if o == nil || !o.Visible() || !shownOnCanvas(u.win.Canvas(), o) {
			return
		}
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
		s := u.win.Canvas().Scale()
		lines = append(lines, fmt.Sprintf("at %s:%s %d %d", kind, name, int(p.X*s), int(p.Y*s)))
	}
	if u.items.pane.Visible() {
		top := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.items.table).Y
		bottom := top + u.items.table.Size().Height
		for c, id := range u.tr.cells {
			// A cell scrolled under the header or past the bottom is not clickable.
			y := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Y
			if y > top+c.Size().Height/2 && y+c.Size().Height < bottom {
				at("row", id, c)
			}
		}
	}
	for l, title := range u.tr.navs {
		at("nav", title, l)
	}
	for _, b := range u.detail.buttons {
		u.traceButton(b)
	}
	sort.Strings(lines)
	for _, l := range lines {
		u.trace("%s", l)
	}
}

// traceButton writes where a detail pane button is, if it is in view. A
// pane just rebuilt is not drawn yet, so the driver does not know it; the
// position is added up from the pane's parts, which it knows.
func (u *UI) traceButton(b *widget.Button) {
	d := fyne.CurrentApp().Driver()
	var p fyne.Position
	if in, ok := posIn(u.detail.head, b); ok {
		p = d.AbsolutePositionForObject(u.detail.head).Add(in)
	} else if in, ok := posIn(u.detail.body, b); ok {
		top := d.AbsolutePositionForObject(u.detail.box)
		p = top.Subtract(u.detail.box.Offset).Add(in)
		if p.Y < top.Y || p.Y+b.Size().Height > top.Y+u.detail.box.Size().Height {
			return // scrolled out of view
		}
	} else {
		return
	}
	p = p.Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
	s := u.win.Canvas().Scale()
	u.trace("at button:%s %d %d", strings.TrimSuffix(b.Text, "…"), int(p.X*s), int(p.Y*s))
}

// posIn is where o is inside root, through the containers between them.
func posIn(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	if c, ok := root.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if p, ok := posIn(child, o); ok {
				return child.Position().Add(p), true
			}
		}
	}
	return fyne.Position{}, false
}

// shownOnCanvas reports whether o is inside the canvas's content now: a
// cell or button from a view since replaced is not.
func shownOnCanvas(c fyne.Canvas, o fyne.CanvasObject) bool {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size := c.Size()
	return p.X >= 0 && p.Y >= 0 && p.X < size.Width && p.Y < size.Height && (p.X != 0 || p.Y != 0)
}
