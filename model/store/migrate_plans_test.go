package store

import (
	"archive/tar"
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// oldTables are the user tables of the schema before several plans, with
// the columns that schema gave them and the key that orders their rows.
var oldTables = []struct{ name, order string }{
	{"plans", "id"},
	{"items", "id"},
	{"actuals", "item_id, period"},
	{"notes", "id"},
	{"manual_statuses", "item_id, period"},
	{"target_overrides", "item_id"},
	{"period_locks", "period"},
	{"history", "id"}, // ids and their order must be kept
}

// listedStatus is one item's status as the previous release's `list
// --json` gave it.
type listedStatus struct {
	ID     string `json:"id"`
	Status struct {
		Code   domain.Code `json:"code"`
		Label  string      `json:"label"`
		Reason string      `json:"reason"`
		Manual bool        `json:"manual"`
		Early  bool        `json:"early"`
	} `json:"status"`
}

// Nothing is lost in the migration to several plans: a database the
// previous release filled (scripts/make-migration-fixtures.sh: demo data
// with notes, a manual status, entered targets, a lock and an undo; and
// a generated plan of 1,000 items) is migrated in place by Open, and
// every row of every user table is as it was, history ids and order
// included, every row now names the plan, and every item's status at
// several periods is the one the previous release gave.
func TestMigrationToSeveralPlansKeepsEverything(t *testing.T) {
	for _, tc := range []struct {
		fixture string
		opt     Options
		rows    map[string]int // rows the fixture must have, so a thin fixture fails
	}{
		{"demo", Options{Bundle: bundle, NoBackup: true},
			map[string]int{"actuals": 50, "notes": 4, "manual_statuses": 1, "target_overrides": 1, "period_locks": 1, "history": 55}},
		{"big", Options{NoBackup: true}, map[string]int{"items": 1000, "actuals": 12000, "notes": 300, "history": 12000}},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			dir := untarFixture(t, "testdata/schema3-"+tc.fixture+".tar.gz")
			path := filepath.Join(dir, tc.fixture+".db")
			before := dumpOld(t, path)
			for table, min := range tc.rows {
				if n := len(before[table]); n < min {
					t.Fatalf("fixture has %d %s rows, want at least %d", n, table, min)
				}
			}
			for _, reopen := range []bool{false, true} { // the second open finds nothing to migrate
				s, err := Open(path, tc.opt)
				if err != nil {
					t.Fatalf("Open (migrate): %v", err)
				}
				after := dumpOld(t, path)
				for _, tb := range oldTables {
					if !reflect.DeepEqual(before[tb.name], after[tb.name]) {
						t.Errorf("reopen %v: %s differs: %d rows before, %d after; first difference %s",
							reopen, tb.name, len(before[tb.name]), len(after[tb.name]), firstDiff(before[tb.name], after[tb.name]))
					}
				}
				checkMigrated(t, s, before)
				checkStatuses(t, s, dir, tc.fixture)
				must(t, s.Close())
			}
		})
	}
}

// checkMigrated checks the migrated schema through the store's API and
// raw SQL: one plan, every row names it, history still refuses edits,
// every foreign key resolves, and the API sees every row.
func checkMigrated(t *testing.T, s *Store, before map[string][][]any) {
	t.Helper()
	plan := s.Plan().ID
	if n := count(t, s, `PRAGMA user_version`); n != SchemaVersion() {
		t.Errorf("user_version %d, want %d", n, SchemaVersion())
	}
	for _, tb := range oldTables[1:] {
		if n := count(t, s, `SELECT count(*) FROM `+tb.name+` WHERE plan_id <> ?`, plan); n != 0 {
			t.Errorf("%s: %d rows do not name plan %s", tb.name, n, plan)
		}
	}
	if problems, err := s.Consistency(); err != nil || len(problems) != 0 {
		t.Errorf("Consistency after migration: %v %v", problems, err)
	}
	for _, q := range []string{`UPDATE history SET who = 'x'`, `DELETE FROM history`} {
		if _, err := s.db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s after migration: %v, want refused", q, err)
		}
	}
	var seq int64
	if err := s.db.QueryRow(`SELECT seq FROM sqlite_sequence WHERE name = 'history'`).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	if last := before["history"][len(before["history"])-1][0].(int64); seq < last {
		t.Errorf("history's sequence %d is behind its last id %d: an id would be used twice", seq, last)
	}
	plans, err := s.Plans()
	if err != nil || len(plans) != 1 || plans[0].ID != plan || plans[0].City == "" || plans[0].Figures != len(before["actuals"]) {
		t.Errorf("Plans() = %+v, %v", plans, err)
	}
	api := map[string]func() (int, error){
		"actuals":          func() (int, error) { as, err := s.Actuals(); return len(as), err },
		"notes":            func() (int, error) { ns, err := s.Notes(""); return len(ns), err },
		"manual_statuses":  func() (int, error) { ms, err := s.ManualStatuses(); return len(ms), err },
		"target_overrides": func() (int, error) { os, err := s.TargetOverrides(); return len(os), err },
		"period_locks":     func() (int, error) { ls, err := s.Locks(); return len(ls), err },
	}
	for table, n := range api {
		got, err := n()
		if err != nil || got != len(before[table]) {
			t.Errorf("%s through the API: %d, %v; want %d", table, got, err, len(before[table]))
		}
	}
	h, err := s.History("")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range h {
		ids = append(ids, c.ID)
	}
	var want []int64
	for _, r := range before["history"] {
		want = append(want, r[0].(int64))
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("History() ids %v…, want %v…", head(ids), head(want))
	}
}

