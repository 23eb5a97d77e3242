package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

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

// confirmDeleteActual deletes a figure once the reviewer agrees.
func (u *UI) confirmDeleteActual(id string, p domain.Period) {
	dialog.ShowConfirm(tr("删除实际值"), trf("删除 {{.ID}} {{.P}} 的实际值？修改记录中会保留原值，可撤销。", "ID", id, "P", periodLabel(p)),
		func(ok bool) {
			if ok {
				u.write(func(who string) error { return u.st.DeleteActual(id, p, who) },
					trf("已删除 {{.ID}} {{.P}} 的实际值", "ID", id, "P", periodLabel(p)))
			}
		}, u.win)
}
