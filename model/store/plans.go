package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
)

// PlanInfo is one plan of the workspace as a list of plans shows it.
type PlanInfo struct {
	ID             string
	City           string // the city or 区/县 the plan is for
	Year           int
	Title          string
	SourceDocument string // the title of the document it was made from
	Items          int    // items in force (not retired)
	Figures        int    // recorded figures
	Notes          int
	// LastChange is the newest history row of the plan; zero if none.
	LastChange time.Time
}

// planID is the current plan's ID, "" before a plan is loaded (while a
// new database is being made).
func (s *Store) planID() string {
	if s.plan == nil {
		return ""
	}
	return s.plan.ID
}

// Plans lists every plan in the workspace, by city and year.
func (s *Store) Plans() ([]PlanInfo, error) {
	return listPlans(s.db, "")
}

// listPlans reads the plans (one plan when id is not ""), each with its
// counts: one query, so a list of ten plans is not thirty round trips.
func listPlans(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, id string) ([]PlanInfo, error) {
	rows, err := q.Query(`SELECT p.id, p.city, p.year, p.title, p.source_document,
		(SELECT count(*) FROM items i WHERE i.plan_id = p.id AND i.retired = 0),
		(SELECT count(*) FROM actuals a WHERE a.plan_id = p.id),
		(SELECT count(*) FROM notes n WHERE n.plan_id = p.id),
		coalesce((SELECT h.at FROM history h WHERE h.plan_id = p.id ORDER BY h.id DESC LIMIT 1), '')
		FROM plans p WHERE ?1 = '' OR p.id = ?1 ORDER BY p.city, p.year, p.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanInfo
	for rows.Next() {
		var pi PlanInfo
		var at string
		if err := rows.Scan(&pi.ID, &pi.City, &pi.Year, &pi.Title, &pi.SourceDocument,
			&pi.Items, &pi.Figures, &pi.Notes, &at); err != nil {
			return nil, err
		}
		pi.LastChange, _ = time.Parse(time.RFC3339, at)
		out = append(out, pi)
	}
	return out, rows.Err()
}

// SelectPlan makes the plan with this ID the current one: every other
// method then reads and writes that plan only. Call it while nothing
// else uses the store (the window switches between its own calls).
func (s *Store) SelectPlan(id string) error {
	if id == s.planID() {
		return nil
	}
	p, notice, err := s.readPlan(id)
	if err != nil {
		return err
	}
	s.dropPrefetch() // figures read at open are of the previous plan
	s.plan, s.notice = p, notice
	return nil
}

// NewPlan is a plan to add to the workspace.
type NewPlan struct {
	// Dataset is the plan file (domain.ParsePlanFile); its ID must be new
	// to the workspace.
	Dataset []byte
	// Notice is the text of the document the plan was made from ("" if
	// there is none, as for a plan typed from a table).
	Notice string
	// SourceDocument names that document; when empty, the notice's title.
	SourceDocument string
	// City and Year are the plan's; a plan file that names them must
	// agree. City may be left empty for the plan file's.
	City string
	Year int
	// Figures are recorded on the new plan in the transaction that
	// creates it (an execution report's results: plan import
	// --record-reported), each checked as record checks it, with
	// FiguresDetail in history (执行情况报告（文件名）).
	Figures       []domain.Actual
	FiguresDetail string
}

// CreatePlan adds a plan to the workspace in one transaction with its
// history row. The current plan does not change (SelectPlan).
func (s *Store) CreatePlan(np NewPlan, by string) (PlanInfo, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return PlanInfo{}, err
	}
	p, err := domain.ParsePlanFile(np.Dataset)
	if err != nil {
		return PlanInfo{}, err
	}
	// ParsePlanFile reads what is there; a plan to keep needs an ID, a
	// year and items.
	if p.ID == "" || p.Year == 0 || len(p.Items) == 0 {
		return PlanInfo{}, fmt.Errorf("计划文件缺少编号、年度或项目")
	}
	if err := p.Validate(); err != nil {
		return PlanInfo{}, err
	}
	if np.Year != 0 && np.Year != p.Year {
		return PlanInfo{}, fmt.Errorf("计划文件的年度是%d年，不是%d年", p.Year, np.Year)
	}
	city := strings.TrimSpace(np.City)
	switch {
	case city == "":
		city = p.City
	case p.City != "" && p.City != city:
		return PlanInfo{}, fmt.Errorf("计划文件的城市是“%s”，不是“%s”", p.City, city)
	}
	if city == "" {
		return PlanInfo{}, fmt.Errorf("请写明计划所属的城市或区县")
	}
	doc := strings.TrimSpace(np.SourceDocument)
	if doc == "" {
		doc = sourceDocument(np.Notice)
	}
	err = s.write(func(tx *wtx) error {
		tx.plan = p.ID // the history row is the new plan's
		var clash string
		err := tx.QueryRow(`SELECT id FROM plans WHERE id = ? OR (city = ? AND year = ?)`, p.ID, city, p.Year).Scan(&clash)
		switch {
		case err == nil && clash == p.ID:
			return fmt.Errorf("已有编号为“%s”的计划", p.ID)
		case err == nil:
			return fmt.Errorf("%s已有%d年的计划（%s）", city, p.Year, clash)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		version := domain.PlanFileVersion(np.Dataset)
		if _, err := tx.Exec(`INSERT INTO plans (id, title, year, dataset_revision, dataset_version, dataset, notice, city, source_document)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.Title, p.Year, p.Revision, version, np.Dataset, np.Notice,
			city, doc); err != nil {
			return err
		}
		if _, err := upsertItems(tx.Tx, p); err != nil {
			return err
		}
		if err := tx.log(entry{who: by, action: domain.CreatePlan,
			after:  map[string]any{"plan": p.ID, "city": city, "year": p.Year, "revision": p.Revision, "version": version},
			detail: fmt.Sprintf("创建《%s》，共%d项", p.Title, len(p.Items))}); err != nil {
			return err
		}
		// 责任单位 named in the table or draft (kept in the items' notes).
		if err := seedUnits(tx, p, by); err != nil {
			return err
		}
		for _, a := range np.Figures {
			it, ok := p.Item(a.ItemID)
			if !ok {
				return fmt.Errorf("没有编号为“%s”的项目", a.ItemID)
			}
			a.ItemID = domain.TrackedID(it)
			tracked, _ := p.Item(a.ItemID)
			if err := domain.CheckActual(tracked, a, p.Year); err != nil {
				return fmt.Errorf("%s：%w", it.ID, err)
			}
			if a.By == "" {
				a.By = by
			}
			if err := s.putActual(tx, a, by, np.FiguresDetail); err != nil {
				return err
			}
		}
		// Last year beside this year: pair with the plan of the year
		// before, and the plan of the year after with this one.
		return autoPair(tx, p, city, by)
	})
	s.forgetPriorPlans()
	if err != nil {
		return PlanInfo{}, err
	}
	infos, err := listPlans(s.db, p.ID)
	if err != nil || len(infos) == 0 {
		return PlanInfo{}, err
	}
	return infos[0], nil
}

