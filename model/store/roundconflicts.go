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

// Conflicts: a returned figure that differs from the one recorded for its
// item and period (typed in by hand, or from another unit's return) is
// held as pending by CollectReturn. The reviewer sees the recorded figure
// beside every pending one and picks (ResolveConflict), in one
// transaction with one history row naming the choice and the others, so
// an undo puts the conflict back as it was.

// Conflict is one item of a round with returns held for the reviewer.
type Conflict struct {
	RoundID    string
	ItemID     string
	Period     domain.Period
	Recorded   *Recorded // nil when no figure is recorded (one was removed since)
	Candidates []Return  // the pending returns, in unit order
}

// Recorded is the figure recorded for an item and period.
type Recorded struct {
	Actual domain.Actual
	At     time.Time
	// Unit is the unit whose return (in any round of the period) the
	// figure came from (its full name), or "" for a figure typed in or
	// imported; UnitID its ID.
	Unit   string
	UnitID int64
	File   string
}

// Pick is the reviewer's choice in a conflict: the recorded figure, or
// one unit's return.
type Pick struct {
	Recorded bool
	UnitID   int64
}

// PickRecorded keeps the recorded figure.
func PickRecorded() Pick { return Pick{Recorded: true} }

// PickUnit takes a unit's return.
func PickUnit(id int64) Pick { return Pick{UnitID: id} }

// Conflicts lists a round's items with pending returns, in the plan's
// order.
func (s *Store) Conflicts(roundID string) ([]Conflict, error) {
	round, err := s.roundByID(roundID)
	if err != nil {
		return nil, err
	}
	all, err := s.RoundReturns(round)
	if err != nil {
		return nil, err
	}
	byItem := map[string][]Return{}
	for _, r := range all {
		byItem[r.ItemID] = append(byItem[r.ItemID], r)
	}
	var out []Conflict
	var srcs map[string][]sourceRow // read when the first conflict needs it
	for _, it := range s.plan.Items {
		rows := byItem[it.ID]
		c := Conflict{RoundID: round.ID, ItemID: it.ID, Period: round.Period}
		for _, r := range rows {
			if r.State == ReturnPending {
				c.Candidates = append(c.Candidates, r)
			}
		}
		if len(c.Candidates) == 0 {
			continue
		}
		if srcs == nil {
			if srcs, err = periodSources(s.db, s.planID(), round.Period); err != nil {
				return nil, err
			}
		}
		rec, err := s.recorded(domain.TrackedID(it), round.Period, srcs)
		if err != nil {
			return nil, err
		}
		c.Recorded = rec
		out = append(out, c)
	}
	return out, nil
}

