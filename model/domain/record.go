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
	Action string
	ItemID string
	Period string
	Before string // JSON, empty for a creation
	After  string // JSON, empty for a deletion
	Detail string
}

// ActionLabel is the Chinese name of a history action.
func ActionLabel(a string) string {
	switch a {
	case "record_actual":
		return "录入实际值"
	case "correct_actual":
		return "更正实际值"
	case "delete_actual":
		return "删除实际值"
	case "add_note":
		return "添加备注"
	case "edit_note":
		return "修改备注"
	case "delete_note":
		return "删除备注"
	case "set_manual_status":
		return "人工认定状态"
	case "clear_manual_status":
		return "取消人工认定"
	case "set_target":
		return "录入目标"
	case "clear_target":
		return "删除录入的目标"
	case "lock_period":
		return "锁定期间"
	case "unlock_period":
		return "解锁期间"
	case "undo":
		return "撤销"
	case "create_plan":
		return "创建计划"
	case "dataset_update":
		return "更新计划数据"
	}
	return a
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
