package domain

import "testing"

func TestActionList(t *testing.T) {
	seen := map[Action]bool{}
	for _, a := range Actions {
		if seen[a.Action] {
			t.Errorf("%s listed twice", a.Action)
		}
		seen[a.Action] = true
		if a.Label == "" || a.Action.Label() != a.Label {
			t.Errorf("%s: label %q", a.Action, a.Action.Label())
		}
		if a.Action.Undoable() != a.Undoable {
			t.Errorf("%s: Undoable() %v", a.Action, a.Action.Undoable())
		}
	}
	for _, tc := range []struct {
		a        Action
		label    string
		undoable bool
	}{
		{RecordActual, "录入实际值", true},
		{UnlockPeriod, "解锁期间", true},
		{Undo, "撤销", false},
		{DatasetUpdate, "更新计划数据", false},
		{AssignUnits, "指定责任单位", true},
		{RemoveUnit, "删除责任单位", true},
		{AutoAssignUnits, "按计划表指定责任单位", false},
		{CollectReturn, "收取填报", true},
		{ResolveConflict, "裁定填报数据", true},
		{"merge_plans", "merge_plans", false}, // written by a newer program
	} {
		if got := tc.a.Label(); got != tc.label {
			t.Errorf("%s.Label() = %q, want %q", tc.a, got, tc.label)
		}
		if got := tc.a.Undoable(); got != tc.undoable {
			t.Errorf("%s.Undoable() = %v", tc.a, got)
		}
	}
	if n := len(UndoableActions()); n != 22 {
		t.Errorf("%d undoable actions, want 22", n)
	}
}
