package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// UndoLast reverses the newest change by this reviewer that is not yet
// undone (Ctrl+Z). Repeated, it walks back through their changes.
func (s *Store) UndoLast(by string) (domain.Change, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Change{}, err
	}
	var id int64
	// Only the current plan's changes: Ctrl+Z in next year's plan must
	// never reach back into this year's.
	err := s.db.QueryRow(`SELECT id FROM history h WHERE plan_id = ? AND who = ? AND action IN (`+placeholders(len(domain.UndoableActions()))+`)
		AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id) AND `+sinceCreated+` ORDER BY id DESC LIMIT 1`,
		append(append([]any{s.planID(), by}, undoableArgs()...), s.planID())...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Change{}, fmt.Errorf("没有可撤销的修改")
	} else if err != nil {
		return domain.Change{}, err
	}
	return s.Undo(id, by)
}

func placeholders(n int) string {
	s := "?"
	for i := 1; i < n; i++ {
		s += ", ?"
	}
	return s
}

func undoableArgs() []any {
	var out []any
	for _, a := range domain.UndoableActions() {
		out = append(out, string(a))
	}
	return out
}

// Undo reverses one change, in one transaction with a history row of its
// own ("undo", naming the change). It refuses if the thing changed has
// been changed again since, so an undo never silently overwrites a later
// edit, and if the change was already undone.
func (s *Store) Undo(id int64, by string) (domain.Change, error) {
	var c domain.Change
	err := s.write(func(tx *wtx) error {
		var before, after sql.NullString
		err := tx.QueryRow(`SELECT id, action, item_id, period, before, after FROM history WHERE plan_id = ? AND id = ? AND `+sinceCreated, tx.plan, id, tx.plan).
			Scan(&c.ID, &c.Action, &c.ItemID, &c.Period, &before, &after)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的修改记录", id)
		} else if err != nil {
			return err
		}
		c.Before, c.After = before.String, after.String
		r, ok := reversals[c.Action]
		if !ok || !c.Action.Undoable() {
			return fmt.Errorf("“%s”不能撤销", c.Action.Label())
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM history WHERE undoes = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("修改 #%d 已经撤销过", id)
		}
		if !r.ofLock {
			if err := refuseLocked(tx, c.Period); err != nil {
				return err
			}
		}
		if err := r.undo(tx, c, by); err != nil {
			if errors.Is(err, errChangedSince) {
				// Say which change and what it touched, as the
				// reviewer may not know what their newest one was.
				what := strings.TrimSpace(c.Action.Label() + " " + c.ItemID)
				if p, perr := parseStoredPeriod(c.Period); perr == nil && !p.IsZero() {
					what += " " + p.Label()
				}
				return fmt.Errorf("#%d（%s）%w", id, what, err)
			}
			return err
		}
		var b, a any
		if c.After != "" {
			b = json.RawMessage(c.After)
		}
		if c.Before != "" {
			a = json.RawMessage(c.Before)
		}
		return tx.log(entry{who: by, action: domain.Undo, itemID: c.ItemID, period: c.Period, before: b, after: a,
			detail: fmt.Sprintf("撤销 #%d（%s）", id, c.Action.Label()), undoes: id})
	})
	return c, err
}

var errChangedSince = errors.New("该内容在这次修改之后又被改动过，不能撤销")

// reversal is how Undo reverses one kind of change: undo puts the state
// back to c.Before after checking it still is c.After.
type reversal struct {
	undo func(tx *wtx, c domain.Change, by string) error
	// ofLock marks the changes to a period's lock itself, undone whether
	// the period is locked or not; every other change is refused in a
	// locked period.
	ofLock bool
}

// reversals has one entry for every action domain.Actions calls
// undoable (TestEveryUndoableActionHasAReversal).
var reversals = map[domain.Action]reversal{
	domain.RecordActual:      {undo: reverseActual},
	domain.CorrectActual:     {undo: reverseActual},
	domain.DeleteActual:      {undo: reverseActual},
	domain.AddNote:           {undo: reverseNote},
	domain.EditNote:          {undo: reverseNote},
	domain.DeleteNote:        {undo: reverseNote},
	domain.SetManualStatus:   {undo: reverseManualStatus},
	domain.ClearManualStatus: {undo: reverseManualStatus},
	domain.SetTarget:         {undo: reverseTarget},
	domain.ClearTarget:       {undo: reverseTarget},
	domain.LockPeriod:        {undo: reverseLock, ofLock: true},
	domain.UnlockPeriod:      {undo: reverseUnlock, ofLock: true},
	domain.PairPrior:         {undo: reversePair},
	domain.RecordPrior:       {undo: reversePrior},
	domain.DeletePrior:       {undo: reversePrior},
	domain.AssignUnits:       {undo: reverseAssign},
	domain.AddUnit:           {undo: reverseUnitAdd},
	domain.RenameUnit:        {undo: reverseUnitRename},
	domain.RemoveUnit:        {undo: reverseUnitRemove},
	domain.StartRound:        {undo: reverseStartRound},
	domain.CollectReturn:     {undo: reverseCollectReturn},
	domain.ResolveConflict:   {undo: reverseResolve},
}

// sameJSON reports whether the current state (present or not) is the one
// a change left behind.
func sameJSON(present bool, cur any, want string) bool {
	if !present {
		return want == ""
	}
	if want == "" {
		return false
	}
	var a, b any
	got, err := json.Marshal(cur)
	if err != nil || json.Unmarshal(got, &a) != nil || json.Unmarshal([]byte(want), &b) != nil {
		return false
	}
	return equalJSON(a, b)
}

func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !equalJSON(v, y[k]) {
				return false
			}
		}
		return true
	case float64:
		y, ok := b.(float64)
		return ok && math.Abs(x-y) < 1e-9
	}
	return a == b
}
