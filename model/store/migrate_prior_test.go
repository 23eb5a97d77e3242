package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// The migration to last year's pairs (schema 5) keeps every row: a
// workspace the previous release filled (scripts/make-migration-fixtures.sh
// … schema4: the demo data on the 2023 plan, a 2024 plan imported from its
// table with figures, a note and an undo) is migrated by Open, every row
// of every table it had is as it was, and the only rows added are the
// pairs of 2024 with 2023, by name, with their one history row.
func TestMigrationToPriorPairsKeepsEverything(t *testing.T) {
	dir := untarFixture(t, "testdata/schema4-demo.tar.gz")
	path := filepath.Join(dir, "demo.db")
	before := dumpAll(t, path)
	if len(before["plans"]) != 2 || len(before["actuals"]) < 50 || len(before["history"]) < 55 {
		t.Fatalf("thin fixture: %d plans, %d figures, %d history rows", len(before["plans"]), len(before["actuals"]), len(before["history"]))
	}
	for _, reopen := range []bool{false, true} { // the second open finds nothing to migrate
		s, err := Open(path, Options{Bundle: bundle, NoBackup: true})
		if err != nil {
			t.Fatalf("Open (migrate): %v", err)
		}
		after := dumpAll(t, path)
		for table, rows := range before {
			want := rows
			if table == "history" {
				want = after[table][:len(rows)] // appended to, never changed
				if n := len(after[table]) - len(rows); n != 1 {
					t.Errorf("reopen %v: %d history rows added, want 1 (the pairing)", reopen, n)
				}
			}
			if !reflect.DeepEqual(rows, want) || len(after[table]) < len(rows) {
				t.Errorf("reopen %v: %s differs: %s", reopen, table, firstDiff(rows, after[table]))
			}
		}
		if n := count(t, s, `PRAGMA user_version`); n != SchemaVersion() {
			t.Errorf("user_version %d", n)
		}
		plans, err := s.Plans()
		if err != nil || len(plans) != 2 {
			t.Fatalf("plans %+v %v", plans, err)
		}
		next := plans[1].ID
		must(t, s.SelectPlan(next))
		pairs, err := s.Pairs()
		if err != nil || len(pairs) != 113 {
			t.Errorf("%d pairs of %s, %v", len(pairs), next, err)
		}
		if problems, err := s.Consistency(); err != nil || len(problems) != 0 {
			t.Errorf("Consistency: %v %v", problems, err)
		}
		// The demo data's 1-9月 figures are no full-year result: 上年目标
		// shows, 上年完成 waits for 2023's 1-12月.
		pr, err := s.Priors(domain.DefaultTolerance())
		if err != nil || pr["A1-01"].Target() != "增长6%左右" || pr["A1-01"].HasResult() {
			t.Errorf("A1-01 prior %+v %v", pr["A1-01"], err)
		}
		must(t, s.Close())
	}
}

// dumpAll reads every row of every table of the database, in rowid
// order, through its own read-only connection.
func dumpAll(t *testing.T, path string) map[string][][]any {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string][][]any{}
	for _, tb := range tables {
		rs, err := db.Query(fmt.Sprintf(`SELECT * FROM %q ORDER BY rowid`, tb))
		if err != nil {
			t.Fatalf("%s: %v", tb, err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[tb] = append(out[tb], vals)
		}
		rs.Close()
	}
	return out
}
