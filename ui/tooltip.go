package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tooltips shows a short text by the mouse pointer while it rests on an
// abbreviated label. Fyne 2.7 has none, and a pop-up cannot serve: an
// overlay takes the pointer, so the label would lose it at once and the
// tip would flicker. The tip is drawn instead in a layer over the window's
// content that neither catches taps nor hover.
type tooltips struct {
	layer *fyne.Container
	bg    *canvas.Rectangle
	label *widget.Label
	box   *fyne.Container
}

func newTooltips() *tooltips {
	t := &tooltips{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), label: widget.NewLabel("")}
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = 4
	t.box = container.NewStack(t.bg, t.label)
	t.box.Hide()
	t.layer = container.New(floating{}, t.box)
	return t
}

// show puts text beside the pointer, at abs on the canvas, inside the window.
func (t *tooltips) show(text string, abs fyne.Position) {
	if t.label.Text != text {
		t.label.SetText(text)
	}
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	size := t.box.MinSize()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(t.layer)
	pos := abs.Subtract(origin).Add(fyne.NewPos(12, 18)) // below and right of the pointer's tip
	area := t.layer.Size()
	if pos.X+size.Width > area.Width {
		pos.X = max(0, area.Width-size.Width)
	}
	if pos.Y+size.Height > area.Height {
		pos.Y = max(0, pos.Y-size.Height-24)
	}
	t.box.Resize(size)
	t.box.Move(pos)
	t.box.Show()
	t.layer.Refresh()
}

func (t *tooltips) hide() { t.box.Hide() }

// shown is the tip's text, or "" when none is showing.
func (t *tooltips) shown() string {
	if !t.box.Visible() {
		return ""
	}
	return t.label.Text
}

// floating lays nothing out: the tip sits where show moved it, and takes
// no room from the content under it.
type floating struct{}

func (floating) Layout([]fyne.CanvasObject, fyne.Size) {}

func (floating) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
