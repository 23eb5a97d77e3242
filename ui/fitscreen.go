package ui

import (
	"math"
	"os"
	"runtime"
	"strconv"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// designSize is the window's size where the screen allows: the layout is
// made for 1366×768 laptops, less the taskbar.
var designSize = fyne.NewSize(1366, 740)

// screenArea is the part of a screen windows may use, in pixels, and the
// scale Fyne draws at there.
type screenArea struct {
	x, y, w, h int
	scale      float32
	frameW     int // what the window's frame adds to its content, in pixels
	frameH     int
}

// fitToScreen sizes the window within the primary screen's work area
// (the screen less the taskbar) and centres it, before it is first shown:
// a window larger than the screen showed only part of its content in the
// first frame under Wine at 1024×600, and at 1366×768 its frame crossed
// the right edge. It must run on the main goroutine after the window is
// made (GLFW is initialised by then).
func fitToScreen(w fyne.Window) {
	area, ok := primaryArea()
	size := designSize
	if ok {
		size = fitInto(designSize, area)
	}
	w.Resize(size)
	w.CenterOnScreen()
}

// fitInto is want, shrunk where needed so that the window with its frame
// fits the area.
func fitInto(want fyne.Size, a screenArea) fyne.Size {
	if a.scale <= 0 || a.w <= 0 || a.h <= 0 {
		return want
	}
	maxW := float32(a.w-a.frameW) / a.scale
	maxH := float32(a.h-a.frameH) / a.scale
	return fyne.NewSize(float32(math.Floor(float64(min(want.Width, maxW)))), float32(math.Floor(float64(min(want.Height, maxH)))))
}

// primaryArea asks GLFW for the primary monitor's work area.
func primaryArea() (a screenArea, ok bool) {
	defer func() {
		if recover() != nil { // GLFW not initialised: no screen to fit
			ok = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return a, false
	}
	a.x, a.y, a.w, a.h = m.GetWorkarea()
	a.scale = monitorScale(m)
	a.frameW, a.frameH = frameSize(a.scale)
	return a, a.w > 0 && a.h > 0
}

// monitorScale is the scale Fyne's GLFW driver will draw a new window at
// on m: the system's (Windows) or one worked out from the screen's size in
// millimetres (elsewhere), times FYNE_SCALE, to one decimal.
func monitorScale(m *glfw.Monitor) float32 {
	var system float32 = 1
	if runtime.GOOS == "windows" {
		system, _ = m.GetContentScale()
	} else if mm, _ := m.GetPhysicalSize(); mm > 0 {
		if dpi := float64(m.GetVideoMode().Width) / (float64(mm) / 25.4); dpi >= 10 && dpi <= 1000 {
			system = float32(max(1, dpi/120)) // Fyne's baseline is 120 dpi
		}
	}
	user := float32(1)
	if v, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && v > 0 {
		user = float32(v)
	}
	return float32(math.Round(float64(system*user)*10) / 10)
}
