package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// addedInRevision2 are the milestones revision 2 of the bundled dataset
// adds: actions the notice names that revision 1 lacked.
var addedInRevision2 = map[string]string{
	"M4-02": "开展服务企业专项行动", "M4-03": "开展亩均效益领跑者行动", "M6-05": "实施重点群体激励计划",
	"M6-06": "实施各类待遇标准动态调整", "M6-07": "实施困难群众“共富十助”行动",
}

// revision1 is the bundled dataset as the previous release shipped it:
// revision 1, without the five milestones.
func revision1(t *testing.T) []byte {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal(seeds.PlanJSON, &d); err != nil {
		t.Fatal(err)
	}
	d["plan"].(map[string]any)["revision"] = 1
	var items []any
	for _, it := range d["items"].([]any) {
		if _, added := addedInRevision2[it.(map[string]any)["id"].(string)]; !added {
			items = append(items, it)
		}
	}
	d["items"] = items
	raw, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// userRows dumps every table a reviewer writes, row by row, in a fixed
// order: what a dataset update must leave as it was.
func userRows(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for table, order := range map[string]string{"actuals": "item_id, period", "notes": "id", "manual_statuses": "item_id, period",
		"target_overrides": "item_id", "period_locks": "period", "history": "id"} {
		rows, err := s.db.Query(fmt.Sprintf(`SELECT * FROM %s ORDER BY %s`, table, order))
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}

// previousRelease makes a database at path as the previous release
// would, with a reviewer's rows in every table, and returns those rows.
func previousRelease(t *testing.T, path string) map[string][]string {
	t.Helper()
	old, err := Open(path, Options{Bundle: Bundle{Dataset: revision1(t)}, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(old.Plan().Items); n != 108 {
		t.Fatalf("the previous release's plan has %d items, want 108", n)
	}
	for _, a := range []domain.Actual{
		{ItemID: "A1-01", Period: p(6), Value: 6.2}, {ItemID: "A1-01", Period: p(9), Value: 5.8},
		{ItemID: "A1-05", Period: p(9), Value: 9.1}, {ItemID: "B1-01", Period: p(9), Value: 270},
		{ItemID: "B4-01", Period: p(9), Value: 171}, {ItemID: "A2-01", Period: p(9), Value: 30.5},
		{ItemID: "M6-04", Period: p(9), Outcome: domain.OutcomeNotDone}, {ItemID: "M4-01", Period: p(9), Outcome: domain.OutcomeInProgress},
	} {
		if _, err := old.RecordActual(a, "演示"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.AddNote("B1-01", p(9), "部分项目因用地审批延后开工（演示备注）。", "演示"); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		old.SetTarget("A1-17", "下降3.5%", "省发展改革委下达（演示）", "演示"),
		old.SetManualStatus("M6-01", p(9), domain.InProgress, "经审议认定（演示）", "演示"),
		old.LockPeriod(p(6), "上半年简报已报送", "演示"),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	before := userRows(t, old)
	must(t, old.Close())
	return before
}

// A database made by the previous release, with the demo figures, notes,
// a manual status, an entered target, a lock and history, gains the five
// milestones at open and keeps every row the reviewer wrote.
func TestRevision2AddsMilestonesAndKeepsUserData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "旧 版本", "plan.db")
	before := previousRelease(t, path)

	s, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := len(s.Plan().Items); n != 113 {
		t.Errorf("after the update the plan has %d items, want 113", n)
	}
	for id, name := range addedInRevision2 {
		it, ok := s.Plan().Item(id)
		if !ok || it.Kind != domain.KindMilestone || it.Name != name || !strings.Contains(seeds.Notice, it.SourceQuote) {
			t.Errorf("%s: %+v", id, it)
		}
	}
	after := userRows(t, s)
	for table, rows := range before {
		got := after[table]
		if table == "history" {
			// One row more: the update itself, naming what it added.
			if len(got) != len(rows)+1 || !strings.Contains(got[len(got)-1], "dataset_update") {
				t.Errorf("history after the update: %d rows, want %d and the update", len(got), len(rows)+1)
			}
			for _, id := range []string{"M4-02", "M4-03", "M6-05", "M6-06", "M6-07"} {
				if !strings.Contains(got[len(got)-1], id) {
					t.Errorf("the update's history row does not name %s", id)
				}
			}
			got = got[:min(len(got), len(rows))]
		}
		if strings.Join(got, "\n") != strings.Join(rows, "\n") {
			t.Errorf("%s changed in the update:\nbefore %v\nafter  %v", table, rows, got)
		}
	}
	// The review reads the kept data on the new plan.
	r, err := s.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := s.Plan().Item("A1-17"); r.Status(it, p(9)).Code != domain.NoData {
		t.Errorf("A1-17 with its entered target and no figure: %+v", r.Status(it, p(9)))
	}
	if it, _ := s.Plan().Item("M6-01"); !r.Status(it, p(9)).Manual {
		t.Error("the manual status was lost")
	}
	if locks, _ := s.Locks(); len(locks) != 1 {
		t.Errorf("locks %+v", locks)
	}
	if it, _ := s.Plan().Item("M4-02"); r.Status(it, p(9)).Code != domain.NoData {
		t.Error("a new milestone should start without a record")
	}
}
