package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// ownersPlan is the bundled plan made Hangzhou's 2023 plan with the notes
// an imported table leaves (责任单位：A、B) on a few items: A1-01 names
// 市发展改革委 and 市统计局, A1-02 市发改委 (the same unit in short) alone,
// A1-03 市商务局 、 市发展改革委 (a space and the lead second).
func ownersPlan(t *testing.T) NewPlan {
	t.Helper()
	np := planFile("杭州", 2023)
	var d map[string]any
	if err := json.Unmarshal(np.Dataset, &d); err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{
		"A1-01": "属性：预期性；责任单位：市发展改革委、市统计局",
		"A1-02": "责任单位：市发改委",
		"A1-03": "责任单位：市商务局 、 市发展改革委",
	}
	for _, raw := range d["items"].([]any) {
		it := raw.(map[string]any)
		if n, ok := notes[it["id"].(string)]; ok {
			it["note"] = n
		}
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	np.Dataset = b
	return np
}

// unitsPlan is a workspace whose current plan came from ownersPlan.
func unitsPlan(t *testing.T) (*Store, string) {
	t.Helper()
	s, path := openTemp(t)
	pi, err := s.CreatePlan(ownersPlan(t), "张三")
	if err != nil {
		t.Fatalf("CreatePlan: %v", err)
	}
	must(t, s.SelectPlan(pi.ID))
	return s, path
}

func unitNames(t *testing.T, s *Store, a domain.ItemUnits) (lead string, with []string) {
	t.Helper()
	units, err := s.Units()
	if err != nil {
		t.Fatal(err)
	}
	name := map[int64]string{}
	for _, u := range units {
		name[u.ID] = u.Full
	}
	for _, w := range a.With {
		with = append(with, name[w])
	}
	return name[a.Lead], with
}

func TestPlanFromTableGetsItsUnits(t *testing.T) {
	s, _ := unitsPlan(t)
	units, err := s.Units()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range units {
		got = append(got, u.Full+"/"+u.Short)
	}
	if want := []string{"市发展改革委/发改委", "市统计局/统计局", "市商务局/商务局"}; !reflect.DeepEqual(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
	all, err := s.ItemUnits()
	must(t, err)
	for _, tc := range []struct {
		item string
		lead string
		with []string
	}{
		{"A1-01", "市发展改革委", []string{"市统计局"}},
		{"A1-02", "市发展改革委", nil},
		{"A1-03", "市商务局", []string{"市发展改革委"}},
		{"A1-04", "", nil},
	} {
		lead, with := unitNames(t, s, all[tc.item])
		if lead != tc.lead || !reflect.DeepEqual(with, tc.with) {
			t.Errorf("%s: lead %q with %v, want %q %v", tc.item, lead, with, tc.lead, tc.with)
		}
	}
	// One history row on the new plan says what was assigned.
	if n := count(t, s, `SELECT count(*) FROM history WHERE plan_id = ? AND action = ?`, s.planID(), string(domain.AutoAssignUnits)); n != 1 {
		t.Errorf("%d auto-assign rows", n)
	}
	// The bundled plan names no units: it has none.
	must(t, s.SelectPlan("jiaxing-2023"))
	if units, err := s.Units(); err != nil || len(units) != 0 {
		t.Errorf("bundled plan units %v %v", units, err)
	}
}

func TestAssignUnitsInBulkAndUndo(t *testing.T) {
	s, _ := unitsPlan(t)
	before := snapshot(t, s)
	// An unknown unit is refused and changes nothing.
	_, err := s.AssignUnits(Assignment{Items: []string{"B1-01", "B1-02"}, Lead: "市经信局"}, "李四")
	if err == nil || !errors.Is(err, domain.ErrNoUnit) || !strings.Contains(err.Error(), "--new-unit") {
		t.Fatalf("unknown unit: %v", err)
	}
	if snapshot(t, s) != before {
		t.Fatal("a refused assignment changed the database")
	}
	// With NewUnits it is added in the same transaction; 发改委 is matched
	// by short name.
	res, err := s.AssignUnits(Assignment{Items: []string{"B1-01", "B1-02", "A1-02"}, Lead: "市经信局",
		With: []string{"发改委"}, NewUnits: true}, "李四")
	must(t, err)
	if len(res.Added) != 1 || res.Added[0].Full != "市经信局" || len(res.Changed) != 3 {
		t.Fatalf("result %+v", res)
	}
	all, _ := s.ItemUnits()
	if lead, with := unitNames(t, s, all["B1-02"]); lead != "市经信局" || !reflect.DeepEqual(with, []string{"市发展改革委"}) {
		t.Errorf("B1-02: %s %v", lead, with)
	}
	// Same again: nothing to change, refused.
	if _, err := s.AssignUnits(Assignment{Items: []string{"B1-01"}, Lead: "经信局", With: []string{"市发展改革委"}}, "李四"); err == nil {
		t.Error("an assignment that changes nothing was accepted")
	}
	// Co-operating without a lead, and a unit twice, are refused.
	for _, as := range []Assignment{
		{Items: []string{"B1-01"}, With: []string{"市商务局"}},
		{Items: []string{"B1-01"}, Lead: "市商务局", With: []string{"商务局"}},
	} {
		if _, err := s.AssignUnits(as, "李四"); err == nil {
			t.Errorf("%+v accepted", as)
		}
	}
	// One undo reverses the whole bulk assignment; the next the unit's
	// addition.
	c, err := s.UndoLast("李四")
	must(t, err)
	if c.Action != domain.AssignUnits {
		t.Fatalf("undid %s", c.Action)
	}
	all, _ = s.ItemUnits()
	if lead, _ := unitNames(t, s, all["A1-02"]); lead != "市发展改革委" || !all["B1-01"].Empty() {
		t.Errorf("after undo: A1-02 %s, B1-01 %+v", lead, all["B1-01"])
	}
	c, err = s.UndoLast("李四")
	must(t, err)
	if c.Action != domain.AddUnit {
		t.Fatalf("undid %s", c.Action)
	}
	if units, _ := s.Units(); len(units) != 3 {
		t.Errorf("units after undo %v", units)
	}
}

func TestUnitListEdits(t *testing.T) {
	s, _ := unitsPlan(t)
	u, err := s.AddUnit("市经济和信息化局", "", "李四")
	must(t, err)
	if u.Short != "经信局" {
		t.Errorf("short %q", u.Short)
	}
	for _, tc := range []struct{ full, want string }{
		{"市发改委", "已有责任单位“市发展改革委（发改委）”"},
		{"  ", "单位全称不能为空"},
		{strings.Repeat("局", 41), "单位全称过长"},
	} {
		if _, err := s.AddUnit(tc.full, "", "李四"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("add %q: %v", tc.full, err)
		}
	}
	// Removing a unit with items names how many.
	_, err = s.RemoveUnit("发改委", "李四")
	if err == nil || !strings.Contains(err.Error(), "2项的牵头单位、1项的协办单位") {
		t.Errorf("remove: %v", err)
	}
	r, err := s.RenameUnit("经信局", "市经济和信息化局（市数字经济局）", "经信局", "李四")
	must(t, err)
	if r.ID != u.ID {
		t.Errorf("rename changed id")
	}
	if _, err := s.RenameUnit("商务局", "市统计局", "", "李四"); err == nil {
		t.Error("rename onto another unit's name accepted")
	}
	_, err = s.RemoveUnit("经信局", "李四")
	must(t, err)
	// Undo brings each step back in turn.
	for _, want := range []domain.Action{domain.RemoveUnit, domain.RenameUnit, domain.AddUnit} {
		c, err := s.UndoLast("李四")
		if err != nil || c.Action != want {
			t.Fatalf("undo: %v %v, want %s", c.Action, err, want)
		}
		if want == domain.RemoveUnit {
			if got, err := s.FindUnit("市经济和信息化局（市数字经济局）"); err != nil || got.ID != u.ID {
				t.Errorf("after undoing remove: %+v %v", got, err)
			}
		}
	}
	if _, err := s.FindUnit("经信局"); !errors.Is(err, domain.ErrNoUnit) {
		t.Errorf("after undoing add: %v", err)
	}
}

// An undo refuses when an item was assigned again since.
func TestUndoAssignRefusesAfterALaterChange(t *testing.T) {
	s, _ := unitsPlan(t)
	_, err := s.AssignUnits(Assignment{Items: []string{"B1-01", "B1-02"}, Lead: "市商务局"}, "李四")
	must(t, err)
	_, err = s.AssignUnits(Assignment{Items: []string{"B1-02"}, Lead: "市统计局"}, "王五")
	must(t, err)
	if _, err := s.UndoLast("李四"); err == nil || !errors.Is(err, errChangedSince) {
		t.Errorf("undo over a later change: %v", err)
	}
}

// TestItemHistoryShowsBulkAssignment: an assignment over several items is
// one history row with no item of its own; each item's history still
// shows it, and its undo, and no other item's does.
func TestItemHistoryShowsBulkAssignment(t *testing.T) {
	s, _ := unitsPlan(t)
	_, err := s.AssignUnits(Assignment{Items: []string{"B1-01", "B1-02"}, Lead: "市商务局"}, "李四")
	must(t, err)
	_, err = s.UndoLast("李四")
	must(t, err)
	actions := func(id string) []domain.Action {
		hs, err := s.History(id)
		must(t, err)
		var out []domain.Action
		for _, h := range hs {
			if h.Action == domain.AssignUnits || h.Action == domain.Undo {
				out = append(out, h.Action)
			}
		}
		return out
	}
	for _, c := range []struct {
		item string
		want []domain.Action
	}{
		{"B1-01", []domain.Action{domain.AssignUnits, domain.Undo}},
		{"B1-02", []domain.Action{domain.AssignUnits, domain.Undo}},
		{"A1-02", nil},
	} {
		if got := actions(c.item); !reflect.DeepEqual(got, c.want) {
			t.Errorf("history of %s: %v, want %v", c.item, got, c.want)
		}
	}
	all, err := s.ItemUnits()
	must(t, err)
	if lead, _ := unitNames(t, s, all["B1-01"]); lead == "市商务局" {
		t.Error("the undo did not take the assignment back")
	}
}

// A database of schema 5 (before units) holding a plan made from a table
// is upgraded: the notes' 责任单位 become assignments, as for a new plan,
// and nothing else changes.
func TestMigrationReadsUnitsFromNotes(t *testing.T) {
	s, path := unitsPlan(t)
	id := s.planID()
	want, err := s.ItemUnits()
	must(t, err)
	wantUnits, _ := s.Units()
	without := func(snap string) string {
		var kept []string
		for _, line := range strings.SplitAfter(snap, "\n") {
			if !strings.Contains(line, string(domain.AutoAssignUnits)) {
				kept = append(kept, line)
			}
		}
		return strings.Join(kept, "")
	}
	before := without(snapshot(t, s))
	must(t, s.Close())
	// Take the closed file back to schema 5 (history is append-only: the
	// row of the plan's creation stays, and the migration adds its own).
	raw, err := sql.Open("sqlite", path)
	must(t, err)
	for _, q := range []string{`DROP TABLE history_chain`, `DROP TABLE round_returns`, `DROP TABLE round_items`, `DROP TABLE round_units`, `DROP TABLE rounds`, `DROP TABLE item_units`, `DROP TABLE units`, `PRAGMA user_version = 5`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	must(t, raw.Close())
	s2, err := Open(path, Options{Bundle: bundle, NoBackup: true, Plan: id})
	if err != nil {
		t.Fatalf("Open (migrate): %v", err)
	}
	defer s2.Close()
	got, err := s2.ItemUnits()
	must(t, err)
	gotUnits, _ := s2.Units()
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotUnits, wantUnits) {
		t.Errorf("migrated %v %v, want %v %v", got, gotUnits, want, wantUnits)
	}
	if without(snapshot(t, s2)) != before {
		t.Errorf("migration changed other rows")
	}
	if n := count(t, s2, `SELECT count(*) FROM history WHERE action = 'auto_assign_units'`); n != 2 {
		t.Errorf("%d auto-assign rows after migration", n)
	}
	if problems, err := s2.Consistency(); err != nil || len(problems) != 0 {
		t.Errorf("Consistency: %v %v", problems, err)
	}
}

func TestRemovingAPlanRemovesItsUnits(t *testing.T) {
	s, _ := unitsPlan(t)
	id := s.planID()
	must(t, s.SelectPlan("jiaxing-2023"))
	if _, err := s.RemovePlan(id, "张三"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM units`) + count(t, s, `SELECT count(*) FROM item_units`); n != 0 {
		t.Errorf("%d unit rows left", n)
	}
}

// Undoing a rename or a removal checks the names it brings back as adding
// them would: a unit added since under the old name's short form
// (市经信局 for 市经济和信息化局) is the same unit, so the undo refuses
// rather than leave two units answering to one name.
func TestUndoUnitNamesCheckedAsAnAdd(t *testing.T) {
	s, _ := unitsPlan(t)
	_, err := s.AddUnit("市经济和信息化局", "经信局", "李四")
	must(t, err)
	_, err = s.RenameUnit("经信局", "市数据局", "数据局", "李四")
	must(t, err)
	_, err = s.AddUnit("市经信局", "", "王五")
	must(t, err)
	before := snapshot(t, s)
	if _, err := s.UndoLast("李四"); err == nil || !strings.Contains(err.Error(), "市经信局") {
		t.Errorf("undoing the rename back onto 市经信局's name: %v", err)
	}
	if after := snapshot(t, s); after != before {
		t.Error("a refused undo changed the database")
	}
}
