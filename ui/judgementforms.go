package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

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

// clearManual withdraws a manual status.
func (u *UI) clearManual(id string, p domain.Period) {
	u.write(func(who string) error { return u.st.ClearManualStatus(id, p, who) },
		trf("已取消 {{.ID}} 的人工认定", "ID", id))
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
