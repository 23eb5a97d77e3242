//go:build windows

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// The Windows functions the window calls, from the system's own DLLs,
// without cgo.
var (
	comdlg32                    = windows.NewLazySystemDLL("comdlg32.dll")
	procGetOpenFileNameW        = comdlg32.NewProc("GetOpenFileNameW")
	procGetSaveFileNameW        = comdlg32.NewProc("GetSaveFileNameW")
	procCommDlgExtendedError    = comdlg32.NewProc("CommDlgExtendedError")
	ole32                       = windows.NewLazySystemDLL("ole32.dll")
	procCoCreateInstance        = ole32.NewProc("CoCreateInstance")
	shell32                     = windows.NewLazySystemDLL("shell32.dll")
	procSHCreateItemFromParsing = shell32.NewProc("SHCreateItemFromParsingName")
	user32                      = windows.NewLazySystemDLL("user32.dll")
	procAdjustWindowRectEx      = user32.NewProc("AdjustWindowRectEx")
	procSystemParametersInfoW   = user32.NewProc("SystemParametersInfoW")
	procGetWindowRect           = user32.NewProc("GetWindowRect")
	procSetWindowPos            = user32.NewProc("SetWindowPos")
	imm32                       = windows.NewLazySystemDLL("imm32.dll")
	procImmGetContext           = imm32.NewProc("ImmGetContext")
	procImmReleaseContext       = imm32.NewProc("ImmReleaseContext")
	procImmSetCompositionWindow = imm32.NewProc("ImmSetCompositionWindow")
	procImmGetCompositionWindow = imm32.NewProc("ImmGetCompositionWindow")
	procImmSetCandidateWindow   = imm32.NewProc("ImmSetCandidateWindow")
)

// windowHandle is the window's HWND, 0 before it is shown or under a
// driver without native windows (the test driver). It must be called on
// the UI goroutine.
func windowHandle(win fyne.Window) uintptr {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var hwnd uintptr
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = c.HWND
		}
	})
	return hwnd
}
