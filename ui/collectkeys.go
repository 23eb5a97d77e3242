package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The keyboard in the 导入回执 and 待裁定数据 dialogs, which have buttons
// and no entry: Tab moves between the buttons (Fyne's focus order), Enter
// presses the one focused, as Space does, and Esc closes the dialog
// wherever the focus is — on a button, or nowhere.

// keyButton is a button that Enter presses, and on which Esc calls
// onEscape; Fyne's own takes only Space.
type keyButton struct {
	widget.Button
	onEscape func()
}

func newKeyButton(label string, tapped func(), onEscape func()) *keyButton {
	b := &keyButton{onEscape: onEscape}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and closes on Esc.
func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.Tapped(nil)
		}
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
		}
	default:
		b.Button.TypedKey(k)
	}
}

// escCloses makes Esc close d while it is open and nothing has the focus:
// the window's own key handler is put back when d closes.
func escCloses(win fyne.Window, d dialog.Dialog) {
	c := win.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if before != nil {
			before(k)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(before) })
}
