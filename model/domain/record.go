package domain

import (
	"fmt"
	"math"
	"time"
)

// Note is a reviewer's note on an item, optionally tied to a period.
type Note struct {
	ID      int64
	ItemID  string
	Period  Period // zero: about the item as a whole
	Body    string
	Author  string
	Created time.Time
	Updated time.Time
}

// Change is one row of history: who changed what, when, before and after.
type Change struct {
	ID     int64
	At     time.Time
	Who    string
	Action Action
	ItemID string
	Period string
	Before string // JSON, empty for a creation
	After  string // JSON, empty for a deletion
	Detail string
}

// CheckActual checks a figure before it is stored: the period lies in the
// plan year, a milestone gets an outcome and anything else a number, a
// cumulative count is not negative, a parcel's completed area is within
// its area. The message names the field and what is accepted.
func CheckActual(it Item, a Actual, planYear int) error {
	if a.Period.Year != planYear || a.Period.Month < 1 || a.Period.Month > 12 {
		return fmt.Errorf("期间“%s”不在计划年度%d年内", a.Period, planYear)
	}
	if it.Kind == KindMilestone {
		switch a.Outcome {
		case OutcomeDone, OutcomeInProgress, OutcomeNotDone:
			return nil
		}
		return fmt.Errorf("%s 是重点事项：%s", it.ID, OutcomeFormatsHelp)
	}
	if a.Outcome != "" {
		return fmt.Errorf("%s 需要填写数值，不是进展：%s", it.ID, ValueFormatsHelp)
	}
	if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
		return fmt.Errorf("实际值无效：%s", ValueFormatsHelp)
	}
	if it.Parcel != nil && (a.Value < 0 || round6(a.Value) > it.Parcel.AreaMu) {
		return fmt.Errorf("实际值（已完成征收面积）应在0到%s亩之间", FormatNumber(it.Parcel.AreaMu))
	}
	if it.Measure == Cumulative && it.Target.Basis == BasisLevel && a.Value < 0 {
		return fmt.Errorf("实际值是年内累计数，不能为负数")
	}
	return nil
}
