package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// form is a dialog of labelled fields, each with its own error line below
// it. Enter in a one-line field saves, Enter in a multi-line one adds a
// line, Ctrl+Enter saves from any field, Esc cancels; the save button says
// which key saves. A failed save names the field and what is accepted,
// and changes nothing.
type form struct {
	u       *UI
	title   string
	items   []*widget.FormItem
	errs    map[string]*widget.Label
	general *widget.Label
	dlg     *dialog.CustomDialog
	save    func(f *form) bool
	saved   bool
	saveBtn *widget.Button
	lines   bool // a field takes several lines, so Enter does not save
}

func (u *UI) newForm(title string, save func(f *form) bool) *form {
	f := &form{u: u, title: title, errs: map[string]*widget.Label{}, save: save}
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

// errorText is the error shown next to a field, for tests.
func (f *form) errorText(label string) string {
	if label == "" {
		return cjk.Unmark(f.general.Text)
	}
	return cjk.Unmark(f.errs[label].Text)
}

func (f *form) submit() {
	f.clearErrors()
	if f.save(f) {
		f.saved = true
		f.dlg.Hide()
		f.u.activeForm = nil
	}
}

func (f *form) cancel() {
	f.dlg.Hide()
	f.u.activeForm = nil
}

func (f *form) show() {
	fm := widget.NewForm(f.items...)
	content := container.NewVBox(fm, f.general)
	f.dlg = dialog.NewCustomWithoutButtons(f.title, content, f.u.win)
	cancel := widget.NewButton(tr("取消（Esc）"), f.cancel)
	f.saveBtn = widget.NewButton(tr("保存（Enter）"), f.submit)
	if f.lines {
		f.saveBtn.SetText(tr("保存（Ctrl+Enter）"))
	}
	f.saveBtn.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.saveBtn})
	f.dlg.Resize(fyne.NewSize(520, content.MinSize().Height+140))
	f.u.activeForm = f
	f.dlg.Show()
	f.u.trace("form %s", f.title)
	for _, it := range f.items {
		if e, ok := it.Widget.(*fyne.Container).Objects[0].(*escEntry); ok {
			f.u.win.Canvas().Focus(e)
			break
		}
	}
}

