package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"cn.planreview/planreview/model/domain"
)

// actualJSON is how a figure appears in history.
type actualJSON struct {
	Value      *float64 `json:"value,omitempty"`
	Outcome    string   `json:"outcome,omitempty"`
	Source     string   `json:"source,omitempty"`
	SourceDate string   `json:"source_date,omitempty"`
	By         string   `json:"by,omitempty"`
}

func toJSON(a domain.Actual) actualJSON {
	j := actualJSON{Outcome: string(a.Outcome), Source: a.Source, SourceDate: a.SourceDate, By: a.By}
	if a.Outcome == "" {
		v := a.Value
		j.Value = &v
	}
	return j
}

// item finds a live (not retired) item of the plan.
func (s *Store) item(id string) (domain.Item, error) {
	return s.plan.Lookup(id)
}

// itemFor checks who is making a change and finds the item it is made to:
// the prologue of every change that removes something.
func (s *Store) itemFor(id, by string) (domain.Item, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Item{}, err
	}
	return s.item(id)
}

// RecordActual stores a figure, or corrects the one already recorded for
// that item and period; the change and the value it replaced go into
// history in the same transaction. A body commitment that repeats a 附件1
// indicator is recorded on the indicator: the returned ID says where the
// figure went.
func (s *Store) RecordActual(a domain.Actual, by string) (string, error) {
	if err := domain.CheckText("填报人", by, domain.MaxPerson); err != nil {
		return "", err
	}
	it, err := s.item(a.ItemID)
	if err != nil {
		return "", err
	}
	target := domain.TrackedID(it)
	tracked, _ := s.plan.Item(target)
	if err := domain.CheckActual(tracked, a, s.plan.Year); err != nil {
		return "", err
	}
	if err := domain.CheckLength("来源", a.Source+a.SourceDate, domain.MaxSource); err != nil {
		return "", err
	}
	a.ItemID, a.By = target, by
	err = s.write(func(tx *wtx) error { return s.putActual(tx, a, by, "") })
	return target, err
}

