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

// Last year beside this year: the pairs of a plan's items with the
// previous year's plan of the same city (prior_pairs) and the results a
// reviewer typed for a previous year the workspace does not hold
// (prior_results). See migrations/0005_prior_year.sql.

// pairJSON is a pairing as history holds it.
type pairJSON struct {
	PriorPlan string `json:"prior_plan,omitempty"`
	PriorItem string `json:"prior_item,omitempty"`
	How       string `json:"how"`
}

// priorJSON is a typed prior result as history holds it.
type priorJSON struct {
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Period string  `json:"period"`
	Source string  `json:"source"`
}

type queryer interface {
	QueryRow(string, ...any) *sql.Row
	Query(string, ...any) (*sql.Rows, error)
}

// neighbourPlan finds the plan of the same city (嘉兴 = 嘉兴市) whose year
// is year: the previous plan when year is this plan's minus one. ok is
// false when the workspace has none.
func neighbourPlan(q queryer, city string, year int) (PlanInfo, bool, error) {
	rows, err := q.Query(`SELECT id, city, year, title FROM plans WHERE year = ? ORDER BY rowid`, year)
	if err != nil {
		return PlanInfo{}, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var pi PlanInfo
		if err := rows.Scan(&pi.ID, &pi.City, &pi.Year, &pi.Title); err != nil {
			return PlanInfo{}, false, err
		}
		if domain.SameCity(pi.City, city) {
			return pi, true, nil
		}
	}
	return PlanInfo{}, false, rows.Err()
}

// planCity is the city and year the workspace holds for a plan.
func planCity(q queryer, id string) (city string, year int, err error) {
	err = q.QueryRow(`SELECT city, year FROM plans WHERE id = ?`, id).Scan(&city, &year)
	return city, year, err
}

// PreviousPlan is the current plan's previous year's plan of the same
// city, if the workspace holds it.
func (s *Store) PreviousPlan() (PlanInfo, bool, error) {
	city, year, err := planCity(s.db, s.planID())
	if err != nil {
		return PlanInfo{}, false, err
	}
	return neighbourPlan(s.db, city, year-1)
}

// datasetOf parses the plan a row of plans holds.
func datasetOf(q queryer, id string) (*domain.Plan, error) {
	var data []byte
	var version string
	if err := q.QueryRow(`SELECT dataset, dataset_version FROM plans WHERE id = ?`, id).Scan(&data, &version); err != nil {
		return nil, err
	}
	if domain.PlanFileVersion(data) == version {
		return domain.ParsePlanFileChecked(data)
	}
	return domain.ParsePlanFile(data)
}

// priorPlan is the previous plan as data, kept while the store is open:
// reading a plan of 1,000 items back from its dataset is most of the
// cost of 上年完成, and it changes only when a plan is created or removed.
func (s *Store) priorPlan(id string) (*domain.Plan, error) {
	s.priorMu.Lock()
	defer s.priorMu.Unlock()
	if p, ok := s.priorPlans[id]; ok {
		return p, nil
	}
	p, err := datasetOf(s.db, id)
	if err != nil {
		return nil, err
	}
	if s.priorPlans == nil {
		s.priorPlans = map[string]*domain.Plan{}
	}
	s.priorPlans[id] = p
	return p, nil
}

// forgetPriorPlans drops the kept plans after a plan is created or
// removed.
func (s *Store) forgetPriorPlans() {
	s.priorMu.Lock()
	s.priorPlans = nil
	s.lastYear = keptReview{}
	s.priorMu.Unlock()
}

// PriorItems are the items of the previous plan a reviewer may pair with
// (empty when there is no previous plan).
func (s *Store) PriorItems() (PlanInfo, []domain.Item, error) {
	prev, ok, err := s.PreviousPlan()
	if err != nil || !ok {
		return prev, nil, err
	}
	p, err := s.priorPlan(prev.ID)
	if err != nil {
		return prev, nil, err
	}
	return prev, p.Items, nil
}

