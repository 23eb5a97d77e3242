package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cn.planreview/planreview/model/domain"
)

type manualJSON struct {
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// SetManualStatus records a reviewer's own judgement of an item from a
// period on. The reason is required: a status set by hand must say why.
func (s *Store) SetManualStatus(itemID string, p domain.Period, code domain.Code, reason, by string) error {
	if err := domain.CheckText("认定理由", reason, domain.MaxReason); err != nil {
		return err
	}
	if err := domain.CheckText("认定人", by, domain.MaxPerson); err != nil {
		return err
	}
	if !code.Valid() || code == domain.NoData || code == domain.AwaitingTarget || code == domain.AwaitingJudgement {
		return fmt.Errorf("状态“%s”无效：可选 exceeded、met、nearly_met、missed、within_limit、over_limit、done_early、ahead、behind、better、on_track、off_track、deadline_met、deadline_missed、done、in_progress、not_done", code)
	}
	it, err := s.item(itemID)
	if err != nil {
		return err
	}
	if p.Year != s.plan.Year {
		return fmt.Errorf("期间“%s”不在计划年度%d年内", p, s.plan.Year)
	}
	return s.write(func(tx *wtx) error {
		if err := refuseLocked(tx, p.String()); err != nil {
			return err
		}
		var before any
		var oc, or string
		err := tx.QueryRow(`SELECT code, reason FROM manual_statuses WHERE plan_id = ? AND item_id = ? AND period = ?`,
			tx.plan, it.ID, p.String()).Scan(&oc, &or)
		switch {
		case err == nil:
			before = manualJSON{oc, or}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := tx.Exec(`INSERT INTO manual_statuses (plan_id, item_id, period, code, reason, set_by, set_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(plan_id, item_id, period) DO UPDATE SET code = excluded.code,
			reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at`,
			tx.plan, it.ID, p.String(), string(code), reason, by, tx.at); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.SetManualStatus, itemID: it.ID, period: p.String(),
			before: before, after: manualJSON{string(code), reason}})
	})
}

// ClearManualStatus removes a manual status, so the computed one shows
// again.
func (s *Store) ClearManualStatus(itemID string, p domain.Period, by string) error {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return err
	}
	return s.write(func(tx *wtx) error {
		if err := refuseLocked(tx, p.String()); err != nil {
			return err
		}
		var oc, or string
		err := tx.QueryRow(`SELECT code, reason FROM manual_statuses WHERE plan_id = ? AND item_id = ? AND period = ?`,
			tx.plan, it.ID, p.String()).Scan(&oc, &or)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s 在%s没有人工认定的状态", it.ID, p.Label())
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM manual_statuses WHERE plan_id = ? AND item_id = ? AND period = ?`, tx.plan, it.ID, p.String()); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.ClearManualStatus, itemID: it.ID, period: p.String(), before: manualJSON{oc, or}})
	})
}

type targetJSON struct {
	Text   string `json:"text"`
	Reason string `json:"reason,omitempty"`
}

// SetTarget enters the figure a plan leaves open: the province's target
// for 按省下达目标安排, or the value of an external reference. The text is
// checked by the grammar before anything is stored.
func (s *Store) SetTarget(itemID, text, reason, by string) error {
	if err := domain.CheckText("目标", text, domain.MaxTarget); err != nil {
		return err
	}
	if err := domain.CheckText("录入人", by, domain.MaxPerson); err != nil {
		return err
	}
	it, err := s.item(itemID)
	if err != nil {
		return err
	}
	if _, err := domain.ResolveOverride(it.Target, text); err != nil {
		return fmt.Errorf("%s：%w", it.ID, err)
	}
	return s.write(func(tx *wtx) error {
		var before any
		var ot, or string
		err := tx.QueryRow(`SELECT text, reason FROM target_overrides WHERE plan_id = ? AND item_id = ?`, tx.plan, it.ID).Scan(&ot, &or)
		switch {
		case err == nil:
			before = targetJSON{ot, or}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := tx.Exec(`INSERT INTO target_overrides (plan_id, item_id, text, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT(plan_id, item_id) DO UPDATE SET text = excluded.text, reason = excluded.reason,
			set_by = excluded.set_by, set_at = excluded.set_at`, tx.plan, it.ID, text, reason, by, tx.at); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.SetTarget, itemID: it.ID, before: before, after: targetJSON{text, reason}})
	})
}

// ManualStatuses lists every manual status.
func (s *Store) ManualStatuses() ([]domain.ManualStatus, error) {
	return s.manualStatuses(s.planID())
}

// manualStatuses lists a plan's manual statuses (last year's plan's too,
// for 上年完成).
func (s *Store) manualStatuses(plan string) ([]domain.ManualStatus, error) {
	rows, err := s.db.Query(`SELECT item_id, period, code, reason, set_by, set_at FROM manual_statuses WHERE plan_id = ? ORDER BY item_id, period`, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.ManualStatus
	for rows.Next() {
		var m domain.ManualStatus
		var period, code, at string
		if err := rows.Scan(&m.ItemID, &period, &code, &m.Reason, &m.By, &at); err != nil {
			return nil, err
		}
		if m.Period, err = parseStoredPeriod(period); err != nil {
			return nil, err
		}
		m.Code = domain.Code(code)
		m.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, m)
	}
	return out, rows.Err()
}

// TargetOverrides lists every target a reviewer entered.
func (s *Store) TargetOverrides() ([]domain.TargetOverride, error) {
	return s.targetOverrides(s.planID())
}

// targetOverrides lists the targets entered for a plan.
func (s *Store) targetOverrides(plan string) ([]domain.TargetOverride, error) {
	rows, err := s.db.Query(`SELECT item_id, text, reason, set_by, set_at FROM target_overrides WHERE plan_id = ? ORDER BY item_id`, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.TargetOverride
	for rows.Next() {
		var o domain.TargetOverride
		var at string
		if err := rows.Scan(&o.ItemID, &o.Text, &o.Reason, &o.By, &at); err != nil {
			return nil, err
		}
		o.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, o)
	}
	return out, rows.Err()
}

// ClearTarget removes a target a reviewer entered; the item waits for one
// again.
func (s *Store) ClearTarget(itemID, by string) error {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return err
	}
	return s.write(func(tx *wtx) error {
		var ot, or string
		err := tx.QueryRow(`SELECT text, reason FROM target_overrides WHERE plan_id = ? AND item_id = ?`, tx.plan, it.ID).Scan(&ot, &or)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s 没有录入的目标", it.ID)
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM target_overrides WHERE plan_id = ? AND item_id = ?`, tx.plan, it.ID); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.ClearTarget, itemID: it.ID, before: targetJSON{ot, or}})
	})
}