// by is the reviewer; without one, the form says so and nothing is saved.
func (f *form) by() (string, bool) {
	who := f.u.reviewer()
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

// actualFields are the figure form's fields, for one item.
type actualFields struct {
	item, tracked domain.Item // the item, and the one whose target its figure is read against
	period        *widget.Select
	value         *escEntry
	outcome       *widget.Select // for a milestone, instead of value
	source, date  *escEntry
}

// actualForm records or corrects a figure.
func (u *UI) actualForm(id string, existing *domain.Actual) {
	it, _ := u.plan.Item(id)
	tracked, _ := u.plan.Item(domain.TrackedID(it))
	title := trf("录入实际值：{{.ID}} {{.N}}", "ID", it.ID, "N", it.Name)
	p := u.asOf
	if existing != nil {
		title = trf("更正实际值：{{.ID}} {{.N}}", "ID", it.ID, "N", it.Name)
		p = existing.Period
	}
	a := &actualFields{item: it, tracked: tracked, period: u.periodSelect(p, false), value: newEscEntry(nil),
		outcome: widget.NewSelect([]string{tr("已完成"), tr("推进中"), tr("未完成")}, nil),
		source:  newEscEntry(nil), date: newEscEntry(nil)}
	a.source.SetPlaceHolder(tr("如：市统计局月报"))
	a.date.SetPlaceHolder(tr("如：2023-10-20"))
	if existing != nil {
		a.value.SetText(domain.FormatNumber(existing.Value))
		a.source.SetText(existing.Source)
		a.date.SetText(existing.SourceDate)
		if existing.Outcome != "" {
			a.outcome.SetSelected(tr(domain.OutcomeLabel(existing.Outcome)))
		}
	}
	f := u.newForm(title, func(f *form) bool { return u.saveActual(f, a) })
	f.add(tr("期间"), a.period, tr("年内累计：1-9月即前三季度"))
	if it.Kind == domain.KindMilestone {
		f.add(tr("进展"), a.outcome, "")
	} else {
		unit := tracked.Target.Unit
		if unit == "" {
			unit = tr("无单位")
		}
		f.add(tr("实际值"), a.value, trf("单位：{{.U}}。可写 6.3、6.3%、-0.4、1.2万", "U", unit))
	}
	f.add(tr("来源"), a.source, "")
	f.add(tr("来源日期"), a.date, "")
	f.show()
}

// read is the figure typed, or false with each field's problem shown
// beside it.
func (a *actualFields) read(f *form, period domain.Period) (domain.Actual, bool) {
	x := domain.Actual{ItemID: a.item.ID, Period: period,
		Source: strings.TrimSpace(a.source.Text), SourceDate: strings.TrimSpace(a.date.Text)}
	good := true
	if a.item.Kind == domain.KindMilestone {
		switch a.outcome.SelectedIndex() {
		case 0:
			x.Outcome = domain.OutcomeDone
		case 1:
			x.Outcome = domain.OutcomeInProgress
		case 2:
			x.Outcome = domain.OutcomeNotDone
		default:
			f.fail(tr("进展"), errors.New(tr("请选择：已完成、推进中 或 未完成")))
			good = false
		}
	} else {
		v, err := domain.ParseActual(a.value.Text, a.tracked.Target)
		if err != nil {
			f.fail(tr("实际值"), err)
			good = false
		}
		x.Value = v
	}
	if x.SourceDate != "" {
		if _, err := time.Parse("2006-01-02", x.SourceDate); err != nil {
			f.fail(tr("来源日期"), errors.New(tr("来源日期请写成 2023-10-20 的形式，或留空")))
			good = false
		}
	}
	return x, good
}

// saveActual records the figure form's figure; false keeps the form open
// with the problem shown.
func (u *UI) saveActual(f *form, fields *actualFields) bool {
	by, ok := f.by()
	if !ok {
		return false
	}
	a, ok := fields.read(f, u.selectedPeriod(fields.period, false))
	if !ok {
		return false
	}
	if err := domain.CheckActual(fields.tracked, a, u.plan.Year); err != nil {
		f.fail(tr("实际值"), err)
		return false
	}
	if u.isLocked(a.Period) {
		f.fail(tr("期间"), u.errLocked(a.Period))
		return false
	}
	where, err := u.st.RecordActual(a, by)
	if err != nil {
		f.fail("", err)
		return false
	}
	u.changed(trf("已保存 {{.ID}} {{.P}} 的实际值", "ID", where, "P", periodLabel(a.Period)))
	return true
}

func (u *UI) confirmDeleteActual(id string, p domain.Period) {
	dialog.ShowConfirm(tr("删除实际值"), trf("删除 {{.ID}} {{.P}} 的实际值？修改记录中会保留原值，可撤销。", "ID", id, "P", periodLabel(p)),
		func(ok bool) {
			if !ok {
				return
			}
			who := u.reviewer()
			if who == "" {
				u.showError(errNoReviewer)
				return
			}
			if err := u.st.DeleteActual(id, p, who); err != nil {
				u.showError(err)
				return
			}
			u.changed(trf("已删除 {{.ID}} {{.P}} 的实际值", "ID", id, "P", periodLabel(p)))
		}, u.win)
}

// noteForm adds or edits a note.
func (u *UI) noteForm(id string, existing *domain.Note) {
	it, _ := u.plan.Item(id)
	title := trf("添加备注：{{.ID}} {{.N}}", "ID", it.ID, "N", it.Name)
	p := u.asOf
	body := newEscMultiLine(nil)
	body.SetMinRowsVisible(5)
	if existing != nil {
		title = trf("修改备注 #{{.N}}", "N", existing.ID)
		p = existing.Period
		body.SetText(existing.Body)
	}
	period := u.periodSelect(p, true)
	if existing != nil {
		period.Disable()
	}
	f := u.newForm(title, func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		if err := domain.CheckText(tr("备注内容"), body.Text, domain.MaxNote); err != nil {
			f.fail(tr("内容"), err)
			return false
		}
		np := u.selectedPeriod(period, true)
		if existing != nil {
			np = existing.Period
		}
		if !np.IsZero() && u.isLocked(np) {
			f.fail(tr("期间"), u.errLocked(np))
			return false
		}
		var err error
		if existing != nil {
			err = u.st.EditNote(existing.ID, body.Text, by)
			u.detail.revealNote = existing.ID
		} else {
			u.detail.revealNote, err = u.st.AddNote(id, np, body.Text, by)
		}
		if err != nil {
			f.fail("", err)
			return false
		}
		u.changed(trf("已保存 {{.ID}} 的备注", "ID", id))
		return true
	})
	f.add(tr("期间"), period, "")
	f.add(tr("内容"), body, tr("Enter 换行，Ctrl+Enter 保存"))
	f.show()
}

