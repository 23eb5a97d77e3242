package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The round view's keyboard, as in the 导入回执 dialog (collectkeys.go):
// Esc closes the view wherever the focus is — the 截至 box, a table
// clicked, the round box, a button — and Enter presses the button
// focused. Fyne's table and select take the focus when clicked and keep
// Esc to themselves, so after a click on a unit Esc did nothing.

// escTable is a table on which Esc calls onEscape.
type escTable struct {
	widget.Table
	onEscape func()
}

// newEscTable is widget.NewTableWithHeaders's table that Esc leaves.
func newEscTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject), onEscape func()) *escTable {
	t := &escTable{onEscape: onEscape}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey calls onEscape on Esc; every other key moves in the table.
func (t *escTable) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && t.onEscape != nil {
		t.onEscape()
		return
	}
	t.Table.TypedKey(k)
}

// escSelect is a select on which Esc calls onEscape (its list, when
// open, is a pop-up of its own that Esc closes first).
type escSelect struct {
	widget.Select
	onEscape func()
}

func newEscSelect(onEscape func()) *escSelect {
	s := &escSelect{onEscape: onEscape}
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey calls onEscape on Esc; every other key is the select's.
func (s *escSelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && s.onEscape != nil {
		s.onEscape()
		return
	}
	s.Select.TypedKey(k)
}
