//go:build !windows

package ui

import "fyne.io/fyne/v2"

// newFileDialogs gives Fyne's dialogs: other systems' own dialogs would
// need a desktop portal or a GTK binding that the single binary avoids.
func newFileDialogs(win fyne.Window, _ func(error)) fileDialogs {
	return fyneDialogs{win}
}
