package store

import (
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// changes makes a few history rows of every kind: figures recorded and
// corrected, a note, an undo.
func changes(t *testing.T, s *Store) {
	t.Helper()
	for _, v := range []float64{5.8, 6.0} {
		if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: v}, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddNote("A1-02", p(9), "受留抵退税政策影响。", "李四"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoLast("李四"); err != nil {
		t.Fatal(err)
	}
}

// rawDB opens the file as a SQLite tool would, behind the program's back.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Every row the program writes fits the chain; a row changed with raw SQL
// after dropping the trigger is the one named, and so is a row deleted
// (by the one after it) and a row inserted without a hash.
func TestHistoryChainNamesTheRowChangedBehindTheProgramsBack(t *testing.T) {
	for _, c := range []struct {
		name   string
		tamper func(db *sql.DB, id int64) error
		at     func(id int64) int64 // the row named
	}{
		{"a figure altered", func(db *sql.DB, id int64) error {
			_, err := db.Exec(`UPDATE history SET after = '{"value":9.9,"by":"张三"}' WHERE id = ?`, id)
			return err
		}, func(id int64) int64 { return id }},
		{"the person altered", func(db *sql.DB, id int64) error {
			_, err := db.Exec(`UPDATE history SET who = '王五' WHERE id = ?`, id)
			return err
		}, func(id int64) int64 { return id }},
		{"a row deleted", func(db *sql.DB, id int64) error {
			if _, err := db.Exec(`DROP TRIGGER history_no_delete`); err != nil {
				return err
			}
			if _, err := db.Exec(`DROP TRIGGER history_chain_no_delete`); err != nil {
				return err
			}
			if _, err := db.Exec(`DELETE FROM history_chain WHERE history_id = ?`, id); err != nil {
				return err
			}
			_, err := db.Exec(`DELETE FROM history WHERE id = ?`, id)
			return err
		}, func(id int64) int64 { return id + 1 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, path := openTemp(t)
			changes(t, s)
			n, err := s.VerifyHistoryChain()
			if err != nil || n != count(t, s, `SELECT count(*) FROM history`) {
				t.Fatalf("the program's own history: %d rows checked, %v", n, err)
			}
			// The correction of A1-01: the second figure's row.
			var id int64
			if err := s.db.QueryRow(`SELECT id FROM history WHERE action = ? ORDER BY id LIMIT 1`, string(domain.CorrectActual)).Scan(&id); err != nil {
				t.Fatal(err)
			}
			db := rawDB(t, path)
			// The trigger refuses first: history is append-only.
			if _, err := db.Exec(`UPDATE history SET who = 'x' WHERE id = ?`, id); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Fatalf("the trigger let an update through: %v", err)
			}
			if _, err := db.Exec(`DROP TRIGGER history_no_update`); err != nil {
				t.Fatal(err)
			}
			if err := c.tamper(db, id); err != nil {
				t.Fatal(err)
			}
			_, err = s.VerifyHistoryChain()
			var br ChainBreak
			if !errors.As(err, &br) || br.ID != c.at(id) {
				t.Fatalf("want the break at #%d, got %v", c.at(id), err)
			}
			if !strings.Contains(err.Error(), "与哈希链不符") {
				t.Errorf("message %q", err)
			}
		})
	}
	t.Run("a row added without a hash", func(t *testing.T) {
		s, path := openTemp(t)
		changes(t, s)
		db := rawDB(t, path)
		res, err := db.Exec(`INSERT INTO history (plan_id, at, who, action, item_id) VALUES (?, '2023-10-21T09:00:00+08:00', '王五', 'record_actual', 'A1-03')`, s.planID())
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		_, err = s.VerifyHistoryChain()
		var br ChainBreak
		if !errors.As(err, &br) || br.ID != id || !br.MissingHash || !strings.Contains(err.Error(), "没有哈希") {
			t.Fatalf("want #%d without a hash, got %v", id, err)
		}
	})
}

// A workspace the previous release filled gets the chain computed once by
// the migration: every existing row then fits, and new rows chain on.
func TestMigrationChainsExistingHistory(t *testing.T) {
	dir := untarFixture(t, "testdata/schema4-demo.tar.gz")
	path := filepath.Join(dir, "demo.db")
	s, err := Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows := count(t, s, `SELECT count(*) FROM history`)
	if rows < 55 || count(t, s, `SELECT count(*) FROM history_chain`) != rows {
		t.Fatalf("%d history rows, %d hashes", rows, count(t, s, `SELECT count(*) FROM history_chain`))
	}
	if n, err := s.VerifyHistoryChain(); err != nil || n != rows {
		t.Fatalf("after the migration: %d of %d rows fit, %v", n, rows, err)
	}
	if _, err := s.AddNote("A1-01", p(9), "迁移后的备注。", "张三"); err != nil {
		t.Fatal(err)
	}
	if n, err := s.VerifyHistoryChain(); err != nil || n != rows+1 {
		t.Fatalf("a row after the migration: %d rows fit, %v", n, err)
	}
}
