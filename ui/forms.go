package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// form is a dialog of labelled fields, each with its own error line below
// it. Enter in a one-line field saves, Enter in a multi-line one adds a
// line, Ctrl+Enter saves from any field, Esc cancels; the save button says
// which key saves. A failed save names the field and what is accepted,
// and changes nothing.
type form struct {
	win      fyne.Window
	reviewer func() string // who the change is recorded as
	trace    func(format string, args ...any)
	title    string
	items    []*widget.FormItem
	errs     map[string]*widget.Label
	general  *widget.Label
	dlg      *dialog.CustomDialog
	save     func(f *form) bool
	saveBtn  *widget.Button
	lines    bool // a field takes several lines, so Enter does not save
	// saveLabel, when set, names what the button does when that is not
	// saving an edit (发起填报 writes workbooks), with the key that does it.
	saveLabel string
}

func (u *UI) newForm(title string, save func(f *form) bool) *form {
	f := &form{win: u.win, reviewer: u.reviewer, trace: u.trace, title: title, errs: map[string]*widget.Label{}, save: save}
	f.general = wrapLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Hide()
	return f
}

// add appends a field; obj is an entry or a select.
func (f *form) add(label string, obj fyne.CanvasObject, hint string) {
	e := wrapLabel("")
	e.Importance = widget.DangerImportance
	e.Hide()
	f.errs[label] = e
	item := widget.NewFormItem(label, container.NewVBox(obj, e))
	item.HintText = hint
	f.items = append(f.items, item)
	var wire func(o fyne.CanvasObject)
	wire = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *escEntry:
			x.onEscape = f.cancel
			x.onCtrlEnter = f.submit
			if x.MultiLine {
				f.lines = true
			} else {
				x.OnSubmitted = func(string) { f.submit() }
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				wire(c)
			}
		}
	}
	wire(obj)
}

// fail shows an error next to a field ("" for the whole form).
func (f *form) fail(label string, err error) {
	l := f.general
	if label != "" {
		l = f.errs[label]
	}
	setWrapped(l, err.Error())
	l.Show()
}

func (f *form) clearErrors() {
	for _, l := range f.errs {
		l.SetText("")
		l.Hide()
	}
	f.general.SetText("")
	f.general.Hide()
}

func (f *form) submit() {
	f.clearErrors()
	if f.save(f) {
		f.dlg.Hide()
	}
}

func (f *form) cancel() {
	f.dlg.Hide()
}

func (f *form) show() {
	fm := widget.NewForm(f.items...)
	content := container.NewVBox(fm, f.general)
	f.dlg = dialog.NewCustomWithoutButtons(f.title, content, f.win)
	cancel := widget.NewButton(tr("取消（Esc）"), f.cancel)
	f.saveBtn = widget.NewButton(tr("保存（Enter）"), f.submit)
	if f.lines {
		f.saveBtn.SetText(tr("保存（Ctrl+Enter）"))
	}
	if f.saveLabel != "" {
		f.saveBtn.SetText(f.saveLabel)
	}
	f.saveBtn.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.saveBtn})
	f.dlg.Resize(fyne.NewSize(520, content.MinSize().Height+140))
	f.dlg.Show()
	f.trace("form %s", f.title)
	for _, it := range f.items {
		if e, ok := it.Widget.(*fyne.Container).Objects[0].(*escEntry); ok {
			f.win.Canvas().Focus(e)
			break
		}
	}
}

// by is the reviewer; without one, the form says so and nothing is saved.
func (f *form) by() (string, bool) {
	who := f.reviewer()
	if who == "" {
		f.fail("", errors.New(tr("请先填写审阅人姓名（工具栏“审阅人”按钮）")))
		return "", false
	}
	return who, true
}

// periodSelect is a select of the plan year's periods.
func (u *UI) periodSelect(p domain.Period, allowNone bool) *widget.Select {
	opts := periodOptions(u.plan.Year)
	if allowNone {
		opts = append([]string{tr("不限期间")}, opts...)
	}
	s := widget.NewSelect(opts, nil)
	switch {
	case p.IsZero() && allowNone:
		s.SetSelectedIndex(0)
	case allowNone:
		s.SetSelectedIndex(p.Month)
	default:
		s.SetSelectedIndex(p.Month - 1)
	}
	return s
}

// selectedPeriod reads a periodSelect; zero for 不限期间.
func (u *UI) selectedPeriod(s *widget.Select, allowNone bool) domain.Period {
	i := s.SelectedIndex()
	if allowNone {
		if i <= 0 {
			return domain.Period{}
		}
		return domain.Period{Year: u.plan.Year, Month: i}
	}
	return domain.Period{Year: u.plan.Year, Month: i + 1}
}

// write makes a change outside a form, as the reviewer: without one, or
// when the store refuses, the error is shown; otherwise the window
// reloads and says done.
func (u *UI) write(change func(who string) error, done string) {
	who := u.reviewer()
	if who == "" {
		u.showError(errNoReviewer)
		return
	}
	if err := change(who); err != nil {
		u.showError(err)
		return
	}
	u.changed(done)
}
