package ui

import (
	"errors"
	"strings"

	"cn.planreview/planreview/model/domain"
)

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
