package store

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cn.planreview/planreview/model/domain"
)

// Reporting rounds (填报): see migrations/0007_rounds.sql. A round is
// planned (PlanRound: its id, secret and each unit's items with their row
// keys, nothing stored) so the workbooks can be made, then saved
// (SaveRound) in one transaction with its history row.

// RoundItem is one row of a unit's workbook.
type RoundItem struct {
	Item domain.Item
	Role domain.UnitRole
	Key  string // domain.RowKey
}

// RoundPack is one unit's part of a round: its items in the plan's order.
type RoundPack struct {
	Unit  domain.Unit
	Items []RoundItem
}

// RoundPlan is a round worked out and not yet stored.
type RoundPlan struct {
	Round  domain.Round
	Secret string
	Packs  []RoundPack // units with items, in unit order; units with none get nothing
}

// roundJSON is a round as history holds it.
type roundJSON struct {
	ID     string        `json:"id"`
	Period string        `json:"period"`
	Due    string        `json:"due"`
	Units  map[int64]int `json:"units"`
}

// PlanRound works out a round for a period: the next round id, a fresh
// secret, and for every unit the items it leads or co-operates on (an
// item a body commitment shares with a 附件1 indicator is reported on the
// indicator). Refused for a locked period, a due date before the period
// ends, or a plan whose items have no unit.
func (s *Store) PlanRound(p domain.Period, due string) (RoundPlan, error) {
	var rp RoundPlan
	if p.Year != s.plan.Year {
		return rp, fmt.Errorf("期间%d年%s不在本计划年度（%d年）内", p.Year, p.Label(), s.plan.Year)
	}
	d, err := domain.ParseDue(due, p)
	if err != nil {
		return rp, err
	}
	locks, err := s.Locks()
	if err != nil {
		return rp, err
	}
	for _, l := range locks {
		if l.Period == p {
			return rp, fmt.Errorf("%s已锁定（简报已报出），不能发起该期间的填报；如需补报请先解锁", p.Label())
		}
	}
	n, err := lastRoundNumber(s.db, s.planID())
	if err != nil {
		return rp, err
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return rp, err
	}
	rp.Secret = hex.EncodeToString(b)
	rp.Round = domain.Round{ID: roundID(n + 1), Period: p, Due: d}
	units, err := s.Units()
	if err != nil {
		return rp, err
	}
	assigned, err := s.ItemUnits()
	if err != nil {
		return rp, err
	}
	for _, u := range units {
		pack := RoundPack{Unit: u}
		for _, it := range s.plan.Items {
			if it.SameAs != "" {
				continue
			}
			a := assigned[it.ID]
			if !a.Has(u.ID) {
				continue
			}
			role := domain.RoleWith
			if a.Lead == u.ID {
				role = domain.RoleLead
			}
			pack.Items = append(pack.Items, RoundItem{Item: it, Role: role, Key: domain.RowKey(rp.Secret, rp.Round.ID, u.ID, it.ID)})
		}
		if len(pack.Items) > 0 {
			rp.Packs = append(rp.Packs, pack)
			rp.Round.Units = append(rp.Round.Units, domain.RoundUnit{UnitID: u.ID, Items: len(pack.Items)})
		}
	}
	if len(rp.Packs) == 0 {
		return rp, fmt.Errorf("本计划的项目尚未指定责任单位，无法发起填报：请先用 planreview assign 指定")
	}
	return rp, nil
}

