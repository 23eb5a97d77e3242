package store

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// TestNoBackupStillBacksUpBeforeAnUpdate: a read-only command skips the
// start backup, but not when the open will migrate or update the plan.
func TestNoBackupStillBacksUpBeforeAnUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _ = Open(path, Options{NoBackup: true})
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("NoBackup took a backup with nothing to update: %v", bs)
	}
	db, _ := sql.Open("sqlite", path)
	db.Exec(`UPDATE plans SET dataset_revision = 0`)
	db.Close()
	s, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if bs, _ := Backups(path); len(bs) != 1 {
		t.Fatalf("a dataset update ran without a backup first: %v", bs)
	}
}