// Removed is what went with a removed plan.
type Removed struct {
	Plan    PlanInfo
	Figures int
	Notes   int
	// Backup is the snapshot taken before, from which the plan can be
	// restored.
	Backup string
}

// RemovePlan removes a plan with everything recorded against it, after
// a backup of the whole workspace. Its history stays (history is never
// edited), with a row saying it was removed. The last plan cannot be
// removed; removing the current plan makes the first remaining current.
func (s *Store) RemovePlan(id, by string) (Removed, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return Removed{}, err
	}
	infos, err := s.Plans()
	if err != nil {
		return Removed{}, err
	}
	var r Removed
	found := false
	for _, pi := range infos {
		if pi.ID == id {
			r.Plan, found = pi, true
		}
	}
	if !found {
		return r, fmt.Errorf("没有编号为“%s”的计划", id)
	}
	if len(infos) == 1 {
		return r, fmt.Errorf("“%s”是工作区中唯一的计划，不能删除", r.Plan.Title)
	}
	if r.Backup, err = s.AutoBackup(removedPlanBackup); err != nil {
		return r, fmt.Errorf("删除前无法备份数据库，未做任何改动：%w", err)
	}
	err = s.write(func(tx *wtx) error {
		tx.plan = id
		if err := tx.QueryRow(`SELECT (SELECT count(*) FROM actuals WHERE plan_id = ?1),
			(SELECT count(*) FROM notes WHERE plan_id = ?1)`, id).Scan(&r.Figures, &r.Notes); err != nil {
			return err
		}
		// Children before the items they refer to, items before the plan;
		// the next year's pairs with this plan's items go too.
		dropped, err := pairsInto(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM prior_pairs WHERE prior_plan_id = ?`, id); err != nil {
			return err
		}
		// The next year's plan says in its own history why its pairs
		// went, so its pairs list never changes with no row explaining.
		for _, d := range dropped {
			tx.plan = d.plan
			if err := tx.log(entry{who: by, action: domain.RemovePlan,
				before: map[string]any{"plan": id, "pairs": d.n},
				detail: fmt.Sprintf("上年计划《%s》（%s）已删除，本计划与其配对的%d项随之改为未配对", r.Plan.Title, id, d.n)}); err != nil {
				return err
			}
		}
		tx.plan = id
		for _, table := range []string{"actuals", "notes", "manual_statuses", "target_overrides", "period_locks",
			"prior_pairs", "prior_results", "round_returns", "round_items", "round_units", "rounds", "item_units", "units", "items"} {
			if _, err := tx.Exec(`DELETE FROM `+table+` WHERE plan_id = ?`, id); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`DELETE FROM plans WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.RemovePlan,
			before: map[string]any{"plan": id, "city": r.Plan.City, "year": r.Plan.Year, "figures": r.Figures, "notes": r.Notes},
			detail: fmt.Sprintf("删除《%s》及其%d个实际值、%d条备注；删除前备份：%s", r.Plan.Title, r.Figures, r.Notes, r.Backup)})
	})
	s.forgetPriorPlans()
	if err != nil {
		return r, err
	}
	if id == s.planID() {
		for _, pi := range infos {
			if pi.ID != id {
				s.plan = nil // the removed plan can no longer be read
				return r, s.SelectPlan(pi.ID)
			}
		}
	}
	return r, nil
}

// droppedPairs is how many items of a plan are paired into a plan being
// removed.
type droppedPairs struct {
	plan string
	n    int
}

// pairsInto lists the plans with items paired into plan id, in ID order.
func pairsInto(tx *wtx, id string) ([]droppedPairs, error) {
	rows, err := tx.Query(`SELECT plan_id, count(*) FROM prior_pairs WHERE prior_plan_id = ? GROUP BY plan_id ORDER BY plan_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []droppedPairs
	for rows.Next() {
		var d droppedPairs
		if err := rows.Scan(&d.plan, &d.n); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
