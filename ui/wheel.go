package ui

import (
	"math"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// driverWheelStep is how far Fyne's desktop driver scrolls for one step of
// a mouse wheel on Linux and Windows (internal/driver/glfw/
// scroll_speed_default.go): 25 px, a third of what other programs move, so
// a long pane took some 30 steps from top to bottom.
const driverWheelStep = 25

// wheel is content inside a Scroll that takes the wheel events over it
// (the driver gives them to the innermost scrollable under the pointer) and
// passes them on, scaled so one step moves what GTK moves: the visible
// height to the power 2/3, about 75 px in a 650 px pane and more in a
// taller one, so a page takes a few steps at any window size.
type wheel struct {
	widget.BaseWidget
	content fyne.CanvasObject
	scroll  *container.Scroll
}

// newWheelScroll is a vertical Scroll of content with a normal wheel step.
func newWheelScroll(content fyne.CanvasObject) (*container.Scroll, *wheel) {
	w := &wheel{content: content}
	w.ExtendBaseWidget(w)
	w.scroll = container.NewVScroll(w)
	return w.scroll, w
}

// step is the distance one wheel step moves.
func (w *wheel) step() float32 {
	return float32(math.Pow(float64(w.scroll.Size().Height), 2.0/3))
}

// Scrolled scales the driver's step. macOS's driver passes the trackpad's
// and wheel's own distances, already what the system moves: left alone.
func (w *wheel) Scrolled(ev *fyne.ScrollEvent) {
	scaled := *ev
	if runtime.GOOS != "darwin" {
		k := w.step() / driverWheelStep
		if k < 1 {
			k = 1
		}
		scaled.Scrolled = fyne.NewDelta(ev.Scrolled.DX*k, ev.Scrolled.DY*k)
	}
	w.scroll.Scrolled(&scaled)
}

func (w *wheel) CreateRenderer() fyne.WidgetRenderer {
	return &wheelRenderer{w: w}
}

type wheelRenderer struct{ w *wheel }

func (r *wheelRenderer) Layout(size fyne.Size) {
	r.w.content.Move(fyne.NewPos(0, 0))
	r.w.content.Resize(size)
}
func (r *wheelRenderer) MinSize() fyne.Size           { return r.w.content.MinSize() }
func (r *wheelRenderer) Refresh()                     { r.w.content.Refresh() }
func (r *wheelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.w.content} }
func (r *wheelRenderer) Destroy()                     {}
