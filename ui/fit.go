package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitKey is one question fitText has answered: this text, in this width,
// at this text size (the theme's font is the same in every variant and
// language; only its size can change).
type fitKey struct {
	text  string
	width float32
	size  float32
}

// fitText shortens s with an ellipsis so that it fits a table cell of the
// given width, remembering the answer. Fyne's own label truncation shapes
// the text again, with a new HarfBuzz font, on every refresh of every
// cell: two thirds of the time of a search keystroke. Measuring with
// fyne.MeasureText (cached by Fyne) and keeping what was fitted makes a
// refresh of cells already seen nearly free.
func (t *itemTable) fitText(s string, cellWidth float32) string {
	th := t.app.Settings().Theme()
	width := cellWidth - 2*th.Size(theme.SizeNameInnerPadding)
	size := th.Size(theme.SizeNameText)
	if width <= 0 || s == "" {
		return s
	}
	key := fitKey{s, width, size}
	if got, ok := t.fitted[key]; ok {
		return got
	}
	out := s
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width > width {
		// The longest prefix that fits with "…" after it.
		runes := []rune(s)
		lo, hi := 0, len(runes)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fyne.MeasureText(string(runes[:mid])+"…", size, fyne.TextStyle{}).Width <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		out = string(runes[:lo]) + "…"
	}
	if t.fitted == nil || len(t.fitted) > 50000 {
		t.fitted = make(map[fitKey]string) // bounded: widths change as the window is resized
	}
	t.fitted[key] = out
	return out
}

// setCellText shows text in a table cell's label, fitted to the cell, and
// only touches the label if that changes what it shows: every SetText
// lays the label out and measures it again.
func (t *itemTable) setCellText(l *widget.Label, cell fyne.CanvasObject, text string) {
	if t := t.fitText(text, cell.Size().Width); l.Text != t {
		l.SetText(t)
	}
}
