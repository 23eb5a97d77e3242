package ui

import (
	"fyne.io/fyne/v2/dialog"

	"cn.planreview/planreview/model/domain"
)

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

// confirmDeleteNote deletes a note once the reviewer agrees.
func (u *UI) confirmDeleteNote(n domain.Note) {
	dialog.ShowConfirm(tr("删除备注"), trf("删除备注 #{{.N}}？修改记录中会保留原文，可撤销。", "N", n.ID), func(ok bool) {
		if ok {
			u.write(func(who string) error { return u.st.DeleteNote(n.ID, who) }, trf("已删除备注 #{{.N}}", "N", n.ID))
		}
	}, u.win)
}