func (u *UI) confirmDeleteNote(n domain.Note) {
	dialog.ShowConfirm(tr("删除备注"), trf("删除备注 #{{.N}}？修改记录中会保留原文，可撤销。", "N", n.ID), func(ok bool) {
		if !ok {
			return
		}
		who := u.reviewer()
		if who == "" {
			u.showError(errNoReviewer)
			return
		}
		if err := u.st.DeleteNote(n.ID, who); err != nil {
			u.showError(err)
			return
		}
		u.changed(trf("已删除备注 #{{.N}}", "N", n.ID))
	}, u.win)
}

// manualCodes are the statuses a reviewer may set by hand.
var manualCodes = []domain.Code{domain.Exceeded, domain.Met, domain.NearlyMet, domain.Missed, domain.WithinLimit, domain.DoneEarly, domain.Better,
	domain.OverLimit, domain.Ahead, domain.Behind, domain.OnTrack, domain.OffTrack, domain.Done, domain.InProgress, domain.NotDone}

// manualForm sets a manual status with its required reason.
func (u *UI) manualForm(id string) {
	it, _ := u.plan.Item(id)
	period := u.periodSelect(u.asOf, false)
	var opts []string
	for _, c := range manualCodes {
		opts = append(opts, tr(c.Label()))
	}
	code := widget.NewSelect(opts, nil)
	reason := newEscMultiLine(nil)
	reason.SetMinRowsVisible(3)
	f := u.newForm(trf("人工认定状态：{{.ID}} {{.N}}", "ID", it.ID, "N", it.Name), func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		good := true
		if code.SelectedIndex() < 0 {
			f.fail(tr("状态"), errors.New(tr("请选择认定的状态")))
			good = false
		}
		if err := domain.CheckText(tr("认定理由"), reason.Text, domain.MaxReason); err != nil {
			f.fail(tr("理由"), err)
			good = false
		}
		if !good {
			return false
		}
		p := u.selectedPeriod(period, false)
		if u.isLocked(p) {
			f.fail(tr("期间"), u.errLocked(p))
			return false
		}
		if err := u.st.SetManualStatus(id, p, manualCodes[code.SelectedIndex()], strings.TrimSpace(reason.Text), by); err != nil {
			f.fail("", err)
			return false
		}
		u.changed(trf("已人工认定 {{.ID}}", "ID", id))
		return true
	})
	f.add(tr("期间"), period, tr("自该期间起生效"))
	f.add(tr("状态"), code, "")
	f.add(tr("理由"), reason, tr("必填：说明为何不按规则计算"))
	f.show()
}

func (u *UI) clearManual(id string, p domain.Period) {
	who := u.reviewer()
	if who == "" {
		u.showError(errNoReviewer)
		return
	}
	if err := u.st.ClearManualStatus(id, p, who); err != nil {
		u.showError(err)
		return
	}
	u.changed(trf("已取消 {{.ID}} 的人工认定", "ID", id))
}

