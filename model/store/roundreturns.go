package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
)

// A round's returns (migrations/0009_round_returns.sql): the latest row
// each unit sent back for each of its items, with what became of it.
// CollectReturn writes a returned workbook's rows in one transaction with
// the figures and notes they bring and one history row (collect_return)
// whose undo takes the returns back out.

// ReturnState says what became of a returned row.
type ReturnState string

// Return states, as round_returns.state holds them.
const (
	ReturnWritten   ReturnState = "written"    // its figure (or, for text only, its note) was recorded
	ReturnUnchanged ReturnState = "unchanged"  // the same figure was already recorded
	ReturnPending   ReturnState = "pending"    // differs from the recorded figure: held for the reviewer
	ReturnPicked    ReturnState = "picked"     // chosen by the reviewer in a conflict
	ReturnNotPicked ReturnState = "not_picked" // the reviewer chose another figure
)

// Return is what a unit sent back for one item of a round: its latest
// return of that item.
type Return struct {
	Unit     string // the unit's full name
	UnitID   int64
	ItemID   string
	At       time.Time // when it was collected
	Value    *float64  // nil for an outcome or text only
	Outcome  domain.Outcome
	Progress string // 进展情况
	Source   string
	Person   string
	Phone    string
	File     string
	State    ReturnState
}

// HasFigure reports whether the row carried a figure (not text only).
func (r Return) HasFigure() bool { return r.Value != nil || r.Outcome != "" }

