package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// 责任单位: a plan's unit list (units) and which units answer for which
// items (item_units). See migrations/0006_units.sql. Every change is one
// transaction with its history row and can be undone.

// unitJSON is a unit as history holds it.
type unitJSON struct {
	ID    int64  `json:"id"`
	Short string `json:"short"`
	Full  string `json:"full"`
	Order int    `json:"order"`
}

func toUnitJSON(u domain.Unit) unitJSON {
	return unitJSON{ID: u.ID, Short: u.Short, Full: u.Full, Order: u.Order}
}

// itemUnitsJSON is one item's units as history holds them.
type itemUnitsJSON struct {
	Lead int64   `json:"lead,omitempty"`
	With []int64 `json:"with,omitempty"`
}

func toItemUnitsJSON(a domain.ItemUnits) itemUnitsJSON {
	return itemUnitsJSON{Lead: a.Lead, With: slices.Clone(a.With)}
}

func (j itemUnitsJSON) units() domain.ItemUnits {
	return domain.ItemUnits{Lead: j.Lead, With: slices.Clone(j.With)}
}

func sameItemUnits(a, b domain.ItemUnits) bool {
	return a.Lead == b.Lead && slices.Equal(a.With, b.With)
}

func loadUnits(q queryer, plan string) ([]domain.Unit, error) {
	rows, err := q.Query(`SELECT id, short_name, full_name, ord FROM units WHERE plan_id = ? ORDER BY ord, id`, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Unit
	for rows.Next() {
		var u domain.Unit
		if err := rows.Scan(&u.ID, &u.Short, &u.Full, &u.Order); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func loadItemUnits(q queryer, plan string) (map[string]domain.ItemUnits, error) {
	rows, err := q.Query(`SELECT item_id, unit_id, role FROM item_units WHERE plan_id = ? ORDER BY item_id, role DESC, ord`, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]domain.ItemUnits{}
	for rows.Next() {
		var item, role string
		var unit int64
		if err := rows.Scan(&item, &unit, &role); err != nil {
			return nil, err
		}
		a := out[item]
		if domain.UnitRole(role) == domain.RoleLead {
			a.Lead = unit
		} else {
			a.With = append(a.With, unit)
		}
		out[item] = a
	}
	return out, rows.Err()
}

// Units is the current plan's unit list, in order.
func (s *Store) Units() ([]domain.Unit, error) { return loadUnits(s.db, s.planID()) }

// ItemUnits is every item's units in the current plan; an item with none
// is absent.
func (s *Store) ItemUnits() (map[string]domain.ItemUnits, error) {
	return loadItemUnits(s.db, s.planID())
}

// FindUnit is the unit of the current plan a name means (domain.MatchUnit).
func (s *Store) FindUnit(name string) (domain.Unit, error) {
	units, err := s.Units()
	if err != nil {
		return domain.Unit{}, err
	}
	return domain.MatchUnit(units, name)
}

func putItemUnits(tx *wtx, itemID string, a domain.ItemUnits) error {
	if _, err := tx.Exec(`DELETE FROM item_units WHERE plan_id = ? AND item_id = ?`, tx.plan, itemID); err != nil {
		return err
	}
	if a.Lead != 0 {
		if _, err := tx.Exec(`INSERT INTO item_units (plan_id, item_id, unit_id, role, ord) VALUES (?, ?, ?, 'lead', 0)`,
			tx.plan, itemID, a.Lead); err != nil {
			return err
		}
	}
	for i, w := range a.With {
		if _, err := tx.Exec(`INSERT INTO item_units (plan_id, item_id, unit_id, role, ord) VALUES (?, ?, ?, 'with', ?)`,
			tx.plan, itemID, w, i+1); err != nil {
			return err
		}
	}
	return nil
}

// insertUnit adds a unit at the end of the plan's list.
func insertUnit(tx *wtx, full, short string) (domain.Unit, error) {
	u := domain.Unit{Full: domain.NormaliseUnitName(full), Short: domain.NormaliseUnitName(short)}
	if u.Short == "" {
		u.Short = domain.ShortUnitName(u.Full)
	}
	if err := tx.QueryRow(`SELECT coalesce(max(id), 0) + 1, coalesce(max(ord), 0) + 1 FROM units WHERE plan_id = ?`, tx.plan).
		Scan(&u.ID, &u.Order); err != nil {
		return u, err
	}
	return u, putUnit(tx, u)
}

func putUnit(tx *wtx, u domain.Unit) error {
	_, err := tx.Exec(`INSERT INTO units (plan_id, id, short_name, full_name, ord) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(plan_id, id) DO UPDATE SET short_name = excluded.short_name, full_name = excluded.full_name, ord = excluded.ord`,
		tx.plan, u.ID, u.Short, u.Full, u.Order)
	return err
}

func unitByID(tx *wtx, id int64) (domain.Unit, bool, error) {
	u := domain.Unit{ID: id}
	err := tx.QueryRow(`SELECT short_name, full_name, ord FROM units WHERE plan_id = ? AND id = ?`, tx.plan, id).Scan(&u.Short, &u.Full, &u.Order)
	if errors.Is(err, sql.ErrNoRows) {
		return u, false, nil
	}
	return u, err == nil, err
}

func unitItemCount(tx queryer, plan string, id int64) (lead, with int, err error) {
	err = tx.QueryRow(`SELECT count(*) FILTER (WHERE role = 'lead'), count(*) FILTER (WHERE role = 'with')
		FROM item_units WHERE plan_id = ? AND unit_id = ?`, plan, id).Scan(&lead, &with)
	return lead, with, err
}

// checkUnitNames checks a new unit's names, refusing one the list already
// answers to (市发改委 beside 市发展改革委), except the unit being renamed.
func checkUnitNames(units []domain.Unit, full, short string, self int64) error {
	if err := domain.CheckText("单位全称", full, domain.MaxUnitName); err != nil {
		return err
	}
	if err := domain.CheckLength("单位简称", short, domain.MaxUnitName); err != nil {
		return err
	}
	var others []domain.Unit
	for _, u := range units {
		if u.ID != self {
			others = append(others, u)
		}
	}
	if u, err := domain.MatchUnit(others, full); err == nil {
		return fmt.Errorf("已有责任单位“%s”，与“%s”是同一单位：请改用它，或写出能区分两者的全称", u.Label(), full)
	} else if !errors.Is(err, domain.ErrNoUnit) {
		return err
	}
	return nil
}

// AddUnit adds a unit to the current plan's list; short may be "" (a short
// name is then proposed, 市发展改革委 → 发改委).
func (s *Store) AddUnit(full, short, by string) (domain.Unit, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Unit{}, err
	}
	var u domain.Unit
	err := s.write(func(tx *wtx) error {
		var err error
		u, err = addUnit(tx, full, short, by)
		return err
	})
	return u, err
}

func addUnit(tx *wtx, full, short, by string) (domain.Unit, error) {
	units, err := loadUnits(tx, tx.plan)
	if err != nil {
		return domain.Unit{}, err
	}
	if err := checkUnitNames(units, full, short, 0); err != nil {
		return domain.Unit{}, err
	}
	u, err := insertUnit(tx, full, short)
	if err != nil {
		return u, err
	}
	return u, tx.log(entry{who: by, action: domain.AddUnit, after: toUnitJSON(u), detail: "添加" + u.Label()})
}

// RenameUnit changes a unit's full and/or short name ("" keeps one).
func (s *Store) RenameUnit(name, full, short, by string) (domain.Unit, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Unit{}, err
	}
	var u domain.Unit
	err := s.write(func(tx *wtx) error {
		units, err := loadUnits(tx, tx.plan)
		if err != nil {
			return err
		}
		old, err := domain.MatchUnit(units, name)
		if err != nil {
			return err
		}
		u = old
		if f := domain.NormaliseUnitName(full); f != "" {
			u.Full = f
		}
		if sh := domain.NormaliseUnitName(short); sh != "" {
			u.Short = sh
		}
		if u == old {
			return fmt.Errorf("“%s”的名称没有变化，未做改动", old.Label())
		}
		if u.Full != old.Full {
			if err := checkUnitNames(units, u.Full, u.Short, u.ID); err != nil {
				return err
			}
		} else if err := domain.CheckLength("单位简称", u.Short, domain.MaxUnitName); err != nil {
			return err
		}
		if err := putUnit(tx, u); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.RenameUnit, before: toUnitJSON(old), after: toUnitJSON(u),
			detail: fmt.Sprintf("%s 改为 %s", old.Label(), u.Label())})
	})
	return u, err
}

