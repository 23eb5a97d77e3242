package store

import (
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
)

// Return is what a unit sent back for one item of a round's period: the
// latest time round collect wrote a figure or note from it.
type Return struct {
	Unit   string // the unit's full name, as history names it
	ItemID string
	At     time.Time
}

// RoundReturns lists what round collect recorded for a round's period:
// the history rows "由…填报（文件名）" (ImportReturn) of the current plan
// at that period, latest per unit and item. A return identical to what
// was already recorded writes no row and so does not count here.
func (s *Store) RoundReturns(r domain.Round) ([]Return, error) {
	rows, err := s.db.Query(`SELECT detail, item_id, max(at) FROM history
		WHERE plan_id = ? AND period = ? AND item_id != '' AND detail LIKE '由%填报（%'
		GROUP BY detail, item_id ORDER BY item_id`, s.planID(), r.Period.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	latest := map[[2]string]time.Time{}
	var order [][2]string
	for rows.Next() {
		var detail, item, at string
		if err := rows.Scan(&detail, &item, &at); err != nil {
			return nil, err
		}
		unit, _, ok := strings.Cut(strings.TrimPrefix(detail, "由"), "填报（")
		if !ok {
			continue
		}
		t, _ := time.Parse(time.RFC3339, at)
		k := [2]string{unit, item}
		old, seen := latest[k]
		if !seen {
			order = append(order, k)
		}
		if !seen || t.After(old) {
			latest[k] = t
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Return, 0, len(order))
	for _, k := range order {
		out = append(out, Return{Unit: k[0], ItemID: k[1], At: latest[k]})
	}
	return out, nil
}
