package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// PlanDataset is the plan file a plan was created from, as stored: the
// JSON that seeds/ uses, so a plan exported and created again is the
// same plan.
func (s *Store) PlanDataset(id string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRow(`SELECT dataset FROM plans WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("没有编号为“%s”的计划", id)
	}
	return data, err
}
