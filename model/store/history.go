package store

import (
	"database/sql"
	"time"

	"cn.planreview/planreview/model/domain"
)

// sinceCreated keeps a query on history to the current life of its plan:
// history is append-only, so a plan removed and created again under the
// same ID still has the old plan's rows, which are not this plan's to
// show or to undo. It takes the plan ID as its one argument.
const sinceCreated = `id >= (SELECT coalesce(max(c.id), 0) FROM history c WHERE c.plan_id = ? AND c.action = '` +
	string(domain.CreatePlan) + `')`

// assignsNaming matches the rows of a unit assignment over several items
// (one row, one undo, no item_id) whose items include the one asked for —
// the assignment's before/after are keyed by item ID — and the undos of
// such rows, so an item's history shows who gave it its units. It takes
// the item's ID as its one argument.
const assignsNaming = `(coalesce(item_id, '') = '' AND json_valid(after) AND (action = '` + string(domain.AssignUnits) + `'
	OR action = '` + string(domain.Undo) + `' AND undoes IN (SELECT a.id FROM history a WHERE a.action = '` + string(domain.AssignUnits) + `'))
	AND EXISTS (SELECT 1 FROM json_each(history.after) WHERE json_each.key = ?))`

// collectsNaming matches the rows of a collected return (one row for a
// unit's whole workbook, no item_id) whose items include the one asked
// for — so a figure held for the reviewer shows in the item's history
// from the moment it arrives, not only once resolved — and the undos of
// such rows (whose before is the collect's after). It takes the item's
// ID and its tracked ID as arguments.
const collectsNaming = `(coalesce(item_id, '') = '' AND (
	action = '` + string(domain.CollectReturn) + `' AND json_valid(after)
		AND EXISTS (SELECT 1 FROM json_each(history.after, '$.items') WHERE json_each.value IN (?, ?))
	OR action = '` + string(domain.Undo) + `' AND json_valid(before)
		AND undoes IN (SELECT c.id FROM history c WHERE c.action = '` + string(domain.CollectReturn) + `')
		AND EXISTS (SELECT 1 FROM json_each(history.before, '$.items') WHERE json_each.value IN (?, ?))))`

// History lists the changes to one item (or, with an empty ID, every
// change), oldest first. Changes to a 附件1 indicator show under the body
// commitments that repeat it too.
func (s *Store) History(itemID string) ([]domain.Change, error) {
	// History is per plan: another plan's changes are not this one's, nor
	// those of a removed plan whose ID a new plan has taken again.
	q := `SELECT id, at, who, action, item_id, period, before, after, detail FROM history WHERE plan_id = ? AND ` + sinceCreated
	args := []any{s.planID(), s.planID()}
	if itemID != "" {
		it, err := s.item(itemID)
		if err != nil {
			return nil, err
		}
		q += ` AND (item_id IN (?, ?) OR ` + assignsNaming + ` OR ` + collectsNaming + `)`
		tracked := domain.TrackedID(it)
		args = append(args, it.ID, tracked, it.ID, it.ID, tracked, it.ID, tracked)
	}
	rows, err := s.db.Query(q+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Change
	for rows.Next() {
		var c domain.Change
		var at string
		var before, after sql.NullString
		if err := rows.Scan(&c.ID, &at, &c.Who, &c.Action, &c.ItemID, &c.Period, &before, &after, &c.Detail); err != nil {
			return nil, err
		}
		c.At, _ = time.Parse(time.RFC3339, at)
		c.Before, c.After = before.String, after.String
		out = append(out, c)
	}
	return out, rows.Err()
}

// Review loads everything the status function needs into a domain.Review.
func (s *Store) Review(tol domain.Tolerance) (*domain.Review, error) {
	as, ok := s.takePrefetch()
	if !ok {
		var err error
		if as, err = s.actuals(s.planID(), ""); err != nil {
			return nil, err
		}
	}
	ms, err := s.ManualStatuses()
	if err != nil {
		return nil, err
	}
	os, err := s.TargetOverrides()
	if err != nil {
		return nil, err
	}
	return domain.NewReview(s.plan, tol, as, ms, os), nil
}

// LastChangeID is the ID of the plan's newest history row (0 if none): a
// brief records it, so that checking the brief later lists exactly the
// changes made after it.
func (s *Store) LastChangeID() (int64, error) {
	var id int64
	err := s.db.QueryRow(`SELECT coalesce(max(id), 0) FROM history WHERE plan_id = ?`, s.planID()).Scan(&id)
	return id, err
}