// RoundReturns lists a round's returns, by item then unit order. An
// unchanged figure sent back counts: it was returned.
func (s *Store) RoundReturns(r domain.Round) ([]Return, error) {
	rows, err := s.db.Query(`SELECT u.full_name, rr.unit_id, rr.item_id, rr.collected_at, rr.value, rr.outcome, rr.progress,
			rr.source, rr.person, rr.phone, rr.file, rr.state
		FROM round_returns rr JOIN units u ON u.plan_id = rr.plan_id AND u.id = rr.unit_id
		WHERE rr.plan_id = ? AND rr.round_id = ? ORDER BY rr.item_id, u.ord, u.id`, s.planID(), r.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Return
	for rows.Next() {
		x, err := scanReturn(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

func scanReturn(sc scanner) (Return, error) {
	var x Return
	var at, state string
	var value sql.NullFloat64
	var outcome sql.NullString
	if err := sc.Scan(&x.Unit, &x.UnitID, &x.ItemID, &at, &value, &outcome, &x.Progress, &x.Source, &x.Person, &x.Phone, &x.File, &state); err != nil {
		return x, err
	}
	x.At, _ = time.Parse(time.RFC3339, at)
	if value.Valid {
		v := value.Float64
		x.Value = &v
	}
	x.Outcome, x.State = domain.Outcome(outcome.String), ReturnState(state)
	return x, nil
}

// RoundItemRef is one row of a unit's workbook in a round.
type RoundItemRef struct {
	ItemID string
	Role   domain.UnitRole
}

// RoundItems is what each unit's workbook of a round held, unit ID →
// its items in the plan's order: what the round asked of the unit, not
// today's assignment.
func (s *Store) RoundItems(roundID string) (map[int64][]RoundItemRef, error) {
	rows, err := s.db.Query(`SELECT ri.unit_id, ri.item_id, ri.role FROM round_items ri
		JOIN items i ON i.plan_id = ri.plan_id AND i.id = ri.item_id
		WHERE ri.plan_id = ? AND ri.round_id = ? ORDER BY ri.unit_id, i.seq`, s.planID(), roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]RoundItemRef{}
	for rows.Next() {
		var unit int64
		var ref RoundItemRef
		if err := rows.Scan(&unit, &ref.ItemID, &ref.Role); err != nil {
			return nil, err
		}
		// A body commitment repeating an indicator is reported on the
		// indicator and never sent; a round from before round_items may
		// hold one, read from the assignment (0009_round_returns.sql).
		if it, ok := s.plan.Item(ref.ItemID); ok && it.SameAs != "" {
			continue
		}
		out[unit] = append(out[unit], ref)
	}
	return out, rows.Err()
}

// ReturnRow is one filled row of a returned workbook, checked.
type ReturnRow struct {
	ItemID string         // the row's item, as the round sent it
	Actual *domain.Actual // its figure (ItemID the tracked item, By the reporter); nil for text only
	// Progress is the 进展情况 text, recorded as a note on the item.
	Progress              string
	Source, Person, Phone string
}

// ReturnFile is one unit's returned workbook of a round, checked, to be
// written.
type ReturnFile struct {
	RoundID string
	Period  domain.Period
	Unit    domain.Unit
	File    string // the file's name, for history
	Rows    []ReturnRow
}

// Collected is what writing a returned workbook did.
type Collected struct {
	New, Corrected int // figures recorded: for the first time, or replacing another (overwrite)
	Unchanged      int // figures the same as recorded
	Held           int // figures differing from the recorded one, held as pending
	Notes          int // progress notes added
}

// Writes counts what the return changed in the figures and notes.
func (c Collected) Writes() int { return c.New + c.Corrected + c.Notes }

// returnJSON is one round_returns row as history holds it.
type returnJSON struct {
	Item     string   `json:"item"`
	Value    *float64 `json:"value,omitempty"`
	Outcome  string   `json:"outcome,omitempty"`
	Progress string   `json:"progress,omitempty"`
	Source   string   `json:"source,omitempty"`
	Person   string   `json:"person,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	File     string   `json:"file"`
	At       string   `json:"at"`
	State    string   `json:"state"`
}

// returnsJSON is a unit's returns of some items of a round, the state
// before or after a collect or a resolve.
type returnsJSON struct {
	Round string       `json:"round"`
	Unit  int64        `json:"unit,omitempty"`
	Items []string     `json:"items"` // every item the change touched
	Rows  []returnJSON `json:"rows"`  // as they were (before) or became (after)
}

// CollectReturn writes a unit's returned workbook in one transaction:
// each figure new to the item and period is recorded; one the same as
// recorded counts as returned; one that differs is held as pending for
// the reviewer (ResolveConflict), or with overwrite recorded in place of
// the old, which history keeps. Progress text becomes a note. Each row is
// kept in round_returns; history says 由市商务局填报（文件名）. A locked
// period refuses the whole file.
func (s *Store) CollectReturn(f ReturnFile, by string, overwrite bool) (Collected, error) {
	var c Collected
	if err := domain.CheckText("收取人", by, domain.MaxPerson); err != nil {
		return c, err
	}
	detail := fmt.Sprintf("由%s填报（%s）", f.Unit.Full, f.File)
	err := s.write(func(tx *wtx) error {
		c = Collected{}
		if err := refuseLocked(tx, f.Period.String()); err != nil {
			return err
		}
		before := returnsJSON{Round: f.RoundID, Unit: f.Unit.ID}
		after := returnsJSON{Round: f.RoundID, Unit: f.Unit.ID}
		for _, r := range f.Rows {
			state := ReturnWritten
			if a := r.Actual; a != nil {
				if err := s.checkRow(*a); err != nil {
					return err
				}
				old, found, err := getActual(tx, a.ItemID, a.Period)
				if err != nil {
					return err
				}
				switch {
				case found && domain.SameFigure(old, *a):
					state = ReturnUnchanged
					c.Unchanged++
				case found && !overwrite:
					state = ReturnPending
					c.Held++
				default:
					if err := s.putActual(tx, *a, by, detail); err != nil {
						return err
					}
					if found {
						c.Corrected++
					} else {
						c.New++
					}
				}
			}
			if strings.TrimSpace(r.Progress) != "" {
				if err := domain.CheckText("进展情况", r.Progress, domain.MaxNote); err != nil {
					return fmt.Errorf("%s：%w", r.ItemID, err)
				}
				// A return sent again (the same workbook, or with one
				// figure changed) must not add its progress text again.
				var same int
				if err := tx.QueryRow(`SELECT count(*) FROM notes WHERE plan_id = ? AND item_id = ? AND period = ? AND body = ?`,
					tx.plan, r.ItemID, periodText(f.Period), strings.TrimSpace(r.Progress)).Scan(&same); err != nil {
					return err
				}
				if same == 0 {
					if err := s.progressNote(tx, f, r, by, detail); err != nil {
						return err
					}
					c.Notes++
				}
			}
			old, found, err := getReturn(tx, f.RoundID, f.Unit.ID, r.ItemID)
			if err != nil {
				return err
			}
			if found {
				before.Rows = append(before.Rows, old)
			}
			row := returnJSON{Item: r.ItemID, Progress: r.Progress, Source: r.Source, Person: r.Person, Phone: r.Phone,
				File: f.File, At: tx.at, State: string(state)}
			if a := r.Actual; a != nil {
				if a.Outcome != "" {
					row.Outcome = string(a.Outcome)
				} else {
					v := a.Value
					row.Value = &v
				}
			}
			if err := putReturn(tx, f.RoundID, f.Unit.ID, row); err != nil {
				return err
			}
			after.Rows = append(after.Rows, row)
			before.Items = append(before.Items, r.ItemID)
			after.Items = append(after.Items, r.ItemID)
		}
		if len(f.Rows) == 0 {
			return nil
		}
		return tx.log(entry{who: by, action: domain.CollectReturn, period: f.Period.String(), before: before, after: after,
			detail: detail + collectedWords(c)})
	})
	return c, err
}

// progressNote records a row's 进展情况 as the unit's note — its author
// 市发展改革委填报, not the reviewer who collected it — or, when the unit
// sent other text for the item earlier in this round, puts the new text
// in that note (edit_note, history keeping the old text), so a corrected
// text replaces the superseded one instead of piling up beside it. In
// the collect's transaction, with detail naming the file.
func (s *Store) progressNote(tx *wtx, f ReturnFile, r ReturnRow, by, detail string) error {
	author := progressAuthor(f.Unit)
	prev, found, err := getReturn(tx, f.RoundID, f.Unit.ID, r.ItemID)
	if err != nil {
		return err
	}
	if found && strings.TrimSpace(prev.Progress) != "" {
		var id int64
		err := tx.QueryRow(`SELECT id FROM notes WHERE plan_id = ? AND item_id = ? AND period = ? AND body = ? AND author = ?
			ORDER BY id DESC LIMIT 1`, tx.plan, r.ItemID, periodText(f.Period), strings.TrimSpace(prev.Progress), author).Scan(&id)
		if err == nil {
			return editNoteTx(tx, id, r.Progress, by, detail)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// The earlier note was removed (or is the reviewer's own): add.
	}
	_, err = s.addNoteAsTx(tx, r.ItemID, f.Period, r.Progress, author, by, detail)
	return err
}

// progressAuthor is the author a unit's progress note is filed under:
// the unit's full name and 填报, cut to what an author may hold.
func progressAuthor(u domain.Unit) string {
	a := []rune(u.Full + "填报")
	if len(a) > int(domain.MaxPerson) {
		a = append(a[:int(domain.MaxPerson)-1], '…')
	}
	return string(a)
}

// collectedWords is the history detail's count of what a return did.
func collectedWords(c Collected) string {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{c.New, "新增%d条"}, {c.Corrected, "更正%d条"}, {c.Unchanged, "%d条与已录入的一致"}, {c.Held, "%d条与已录入的不一致，待裁定"}, {c.Notes, "进展情况%d条"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf(p.word, p.n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "：" + strings.Join(parts, "，")
}

func getReturn(tx *wtx, round string, unit int64, item string) (returnJSON, bool, error) {
	var x returnJSON
	var value sql.NullFloat64
	var outcome sql.NullString
	err := tx.QueryRow(`SELECT item_id, value, outcome, progress, source, person, phone, file, collected_at, state FROM round_returns
		WHERE plan_id = ? AND round_id = ? AND unit_id = ? AND item_id = ?`, tx.plan, round, unit, item).
		Scan(&x.Item, &value, &outcome, &x.Progress, &x.Source, &x.Person, &x.Phone, &x.File, &x.At, &x.State)
	if errors.Is(err, sql.ErrNoRows) {
		return x, false, nil
	} else if err != nil {
		return x, false, err
	}
	if value.Valid {
		v := value.Float64
		x.Value = &v
	}
	x.Outcome = outcome.String
	return x, true, nil
}

func putReturn(tx *wtx, round string, unit int64, x returnJSON) error {
	var value, outcome any
	if x.Value != nil {
		value = *x.Value
	}
	if x.Outcome != "" {
		outcome = x.Outcome
	}
	_, err := tx.Exec(`INSERT INTO round_returns (plan_id, round_id, unit_id, item_id, value, outcome, progress, source, person, phone, file, collected_at, state)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (plan_id, round_id, unit_id, item_id) DO UPDATE SET value = excluded.value, outcome = excluded.outcome,
			progress = excluded.progress, source = excluded.source, person = excluded.person, phone = excluded.phone,
			file = excluded.file, collected_at = excluded.collected_at, state = excluded.state`,
		tx.plan, round, unit, x.Item, value, outcome, x.Progress, x.Source, x.Person, x.Phone, x.File, x.At, x.State)
	return err
}

// reverseCollectReturn takes a collect's returns back out, putting back
// the unit's earlier returns of those items, if any. The figures and
// notes the collect recorded have history rows of their own, which Undo
// reverses in the same transaction (batch.go: undoParts).
func reverseCollectReturn(tx *wtx, c domain.Change, _ string) error {
	var b, a returnsJSON
	if err := json.Unmarshal([]byte(c.After), &a); err != nil {
		return err
	}
	if c.Before != "" {
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
	}
	for _, want := range a.Rows {
		cur, found, err := getReturn(tx, a.Round, a.Unit, want.Item)
		if err != nil {
			return err
		}
		if !found || !sameJSON(true, cur, mustJSON(want)) {
			// Name the item: a collect has many.
			return fmt.Errorf("其中 %s 的回执：%w", want.Item, errChangedSince)
		}
		if _, err := tx.Exec(`DELETE FROM round_returns WHERE plan_id = ? AND round_id = ? AND unit_id = ? AND item_id = ?`,
			tx.plan, a.Round, a.Unit, want.Item); err != nil {
			return err
		}
	}
	for _, old := range b.Rows {
		if err := putReturn(tx, b.Round, b.Unit, old); err != nil {
			return err
		}
	}
	return nil
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// ImportReturn records figures as a unit's return, for callers that hold
// figures rather than a returned workbook (the demo's made-up round,
// tests): to the latest round of the figures' period that sent the unit a
// workbook, each figure recorded over any other (as collect --overwrite),
// an Import's note kept as the row's progress text.
func (s *Store) ImportReturn(rows []Import, unit, file, by string) error {
	if len(rows) == 0 {
		return nil
	}
	u, err := s.FindUnit(unit)
	if err != nil {
		return err
	}
	p := rows[0].NotePeriod
	if a := rows[0].Actual; a != nil {
		p = a.Period
	}
	all, err := s.Rounds()
	if err != nil {
		return err
	}
	f := ReturnFile{Period: p, Unit: u, File: file}
	for _, r := range all {
		if r.Period != p {
			continue
		}
		for _, ru := range r.Units {
			if ru.UnitID == u.ID {
				f.RoundID = r.ID
			}
		}
	}
	if f.RoundID == "" {
		return fmt.Errorf("没有向%s发出%d年%s填报的轮次", u.Full, p.Year, p.Label())
	}
	for _, r := range rows {
		row := ReturnRow{ItemID: r.NoteOn, Actual: r.Actual, Progress: r.Note}
		if r.Actual != nil {
			if r.Actual.Period != p {
				return fmt.Errorf("一次填报只能是一个期间（%s与%s）", p.Label(), r.Actual.Period.Label())
			}
			if row.ItemID == "" {
				row.ItemID = r.Actual.ItemID
			}
			row.Source = r.Actual.Source
		}
		f.Rows = append(f.Rows, row)
	}
	_, err = s.CollectReturn(f, by, true)
	return err
}