// RemoveUnit removes a unit no item refers to; one with items is refused,
// naming how many.
func (s *Store) RemoveUnit(name, by string) (domain.Unit, error) {
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return domain.Unit{}, err
	}
	var u domain.Unit
	err := s.write(func(tx *wtx) error {
		units, err := loadUnits(tx, tx.plan)
		if err != nil {
			return err
		}
		if u, err = domain.MatchUnit(units, name); err != nil {
			return err
		}
		lead, with, err := unitItemCount(tx, tx.plan, u.ID)
		if err != nil {
			return err
		}
		if lead+with > 0 {
			return fmt.Errorf("“%s”还是%d项的牵头单位、%d项的协办单位，不能删除：请先用 planreview assign 把这些项目改指其他单位",
				u.Label(), lead, with)
		}
		var rounds int
		if err := tx.QueryRow(`SELECT count(*) FROM round_units WHERE plan_id = ? AND unit_id = ?`, tx.plan, u.ID).Scan(&rounds); err != nil {
			return err
		}
		if rounds > 0 {
			return fmt.Errorf("“%s”已收到过%d轮填报，不能删除（填报记录要保留它）；可用 unit rename 改名", u.Label(), rounds)
		}
		if _, err := tx.Exec(`DELETE FROM units WHERE plan_id = ? AND id = ?`, tx.plan, u.ID); err != nil {
			return err
		}
		return tx.log(entry{who: by, action: domain.RemoveUnit, before: toUnitJSON(u), detail: "删除" + u.Label()})
	})
	return u, err
}

