//go:build !windows

package ui

import "fyne.io/fyne/v2"

// frameSize is 0: an X11 or Wayland window manager decides its frame and
// keeps a window it places within the work area.
func frameSize(float32) (w, h int) { return 0, 0 }

// settleInWorkArea has nothing to do: the window manager places windows.
func settleInWorkArea(fyne.Window) {}
