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

type noteJSON struct {
	ID     int64  `json:"id"`
	Period string `json:"period,omitempty"`
	Body   string `json:"body"`
	Author string `json:"author"`
}

// AddNote adds a note to an item, about a period or (zero period) the
// item as a whole.
func (s *Store) AddNote(itemID string, p domain.Period, body, by string) (int64, error) {
	if err := domain.CheckText("备注内容", body, domain.MaxNote); err != nil {
		return 0, err
	}
	if err := domain.CheckText("填写人", by, domain.MaxPerson); err != nil {
		return 0, err
	}
	it, err := s.item(itemID)
	if err != nil {
		return 0, err
	}
	if !p.IsZero() && p.Year != s.plan.Year {
		return 0, fmt.Errorf("期间“%s”不在计划年度%d年内", p, s.plan.Year)
	}
	var id int64
	err = s.write(func(tx *wtx) error {
		var err error
		id, err = s.addNoteTx(tx, it.ID, p, body, by, "")
		return err
	})
	return id, err
}

// addNoteTx writes a note and its history row inside tx.
func (s *Store) addNoteTx(tx *wtx, itemID string, p domain.Period, body, by, detail string) (int64, error) {
	return s.addNoteAsTx(tx, itemID, p, body, by, by, detail)
}

// addNoteAsTx is addNoteTx for a note whose author is not the one
// writing it: a unit's progress text, collected by a reviewer.
func (s *Store) addNoteAsTx(tx *wtx, itemID string, p domain.Period, body, author, by, detail string) (int64, error) {
	period := periodText(p)
	if err := refuseLocked(tx, period); err != nil {
		return 0, err
	}
	body = strings.TrimSpace(body)
	now := tx.at
	res, err := tx.Exec(`INSERT INTO notes (plan_id, item_id, period, body, author, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, tx.plan, itemID, period, body, author, now, now)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	d := fmt.Sprintf("备注 #%d", id)
	if detail != "" {
		d += "，" + detail
	}
	return id, tx.log(entry{who: by, action: domain.AddNote, itemID: itemID, period: period,
		after: noteJSON{id, period, body, author}, detail: d})
}

func periodText(p domain.Period) string {
	if p.IsZero() {
		return ""
	}
	return p.String()
}

// EditNote replaces a note's text; history keeps the old text.
func (s *Store) EditNote(id int64, body, by string) error {
	if err := domain.CheckText("备注内容", body, domain.MaxNote); err != nil {
		return err
	}
	if err := domain.CheckText("修改人", by, domain.MaxPerson); err != nil {
		return err
	}
	return s.write(func(tx *wtx) error { return editNoteTx(tx, id, body, by, "") })
}

// editNoteTx replaces a note's text inside tx, history keeping the old;
// detail, if any, follows 备注 #N in the history row.
func editNoteTx(tx *wtx, id int64, body, by, detail string) error {
	body = strings.TrimSpace(body)
	n, err := unlockedNote(tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE notes SET body = ?, updated_at = ? WHERE plan_id = ? AND id = ?`, body, tx.at, tx.plan, id); err != nil {
		return err
	}
	d := fmt.Sprintf("备注 #%d", id)
	if detail != "" {
		d += "，" + detail
	}
	return tx.log(entry{who: by, action: domain.EditNote, itemID: n.ItemID, period: periodText(n.Period),
		before: noteJSON{id, periodText(n.Period), n.Body, n.Author},
		after:  noteJSON{id, periodText(n.Period), body, n.Author},
		detail: d})
}

// DeleteNote removes a note; history keeps its text.
func (s *Store) DeleteNote(id int64, by string) error {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return err
	}
	return s.write(func(tx *wtx) error {
		n, err := unlockedNote(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM notes WHERE plan_id = ? AND id = ?`, tx.plan, id); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.DeleteNote, itemID: n.ItemID, period: periodText(n.Period),
			before: noteJSON{id, periodText(n.Period), n.Body, n.Author}, detail: fmt.Sprintf("备注 #%d", id)})
	})
}

// unlockedNote reads a note that may be changed: one whose period is not
// locked.
func unlockedNote(tx *wtx, id int64) (domain.Note, error) {
	n, err := getNote(tx, id)
	if err != nil {
		return n, err
	}
	return n, refuseLocked(tx, periodText(n.Period))
}

func getNote(tx *wtx, id int64) (domain.Note, error) {
	// A note of another plan is not there for this one.
	n, err := scanNote(tx.QueryRow(noteColumns+` WHERE plan_id = ? AND id = ?`, tx.plan, id))
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("没有编号为 %d 的备注", id)
	}
	return n, err
}

const noteColumns = `SELECT id, item_id, period, body, author, created_at, updated_at FROM notes`

func scanNote(r scanner) (domain.Note, error) {
	var n domain.Note
	var period, created, updated string
	if err := r.Scan(&n.ID, &n.ItemID, &period, &n.Body, &n.Author, &created, &updated); err != nil {
		return n, err
	}
	if period != "" {
		p, err := parseStoredPeriod(period)
		if err != nil {
			return n, err
		}
		n.Period = p
	}
	n.Created, _ = time.Parse(time.RFC3339, created)
	n.Updated, _ = time.Parse(time.RFC3339, updated)
	return n, nil
}

// Notes lists the notes of one item, or of every item when itemID is
// empty, oldest first.
func (s *Store) Notes(itemID string) ([]domain.Note, error) {
	q, args := noteColumns+` WHERE plan_id = ? ORDER BY id`, []any{s.planID()}
	if itemID != "" {
		it, err := s.item(itemID)
		if err != nil {
			return nil, err
		}
		q, args = noteColumns+` WHERE plan_id = ? AND item_id = ? ORDER BY id`, []any{s.planID(), it.ID}
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Note
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// reverseNote undoes a note added, edited or deleted.
func reverseNote(tx *wtx, c domain.Change, by string) error {
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
		_, err = tx.Exec(`DELETE FROM notes WHERE plan_id = ? AND id = ?`, tx.plan, ref.ID)
		return err
	}
	var b noteJSON
	if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
		return err
	}
	// Note IDs are shared by every plan and SQLite reuses a freed one: a
	// deleted note's ID may now belong to another plan's note, which an
	// undo here must not overwrite.
	var taken int
	if err := tx.QueryRow(`SELECT count(*) FROM notes WHERE id = ? AND plan_id <> ?`, b.ID, tx.plan).Scan(&taken); err != nil {
		return err
	}
	if taken > 0 {
		return errChangedSince
	}
	now := tx.at
	_, err = tx.Exec(`INSERT INTO notes (id, plan_id, item_id, period, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
		b.ID, tx.plan, c.ItemID, b.Period, b.Body, b.Author, now, now)
	return err
}
