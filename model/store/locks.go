package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cn.planreview/planreview/model/domain"
)

// Lock is a locked period.
type Lock struct {
	Period domain.Period
	Reason string
	By     string
	At     time.Time
}

// LockPeriod locks a period whose brief has gone out.
func (s *Store) LockPeriod(p domain.Period, reason, by string) error {
	if err := domain.CheckText("锁定人", by, domain.MaxPerson); err != nil {
		return err
	}
	if p.Year != s.plan.Year {
		return fmt.Errorf("期间“%s”不在计划年度%d年内", p, s.plan.Year)
	}
	return s.write(func(tx *wtx) error {
		if locked, err := isLocked(tx, p); err != nil {
			return err
		} else if locked {
			return fmt.Errorf("%s已经锁定", p.Label())
		}
		if _, err := tx.Exec(`INSERT INTO period_locks (plan_id, period, reason, locked_by, locked_at) VALUES (?, ?, ?, ?, ?)`,
			tx.plan, p.String(), reason, by, tx.at); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.LockPeriod, period: p.String(), after: map[string]string{"reason": reason}})
	})
}

// UnlockPeriod unlocks a period; the reason is required, since figures a
// committee has already been given may then change.
func (s *Store) UnlockPeriod(p domain.Period, reason, by string) error {
	if err := domain.CheckText("解锁理由", reason, domain.MaxReason); err != nil {
		return err
	}
	if err := domain.CheckText("解锁人", by, domain.MaxPerson); err != nil {
		return err
	}
	return s.write(func(tx *wtx) error {
		var old string
		err := tx.QueryRow(`SELECT reason FROM period_locks WHERE plan_id = ? AND period = ?`, tx.plan, p.String()).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s没有锁定", p.Label())
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM period_locks WHERE plan_id = ? AND period = ?`, tx.plan, p.String()); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.UnlockPeriod, period: p.String(),
			before: map[string]string{"reason": old}, detail: reason})
	})
}

// Locks lists the locked periods.
func (s *Store) Locks() ([]Lock, error) {
	rows, err := s.db.Query(`SELECT period, reason, locked_by, locked_at FROM period_locks WHERE plan_id = ? ORDER BY period`, s.planID())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Lock
	for rows.Next() {
		var l Lock
		var period, at string
		if err := rows.Scan(&period, &l.Reason, &l.By, &at); err != nil {
			return nil, err
		}
		if l.Period, err = parseStoredPeriod(period); err != nil {
			return nil, err
		}
		l.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, l)
	}
	return out, rows.Err()
}

// LockedPeriods is the test the readers of returned workbooks (import,
// round collect) put every row's period to: figures for a locked period
// are refused before anything is written.
func (s *Store) LockedPeriods() (func(domain.Period) bool, error) {
	locks, err := s.Locks()
	if err != nil {
		return nil, err
	}
	return func(p domain.Period) bool {
		for _, l := range locks {
			if l.Period == p {
				return true
			}
		}
		return false
	}, nil
}

func isLocked(tx *wtx, p domain.Period) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM period_locks WHERE plan_id = ? AND period = ?`, tx.plan, p.String()).Scan(&n)
	return n > 0, err
}

// refuseLocked is called inside every write that touches a period.
func refuseLocked(tx *wtx, period string) error {
	if period == "" {
		return nil
	}
	p, err := parseStoredPeriod(period)
	if err != nil {
		return err
	}
	locked, err := isLocked(tx, p)
	if err != nil {
		return err
	}
	if locked {
		return fmt.Errorf("%w：%s的简报已报出，该期间已锁定；如需修改，请先解锁并写明理由", ErrLocked, p.Label())
	}
	return nil
}

// reverseLock undoes a lock: the period is open again.
func reverseLock(tx *wtx, c domain.Change, by string) error {
	_, err := tx.Exec(`DELETE FROM period_locks WHERE plan_id = ? AND period = ?`, tx.plan, c.Period)
	return err
}

// reverseUnlock undoes an unlock: the period is locked again, for the
// reason it was locked before.
func reverseUnlock(tx *wtx, c domain.Change, by string) error {
	var b map[string]string
	json.Unmarshal([]byte(c.Before), &b)
	_, err := tx.Exec(`INSERT INTO period_locks (plan_id, period, reason, locked_by, locked_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(plan_id, period) DO NOTHING`, tx.plan, c.Period, b["reason"], by, tx.at)
	return err
}
