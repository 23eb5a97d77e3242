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
	s.Close()
	s, _ = Open(path, Options{Bundle: bundle, NoBackup: true})
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("NoBackup took a backup with nothing to update: %v", bs)
	}
	db, _ := sql.Open("sqlite", path)
	db.Exec(`UPDATE plans SET dataset_revision = 0`)
	db.Close()
	s, err = Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if bs, _ := Backups(path); len(bs) != 1 {
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
	s.Close()
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec(`PRAGMA foreign_keys = OFF; DELETE FROM plans`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	bs, _ := Backups(path)
	if len(bs) != 1 {
		t.Fatalf("the plan was added back without a backup first: %v", bs)
	}
	b, _ := sql.Open("sqlite", bs[0])
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
	bs, _ := Backups(db)
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
