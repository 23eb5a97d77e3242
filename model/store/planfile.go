package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// PlanFile is the plan file the current plan was made from, byte for
// byte as stored: what `plan export` writes, and what another workspace
// can be given as the same plan.
func (s *Store) PlanFile() ([]byte, error) {
	var data []byte
	if err := s.db.QueryRow(`SELECT dataset FROM plans WHERE id = ?`, s.planID()).Scan(&data); err != nil {
		return nil, fmt.Errorf("读取计划“%s”的数据文件：%w", s.planID(), err)
	}
	return data, nil
}

// LatestPlan is the plan with the newest history row, among the plans the
// workspace still has ("" when none has history): the plan last worked
// on, which the command line takes when no plan is named. History's own
// order decides, so two changes in one second are still told apart.
func (s *Store) LatestPlan() (string, error) {
	var id string
	err := s.db.QueryRow(`SELECT h.plan_id FROM history h JOIN plans p ON p.id = h.plan_id
		ORDER BY h.id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}