// checkStatuses compares every item's status with the one the previous
// release listed at each period.
func checkStatuses(t *testing.T, s *Store, dir, fixture string) {
	t.Helper()
	r, err := s.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, fixture+"-*.json"))
	if len(files) < 4 {
		t.Fatalf("%d status listings in the fixture, want 4", len(files))
	}
	for _, f := range files {
		label := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), fixture+"-"), ".json")
		asOf, err := domain.ParsePeriod(label, s.Plan().Year)
		if err != nil {
			t.Fatal(err)
		}
		var listed []listedStatus
		if err := json.Unmarshal(readFile(t, f), &listed); err != nil {
			t.Fatal(err)
		}
		if len(listed) != len(s.Plan().Items) {
			t.Errorf("%s: %d items listed before, %d now", label, len(listed), len(s.Plan().Items))
		}
		for _, l := range listed {
			it, ok := s.Plan().Item(l.ID)
			if !ok {
				t.Errorf("%s: item %s gone", label, l.ID)
				continue
			}
			st := r.Status(it, asOf)
			if st.Code != l.Status.Code || st.Label != l.Status.Label || st.Reason != l.Status.Reason ||
				st.Manual != l.Status.Manual || st.Early != l.Status.Early {
				t.Errorf("%s %s: %s %q (manual %v) now, %s %q (manual %v) before", label, l.ID,
					st.Code, st.Reason, st.Manual, l.Status.Code, l.Status.Reason, l.Status.Manual)
			}
		}
	}
}

// dumpOld reads every row of every user table with the columns the
// previous schema had, through its own connection.
func dumpOld(t *testing.T, path string) map[string][][]any {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][][]any{}
	for _, tb := range oldTables {
		cols := oldColumns[tb.name]
		rows, err := db.Query(`SELECT ` + cols + ` FROM ` + tb.name + ` ORDER BY ` + tb.order)
		if err != nil {
			t.Fatalf("%s: %v", tb.name, err)
		}
		n := len(strings.Split(cols, ","))
		for rows.Next() {
			vals := make([]any, n)
			ptrs := make([]any, n)
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[tb.name] = append(out[tb.name], vals)
		}
		rows.Close()
	}
	return out
}

// oldColumns are the columns of schema 3, the release before several
// plans.
var oldColumns = map[string]string{
	"plans":            "id, title, year, dataset_revision, dataset_version, dataset, notice",
	"items":            "id, plan_id, seq, kind, section, name, target_text, source_quote, retired",
	"actuals":          "item_id, period, value, outcome, source, source_date, entered_by, entered_at",
	"notes":            "id, item_id, period, body, author, created_at, updated_at",
	"manual_statuses":  "item_id, period, code, reason, set_by, set_at",
	"target_overrides": "item_id, text, reason, set_by, set_at",
	"period_locks":     "period, reason, locked_by, locked_at",
	"history":          "id, at, who, action, item_id, period, before, after, detail, undoes",
}

func firstDiff(a, b [][]any) string {
	for i := range a {
		if i >= len(b) {
			return fmt.Sprintf("row %d missing", i)
		}
		if !reflect.DeepEqual(a[i], b[i]) {
			return fmt.Sprintf("row %d: %v → %v", i, a[i], b[i])
		}
	}
	return "extra rows"
}

func head(ids []int64) []int64 {
	if len(ids) > 5 {
		return ids[:5]
	}
	return ids
}

// untarFixture unpacks a gzipped tar of testdata into a temporary folder.
func untarFixture(t *testing.T, name string) string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return dir
		} else if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, filepath.Base(h.Name)), b)
	}
}
