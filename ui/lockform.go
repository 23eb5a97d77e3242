package ui

import (
	"strings"

	"cn.planreview/planreview/model/domain"
)

// toggleLock locks the as-of period, or unlocks it with a reason.
func (u *UI) toggleLock() {
	p := u.asOf
	if u.isLocked(p) {
		u.lockForm(trf("解锁{{.P}}", "P", periodLabel(p)), tr("理由"), tr("必填：该期间的简报已报出，解锁后数据可能与简报不一致"),
			func(reason, by string) error {
				if err := domain.CheckText(tr("解锁理由"), reason, domain.MaxReason); err != nil {
					return fieldError{tr("理由"), err}
				}
				return u.st.UnlockPeriod(p, strings.TrimSpace(reason), by)
			}, trf("已解锁{{.P}}", "P", periodLabel(p)))
		return
	}
	u.lockForm(trf("锁定{{.P}}", "P", periodLabel(p)), tr("说明"), tr("如：前三季度简报已报送市人大财经委"),
		func(reason, by string) error { return u.st.LockPeriod(p, strings.TrimSpace(reason), by) },
		trf("已锁定{{.P}}：该期间的实际值、备注和人工认定不能再修改", "P", periodLabel(p)))
}

// fieldError is a refusal that belongs beside one field of a form.
type fieldError struct {
	field string
	err   error
}

func (e fieldError) Error() string { return e.err.Error() }

// lockForm asks for the reason of a lock or unlock and applies it; an
// error from apply is shown beside its field, or for the whole form.
func (u *UI) lockForm(title, label, hint string, apply func(reason, by string) error, done string) {
	reason := newEscMultiLine(nil)
	reason.SetMinRowsVisible(2)
	f := u.newForm(title, func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		if err := apply(reason.Text, by); err != nil {
			if fe, ok := err.(fieldError); ok {
				f.fail(fe.field, fe.err)
			} else {
				f.fail("", err)
			}
			return false
		}
		u.changed(done)
		return true
	})
	f.add(label, reason, hint)
	f.show()
}