// reverseManualStatus undoes a manual status set or cleared.
func reverseManualStatus(tx *wtx, c domain.Change, by string) error {
	var cur manualJSON
	err := tx.QueryRow(`SELECT code, reason FROM manual_statuses WHERE plan_id = ? AND item_id = ? AND period = ?`, tx.plan, c.ItemID, c.Period).
		Scan(&cur.Code, &cur.Reason)
	return reverseWhole(tx, c, cur, err, `DELETE FROM manual_statuses WHERE plan_id = ? AND item_id = ? AND period = ?`, []any{tx.plan, c.ItemID, c.Period},
		func(b manualJSON) error {
			_, err := tx.Exec(`INSERT INTO manual_statuses (plan_id, item_id, period, code, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				tx.plan, c.ItemID, c.Period, b.Code, b.Reason, by, tx.at)
			return err
		})
}

// reverseTarget undoes a target entered or cleared by hand.
func reverseTarget(tx *wtx, c domain.Change, by string) error {
	var cur targetJSON
	err := tx.QueryRow(`SELECT text, reason FROM target_overrides WHERE plan_id = ? AND item_id = ?`, tx.plan, c.ItemID).Scan(&cur.Text, &cur.Reason)
	return reverseWhole(tx, c, cur, err, `DELETE FROM target_overrides WHERE plan_id = ? AND item_id = ?`, []any{tx.plan, c.ItemID},
		func(b targetJSON) error {
			_, err := tx.Exec(`INSERT INTO target_overrides (plan_id, item_id, text, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)`,
				tx.plan, c.ItemID, b.Text, b.Reason, by, tx.at)
			return err
		})
}

// reverseWhole undoes a change that set or cleared one whole row (a manual
// status, a target). cur and readErr are the row read now: if it is still
// what the change left, it is deleted (del), and the row the change
// replaced, if any, is put back (restore).
func reverseWhole[J any](tx *wtx, c domain.Change, cur J, readErr error, del string, delArgs []any, restore func(before J) error) error {
	if readErr != nil && !errors.Is(readErr, sql.ErrNoRows) {
		return readErr
	}
	if !sameJSON(readErr == nil, cur, c.After) {
		return errChangedSince
	}
	if _, err := tx.Exec(del, delArgs...); err != nil {
		return err
	}
	if c.Before == "" {
		return nil
	}
	var b J
	if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
		return err
	}
	return restore(b)
}
