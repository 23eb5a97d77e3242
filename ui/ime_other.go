//go:build !windows

package ui

import "fyne.io/fyne/v2"

// setIMEPosition does nothing: X11 and Wayland input methods take the
// caret's place from the toolkit, which Fyne's GLFW driver does not give.
func setIMEPosition(fyne.Window, int, int, int) {}

// imePosition is what the input method was last told; only Windows can
// be asked.
func imePosition(fyne.Window) (x, y int, ok bool) { return 0, 0, false }
