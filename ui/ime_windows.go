//go:build windows

package ui

import (
	"unsafe"

	"fyne.io/fyne/v2"
	"golang.org/x/sys/windows"
)

const (
	cfsPoint   = 0x0002 // the composition starts at a point
	cfsExclude = 0x0080 // the candidate list keeps off a rectangle
)

// point is POINT.
type point struct{ X, Y int32 }

// compositionForm is COMPOSITIONFORM.
type compositionForm struct {
	style uint32
	pos   point
	area  windows.Rect
}

// candidateForm is CANDIDATEFORM.
type candidateForm struct {
	index uint32
	style uint32
	pos   point
	area  windows.Rect
}

// setIMEPosition puts the window's input context's composition window at
// the caret (x, y in the window's client pixels) and keeps the candidate
// list off the caret's line of height h, so it opens just below it.
func setIMEPosition(win fyne.Window, x, y, h int) {
	withIMC(win, func(himc uintptr) {
		cf := compositionForm{style: cfsPoint, pos: point{X: int32(x), Y: int32(y)}}
		procImmSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&cf)))
		cand := candidateForm{style: cfsExclude, pos: cf.pos,
			area: windows.Rect{Left: int32(x), Top: int32(y), Right: int32(x) + 1, Bottom: int32(y + h)}}
		procImmSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&cand)))
	})
}

// imePosition reads the composition window's place back
// (ImmGetCompositionWindow), for the self-test under Wine.
func imePosition(win fyne.Window) (x, y int, ok bool) {
	withIMC(win, func(himc uintptr) {
		var cf compositionForm
		if r, _, _ := procImmGetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&cf))); r != 0 {
			x, y, ok = int(cf.pos.X), int(cf.pos.Y), true
		}
	})
	return x, y, ok
}

// withIMC runs f with the window's input context. It must run on the UI
// goroutine, the thread that owns the window: contexts are per thread.
func withIMC(win fyne.Window, f func(himc uintptr)) {
	hwnd := windowHandle(win)
	if hwnd == 0 {
		return
	}
	himc, _, _ := procImmGetContext.Call(hwnd)
	if himc == 0 {
		return
	}
	defer procImmReleaseContext.Call(hwnd, himc)
	f(himc)
}