// targetForm enters a target the notice leaves open.
func (u *UI) targetForm(id string) {
	it, _ := u.plan.Item(id)
	text := newEscEntry(nil)
	reason := newEscEntry(nil)
	hint := tr("按计划用语填写，如：下降3.5%")
	if it.Target.Basis == domain.BasisRelative {
		hint = trf("填写“{{.R}}”的数值，如：12.1%", "R", it.Target.Ref)
	}
	if o, ok := u.review.Override(it); ok {
		text.SetText(o.Text)
		reason.SetText(o.Reason)
	}
	f := u.newForm(trf("录入目标：{{.ID}} {{.N}}", "ID", it.ID, "N", it.Name), func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		if _, err := domain.ResolveOverride(it.Target, text.Text); err != nil {
			f.fail(tr("目标"), err)
			return false
		}
		if err := u.st.SetTarget(id, strings.TrimSpace(text.Text), strings.TrimSpace(reason.Text), by); err != nil {
			f.fail("", err)
			return false
		}
		u.changed(trf("已录入 {{.ID}} 的目标", "ID", id))
		return true
	})
	f.add(tr("目标"), text, hint)
	f.add(tr("依据"), reason, tr("如：省发展改革委下达文件"))
	f.show()
}

// toggleLock locks the as-of period, or unlocks it with a reason.
func (u *UI) toggleLock() {
	p := u.asOf
	reason := newEscMultiLine(nil)
	reason.SetMinRowsVisible(2)
	if u.isLocked(p) {
		f := u.newForm(trf("解锁{{.P}}", "P", periodLabel(p)), func(f *form) bool {
			by, ok := f.by()
			if !ok {
				return false
			}
			if err := domain.CheckText(tr("解锁理由"), reason.Text, domain.MaxReason); err != nil {
				f.fail(tr("理由"), err)
				return false
			}
			if err := u.st.UnlockPeriod(p, strings.TrimSpace(reason.Text), by); err != nil {
				f.fail("", err)
				return false
			}
			u.changed(trf("已解锁{{.P}}", "P", periodLabel(p)))
			return true
		})
		f.add(tr("理由"), reason, tr("必填：该期间的简报已报出，解锁后数据可能与简报不一致"))
		f.show()
		return
	}
	f := u.newForm(trf("锁定{{.P}}", "P", periodLabel(p)), func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		if err := u.st.LockPeriod(p, strings.TrimSpace(reason.Text), by); err != nil {
			f.fail("", err)
			return false
		}
		u.changed(trf("已锁定{{.P}}：该期间的实际值、备注和人工认定不能再修改", "P", periodLabel(p)))
		return true
	})
	f.add(tr("说明"), reason, tr("如：前三季度简报已报送市人大财经委"))
	f.show()
}

// askReviewer asks for the reviewer's name and unit; done runs after a
// successful save.
func (u *UI) askReviewer(done func()) {
	name := newEscEntry(nil)
	name.SetText(u.prefs.String(prefName))
	unit := newEscEntry(nil)
	unit.SetText(u.prefs.String(prefUnit))
	f := u.newForm(tr("审阅人"), func(f *form) bool {
		if err := domain.CheckText(tr("姓名"), name.Text, domain.MaxReviewerName); err != nil {
			f.fail(tr("姓名"), err)
			return false
		}
		if len([]rune(unit.Text)) > int(domain.MaxReviewerUnit) {
			f.fail(tr("单位"), errors.New(trf("单位最多{{.N}}字", "N", int(domain.MaxReviewerUnit))))
			return false
		}
		// Every change records the two joined (姓名（单位）), and the store
		// refuses a name longer than MaxPerson: say so here, not on every
		// save.
		if n := len([]rune(domain.JoinReviewer(name.Text, unit.Text))); n > int(domain.MaxPerson) {
			f.fail(tr("单位"), errors.New(trf("姓名和单位合起来“姓名（单位）”共{{.N}}字，最多{{.Max}}字：请写单位简称",
				"N", n, "Max", int(domain.MaxPerson))))
			return false
		}
		u.prefs.SetString(prefName, strings.TrimSpace(name.Text))
		u.prefs.SetString(prefUnit, strings.TrimSpace(unit.Text))
		u.refreshToolbar()
		u.say(tr("审阅人已更新：") + u.reviewer())
		if done != nil {
			done()
		}
		return true
	})
	f.add(tr("姓名"), name, tr("写入每一条修改记录"))
	f.add(tr("单位"), unit, tr("如：市人大财经委"))
	f.show()
}

// AskReviewerIfNeeded asks for the reviewer on the first run.
func (u *UI) AskReviewerIfNeeded() {
	if strings.TrimSpace(u.prefs.String(prefName)) == "" {
		u.askReviewer(nil)
	}
}

var _ = store.ErrLocked
