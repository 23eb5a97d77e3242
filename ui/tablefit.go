package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableFit lays a table out at its size and sets its columns' widths: a
// positive width is fixed; a negative one is flexible, -w the width that
// shows its longest text. Flexible columns share what the fixed ones
// leave in proportion to those widths, so a long reason is cut last.
type tableFit struct {
	table  *widget.Table
	widths func() []float32
	set    []float32
}

func (f *tableFit) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *tableFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := append([]float32(nil), f.widths()...)
	var fixed, wanted float32
	for _, w := range ws {
		if w > 0 {
			fixed += w
		} else {
			wanted -= w
		}
	}
	if wanted > 0 {
		// Fyne's table puts a padding between columns; a pixel to spare
		// keeps the last column from starting a sideways scroll.
		room := size.Width - fixed - float32(len(ws)-1)*theme.Padding() - 1
		for i, w := range ws {
			if w <= 0 {
				ws[i] = max(room*(-w)/wanted, 72)
			}
		}
	}
	if len(f.set) != len(ws) {
		f.set = make([]float32, len(ws))
	}
	for i, w := range ws {
		if f.set[i] != w {
			f.set[i] = w
			f.table.SetColumnWidth(i, w)
		}
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}
