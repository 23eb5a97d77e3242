package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

// clock is an injectable clock that ticks one minute per call.
func clock() func() time.Time {
	t := time.Date(2023, 10, 20, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	return func() time.Time { t = t.Add(time.Minute); return t }
}

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "计划 审阅", "plan.db") // a Chinese folder with a space
	s, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func p(m int) domain.Period { return domain.Period{Year: 2023, Month: m} }

func count(t *testing.T, s *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func second[T any](_ T, err error) error { return err }

// snapshot renders every user table, to compare before and after.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT item_id||period||ifnull(value,'')||ifnull(outcome,'')||source||entered_by FROM actuals ORDER BY 1`,
		`SELECT id||item_id||period||body FROM notes ORDER BY 1`,
		`SELECT item_id||period||code||reason FROM manual_statuses ORDER BY 1`,
		`SELECT item_id||text FROM target_overrides ORDER BY 1`,
		`SELECT plan_id||item_id||ifnull(prior_plan_id,'')||ifnull(prior_item_id,'')||how FROM prior_pairs ORDER BY 1`,
		`SELECT plan_id||item_id||value_text||value||source FROM prior_results ORDER BY 1`,
		`SELECT plan_id||'/'||id||short_name||full_name||ord FROM units ORDER BY 1`,
		`SELECT plan_id||item_id||unit_id||role||ord FROM item_units ORDER BY 1`,
		`SELECT id||action||item_id||ifnull(before,'')||ifnull(after,'') FROM history ORDER BY id`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			rows.Scan(&line)
			b.WriteString(line + "\n")
		}
		rows.Close()
	}
	return b.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	// Checkpoint first so the copy holds everything.
	db, err := sql.Open("sqlite", from)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	must(t, db.Close())
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// refused is a change the store must refuse, and what its message says.
type refused struct {
	name string
	err  error
	want string
}

// checkRefused checks that each change was refused with its message and
// that none of them changed the database since before (a snapshot).
func checkRefused(t *testing.T, s *Store, before string, cases []refused) {
	t.Helper()
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to say %q", c.name, c.err, c.want)
		}
	}
	if after := snapshot(t, s); after != before {
		t.Errorf("bad input changed the database:\n%s\n→\n%s", before, after)
	}
}

// The set-up helpers below stop the test at a step that fails, so no test
// goes on to check a state its set-up did not make.

// backups lists the automatic backups of the database at path.
func backups(t testing.TB, path string) []string {
	t.Helper()
	bs, err := Backups(path)
	must(t, err)
	return bs
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	must(t, os.WriteFile(path, data, 0o644))
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return b
}

func mkdirAll(t testing.TB, dir string) {
	t.Helper()
	must(t, os.MkdirAll(dir, 0o755))
}

// mustOpen opens a store the test goes on to use.
func mustOpen(t testing.TB, path string, opt Options) *Store {
	t.Helper()
	s, err := Open(path, opt)
	must(t, err)
	return s
}

// execSQL runs statements on the file at path through a plain SQLite
// connection, as another tool would, bypassing the store.
func execSQL(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	must(t, err)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			db.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(t, db.Close())
}
