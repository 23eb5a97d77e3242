//go:build windows

package ui

import (
	"unsafe"

	"fyne.io/fyne/v2"
	"golang.org/x/sys/windows"
)

const (
	wsOverlappedWindow = 0x00CF0000
	spiGetWorkArea     = 0x0030
	swpNoSize          = 0x0001
	swpNoZOrder        = 0x0004
	swpNoActivate      = 0x0010
)

// frameSize is what a normal window's title bar and borders add to its
// content, in pixels: GLFW makes the program DPI-aware, so Windows gives
// them at the screen's scale already.
func frameSize(float32) (w, h int) {
	var r windows.Rect
	if ok, _, _ := procAdjustWindowRectEx.Call(uintptr(unsafe.Pointer(&r)), wsOverlappedWindow, 0, 0); ok == 0 {
		return 0, 0
	}
	return int(r.Right - r.Left), int(r.Bottom - r.Top)
}

// settleInWorkArea moves the shown window to the middle of the work area
// (SPI_GETWORKAREA) when any of it lies outside: Fyne centres a window on
// the whole screen, which puts the bottom of a tall window behind the
// taskbar.
func settleInWorkArea(win fyne.Window) {
	hwnd := windowHandle(win)
	if hwnd == 0 {
		return
	}
	var work, r windows.Rect
	if ok, _, _ := procSystemParametersInfoW.Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&work)), 0); ok == 0 {
		return
	}
	if ok, _, _ := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return
	}
	if r.Left >= work.Left && r.Top >= work.Top && r.Right <= work.Right && r.Bottom <= work.Bottom {
		return
	}
	x := work.Left + max(0, (work.Right-work.Left)-(r.Right-r.Left))/2
	y := work.Top + max(0, (work.Bottom-work.Top)-(r.Bottom-r.Top))/2
	procSetWindowPos.Call(hwnd, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
}
