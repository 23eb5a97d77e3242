package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
)

// badge is a status label on its status colour. The label text is always
// there, so the colour is never the only signal.
type badge struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newBadge() *badge {
	b := &badge{bg: canvas.NewRectangle(colGrey), text: canvas.NewText("", color.White)}
	b.bg.CornerRadius = 4
	b.text.Alignment = fyne.TextAlignCenter
	b.ExtendBaseWidget(b)
	return b
}

// set shows a status; manual statuses keep their （人工） mark.
func (b *badge) set(s domain.Status) {
	text := tr(s.Code.Label())
	if s.Manual {
		text += tr("（人工）")
	}
	b.setText(text, s.Code)
}

// setText shows text on the colour of status code c.
func (b *badge) setText(text string, c domain.Code) {
	bg, dark := StatusColor(c)
	b.bg.FillColor = bg
	b.text.Color = color.White
	if dark {
		b.text.Color = color.Black
	}
	b.text.Text = text
	b.Refresh()
}

func (b *badge) CreateRenderer() fyne.WidgetRenderer {
	return &badgeRenderer{b: b}
}

type badgeRenderer struct{ b *badge }

func (r *badgeRenderer) Layout(size fyne.Size) {
	ts := r.b.text.MinSize()
	h := ts.Height + 4
	w := ts.Width + 12
	if w > size.Width {
		w = size.Width
	}
	y := (size.Height - h) / 2
	r.b.bg.Move(fyne.NewPos(0, y))
	r.b.bg.Resize(fyne.NewSize(w, h))
	r.b.text.Move(fyne.NewPos(0, y+2))
	r.b.text.Resize(fyne.NewSize(w, ts.Height))
}

func (r *badgeRenderer) MinSize() fyne.Size {
	r.b.text.TextSize = theme.TextSize() - 1
	ts := r.b.text.MinSize()
	return fyne.NewSize(ts.Width+12, ts.Height+4)
}

func (r *badgeRenderer) Refresh() {
	r.b.text.TextSize = theme.TextSize() - 1
	r.b.bg.Refresh()
	r.b.text.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.bg, r.b.text} }
func (r *badgeRenderer) Destroy()                     {}

// escEntry is an entry that calls onEscape when Esc is pressed in it, so a
// form can be cancelled from the keyboard.
type escEntry struct {
	widget.Entry
	onEscape    func()
	onShortcut  func(fyne.Shortcut) bool // handles a shortcut before the entry, if it returns true
	onFocus     func()
	onBlur      func() // the focus left the entry
	onCtrlEnter func() // Ctrl+Enter (Cmd+Enter): saves a form, also from a multi-line field where Enter adds a line
}

// FocusGained tells the input method where the caret is, then onFocus.
func (e *escEntry) FocusGained() {
	e.Entry.FocusGained()
	placeIME(e, &e.Entry)
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost is the entry's, then onBlur.
func (e *escEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

func newEscEntry(onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	e.OnCursorChanged = func() { placeIME(e, &e.Entry) }
	e.ExtendBaseWidget(e)
	return e
}

func newEscMultiLine(onEscape func()) *escEntry {
	e := newEscEntry(onEscape)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey catches Esc; everything else is the entry's.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut offers a shortcut to onShortcut first.
func (e *escEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	if c, ok := s.(*desktop.CustomShortcut); ok && e.onCtrlEnter != nil && isCtrlEnter(c) {
		e.onCtrlEnter()
		return
	}
	e.Entry.TypedShortcut(s)
}

// isCtrlEnter reports whether a shortcut is Ctrl+Enter, the desktop
// driver's form of it (a CustomShortcut, Enter not being a standard one).
func isCtrlEnter(c *desktop.CustomShortcut) bool {
	return (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) && c.Modifier == fyne.KeyModifierShortcutDefault
}

// wrapLabel is a label that wraps at word (for Chinese: character)
// boundaries, the only sensible choice for sentences from the notice.
func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(cjk.MarkBreaks(s))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setWrapped sets a wrapped label's text with its break marks.
func setWrapped(l *widget.Label, s string) { l.SetText(cjk.MarkBreaks(s)) }

// showMessage shows a message in a dialog with a wrapped body.
func showMessage(w fyne.Window, title, msg string) {
	body := wrapLabel(msg)
	d := dialog.NewCustom(title, tr("知道了"), body, w)
	d.Resize(fyne.NewSize(420, 200))
	d.Show()
}