// Assignment is what AssignUnits is asked to do: the items, the lead unit
// and the co-operating ones by name. An empty Lead with no With clears the
// items' units. NewUnits adds a name the list does not know as a new
// unit (with its own history row) instead of refusing it.
type Assignment struct {
	Items    []string
	Lead     string
	With     []string
	NewUnits bool
}

// Assigned is what AssignUnits did.
type Assigned struct {
	Lead    domain.Unit   // zero when cleared
	With    []domain.Unit //
	Changed []string      // items whose units changed
	Same    []string      // items that already had exactly these units
	Added   []domain.Unit // units NewUnits added
}

// AssignUnits gives items their units (replacing what they had), in one
// transaction with one history row for all of them, which one undo
// reverses.
func (s *Store) AssignUnits(as Assignment, by string) (Assigned, error) {
	var res Assigned
	if err := domain.CheckText("操作人", by, domain.MaxPerson); err != nil {
		return res, err
	}
	if len(as.Items) == 0 {
		return res, fmt.Errorf("请指定至少一个项目")
	}
	if strings.TrimSpace(as.Lead) == "" && len(as.With) > 0 {
		return res, fmt.Errorf("只有协办单位没有牵头单位：请先指定牵头单位（--lead）")
	}
	var items []domain.Item
	seen := map[string]bool{}
	for _, id := range as.Items {
		it, err := s.item(id)
		if err != nil {
			return res, err
		}
		if !seen[it.ID] {
			seen[it.ID] = true
			items = append(items, it)
		}
	}
	err := s.write(func(tx *wtx) error {
		res = Assigned{}
		units, err := loadUnits(tx, tx.plan)
		if err != nil {
			return err
		}
		resolve := func(name string) (domain.Unit, error) {
			u, err := domain.MatchUnit(units, name)
			if err == nil || !errors.Is(err, domain.ErrNoUnit) {
				return u, err
			}
			if !as.NewUnits {
				return u, fmt.Errorf("%w；要同时添加这个单位，请加 --new-unit，或先用 planreview unit add 添加", err)
			}
			u, err = addUnit(tx, name, "", by)
			if err != nil {
				return u, err
			}
			units = append(units, u)
			res.Added = append(res.Added, u)
			return u, nil
		}
		var want domain.ItemUnits
		if strings.TrimSpace(as.Lead) != "" {
			if res.Lead, err = resolve(as.Lead); err != nil {
				return err
			}
			want.Lead = res.Lead.ID
		}
		for _, w := range as.With {
			u, err := resolve(w)
			if err != nil {
				return err
			}
			if want.Has(u.ID) {
				return fmt.Errorf("“%s”重复：同一单位只能是牵头单位或协办单位之一，且只写一次", w)
			}
			want.With = append(want.With, u.ID)
			res.With = append(res.With, u)
		}
		before, after := map[string]itemUnitsJSON{}, map[string]itemUnitsJSON{}
		// Read once for all the items (deduplicated above): a query per
		// item made assigning a whole section hundreds of queries.
		current, err := loadItemUnits(tx, tx.plan)
		if err != nil {
			return err
		}
		for _, it := range items {
			cur := current[it.ID]
			if sameItemUnits(cur, want) {
				res.Same = append(res.Same, it.ID)
				continue
			}
			if err := putItemUnits(tx, it.ID, want); err != nil {
				return err
			}
			before[it.ID], after[it.ID] = toItemUnitsJSON(cur), toItemUnitsJSON(want)
			res.Changed = append(res.Changed, it.ID)
		}
		if len(res.Changed) == 0 {
			return fmt.Errorf("所选%d项的责任单位已是这样，未做改动", len(items))
		}
		e := entry{who: by, action: domain.AssignUnits, before: before, after: after, detail: assignDetail(res)}
		if len(res.Changed) == 1 {
			e.itemID = res.Changed[0]
		}
		return tx.log(e)
	})
	if err != nil {
		return Assigned{}, err
	}
	return res, nil
}