// recorded is the figure recorded for an item and period, naming the
// unit whose return it came from, if one did: found among srcs, the
// period's returns that wrote a figure (periodSources).
func (s *Store) recorded(itemID string, p domain.Period, srcs map[string][]sourceRow) (*Recorded, error) {
	var at string
	a, err := scanActual(s.db.QueryRow(`SELECT item_id, period, value, outcome, source, source_date, entered_by FROM actuals
		WHERE plan_id = ? AND item_id = ? AND period = ?`, s.planID(), itemID, p.String()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if err := s.db.QueryRow(`SELECT entered_at FROM actuals WHERE plan_id = ? AND item_id = ? AND period = ?`,
		s.planID(), itemID, p.String()).Scan(&at); err != nil {
		return nil, err
	}
	rec := &Recorded{Actual: a}
	rec.At, _ = time.Parse(time.RFC3339, at)
	src, err := nameSource(s.db, s.planID(), itemID, pickSource(srcs[itemID], a))
	if err != nil {
		return nil, err
	}
	rec.UnitID, rec.Unit, rec.File = src.unitID, src.unit, src.file
	return rec, nil
}

// source is the unit's return a recorded figure came from; zero for a
// figure typed in or imported.
type source struct {
	unitID     int64
	unit, file string
	round      string // of a pick, whose file is its return's
}

// sourceRow is one figure a unit's return put on an item: written by a
// collect, or picked by a resolve.
type sourceRow struct {
	source
	figure domain.Actual
}

// periodSources lists, per item, the figures units' returns put there in
// period p, newest first: every collect (a return written) and resolve (a
// return picked) of the period, in any round, not undone. The recorded
// figure's source is read from history, not from the unit's latest
// return, because that return may since have been sent again (unchanged)
// or corrected (held), and the figure is still the one the unit first
// sent — 市发展改革委此前填报的6.5, not 原录入的6.5. Read once for all the
// conflicts of a round.
func periodSources(q queryer, plan string, p domain.Period) (map[string][]sourceRow, error) {
	rows, err := q.Query(`SELECT action, after FROM history WHERE plan_id = ? AND `+sinceCreated+` AND period = ?
		AND action IN ('`+string(domain.CollectReturn)+`', '`+string(domain.ResolveConflict)+`') AND json_valid(after)
		AND id NOT IN (SELECT undoes FROM history WHERE plan_id = ? AND undoes IS NOT NULL)
		ORDER BY id DESC`, plan, plan, p.String(), plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]sourceRow{}
	for rows.Next() {
		var action, after string
		if err := rows.Scan(&action, &after); err != nil {
			return nil, err
		}
		switch domain.Action(action) {
		case domain.CollectReturn:
			var c returnsJSON
			if json.Unmarshal([]byte(after), &c) != nil {
				continue
			}
			for _, r := range c.Rows {
				if ReturnState(r.State) == ReturnWritten && (r.Value != nil || r.Outcome != "") {
					out[r.Item] = append(out[r.Item], sourceRow{source{unitID: c.Unit, file: r.File}, jsonFigure(r.Value, r.Outcome)})
				}
			}
		case domain.ResolveConflict:
			var r resolveJSON
			if json.Unmarshal([]byte(after), &r) != nil || r.Actual == nil {
				continue
			}
			for unit, state := range r.States {
				if ReturnState(state) == ReturnPicked {
					out[r.Tracked] = append(out[r.Tracked], sourceRow{source{unitID: unit, round: r.Round}, jsonFigure(r.Actual.Value, r.Actual.Outcome)})
				}
			}
		}
	}
	return out, rows.Err()
}

// pickSource is the newest of an item's sources that put figure a there;
// zero when none did (a typed in or imported).
func pickSource(srcs []sourceRow, a domain.Actual) source {
	for _, r := range srcs {
		if domain.SameFigure(r.figure, a) {
			return r.source
		}
	}
	return source{}
}

// nameSource fills in a source's unit name and, for a pick, the file of
// the return picked.
func nameSource(q queryer, plan, itemID string, src source) (source, error) {
	if src.unitID == 0 {
		return src, nil
	}
	if err := q.QueryRow(`SELECT full_name FROM units WHERE plan_id = ? AND id = ?`, plan, src.unitID).Scan(&src.unit); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return source{}, nil // a unit removed since: say nothing rather than guess
		}
		return source{}, err
	}
	if src.round != "" {
		err := q.QueryRow(`SELECT file FROM round_returns WHERE plan_id = ? AND round_id = ? AND unit_id = ? AND item_id = ?`,
			plan, src.round, src.unitID, itemID).Scan(&src.file)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return source{}, err
		}
	}
	return src, nil
}

// recordedSource is where the recorded figure a of an item came from.
func recordedSource(q queryer, plan string, itemID string, a domain.Actual) (source, error) {
	srcs, err := periodSources(q, plan, a.Period)
	if err != nil {
		return source{}, err
	}
	return nameSource(q, plan, itemID, pickSource(srcs[itemID], a))
}

// jsonFigure is a figure as history holds it, for comparing.
func jsonFigure(value *float64, outcome string) domain.Actual {
	f := domain.Actual{Outcome: domain.Outcome(outcome)}
	if value != nil {
		f.Value = *value
	}
	return f
}

