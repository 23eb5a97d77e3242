package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The plan keeps the text it was made from: the window quotes it, and the
// consistency check finds every item's quote in it, with no other source.
func TestNoticeKeptWithThePlan(t *testing.T) {
	s, path := openTemp(t)
	if s.Notice() != bundle.Notice {
		t.Fatalf("Notice() holds %d bytes, want the bundled %d", len(s.Notice()), len(bundle.Notice))
	}
	// A database made before plans kept their notice: the bundled text is
	// filled in at the next open, and kept by opens that bring no plan.
	if _, err := s.db.Exec(`UPDATE plans SET notice = ''`); err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	for _, o := range []Options{{Bundle: bundle, NoBackup: true}, {NoBackup: true}, {ReadOnly: true}} {
		s2, err := Open(path, o)
		if err != nil {
			t.Fatal(err)
		}
		if s2.Notice() != bundle.Notice {
			t.Errorf("open %+v: Notice() holds %d bytes, want %d", o.ReadOnly, len(s2.Notice()), len(bundle.Notice))
		}
		if problems, err := s2.Consistency(); err != nil || len(problems) != 0 {
			t.Errorf("Consistency: %v %v", problems, err)
		}
		must(t, s2.Close())
	}
}

// A new database needs a plan to be made from; without one nothing is
// created.
func TestNewDatabaseNeedsAPlan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.db")
	if _, err := Open(path, Options{}); !errors.Is(err, errNoDataset) {
		t.Fatalf("Open with no plan: %v, want errNoDataset", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a file was left at %s: %v", path, err)
	}
}

// A file of the release before plans kept their notice (schema 2) opens
// read-only as it is, without migrating, and gains its notice at the next
// open that may write.
func TestSchema2FileOpensReadOnly(t *testing.T) {
	// The previous release's file (schema 3) less the notice column that
	// 0003 added is a schema-2 file.
	path := filepath.Join(untarFixture(t, "testdata/schema3-demo.tar.gz"), "demo.db")
	execSQL(t, path, `ALTER TABLE plans DROP COLUMN notice`, `PRAGMA user_version = 2`)
	before := readFile(t, path)
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a schema-2 file: %v", err)
	}
	if ro.Notice() != "" || len(ro.Plan().Items) == 0 {
		t.Errorf("read-only: notice %d bytes, %d items; want none and the plan", len(ro.Notice()), len(ro.Plan().Items))
	}
	ro.Close()
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("a read-only open changed the file")
	}
	rw, err := Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if rw.Notice() != bundle.Notice {
		t.Errorf("after migrating: notice %d bytes, want %d", len(rw.Notice()), len(bundle.Notice))
	}
}