func assignDetail(res Assigned) string {
	if res.Lead.ID == 0 {
		return fmt.Sprintf("清除%d项的责任单位：%s", len(res.Changed), strings.Join(res.Changed, "、"))
	}
	s := "牵头：" + res.Lead.Full
	if len(res.With) > 0 {
		var names []string
		for _, u := range res.With {
			names = append(names, u.Full)
		}
		s += "；协办：" + strings.Join(names, "、")
	}
	if len(res.Changed) > 1 {
		const shown = 20
		ids := res.Changed
		more := ""
		if len(ids) > shown {
			ids, more = ids[:shown], fmt.Sprintf("等%d项", len(res.Changed))
		}
		s += fmt.Sprintf("（%s%s）", strings.Join(ids, "、"), more)
	}
	return s
}

// reverseAssign undoes an assignment, item by item, after checking every
// item still has the units it left.
func reverseAssign(tx *wtx, c domain.Change, _ string) error {
	var before, after map[string]itemUnitsJSON
	if err := json.Unmarshal([]byte(c.Before), &before); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(c.After), &after); err != nil {
		return err
	}
	current, err := loadItemUnits(tx, tx.plan)
	if err != nil {
		return err
	}
	for id, a := range after {
		if !sameItemUnits(current[id], a.units()) {
			return fmt.Errorf("%s：%w", id, errChangedSince)
		}
	}
	for id, b := range before {
		if err := putItemUnits(tx, id, b.units()); err != nil {
			return err
		}
	}
	return nil
}

