package ui

import (
	"strings"

	"cn.planreview/planreview/model/domain"
)

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
