package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// dataset is the plan file a database is made from or brought up to,
// with the plan it holds: parsed once per open, for updatePending and
// syncDataset alike.
type dataset struct {
	raw    []byte
	plan   *domain.Plan
	notice string
}

// errNoDataset is a programming error: a new database must be made from
// a plan (Options.Bundle).
var errNoDataset = errors.New("未提供计划数据，无法新建数据库")

// systemWho is who history names for the program's own changes.
const systemWho = "系统"

// parseDataset reads the plan file handed to Open; without one the
// database keeps the plans it holds.
func parseDataset(raw []byte, notice string) (dataset, error) {
	if raw == nil {
		return dataset{}, nil
	}
	p, err := domain.ParsePlanFile(raw)
	if err != nil {
		return dataset{}, fmt.Errorf("内置计划数据有误：%w", err)
	}
	return dataset{raw, p, notice}, nil
}

// syncDataset brings the plan in the database up to the bundled dataset:
// it creates the plan on first run, and when this program carries a
// corrected dataset (a higher revision) it updates the plan items. It
// never touches figures, notes, manual statuses or history: an item the
// corrected dataset drops is kept, retired, while anything refers to it.
func (s *Store) syncDataset(ds dataset) error {
	if ds.plan == nil {
		return nil
	}
	embedded, version := ds.plan, domain.PlanFileVersion(ds.raw)
	return s.transact(func(tx *wtx) error {
		tx.plan = embedded.ID // the store has no current plan yet
		var rev int
		var oldVersion, oldNotice string
		err := tx.QueryRow(`SELECT dataset_revision, dataset_version, notice FROM plans WHERE id = ?`, embedded.ID).
			Scan(&rev, &oldVersion, &oldNotice)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			var others int
			if err := tx.QueryRow(`SELECT count(*) FROM plans`).Scan(&others); err != nil {
				return err
			}
			if others > 0 {
				// The database holds another plan: it is not ours to add to.
				return nil
			}
			if _, err := tx.Exec(`INSERT INTO plans (id, title, year, dataset_revision, dataset_version, dataset, notice, city, source_document)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, embedded.ID, embedded.Title, embedded.Year,
				embedded.Revision, version, ds.raw, ds.notice, embedded.City, sourceDocument(ds.notice)); err != nil {
				return err
			}
			if _, err := upsertItems(tx.Tx, embedded); err != nil {
				return err
			}
			return tx.log(entry{who: systemWho, action: domain.CreatePlan,
				after:  map[string]any{"plan": embedded.ID, "revision": embedded.Revision, "version": version},
				detail: fmt.Sprintf("由内置数据创建《%s》，共%d项", embedded.Title, len(embedded.Items))})
		case err != nil:
			return err
		case rev >= embedded.Revision && oldNotice == "" && ds.notice != "":
			// A database made before plans kept their notice: the text
			// is the bundled one the plan was made from, filled in once.
			_, err := tx.Exec(`UPDATE plans SET notice = ? WHERE id = ?`, ds.notice, embedded.ID)
			return err
		case rev >= embedded.Revision:
			// Same data, or a database written by a newer program with a
			// newer dataset: keep what the database has.
			return nil
		}
		if _, err := tx.Exec(`UPDATE plans SET title = ?, year = ?, dataset_revision = ?, dataset_version = ?,
			dataset = ?, notice = ? WHERE id = ?`, embedded.Title, embedded.Year, embedded.Revision, version,
			ds.raw, ds.notice, embedded.ID); err != nil {
			return err
		}
		changed, err := upsertItems(tx.Tx, embedded)
		if err != nil {
			return err
		}
		return tx.log(entry{who: systemWho, action: domain.DatasetUpdate,
			before: map[string]any{"revision": rev, "version": oldVersion},
			after:  map[string]any{"revision": embedded.Revision, "version": version},
			detail: "计划数据更正，涉及：" + strings.Join(changed, "、")})
	})
}

// upsertItems writes the plan's items and retires or removes the ones it
// no longer has. It returns the IDs it added, changed or retired.
func upsertItems(tx *sql.Tx, p *domain.Plan) ([]string, error) {
	type row struct{ kind, section, name, target, quote string }
	old := map[string]row{}
	rows, err := tx.Query(`SELECT id, kind, section, name, target_text, source_quote FROM items WHERE plan_id = ?`, p.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var r row
		if err := rows.Scan(&id, &r.kind, &r.section, &r.name, &r.target, &r.quote); err != nil {
			rows.Close()
			return nil, err
		}
		old[id] = r
	}
	rows.Close()
	var changed []string
	keep := map[string]bool{}
	for i, it := range p.Items {
		keep[it.ID] = true
		if o, ok := old[it.ID]; !ok || o != (row{string(it.Kind), it.Section, it.Name, it.TargetText, it.SourceQuote}) {
			changed = append(changed, it.ID)
		}
		if _, err := tx.Exec(`INSERT INTO items (id, plan_id, seq, kind, section, name, target_text, source_quote, retired)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
			ON CONFLICT(plan_id, id) DO UPDATE SET seq = excluded.seq, kind = excluded.kind,
				section = excluded.section, name = excluded.name, target_text = excluded.target_text,
				source_quote = excluded.source_quote, retired = 0`,
			it.ID, p.ID, i+1, it.Kind, it.Section, it.Name, it.TargetText, it.SourceQuote); err != nil {
			return nil, err
		}
	}
	for id := range old {
		if keep[id] {
			continue
		}
		changed = append(changed, id)
		var used int
		if err := tx.QueryRow(`SELECT (SELECT count(*) FROM actuals WHERE plan_id = ?2 AND item_id = ?1) +
			(SELECT count(*) FROM notes WHERE plan_id = ?2 AND item_id = ?1) +
			(SELECT count(*) FROM manual_statuses WHERE plan_id = ?2 AND item_id = ?1) +
			(SELECT count(*) FROM target_overrides WHERE plan_id = ?2 AND item_id = ?1) +
			(SELECT count(*) FROM item_units WHERE plan_id = ?2 AND item_id = ?1)`, id, p.ID).Scan(&used); err != nil {
			return nil, err
		}
		q := `DELETE FROM items WHERE id = ? AND plan_id = ?`
		if used > 0 {
			q = `UPDATE items SET retired = 1 WHERE id = ? AND plan_id = ?`
		}
		if _, err := tx.Exec(q, id, p.ID); err != nil {
			return nil, err
		}
	}
	sort.Strings(changed)
	return changed, nil
}

// sourceDocument is the title of the document a plan was made from:
// the notice's opening lines up to the one ending 通知 (a title copied
// from a PDF runs over two or three lines, as the bundled one does), or
// "" when the text does not open with such a title.
func sourceDocument(notice string) string {
	var title strings.Builder
	lines := 0
	for _, line := range strings.Split(notice, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		title.WriteString(line)
		if strings.HasSuffix(line, "通知") {
			return title.String()
		}
		if lines++; lines == 3 {
			break
		}
	}
	return ""
}