// returnActual is the figure a return would record.
func returnActual(r Return, itemID string, p domain.Period) domain.Actual {
	a := domain.Actual{ItemID: itemID, Period: p, Outcome: r.Outcome, Source: r.Source,
		By: strings.TrimSpace(r.Person + " " + r.Phone)}
	if r.Value != nil {
		a.Value = *r.Value
	}
	return a
}

func (s *Store) roundByID(id string) (domain.Round, error) {
	rounds, err := s.Rounds()
	if err != nil {
		return domain.Round{}, err
	}
	for _, r := range rounds {
		if r.ID == id {
			return r, nil
		}
	}
	return domain.Round{}, fmt.Errorf("本计划没有填报轮次“%s”", id)
}

// resolveJSON is a conflict's state as history holds it: the recorded
// figure (nil for none) and each return's state, unit ID → state.
type resolveJSON struct {
	Round   string           `json:"round"`
	Tracked string           `json:"tracked"` // the item the figure is recorded on
	Actual  *actualJSON      `json:"actual,omitempty"`
	States  map[int64]string `json:"states"`
}

// ResolveConflict settles a conflict: pick keeps the recorded figure or
// records one unit's return in its place; the pending returns become
// picked or not picked. One transaction, one history row naming the
// choice and the others (采用市商务局填报的5.2（文件名），未采用：市统计局填报的5.0、
// 原录入的4.8), which it returns; undo brings the conflict back.
func (s *Store) ResolveConflict(roundID, itemID string, pick Pick, by string) (string, error) {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return "", err
	}
	round, err := s.roundByID(roundID)
	if err != nil {
		return "", err
	}
	var detail string
	tracked := domain.TrackedID(it)
	words := func(a domain.Actual) string {
		if a.Outcome != "" {
			return domain.OutcomeLabel(a.Outcome)
		}
		t, _ := s.plan.Item(tracked)
		return domain.FigureText(t.Target, a.Value)
	}
	err = s.write(func(tx *wtx) error {
		if err := refuseLocked(tx, round.Period.String()); err != nil {
			return err
		}
		var rows []Return
		q, err := tx.Query(`SELECT u.full_name, rr.unit_id, rr.item_id, rr.collected_at, rr.value, rr.outcome, rr.progress,
				rr.source, rr.person, rr.phone, rr.file, rr.state
			FROM round_returns rr JOIN units u ON u.plan_id = rr.plan_id AND u.id = rr.unit_id
			WHERE rr.plan_id = ? AND rr.round_id = ? AND rr.item_id = ? ORDER BY u.ord, u.id`, tx.plan, roundID, it.ID)
		if err != nil {
			return err
		}
		for q.Next() {
			r, err := scanReturn(q)
			if err != nil {
				q.Close()
				return err
			}
			rows = append(rows, r)
		}
		q.Close()
		var pending []Return
		var chosen *Return
		for i, r := range rows {
			if r.State == ReturnPending {
				pending = append(pending, r)
			}
			if !pick.Recorded && r.UnitID == pick.UnitID && r.HasFigure() {
				chosen = &rows[i]
			}
		}
		if len(pending) == 0 {
			return fmt.Errorf("%s 在轮次 %s 没有待裁定的填报", it.ID, roundID)
		}
		old, found, err := getActual(tx, tracked, round.Period)
		if err != nil {
			return err
		}
		// A figure from an older round is not taken over one a newer
		// round of the same period has brought for the item: the older
		// return is stale, and taking it would put back a figure the
		// unit itself has since replaced. Keeping the recorded figure
		// is still allowed, and settles the older round.
		if !pick.Recorded && chosen != nil {
			newer, err := newerReturn(tx, round, it.ID, tracked)
			if err != nil {
				return err
			}
			if newer != nil {
				return fmt.Errorf("%s：较新的轮次 %s 已收到同期（%s）的填报（%s填报的%s），不能采用较早轮次 %s 中%s填报的%s；要结清轮次 %s 的待裁定，请保留已录入的数值（--recorded）",
					it.ID, newer.round, round.Period.Label(), newer.unit, words(newer.actual), roundID, chosen.Unit,
					words(returnActual(*chosen, tracked, round.Period)), roundID)
			}
		}
		if pick.Recorded && !found {
			return fmt.Errorf("%s 在%s没有已录入的数值可采用：请选择一个单位的填报", it.ID, round.Period.Label())
		}
		if !pick.Recorded && chosen == nil {
			var names []string
			for _, r := range pending {
				names = append(names, r.Unit)
			}
			return fmt.Errorf("%s 在轮次 %s 没有该单位填报的数值；可采用：%s 或原录入的数值", it.ID, roundID, strings.Join(names, "、"))
		}
		before := resolveJSON{Round: roundID, Tracked: tracked, States: map[int64]string{}}
		after := resolveJSON{Round: roundID, Tracked: tracked, States: map[int64]string{}}
		if found {
			j := toJSON(old)
			before.Actual, after.Actual = &j, &j
		}
		var took, recordedOther string
		var others []string
		// The recorded figure is named by where it came from: a unit's
		// return (that unit's, 此前 when the unit has since sent another
		// figure, held here), or 原录入的 only when typed in or imported.
		var recordedAs string
		if found {
			src, err := recordedSource(tx, tx.plan, tracked, old)
			if err != nil {
				return err
			}
			recordedAs = "原录入的" + words(old)
			if src.unit != "" {
				earlier := ""
				for _, r := range pending {
					if r.UnitID == src.unitID {
						earlier = "此前"
					}
				}
				recordedAs = fmt.Sprintf("%s%s填报的%s", src.unit, earlier, words(old))
				if pick.Recorded && src.file != "" {
					recordedAs += "（" + src.file + "）"
				}
			}
		}
		if pick.Recorded {
			took = recordedAs
		} else {
			a := returnActual(*chosen, tracked, round.Period)
			if err := domain.CheckActual(it, a, s.plan.Year); err != nil {
				return err
			}
			if err := upsertActual(tx, a); err != nil {
				return err
			}
			j := toJSON(a)
			after.Actual = &j
			took = fmt.Sprintf("%s填报的%s（%s）", chosen.Unit, words(a), chosen.File)
			if found && !domain.SameFigure(old, a) {
				recordedOther = recordedAs
			}
		}
		for _, r := range rows {
			if r.State != ReturnPending && (chosen == nil || r.UnitID != chosen.UnitID) {
				continue
			}
			state := ReturnNotPicked
			if chosen != nil && r.UnitID == chosen.UnitID {
				state = ReturnPicked
			} else {
				others = append(others, fmt.Sprintf("%s填报的%s", r.Unit, words(returnActual(r, tracked, round.Period))))
			}
			before.States[r.UnitID], after.States[r.UnitID] = string(r.State), string(state)
			if _, err := tx.Exec(`UPDATE round_returns SET state = ? WHERE plan_id = ? AND round_id = ? AND unit_id = ? AND item_id = ?`,
				string(state), tx.plan, roundID, r.UnitID, it.ID); err != nil {
				return err
			}
		}
		if recordedOther != "" {
			others = append(others, recordedOther)
		}
		detail = "采用" + took
		if len(others) > 0 {
			detail += "，未采用：" + strings.Join(others, "、")
		}
		return tx.log(entry{who: by, action: domain.ResolveConflict, itemID: it.ID, period: round.Period.String(),
			before: before, after: after, detail: detail})
	})
	return detail, err
}