// SaveRound stores a planned round, with its history row.
func (s *Store) SaveRound(rp RoundPlan, by string) (domain.Round, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Round{}, err
	}
	r := rp.Round
	err := s.write(func(tx *wtx) error {
		// Checked again here: the period may have been locked since the
		// round was planned.
		if err := refuseLocked(tx, r.Period.String()); err != nil {
			return err
		}
		// An ID once given is never given again, even to a round
		// started after that one was undone: its workbooks are still
		// out there and must be refused as the withdrawn round's.
		n, err := lastRoundNumber(tx, tx.plan)
		if err != nil {
			return err
		}
		if want := roundID(n + 1); r.ID != want {
			return fmt.Errorf("填报轮次 %s 已发起过（可能刚由他人发起），请重新发起（下一轮次为 %s）", r.ID, want)
		}
		r.StartedBy, r.StartedAt = by, time.Now()
		if _, err := tx.Exec(`INSERT INTO rounds (plan_id, id, period, due, secret, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			tx.plan, r.ID, r.Period.String(), r.Due, rp.Secret, by, tx.at); err != nil {
			return err
		}
		units := map[int64]int{}
		for _, u := range r.Units {
			units[u.UnitID] = u.Items
			if _, err := tx.Exec(`INSERT INTO round_units (plan_id, round_id, unit_id, items) VALUES (?, ?, ?, ?)`,
				tx.plan, r.ID, u.UnitID, u.Items); err != nil {
				return err
			}
		}
		// What each workbook holds, so the round's returns are counted
		// against what it asked, whatever is assigned later.
		for _, pack := range rp.Packs {
			for _, ri := range pack.Items {
				if _, err := tx.Exec(`INSERT INTO round_items (plan_id, round_id, unit_id, item_id, role) VALUES (?, ?, ?, ?, ?)`,
					tx.plan, r.ID, pack.Unit.ID, ri.Item.ID, string(ri.Role)); err != nil {
					return err
				}
			}
		}
		return tx.log(entry{who: by, action: domain.StartRound, period: r.Period.String(),
			after:  roundJSON{ID: r.ID, Period: r.Period.String(), Due: r.Due, Units: units},
			detail: fmt.Sprintf("发起%d年%s填报（%s），截止%s，%d个单位", r.Period.Year, r.Period.Label(), r.ID, r.Due, len(r.Units))})
	})
	return r, err
}

// Rounds lists the current plan's rounds, oldest first.
func (s *Store) Rounds() ([]domain.Round, error) {
	rows, err := s.db.Query(`SELECT id, period, due, started_by, started_at FROM rounds WHERE plan_id = ? ORDER BY rowid`, s.planID())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Round
	for rows.Next() {
		var r domain.Round
		var period, at string
		if err := rows.Scan(&r.ID, &period, &r.Due, &r.StartedBy, &at); err != nil {
			return nil, err
		}
		if r.Period, err = parseStoredPeriod(period); err != nil {
			return nil, err
		}
		r.StartedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		urows, err := s.db.Query(`SELECT unit_id, items FROM round_units WHERE plan_id = ? AND round_id = ? ORDER BY unit_id`, s.planID(), out[i].ID)
		if err != nil {
			return nil, err
		}
		for urows.Next() {
			var u domain.RoundUnit
			if err := urows.Scan(&u.UnitID, &u.Items); err != nil {
				urows.Close()
				return nil, err
			}
			out[i].Units = append(out[i].Units, u)
		}
		urows.Close()
	}
	return out, nil
}

// reverseStartRound removes a round started by mistake, refused once
// returns have been collected against it (their own undo comes first).
func reverseStartRound(tx *wtx, c domain.Change, _ string) error {
	var a roundJSON
	if err := json.Unmarshal([]byte(c.After), &a); err != nil {
		return err
	}
	var returns int
	if err := tx.QueryRow(`SELECT count(*) FROM round_returns WHERE plan_id = ? AND round_id = ?`, tx.plan, a.ID).Scan(&returns); err != nil {
		return err
	}
	if returns > 0 {
		return fmt.Errorf("轮次 %s 已收到%d条填报，不能撤销发起：请先撤销各次收取", a.ID, returns)
	}
	for _, table := range []string{"round_items", "round_units"} {
		if _, err := tx.Exec(`DELETE FROM `+table+` WHERE plan_id = ? AND round_id = ?`, tx.plan, a.ID); err != nil {
			return err
		}
	}
	res, err := tx.Exec(`DELETE FROM rounds WHERE plan_id = ? AND id = ?`, tx.plan, a.ID)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k != 1 {
		return errChangedSince
	}
	return nil
}

// roundID is the ID of the plan's n-th round.
func roundID(n int) string { return fmt.Sprintf("R%d", n) }

// rowQuerier is what lastRoundNumber and undoneRound read through: the
// database, or a write's transaction.
type rowQuerier interface {
	QueryRow(query string, args ...any) *sql.Row
}

// lastRoundNumber is the highest round number the plan has ever given:
// over its rounds and every round its history says was started, undone
// or not, and whatever plan of the same ID held it before — so that IDs
// are never reused (R1 undone, the next round is R2, and an R1 workbook
// still out there is refused as the withdrawn round's).
func lastRoundNumber(q rowQuerier, plan string) (int, error) {
	var n int
	err := q.QueryRow(`SELECT coalesce(max(n), 0) FROM (
			SELECT CAST(substr(id, 2) AS INTEGER) AS n FROM rounds WHERE plan_id = ? AND id LIKE 'R%'
			UNION ALL
			SELECT CAST(substr(json_extract(after, '$.id'), 2) AS INTEGER) FROM history
				WHERE plan_id = ? AND action = '`+string(domain.StartRound)+`' AND json_valid(after)
				AND json_extract(after, '$.id') LIKE 'R%')`, plan, plan).Scan(&n)
	return n, err
}

// undoneRound says who undid the start of round id and when (历史 row
// of the undo), found reports whether it was started and undone at all.
func undoneRound(q rowQuerier, plan, id string) (who string, at time.Time, found bool, err error) {
	var when string
	err = q.QueryRow(`SELECT u.who, u.at FROM history s JOIN history u ON u.undoes = s.id AND u.action = '`+string(domain.Undo)+`'
		WHERE s.plan_id = ? AND s.action = '`+string(domain.StartRound)+`' AND json_valid(s.after) AND json_extract(s.after, '$.id') = ?
		ORDER BY u.id DESC LIMIT 1`, plan, id).Scan(&who, &when)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, false, nil
	} else if err != nil {
		return "", time.Time{}, false, err
	}
	at, _ = time.Parse(time.RFC3339, when)
	return who, at, true, nil
}

// RoundKeys is what a return of a round by a unit is checked against: the
// round (nil error only when it is the current plan's) and the row key of
// each item the unit was sent, key → item ID.
func (s *Store) RoundKeys(roundID string, unitID int64) (domain.Round, map[string]string, error) {
	var r domain.Round
	var period, secret string
	err := s.db.QueryRow(`SELECT id, period, due, secret FROM rounds WHERE plan_id = ? AND id = ?`, s.planID(), roundID).
		Scan(&r.ID, &period, &r.Due, &secret)
	if errors.Is(err, sql.ErrNoRows) {
		// A withdrawn round's workbook is not the unit's mistake: say
		// the round was withdrawn, by whom and when.
		who, at, undone, uerr := undoneRound(s.db, s.planID(), roundID)
		if uerr != nil {
			return r, nil, uerr
		}
		if undone {
			return r, nil, fmt.Errorf("轮次%s已撤销（%s于%s撤销了该轮次的发起），这份填报表已作废：请改用现行轮次的填报表", roundID, who, at.Format("2006-01-02 15:04"))
		}
		return r, nil, fmt.Errorf("本计划没有填报轮次“%s”（可能来自另一个计划）", roundID)
	} else if err != nil {
		return r, nil, err
	}
	if r.Period, err = parseStoredPeriod(period); err != nil {
		return r, nil, err
	}
	var items int
	err = s.db.QueryRow(`SELECT items FROM round_units WHERE plan_id = ? AND round_id = ? AND unit_id = ?`, s.planID(), roundID, unitID).Scan(&items)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil, fmt.Errorf("轮次 %s 没有向编号为 %d 的单位发出填报表", roundID, unitID)
	} else if err != nil {
		return r, nil, err
	}
	// The keys are made again from the secret: for every item of the
	// plan, so a unit's items reassigned since still collect as sent.
	keys := map[string]string{}
	for _, it := range s.plan.Items {
		keys[domain.RowKey(secret, roundID, unitID, it.ID)] = it.ID
	}
	return r, keys, nil
}
