package store

import (
	"fmt"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// Consistency checks what quick_check cannot: every foreign key resolves,
// the items table agrees with the plan the database holds, every figure is
// valid for its item, and (for the bundled plan) every item's source quote
// still occurs in the notice.
func (s *Store) Consistency() ([]string, error) {
	var problems []string
	rows, err := s.db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("表 %s 第 %v 行指向不存在的 %s", table, rowid, parent))
	}
	rows.Close()
	if err := s.plan.Validate(); err != nil {
		problems = append(problems, err.Error())
	}
	live := map[string]bool{}
	rs, err := s.db.Query(`SELECT id FROM items WHERE plan_id = ? AND retired = 0`, s.planID())
	if err != nil {
		return nil, err
	}
	for rs.Next() {
		var id string
		rs.Scan(&id)
		live[id] = true
	}
	rs.Close()
	for _, it := range s.plan.Items {
		if !live[it.ID] {
			problems = append(problems, fmt.Sprintf("项目 %s 不在项目表中", it.ID))
		}
		delete(live, it.ID)
	}
	for id := range live {
		problems = append(problems, fmt.Sprintf("项目表中的 %s 不在计划数据中", id))
	}
	as, err := s.Actuals()
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		it, ok := s.plan.Item(a.ItemID)
		if !ok {
			continue // a retired item's figure is kept on purpose
		}
		if err := domain.CheckActual(it, a, s.plan.Year); err != nil {
			problems = append(problems, fmt.Sprintf("%s %s 的实际值无效：%v", a.ItemID, a.Period, err))
		}
	}
	if s.notice != "" {
		flat := strings.Join(strings.Fields(s.notice), "")
		for _, it := range s.plan.Items {
			if !strings.Contains(s.notice, it.SourceQuote) && !strings.Contains(flat, it.SourceQuote) {
				problems = append(problems, fmt.Sprintf("项目 %s 的原文在通知中找不到", it.ID))
			}
		}
	}
	return problems, nil
}