// putActual writes one checked figure and its history row inside tx.
func (s *Store) putActual(tx *wtx, a domain.Actual, by, detail string) error {
	if err := refuseLocked(tx, a.Period.String()); err != nil {
		return err
	}
	old, found, err := getActual(tx, a.ItemID, a.Period)
	if err != nil {
		return err
	}
	var value, outcome any
	if a.Outcome != "" {
		outcome = string(a.Outcome)
	} else {
		value = a.Value
	}
	if _, err := tx.Exec(`INSERT INTO actuals (plan_id, item_id, period, value, outcome, source, source_date, entered_by, entered_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(plan_id, item_id, period) DO UPDATE SET value = excluded.value, outcome = excluded.outcome,
			source = excluded.source, source_date = excluded.source_date,
			entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
		tx.plan, a.ItemID, a.Period.String(), value, outcome, a.Source, a.SourceDate, a.By, tx.at); err != nil {
		return err
	}
	if found {
		return tx.log(entry{who: by, action: domain.CorrectActual, itemID: a.ItemID, period: a.Period.String(),
			before: toJSON(old), after: toJSON(a), detail: detail})
	}
	return tx.log(entry{who: by, action: domain.RecordActual, itemID: a.ItemID, period: a.Period.String(),
		after: toJSON(a), detail: detail})
}

// Import is one row of an import: a figure (or none, for a note only)
// and an optional note.
type Import struct {
	Actual *domain.Actual // ItemID is the tracked item; By who reported it
	NoteOn string         // the item a note belongs to
	Note   string
	// NotePeriod is the period the row speaks of, the note's period even
	// when the row's figure is unchanged: a locked period refuses it.
	NotePeriod domain.Period
}

// ImportActuals writes an import in one transaction: every figure and
// note, each with its history row naming the file, or nothing at all.
func (s *Store) ImportActuals(rows []Import, file, by string) error {
	return s.importRows(rows, importPrefix+file, by) // batch.go finds the file's rows by it
}

func (s *Store) importRows(rows []Import, detail, by string) error {
	if err := domain.CheckText("导入人", by, domain.MaxPerson); err != nil {
		return err
	}
	if _, err := s.AutoBackup("import"); err != nil {
		return fmt.Errorf("导入前无法备份数据库，未导入任何数据：%w", err)
	}
	return s.write(func(tx *wtx) error {
		for _, r := range rows {
			if a := r.Actual; a != nil {
				if err := s.checkRow(*a); err != nil {
					return err
				}
				if a.By == "" {
					a.By = by
				}
				if err := s.putActual(tx, *a, by, detail); err != nil {
					return err
				}
			}
			if r.Note != "" {
				if err := domain.CheckText("备注内容", r.Note, domain.MaxNote); err != nil {
					return err
				}
				if _, err := s.addNoteTx(tx, r.NoteOn, r.NotePeriod, r.Note, by, detail); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// DeleteActual removes a recorded figure; history keeps what it was.
func (s *Store) DeleteActual(itemID string, p domain.Period, by string) error {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return err
	}
	id := domain.TrackedID(it)
	return s.write(func(tx *wtx) error {
		if err := refuseLocked(tx, p.String()); err != nil {
			return err
		}
		old, found, err := getActual(tx, id, p)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s 在%s没有已录入的实际值", id, p.Label())
		}
		if _, err := tx.Exec(`DELETE FROM actuals WHERE plan_id = ? AND item_id = ? AND period = ?`, tx.plan, id, p.String()); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.DeleteActual, itemID: id, period: p.String(), before: toJSON(old)})
	})
}

func getActual(tx *wtx, itemID string, p domain.Period) (domain.Actual, bool, error) {
	row := tx.QueryRow(`SELECT item_id, period, value, outcome, source, source_date, entered_by
		FROM actuals WHERE plan_id = ? AND item_id = ? AND period = ?`, tx.plan, itemID, p.String())
	a, err := scanActual(row)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Actual{}, false, nil
	}
	return a, err == nil, err
}

type scanner interface{ Scan(dest ...any) error }

func scanActual(r scanner) (domain.Actual, error) {
	var sc actualScanner
	return sc.scan(r)
}

// actualScanner holds the scan targets for one figure row. Reused across
// the rows of a query, so Scan's pointers are made once, not five heap
// allocations per figure (a third of the allocations of loading 120,000).
type actualScanner struct {
	a       domain.Actual
	period  string
	value   sql.NullFloat64
	outcome sql.NullString
	dest    []any
}

func (sc *actualScanner) scan(r scanner) (domain.Actual, error) {
	if sc.dest == nil {
		sc.dest = []any{&sc.a.ItemID, &sc.period, &sc.value, &sc.outcome, &sc.a.Source, &sc.a.SourceDate, &sc.a.By}
	}
	if err := r.Scan(sc.dest...); err != nil {
		return domain.Actual{}, err
	}
	p, err := parseStoredPeriod(sc.period)
	if err != nil {
		return domain.Actual{}, err
	}
	a := sc.a
	a.Period = p
	a.Value = sc.value.Float64
	a.Outcome = domain.Outcome(sc.outcome.String)
	return a, nil
}

func parseStoredPeriod(s string) (domain.Period, error) {
	// Hand-parsed: this runs for every stored figure on every load, and
	// fmt.Sscanf was an eighth of the time of computing all statuses.
	if len(s) != 7 || s[4] != '-' {
		return domain.Period{}, fmt.Errorf("数据库中的期间“%s”无效", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return domain.Period{}, fmt.Errorf("数据库中的期间“%s”无效", s)
	}
	return domain.Period{Year: y, Month: m}, nil
}

// Actuals lists every recorded figure, by item and period.
func (s *Store) Actuals() ([]domain.Actual, error) {
	return s.actuals(s.planID(), ` ORDER BY item_id, period`)
}

// actuals reads every figure of a plan. The review's load leaves out the ORDER BY
// (NewReview groups and orders them itself): walking the primary-key
// index costs a table lookup per figure, a tenth of the load at 10,000
// items. The slice is sized from a count first, so 120,000 figures are
// not copied over and over as it grows.
func (s *Store) actuals(plan, order string) ([]domain.Actual, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM actuals WHERE plan_id = ?`, plan).Scan(&n); err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT item_id, period, value, outcome, source, source_date, entered_by
		FROM actuals WHERE plan_id = ?`+order, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]domain.Actual, 0, n)
	var sc actualScanner
	for rows.Next() {
		a, err := sc.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// reverseActual undoes a figure recorded, corrected or deleted: the figure
// goes back to what it was before, if it is still what the change left.
func reverseActual(tx *wtx, c domain.Change, by string) error {
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
		_, err = tx.Exec(`DELETE FROM actuals WHERE plan_id = ? AND item_id = ? AND period = ?`, tx.plan, c.ItemID, c.Period)
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
	_, err = tx.Exec(`INSERT INTO actuals (plan_id, item_id, period, value, outcome, source, source_date, entered_by, entered_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(plan_id, item_id, period) DO UPDATE SET value = excluded.value,
		outcome = excluded.outcome, source = excluded.source, source_date = excluded.source_date,
		entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
		tx.plan, c.ItemID, c.Period, value, outcome, j.Source, j.SourceDate, j.By, tx.at)
	return err
}

// checkRow checks one figure of a file being written (an import, a
// collected return) against its item, the message naming the item: the
// file was checked when previewed, but the plan may differ by now.
func (s *Store) checkRow(a domain.Actual) error {
	it, ok := s.plan.Item(a.ItemID)
	if !ok {
		return fmt.Errorf("没有编号为“%s”的项目", a.ItemID)
	}
	if err := domain.CheckActual(it, a, s.plan.Year); err != nil {
		return fmt.Errorf("%s：%w", a.ItemID, err)
	}
	return nil
}
