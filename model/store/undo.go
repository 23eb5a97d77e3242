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
// edit, and if the change was already undone. A collect is undone whole
// (its returns, and the figures and notes it wrote: batch.go), and so is
// an import: the returned Change's Detail then says what went with it
// (收取：由市商务局填报的实际值2条、备注1条（文件名）; 导入的实际值3条
// （文件名）). One figure or
// note of a collect is not undone alone.
func (s *Store) Undo(id int64, by string) (domain.Change, error) {
	var c domain.Change
	err := s.write(func(tx *wtx) error {
		h, err := readRow(tx.QueryRow(`SELECT `+rowColumns+` FROM history WHERE plan_id = ? AND id = ? AND `+sinceCreated, tx.plan, id, tx.plan))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的修改记录", id)
		} else if err != nil {
			return err
		}
		c = h.Change
		r, ok := reversals[c.Action]
		if !ok || !c.Action.Undoable() {
			return fmt.Errorf("“%s”不能撤销", c.Action.Label())
		}
		if undone, err := isUndone(tx, id); err != nil {
			return err
		} else if undone {
			return fmt.Errorf("修改 #%d 已经撤销过", id)
		}
		if !r.ofLock {
			if err := refuseLocked(tx, c.Period); err != nil {
				return err
			}
		}
		// A figure or note a collect wrote is undone with the whole
		// collect, never alone: alone, the round would still count the
		// unit's return of a figure no longer recorded.
		if col, ok, err := collectOf(tx, h); err != nil {
			return err
		} else if ok {
			if undone, err := isUndone(tx, col.ID); err != nil {
				return err
			} else if !undone {
				return fmt.Errorf("#%d（%s %s）是收取 #%d（%s）写入的，不能单独撤销；请撤销整个收取 #%d，其写入的实际值和备注会一并撤销",
					id, c.Action.Label(), c.ItemID, col.ID, collectHead(col.Detail), col.ID)
			}
		}
		// An imported file's figures and notes are undone together.
		if parts, err := importParts(tx, h); err != nil {
			return err
		} else if len(parts) > 1 {
			file := rowDetail(h.Detail)
			figures, notes, err := undoParts(tx, parts, by, "撤销"+file, "导入")
			if err != nil {
				return fmt.Errorf("不能撤销%s：%w", file, err)
			}
			c.Detail = "导入的" + partsWords(figures, notes) + "（" + strings.TrimPrefix(file, importPrefix) + "）"
			return nil
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
		detail := fmt.Sprintf("撤销 #%d（%s）", id, c.Action.Label())
		c.Detail = ""
		if c.Action == domain.CollectReturn {
			// The collect's figures and notes go with its returns.
			parts, err := collectParts(tx, h)
			if err != nil {
				return err
			}
			head := collectHead(h.Detail)
			figures, notes, err := undoParts(tx, parts, by, fmt.Sprintf("随撤销收取 #%d", id), "收取")
			if err != nil {
				return fmt.Errorf("不能撤销收取 #%d（%s）：%w", id, head, err)
			}
			detail = "撤销收取：" + head
			c.Detail = "收取：" + head
			if w := partsWords(figures, notes); w != "" {
				detail += "，连同写入的" + w
				// The message puts the counts before the file's long
				// name, which a narrow status bar cuts off first.
				if unit, file, ok := strings.Cut(head, "填报（"); ok {
					c.Detail = "收取：" + unit + "填报的" + w + "（" + file
				}
			}
		}
		var b, a any
		if c.After != "" {
			b = json.RawMessage(c.After)
		}
		if c.Before != "" {
			a = json.RawMessage(c.Before)
		}
		return tx.log(entry{who: by, action: domain.Undo, itemID: c.ItemID, period: c.Period, before: b, after: a,
			detail: detail, undoes: id})
	})
	return c, err
}

// isUndone reports whether history row id has been undone.
func isUndone(tx *wtx, id int64) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM history WHERE undoes = ?`, id).Scan(&n)
	return n > 0, err
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