// Pairs lists the current plan's pairings, by item.
func (s *Store) Pairs() ([]domain.Pair, error) {
	rows, err := s.db.Query(`SELECT item_id, coalesce(prior_item_id, ''), how FROM prior_pairs WHERE plan_id = ? ORDER BY item_id`, s.planID())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Pair
	for rows.Next() {
		var p domain.Pair
		var how string
		if err := rows.Scan(&p.ItemID, &p.PriorItemID, &how); err != nil {
			return nil, err
		}
		p.How = domain.PairHow(how)
		out = append(out, p)
	}
	return out, rows.Err()
}

// autoPair pairs by name, inside CreatePlan's transaction, the new plan p
// with the same city's plan of the year before and the plan of the year
// after with p: pairs go both ways by year, whichever plan came first. It
// never replaces a pairing already made, and writes one history row for
// each plan it pairs (history row of that plan).
func autoPair(tx *wtx, p *domain.Plan, city, by string) error {
	if prev, ok, err := neighbourPlan(tx, city, p.Year-1); err != nil {
		return err
	} else if ok {
		last, err := datasetOf(tx, prev.ID)
		if err != nil {
			return err
		}
		if err := insertAutoPairs(tx, p, last, prev, by); err != nil {
			return err
		}
	}
	next, ok, err := neighbourPlan(tx, city, p.Year+1)
	if err != nil || !ok {
		return err
	}
	this, err := datasetOf(tx, next.ID)
	if err != nil {
		return err
	}
	created := PlanInfo{ID: p.ID, City: city, Year: p.Year, Title: p.Title}
	return insertAutoPairs(tx, this, p, created, by)
}