// reverseUnitAdd removes a unit that was added, if unchanged and unused.
func reverseUnitAdd(tx *wtx, c domain.Change, _ string) error {
	var a unitJSON
	if err := json.Unmarshal([]byte(c.After), &a); err != nil {
		return err
	}
	cur, ok, err := unitByID(tx, a.ID)
	if err != nil {
		return err
	}
	if !ok || toUnitJSON(cur) != a {
		return errChangedSince
	}
	lead, with, err := unitItemCount(tx, tx.plan, a.ID)
	if err != nil {
		return err
	}
	if lead+with > 0 {
		return fmt.Errorf("“%s”已指定给%d个项目，不能撤销添加：请先改指这些项目", cur.Label(), lead+with)
	}
	_, err = tx.Exec(`DELETE FROM units WHERE plan_id = ? AND id = ?`, tx.plan, a.ID)
	return err
}

// reverseUnitRename puts a unit's names back.
func reverseUnitRename(tx *wtx, c domain.Change, _ string) error {
	var b, a unitJSON
	if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(c.After), &a); err != nil {
		return err
	}
	cur, ok, err := unitByID(tx, a.ID)
	if err != nil {
		return err
	}
	if !ok || toUnitJSON(cur) != a {
		return errChangedSince
	}
	return restoreUnit(tx, b, "改回")
}

// reverseUnitRemove puts a removed unit back under its own id.
func reverseUnitRemove(tx *wtx, c domain.Change, _ string) error {
	var b unitJSON
	if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM units WHERE plan_id = ? AND (id = ? OR full_name = ?)`, tx.plan, b.ID, b.Full).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errChangedSince
	}
	return restoreUnit(tx, b, "恢复")
}

// restoreUnit puts a unit's names back for an undo, only if adding them
// would be accepted: a unit added since may answer to them by its short
// form. verb words the refusal (改回, 恢复).
func restoreUnit(tx *wtx, b unitJSON, verb string) error {
	units, err := loadUnits(tx, tx.plan)
	if err != nil {
		return err
	}
	if err := checkUnitNames(units, b.Full, b.Short, b.ID); err != nil {
		return fmt.Errorf("不能%s“%s”：%w", verb, b.Full, err)
	}
	return putUnit(tx, domain.Unit{ID: b.ID, Short: b.Short, Full: b.Full, Order: b.Order})
}

// seedUnits gives a new plan's items the units its table or draft named
// (kept in the items' notes as 责任单位：A、B): the first named leads, the
// rest co-operate. A name the list already answers to (市发改委 after
// 市发展改革委) is that unit; any other becomes a new unit. One history row
// for the plan, when it names any unit.
func seedUnits(tx *wtx, p *domain.Plan, by string) error {
	own := tx.plan
	tx.plan = p.ID
	defer func() { tx.plan = own }()
	units, err := loadUnits(tx, tx.plan)
	if err != nil {
		return err
	}
	before := len(units)
	items := 0
	for _, it := range p.Items {
		owners := domain.OwnersFromNote(it.Note)
		if len(owners) == 0 {
			continue
		}
		var a domain.ItemUnits
		for _, name := range owners {
			u, err := domain.MatchUnit(units, name)
			if err != nil {
				// Unknown, or two candidates: the name as written is
				// its own unit, never a guess.
				if u, err = insertUnit(tx, name, ""); err != nil {
					return err
				}
				units = append(units, u)
			}
			switch {
			case a.Has(u.ID):
			case a.Lead == 0:
				a.Lead = u.ID
			default:
				a.With = append(a.With, u.ID)
			}
		}
		if err := putItemUnits(tx, it.ID, a); err != nil {
			return err
		}
		items++
	}
	if items == 0 {
		return nil
	}
	return tx.log(entry{who: by, action: domain.AutoAssignUnits,
		after:  map[string]any{"units": len(units) - before, "items": items},
		detail: fmt.Sprintf("按计划表所列责任单位为%d项指定责任单位（第一个为牵头单位，其余为协办单位），共%d个单位", items, len(units)-before)})
}

// seedExistingUnits runs seedUnits on every plan as the database is
// upgraded to unitsSchema.
func seedExistingUnits(tx *wtx) error {
	rows, err := tx.Query(`SELECT id FROM plans ORDER BY rowid`)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		p, err := datasetOf(tx, id)
		if err != nil {
			return err
		}
		if err := seedUnits(tx, p, systemWho); err != nil {
			return err
		}
	}
	return nil
}
