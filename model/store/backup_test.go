package store

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoBackupStillBacksUpBeforeAnUpdate: a read-only command skips the
// start backup, but not when the open will migrate or update the plan.
func TestNoBackupStillBacksUpBeforeAnUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.db")
	s, err := Open(path, Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	s = mustOpen(t, path, Options{Bundle: bundle, NoBackup: true})
	must(t, s.Close())
	if bs := backups(t, path); len(bs) != 0 {
		t.Fatalf("NoBackup took a backup with nothing to update: %v", bs)
	}
	execSQL(t, path, `UPDATE plans SET dataset_revision = 0`)
	s, err = Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	if bs := backups(t, path); len(bs) != 1 {
		t.Fatalf("a dataset update ran without a backup first: %v", bs)
	}
}

// TestBackupBeforeThePlanIsAddedAgain: a database whose plans table was
// emptied (by hand, or another tool) gets the plan added back at open; the
// backup comes first and holds the file as it was.
func TestBackupBeforeThePlanIsAddedAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.db")
	s, err := Open(path, Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	execSQL(t, path, `PRAGMA foreign_keys = OFF; DELETE FROM plans`)
	s, err = Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	bs := backups(t, path)
	if len(bs) != 1 {
		t.Fatalf("the plan was added back without a backup first: %v", bs)
	}
	b, err := sql.Open("sqlite", bs[0])
	must(t, err)
	defer b.Close()
	var n int
	if err := b.QueryRow(`SELECT count(*) FROM plans`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the backup holds %d plans (%v), want the emptied table", n, err)
	}
}

func TestBackupsRotate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plan.db")
	s, err := Open(db, Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2023, 11, 30, 9, 0, 0, 0, time.UTC)
	// 40 days of three backups a day, oldest first as time runs.
	for d := 39; d >= 0; d-- {
		for h := 0; h < 3; h++ {
			if _, err := autoBackup(s.db, db, "start", day.AddDate(0, 0, -d).Add(time.Duration(h)*time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
	}
	bs := backups(t, db)
	days := map[string]bool{}
	for _, b := range bs {
		days[strings.TrimPrefix(filepath.Base(b), "planreview-")[:8]] = true
	}
	// The newest ten, plus one a day for the last 30 days (the newest ten
	// span the last four days, already counted once).
	if len(bs) != 10+27 || len(days) != 31 {
		t.Errorf("%d backups over %d days kept", len(bs), len(days))
	}
}
