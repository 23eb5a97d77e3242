package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"cn.planreview/planreview/model/domain"
)

// undoable are the actions Undo can reverse.
var undoable = map[string]bool{
	"record_actual": true, "correct_actual": true, "delete_actual": true,
	"add_note": true, "edit_note": true, "delete_note": true,
	"set_manual_status": true, "clear_manual_status": true,
	"set_target": true, "clear_target": true,
	"lock_period": true, "unlock_period": true,
}

// UndoLast reverses the newest change by this reviewer that is not yet
// undone (Ctrl+Z). Repeated, it walks back through their changes.
func (s *Store) UndoLast(by string) (domain.Change, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Change{}, err
	}
	var id int64
	err := s.db.QueryRow(`SELECT id FROM history h WHERE who = ? AND action IN (`+placeholders(len(undoable))+`)
		AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id) ORDER BY id DESC LIMIT 1`,
		append([]any{by}, undoableArgs()...)...).Scan(&id)
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
	for a := range undoable {
		out = append(out, a)
	}
	return out
}

// Undo reverses one change, in one transaction with a history row of its
// own ("undo", naming the change). It refuses if the thing changed has
// been changed again since, so an undo never silently overwrites a later
// edit, and if the change was already undone.
func (s *Store) Undo(id int64, by string) (domain.Change, error) {
	var c domain.Change
	err := s.write(func(tx *sql.Tx) error {
		var before, after sql.NullString
		err := tx.QueryRow(`SELECT id, action, item_id, period, before, after FROM history WHERE id = ?`, id).
			Scan(&c.ID, &c.Action, &c.ItemID, &c.Period, &before, &after)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的修改记录", id)
		} else if err != nil {
			return err
		}
		c.Before, c.After = before.String, after.String
		if !undoable[c.Action] {
			return fmt.Errorf("“%s”不能撤销", domain.ActionLabel(c.Action))
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM history WHERE undoes = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("修改 #%d 已经撤销过", id)
		}
		if c.Action != "lock_period" && c.Action != "unlock_period" {
			if err := refuseLocked(tx, c.Period); err != nil {
				return err
			}
		}
		if err := s.reverse(tx, c, by); err != nil {
			return err
		}
		var b, a any
		if c.After != "" {
			b = json.RawMessage(c.After)
		}
		if c.Before != "" {
			a = json.RawMessage(c.Before)
		}
		_, err = s.logChangeID(tx, by, "undo", c.ItemID, c.Period, b, a,
			fmt.Sprintf("撤销 #%d（%s）", id, domain.ActionLabel(c.Action)), id)
		return err
	})
	return c, err
}

var errChangedSince = errors.New("该内容在这次修改之后又被改动过，不能撤销")

// reverse puts the state back to c.Before, after checking it still is
// c.After.
func (s *Store) reverse(tx *sql.Tx, c domain.Change, by string) error {
	switch c.Action {
	case "record_actual", "correct_actual", "delete_actual":
		p, err := parseStoredPeriod(c.Period)
		if err != nil {
			return err
		}
		cur, found, err := getActual(tx, c.ItemID, p)
		if err != nil {
			return err
		}
		if !sameJSON(found, toJSON(cur), c.After) {
			return errChangedSince
		}
		if c.Before == "" {
			_, err = tx.Exec(`DELETE FROM actuals WHERE item_id = ? AND period = ?`, c.ItemID, c.Period)
			return err
		}
		var j actualJSON
		if err := json.Unmarshal([]byte(c.Before), &j); err != nil {
			return err
		}
		var value, outcome any
		if j.Value != nil {
			value = *j.Value
		} else {
			outcome = j.Outcome
		}
		_, err = tx.Exec(`INSERT INTO actuals (item_id, period, value, outcome, source, source_date, entered_by, entered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(item_id, period) DO UPDATE SET value = excluded.value,
			outcome = excluded.outcome, source = excluded.source, source_date = excluded.source_date,
			entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
			c.ItemID, c.Period, value, outcome, j.Source, j.SourceDate, j.By, s.stamp())
		return err
	case "add_note", "edit_note", "delete_note":
		var ref noteJSON
		src := c.After
		if src == "" {
			src = c.Before
		}
		if err := json.Unmarshal([]byte(src), &ref); err != nil {
			return err
		}
		n, err := getNote(tx, ref.ID)
		found := err == nil
		cur := noteJSON{ref.ID, periodText(n.Period), n.Body, n.Author}
		if !sameJSON(found, cur, c.After) {
			return errChangedSince
		}
		if c.Before == "" {
			_, err = tx.Exec(`DELETE FROM notes WHERE id = ?`, ref.ID)
			return err
		}
		var b noteJSON
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		now := s.stamp()
		_, err = tx.Exec(`INSERT INTO notes (id, item_id, period, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
			b.ID, c.ItemID, b.Period, b.Body, b.Author, now, now)
		return err
	case "set_manual_status", "clear_manual_status":
		var cur manualJSON
		err := tx.QueryRow(`SELECT code, reason FROM manual_statuses WHERE item_id = ? AND period = ?`, c.ItemID, c.Period).
			Scan(&cur.Code, &cur.Reason)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if !sameJSON(err == nil, cur, c.After) {
			return errChangedSince
		}
		if _, err := tx.Exec(`DELETE FROM manual_statuses WHERE item_id = ? AND period = ?`, c.ItemID, c.Period); err != nil {
			return err
		}
		if c.Before == "" {
			return nil
		}
		var b manualJSON
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO manual_statuses (item_id, period, code, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)`,
			c.ItemID, c.Period, b.Code, b.Reason, by, s.stamp())
		return err
	case "set_target", "clear_target":
		var cur targetJSON
		err := tx.QueryRow(`SELECT text, reason FROM target_overrides WHERE item_id = ?`, c.ItemID).Scan(&cur.Text, &cur.Reason)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if !sameJSON(err == nil, cur, c.After) {
			return errChangedSince
		}
		if _, err := tx.Exec(`DELETE FROM target_overrides WHERE item_id = ?`, c.ItemID); err != nil {
			return err
		}
		if c.Before == "" {
			return nil
		}
		var b targetJSON
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO target_overrides (item_id, text, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)`,
			c.ItemID, b.Text, b.Reason, by, s.stamp())
		return err
	case "lock_period":
		_, err := tx.Exec(`DELETE FROM period_locks WHERE period = ?`, c.Period)
		return err
	case "unlock_period":
		var b map[string]string
		json.Unmarshal([]byte(c.Before), &b)
		_, err := tx.Exec(`INSERT INTO period_locks (period, reason, locked_by, locked_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(period) DO NOTHING`, c.Period, b["reason"], by, s.stamp())
		return err
	}
	return fmt.Errorf("“%s”不能撤销", c.Action)
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
