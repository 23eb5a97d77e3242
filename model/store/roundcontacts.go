package store

// Contact is who last filled in a unit's workbook and how to reach them:
// the 催报清单 gives the clerk a name and number to phone instead of a
// blank, when the unit has returned anything before in this plan.
type Contact struct {
	Person string
	Phone  string
}

// UnitContacts is, per unit of the current plan, the person and phone of
// its most recently collected return that named either (any round: a unit
// missing from this round is exactly the one whose earlier contact is
// wanted). Units that never named one are absent.
func (s *Store) UnitContacts() (map[int64]Contact, error) {
	rows, err := s.db.Query(`SELECT unit_id, person, phone FROM round_returns
		WHERE plan_id = ? AND (person != '' OR phone != '')
		ORDER BY collected_at, rowid`, s.planID())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]Contact{}
	for rows.Next() {
		var id int64
		var c Contact
		if err := rows.Scan(&id, &c.Person, &c.Phone); err != nil {
			return nil, err
		}
		out[id] = c // later rows win: the newest contact
	}
	return out, rows.Err()
}