// newer is a return of an item in a later round of the same period.
type newer struct {
	round, unit string
	actual      domain.Actual
}

// newerReturn is the latest return carrying a figure for the item (or
// the item it is recorded on) in a round of the same period started
// after round, whatever became of it; nil when there is none.
func newerReturn(tx *wtx, round domain.Round, itemID, tracked string) (*newer, error) {
	var n newer
	var value sql.NullFloat64
	var outcome sql.NullString
	err := tx.QueryRow(`SELECT rr.round_id, u.full_name, rr.value, rr.outcome FROM round_returns rr
		JOIN rounds r ON r.plan_id = rr.plan_id AND r.id = rr.round_id
		JOIN units u ON u.plan_id = rr.plan_id AND u.id = rr.unit_id
		WHERE rr.plan_id = ? AND rr.item_id IN (?, ?) AND r.period = ? AND (rr.value IS NOT NULL OR rr.outcome IS NOT NULL)
			AND r.rowid > (SELECT o.rowid FROM rounds o WHERE o.plan_id = ? AND o.id = ?)
		ORDER BY r.rowid DESC, rr.collected_at DESC LIMIT 1`,
		tx.plan, itemID, tracked, round.Period.String(), tx.plan, round.ID).Scan(&n.round, &n.unit, &value, &outcome)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	n.actual = domain.Actual{ItemID: tracked, Period: round.Period, Value: value.Float64, Outcome: domain.Outcome(outcome.String)}
	return &n, nil
}