// pairExistingPlans pairs by name, as the migration to priorSchema runs,
// every plan of the workspace with its city's plan of the year before.
func pairExistingPlans(tx *wtx) error {
	rows, err := tx.Query(`SELECT id, city, year, title FROM plans ORDER BY rowid`)
	if err != nil {
		return err
	}
	var plans []PlanInfo
	for rows.Next() {
		var pi PlanInfo
		if err := rows.Scan(&pi.ID, &pi.City, &pi.Year, &pi.Title); err != nil {
			rows.Close()
			return err
		}
		plans = append(plans, pi)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, pi := range plans {
		prev, ok, err := neighbourPlan(tx, pi.City, pi.Year-1)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		this, err := datasetOf(tx, pi.ID)
		if err != nil {
			return err
		}
		last, err := datasetOf(tx, prev.ID)
		if err != nil {
			return err
		}
		if err := insertAutoPairs(tx, this, last, prev, systemWho); err != nil {
			return err
		}
	}
	return nil
}

// insertAutoPairs stores MatchPrior(this, last) for items of this not yet
// paired, and its history row on this plan.
func insertAutoPairs(tx *wtx, this, last *domain.Plan, lastInfo PlanInfo, by string) error {
	n := 0
	for _, pr := range domain.MatchPrior(this, last) {
		res, err := tx.Exec(`INSERT INTO prior_pairs (plan_id, item_id, prior_plan_id, prior_item_id, how, set_by, set_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(plan_id, item_id) DO NOTHING`,
			this.ID, pr.ItemID, last.ID, pr.PriorItemID, string(domain.PairByName), by, tx.at)
		if err != nil {
			return err
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	own := tx.plan
	tx.plan = this.ID
	defer func() { tx.plan = own }()
	return tx.log(entry{who: by, action: domain.AutoPairPrior,
		after:  map[string]any{"prior_plan": last.ID, "pairs": n},
		detail: fmt.Sprintf("按名称与上年计划《%s》配对%d项，%d项未配对", lastInfo.Title, n, len(this.Items)-n)})
}

// PairPrior pairs an item of the current plan with an item of the
// previous plan, replacing any pairing it had; priorPlan, if not "",
// must name that previous plan (a plan of another city or year is
// refused). In one transaction with its history row.
func (s *Store) PairPrior(itemID, priorPlan, priorItemID, by string) (domain.Item, error) {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return domain.Item{}, err
	}
	prev, err := s.checkedPrevious(priorPlan)
	if err != nil {
		return domain.Item{}, err
	}
	last, err := s.priorPlan(prev.ID)
	if err != nil {
		return domain.Item{}, err
	}
	pit, ok := last.Item(priorItemID)
	if !ok {
		return domain.Item{}, fmt.Errorf("上年计划《%s》中没有编号为“%s”的项目（可用 planreview list --plan %s 查看）",
			prev.Title, priorItemID, prev.ID)
	}
	return pit, s.setPair(it, pairJSON{PriorPlan: prev.ID, PriorItem: pit.ID, How: string(domain.PairByReviewer)}, by)
}

// UnpairPrior records that an item has no counterpart last year (不配对).
func (s *Store) UnpairPrior(itemID, by string) error {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return err
	}
	return s.setPair(it, pairJSON{How: string(domain.PairNone)}, by)
}

// checkedPrevious is the current plan's previous plan, refusing when the
// workspace has none or when priorPlan names another.
func (s *Store) checkedPrevious(priorPlan string) (PlanInfo, error) {
	city, year, err := planCity(s.db, s.planID())
	if err != nil {
		return PlanInfo{}, err
	}
	prev, ok, err := neighbourPlan(s.db, city, year-1)
	if err != nil {
		return PlanInfo{}, err
	}
	priorPlan = strings.TrimSpace(priorPlan)
	if priorPlan != "" && (!ok || prev.ID != priorPlan) {
		other, found := PlanInfo{}, false
		if infos, err := listPlans(s.db, priorPlan); err == nil && len(infos) == 1 {
			other, found = infos[0], true
		}
		if !found {
			return PlanInfo{}, fmt.Errorf("没有编号为“%s”的计划", priorPlan)
		}
		return PlanInfo{}, fmt.Errorf("计划“%s”是%s%d年的计划，不是本计划（%s%d年）的上年计划：只能与%s%d年的计划配对",
			priorPlan, other.City, other.Year, city, year, city, year-1)
	}
	if !ok {
		return PlanInfo{}, fmt.Errorf("工作区中没有%s%d年（上年）的计划，无法配对；上年完成情况可用 record-prior 录入", city, year-1)
	}
	return prev, nil
}

// setPair replaces an item's pairing, with history.
func (s *Store) setPair(it domain.Item, after pairJSON, by string) error {
	return s.write(func(tx *wtx) error {
		before, present, err := readPair(tx, it.ID)
		if err != nil {
			return err
		}
		if present && before == after {
			return fmt.Errorf("%s 已是这样配对，未做改动", it.ID)
		}
		if err := putPair(tx, it.ID, after, by); err != nil {
			return err
		}
		var b any
		if present {
			b = before
		}
		return tx.log(entry{who: by, action: domain.PairPrior, itemID: it.ID, before: b, after: after})
	})
}

func readPair(tx *wtx, itemID string) (pairJSON, bool, error) {
	var p pairJSON
	err := tx.QueryRow(`SELECT coalesce(prior_plan_id, ''), coalesce(prior_item_id, ''), how FROM prior_pairs WHERE plan_id = ? AND item_id = ?`,
		tx.plan, itemID).Scan(&p.PriorPlan, &p.PriorItem, &p.How)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	return p, err == nil, err
}

func putPair(tx *wtx, itemID string, p pairJSON, by string) error {
	var plan, item any
	if p.PriorItem != "" {
		plan, item = p.PriorPlan, p.PriorItem
	}
	_, err := tx.Exec(`INSERT INTO prior_pairs (plan_id, item_id, prior_plan_id, prior_item_id, how, set_by, set_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(plan_id, item_id) DO UPDATE SET prior_plan_id = excluded.prior_plan_id,
		prior_item_id = excluded.prior_item_id, how = excluded.how, set_by = excluded.set_by, set_at = excluded.set_at`,
		tx.plan, itemID, plan, item, p.How, by, tx.at)
	return err
}

// reversePair undoes a pairing. A pairing into a plan removed since can
// be neither found nor put back (its items are gone): that is said in
// Chinese, naming the plan, rather than left to the foreign key.
func reversePair(tx *wtx, c domain.Change, by string) error {
	cur, present, err := readPair(tx, c.ItemID)
	var readErr error
	if !present {
		readErr = sql.ErrNoRows
	}
	if err != nil {
		return err
	}
	for _, side := range []string{c.After, c.Before} {
		if err := pairStillThere(tx, c.ItemID, side); err != nil {
			return err
		}
	}
	return reverseWhole(tx, c, cur, readErr, `DELETE FROM prior_pairs WHERE plan_id = ? AND item_id = ?`, []any{tx.plan, c.ItemID},
		func(b pairJSON) error { return putPair(tx, c.ItemID, b, by) })
}

// pairStillThere refuses undoing a pairing one side of which (as history
// holds it, JSON or "") points at an item no longer in the workspace.
func pairStillThere(tx *wtx, itemID, side string) error {
	if side == "" {
		return nil
	}
	var p pairJSON
	if err := json.Unmarshal([]byte(side), &p); err != nil || p.PriorItem == "" {
		return err
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM items WHERE plan_id = ? AND id = ?`, p.PriorPlan, p.PriorItem).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("不能撤销 %s 的配对：上年计划“%s”的项目 %s 已不在工作区中（上年计划已删除，配对随之删除）；可用 pair 重新配对",
			itemID, p.PriorPlan, p.PriorItem)
	}
	return nil
}

// RecordPrior stores last year's result for an item as typed, read with
// the figure grammar of `record` against the item's target; it replaces
// one typed before. The source is required.
func (s *Store) RecordPrior(itemID, text, source, by string) (domain.PriorResult, error) {
	if strings.TrimSpace(source) == "" {
		return domain.PriorResult{}, fmt.Errorf("来源不能为空：请写明上年完成情况出自哪里（如 --source 2023年计划执行情况报告）")
	}
	if err := domain.CheckText("来源", source, domain.MaxSource); err != nil {
		return domain.PriorResult{}, err
	}
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return domain.PriorResult{}, err
	}
	if it.Kind == domain.KindMilestone {
		return domain.PriorResult{}, fmt.Errorf("%s 是重点事项，没有数值：上年完成只能为有数值目标的项目录入", it.ID)
	}
	v, err := domain.ParseActual(text, it.Target)
	if err != nil {
		return domain.PriorResult{}, fmt.Errorf("%s 上年完成：%w", it.ID, err)
	}
	r := domain.PriorResult{ItemID: it.ID, Text: strings.TrimSpace(text), Value: v,
		Period: domain.Period{Year: s.plan.Year - 1, Month: 12}, Source: strings.TrimSpace(source), By: by}
	after := priorJSON{Text: r.Text, Value: r.Value, Period: r.Period.String(), Source: r.Source}
	err = s.write(func(tx *wtx) error {
		before, present, err := readPrior(tx, it.ID)
		if err != nil {
			return err
		}
		if err := putPrior(tx, it.ID, after, by); err != nil {
			return err
		}
		var b any
		if present {
			b = before
		}
		return tx.log(entry{who: by, action: domain.RecordPrior, itemID: it.ID, before: b, after: after})
	})
	return r, err
}

// PriorRow is one item's last-year result to record: the item and the
// figure as `record-prior` takes it.
type PriorRow struct {
	ItemID string
	Text   string
}

// RecordPriors records several typed prior results from one source (an
// execution report) in one transaction, each read as RecordPrior reads
// it: one refused, none written.
func (s *Store) RecordPriors(rows []PriorRow, source, by string) error {
	if strings.TrimSpace(source) == "" {
		return fmt.Errorf("来源不能为空：请写明上年完成情况出自哪里")
	}
	if err := domain.CheckText("来源", source, domain.MaxSource); err != nil {
		return err
	}
	type put struct {
		id    string
		after priorJSON
	}
	var puts []put
	for _, r := range rows {
		it, err := s.itemFor(r.ItemID, by)
		if err != nil {
			return err
		}
		if it.Kind == domain.KindMilestone {
			return fmt.Errorf("%s 是重点事项，没有数值：上年完成只能为有数值目标的项目录入", it.ID)
		}
		v, err := domain.ParseActual(r.Text, it.Target)
		if err != nil {
			return fmt.Errorf("%s 上年完成：%w", it.ID, err)
		}
		puts = append(puts, put{it.ID, priorJSON{Text: strings.TrimSpace(r.Text), Value: v,
			Period: domain.Period{Year: s.plan.Year - 1, Month: 12}.String(), Source: strings.TrimSpace(source)}})
	}
	return s.write(func(tx *wtx) error {
		for _, p := range puts {
			before, present, err := readPrior(tx, p.id)
			if err != nil {
				return err
			}
			if err := putPrior(tx, p.id, p.after, by); err != nil {
				return err
			}
			var b any
			if present {
				b = before
			}
			if err := tx.log(entry{who: by, action: domain.RecordPrior, itemID: p.id, before: b, after: p.after}); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeletePrior removes a typed prior result.
func (s *Store) DeletePrior(itemID, by string) error {
	it, err := s.itemFor(itemID, by)
	if err != nil {
		return err
	}
	return s.write(func(tx *wtx) error {
		before, present, err := readPrior(tx, it.ID)
		if err != nil {
			return err
		}
		if !present {
			return fmt.Errorf("%s 没有录入的上年完成", it.ID)
		}
		if _, err := tx.Exec(`DELETE FROM prior_results WHERE plan_id = ? AND item_id = ?`, tx.plan, it.ID); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.DeletePrior, itemID: it.ID, before: before})
	})
}

func readPrior(tx *wtx, itemID string) (priorJSON, bool, error) {
	var p priorJSON
	err := tx.QueryRow(`SELECT value_text, value, period, source FROM prior_results WHERE plan_id = ? AND item_id = ?`,
		tx.plan, itemID).Scan(&p.Text, &p.Value, &p.Period, &p.Source)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	return p, err == nil, err
}

func putPrior(tx *wtx, itemID string, p priorJSON, by string) error {
	_, err := tx.Exec(`INSERT INTO prior_results (plan_id, item_id, value_text, value, period, source, entered_by, entered_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(plan_id, item_id) DO UPDATE SET value_text = excluded.value_text,
		value = excluded.value, period = excluded.period, source = excluded.source, entered_by = excluded.entered_by,
		entered_at = excluded.entered_at`, tx.plan, itemID, p.Text, p.Value, p.Period, p.Source, by, tx.at)
	return err
}

// reversePrior undoes a typed prior result recorded or deleted.
func reversePrior(tx *wtx, c domain.Change, by string) error {
	cur, present, err := readPrior(tx, c.ItemID)
	if err != nil {
		return err
	}
	var readErr error
	if !present {
		readErr = sql.ErrNoRows
	}
	return reverseWhole(tx, c, cur, readErr, `DELETE FROM prior_results WHERE plan_id = ? AND item_id = ?`, []any{tx.plan, c.ItemID},
		func(b priorJSON) error { return putPrior(tx, c.ItemID, b, by) })
}

// PriorResults lists the prior results typed for the current plan.
func (s *Store) PriorResults() ([]domain.PriorResult, error) {
	rows, err := s.db.Query(`SELECT item_id, value_text, value, period, source, entered_by, entered_at FROM prior_results
		WHERE plan_id = ? ORDER BY item_id`, s.planID())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.PriorResult
	for rows.Next() {
		var r domain.PriorResult
		var period, at string
		if err := rows.Scan(&r.ItemID, &r.Text, &r.Value, &period, &r.Source, &r.By, &at); err != nil {
			return nil, err
		}
		if r.Period, err = parseStoredPeriod(period); err != nil {
			return nil, err
		}
		r.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Priors is what every view shows of last year, item by item: 上年目标 and
// 上年完成 (domain.PriorOf), with the previous plan's figures judged by
// the previous plan's own Review. Items with nothing of last year are
// left out.
func (s *Store) Priors(tol domain.Tolerance) (map[string]domain.Prior, error) {
	pairs, err := s.Pairs()
	if err != nil {
		return nil, err
	}
	typed, err := s.PriorResults()
	if err != nil {
		return nil, err
	}
	out := map[string]domain.Prior{}
	if len(pairs) == 0 && len(typed) == 0 {
		return out, nil
	}
	var last *domain.Review
	if prev, ok, err := s.PreviousPlan(); err != nil {
		return nil, err
	} else if ok {
		if last, err = s.lastYearReview(prev.ID, tol); err != nil {
			return nil, err
		}
	}
	byItem := map[string]*domain.Pair{}
	for i := range pairs {
		byItem[pairs[i].ItemID] = &pairs[i]
	}
	typedBy := map[string]*domain.PriorResult{}
	for i := range typed {
		typedBy[typed[i].ItemID] = &typed[i]
	}
	for _, it := range s.plan.Items {
		pr, ty := byItem[it.ID], typedBy[it.ID]
		if pr == nil && ty == nil {
			continue
		}
		out[it.ID] = domain.PriorOf(it, pr, last, ty)
	}
	return out, nil
}

// keptReview is a plan's Review as of its newest history row.
type keptReview struct {
	plan   string
	mark   int64 // the plan's newest history row when it was built
	tol    domain.Tolerance
	review *domain.Review
}

// lastYearReview is plan id's Review for 上年完成, built again only when
// that plan has a history row newer than the kept one's: every change to
// a plan's figures, statuses and targets is one, so a save in this year's
// plan — every save the window makes — reuses it, where it read and
// judged last year's figures again each time.
func (s *Store) lastYearReview(id string, tol domain.Tolerance) (*domain.Review, error) {
	var mark int64
	if err := s.db.QueryRow(`SELECT coalesce(max(id), 0) FROM history WHERE plan_id = ?`, id).Scan(&mark); err != nil {
		return nil, err
	}
	s.priorMu.Lock()
	k := s.lastYear
	s.priorMu.Unlock()
	if k.review != nil && k.plan == id && k.mark == mark && k.tol == tol {
		return k.review, nil
	}
	r, err := s.reviewOf(id, tol)
	if err != nil {
		return nil, err
	}
	s.priorMu.Lock()
	s.lastYear = keptReview{plan: id, mark: mark, tol: tol, review: r}
	s.lastYearBuilds++
	s.priorMu.Unlock()
	return r, nil
}

// reviewOf is last year's plan's Review for 上年完成: its manual statuses
// and entered targets, and of its figures only those its 1-12月 statuses
// rest on (fullYearActuals).
func (s *Store) reviewOf(id string, tol domain.Tolerance) (*domain.Review, error) {
	p, err := s.priorPlan(id)
	if err != nil {
		return nil, err
	}
	as, err := s.fullYearActuals(p)
	if err != nil {
		return nil, err
	}
	ms, err := s.manualStatuses(id)
	if err != nil {
		return nil, err
	}
	os, err := s.targetOverrides(id)
	if err != nil {
		return nil, err
	}
	return domain.NewReview(p, tol, as, ms, os), nil
}

// fullYearActuals reads the figures a plan's statuses at 1-12月 rest on:
// every 1-12月 figure (a relative target's reference is judged on the
// same period), every figure of a milestone (its newest outcome in the
// year) and of an item with a deadline inside the year (judged on the
// deadline's figure). Switching into a plan of 1,000 items then reads
// last year's 1,000 year-end figures, not its 12,000
// (BenchmarkSwitchPlan; TestFullYearActualsJudgeAlike holds the
// statuses equal to a review of every figure).
func (s *Store) fullYearActuals(p *domain.Plan) ([]domain.Actual, error) {
	args := []any{p.ID, domain.Period{Year: p.Year, Month: 12}.String()}
	for _, it := range p.Items {
		if it.Kind == domain.KindMilestone || !it.Deadline.IsZero() {
			args = append(args, it.ID)
		}
	}
	q := `SELECT item_id, period, value, outcome, source, source_date, entered_by FROM actuals WHERE plan_id = ? AND period = ?`
	if len(args) > 2 {
		// The IDs go in as one JSON array: a plan may have more of
		// them than SQLite takes parameters.
		q = `SELECT item_id, period, value, outcome, source, source_date, entered_by FROM actuals WHERE plan_id = ?1
			AND (period = ?2 OR item_id IN (SELECT value FROM json_each(?3)))`
		ids, err := json.Marshal(args[2:])
		if err != nil {
			return nil, err
		}
		args = []any{p.ID, args[1], string(ids)}
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Actual
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
