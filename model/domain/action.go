package domain

// Action names a kind of change in the history. The name is what the
// database and `planreview history --json` hold; Label is what a reader
// sees.
type Action string

// The actions history records. A new one goes into Actions too, which
// gives it its label and says whether it can be undone (the store must
// then know how to reverse it; its tests check that it does).
const (
	RecordActual      Action = "record_actual"
	CorrectActual     Action = "correct_actual"
	DeleteActual      Action = "delete_actual"
	AddNote           Action = "add_note"
	EditNote          Action = "edit_note"
	DeleteNote        Action = "delete_note"
	SetManualStatus   Action = "set_manual_status"
	ClearManualStatus Action = "clear_manual_status"
	SetTarget         Action = "set_target"
	ClearTarget       Action = "clear_target"
	LockPeriod        Action = "lock_period"
	UnlockPeriod      Action = "unlock_period"
	Undo              Action = "undo"
	CreatePlan        Action = "create_plan"
	DatasetUpdate     Action = "dataset_update"
	RemovePlan        Action = "remove_plan"
	PairPrior         Action = "pair_prior"
	RecordPrior       Action = "record_prior"
	DeletePrior       Action = "delete_prior"
	AutoPairPrior     Action = "auto_pair_prior"
	AssignUnits       Action = "assign_units"
	AddUnit           Action = "add_unit"
	RenameUnit        Action = "rename_unit"
	RemoveUnit        Action = "remove_unit"
	AutoAssignUnits   Action = "auto_assign_units"
	StartRound        Action = "start_round"
	CollectReturn     Action = "collect_return"
	ResolveConflict   Action = "resolve_conflict"
)

// ActionInfo is what the program knows about an action besides its name.
type ActionInfo struct {
	Action   Action
	Label    string // Chinese, for history lists and messages
	Undoable bool   // a reviewer's change Undo can reverse
}

// Actions is every action history records, in the order a reader meets
// them: a reviewer's changes, then undo, then the program's own.
var Actions = []ActionInfo{
	{RecordActual, "录入实际值", true},
	{CorrectActual, "更正实际值", true},
	{DeleteActual, "删除实际值", true},
	{AddNote, "添加备注", true},
	{EditNote, "修改备注", true},
	{DeleteNote, "删除备注", true},
	{SetManualStatus, "人工认定状态", true},
	{ClearManualStatus, "取消人工认定", true},
	{SetTarget, "录入目标", true},
	{ClearTarget, "删除录入的目标", true},
	{LockPeriod, "锁定期间", true},
	{UnlockPeriod, "解锁期间", true},
	{PairPrior, "配对上年项目", true},
	{RecordPrior, "录入上年完成", true},
	{DeletePrior, "删除录入的上年完成", true},
	{AssignUnits, "指定责任单位", true},
	{AddUnit, "添加责任单位", true},
	{RenameUnit, "修改责任单位名称", true},
	{RemoveUnit, "删除责任单位", true},
	{StartRound, "发起填报", true},
	{CollectReturn, "收取填报", true},
	{ResolveConflict, "裁定填报数据", true},
	{Undo, "撤销", false},
	{CreatePlan, "创建计划", false},
	{DatasetUpdate, "更新计划数据", false},
	// Not undoable: a removed plan comes back from the backup taken
	// before it went.
	{RemovePlan, "删除计划", false},
	// The pairs made by name when a plan is created beside its previous
	// year's: part of creating the plan, changed by pairing anew.
	{AutoPairPrior, "按名称配对上年项目", false},
	// The units a plan table or draft names, assigned when the plan is
	// created (or when the database is upgraded to hold units): part of
	// creating the plan, changed by assigning anew.
	{AutoAssignUnits, "按计划表指定责任单位", false},
}

func (a Action) info() (ActionInfo, bool) {
	for _, i := range Actions {
		if i.Action == a {
			return i, true
		}
	}
	return ActionInfo{}, false
}

// Label is the action's Chinese name; an action this program does not
// know (written by a newer one) shows as its stored name.
func (a Action) Label() string {
	if i, ok := a.info(); ok {
		return i.Label
	}
	return string(a)
}

// Undoable reports whether Undo can reverse a change of this kind.
func (a Action) Undoable() bool {
	i, _ := a.info()
	return i.Undoable
}

// UndoableActions lists the actions Undo can reverse.
func UndoableActions() []Action {
	var out []Action
	for _, i := range Actions {
		if i.Undoable {
			out = append(out, i.Action)
		}
	}
	return out
}