// upsertActual records a figure without a history row of its own: for a
// change whose history row holds the figure beside the rest of it.
func upsertActual(tx *wtx, a domain.Actual) error {
	var value, outcome any
	if a.Outcome != "" {
		outcome = string(a.Outcome)
	} else {
		value = a.Value
	}
	_, err := tx.Exec(`INSERT INTO actuals (plan_id, item_id, period, value, outcome, source, source_date, entered_by, entered_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(plan_id, item_id, period) DO UPDATE SET value = excluded.value, outcome = excluded.outcome,
			source = excluded.source, source_date = excluded.source_date,
			entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
		tx.plan, a.ItemID, a.Period.String(), value, outcome, a.Source, a.SourceDate, a.By, tx.at)
	return err
}

// reverseResolve puts a conflict back: the figure recorded before and
// every return's state, once both are still as the resolve left them.
func reverseResolve(tx *wtx, c domain.Change, _ string) error {
	var b, a resolveJSON
	if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(c.After), &a); err != nil {
		return err
	}
	p, err := parseStoredPeriod(c.Period)
	if err != nil {
		return err
	}
	// The figure lives on the tracked item (a body commitment's figures
	// are its indicator's); the states on the row's item.
	tracked := a.Tracked
	cur, found, err := getActual(tx, tracked, p)
	if err != nil {
		return err
	}
	if !sameJSON(found, toJSON(cur), optJSON(a.Actual)) {
		return errChangedSince
	}
	for unit, want := range a.States {
		var state string
		err := tx.QueryRow(`SELECT state FROM round_returns WHERE plan_id = ? AND round_id = ? AND unit_id = ? AND item_id = ?`,
			tx.plan, a.Round, unit, c.ItemID).Scan(&state)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && state != want) {
			return errChangedSince
		} else if err != nil {
			return err
		}
	}
	if b.Actual == nil {
		if _, err := tx.Exec(`DELETE FROM actuals WHERE plan_id = ? AND item_id = ? AND period = ?`, tx.plan, tracked, c.Period); err != nil {
			return err
		}
	} else {
		old := domain.Actual{ItemID: tracked, Period: p, Outcome: domain.Outcome(b.Actual.Outcome), Source: b.Actual.Source,
			SourceDate: b.Actual.SourceDate, By: b.Actual.By}
		if b.Actual.Value != nil {
			old.Value = *b.Actual.Value
		}
		if err := upsertActual(tx, old); err != nil {
			return err
		}
	}
	for unit, state := range b.States {
		if _, err := tx.Exec(`UPDATE round_returns SET state = ? WHERE plan_id = ? AND round_id = ? AND unit_id = ? AND item_id = ?`,
			state, tx.plan, b.Round, unit, c.ItemID); err != nil {
			return err
		}
	}
	return nil
}

func optJSON(j *actualJSON) string {
	if j == nil {
		return ""
	}
	return mustJSON(*j)
}
