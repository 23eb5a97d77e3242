package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// TestEveryConnectionGetsThePragmas holds two pooled connections at once:
// a pragma run with db.Exec would reach only one of them; the DSN's reach
// every connection the pool makes.
func TestEveryConnectionGetsThePragmas(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		c, err := s.db.Conn(ctx) // held open: the next one is a new connection
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var mode string
		var sync, fk, busy int
		for _, q := range []struct {
			pragma string
			dest   any
		}{{"journal_mode", &mode}, {"synchronous", &sync}, {"foreign_keys", &fk}, {"busy_timeout", &busy}} {
			if err := c.QueryRowContext(ctx, "PRAGMA "+q.pragma).Scan(q.dest); err != nil {
				t.Fatalf("connection %d: PRAGMA %s: %v", i, q.pragma, err)
			}
		}
		if mode != "wal" || sync != 2 || fk != 1 || busy != 5000 {
			t.Errorf("connection %d: journal_mode %q synchronous %d foreign_keys %d busy_timeout %d; want wal, 2 (FULL), 1, 5000",
				i, mode, sync, fk, busy)
		}
	}
}

func TestCreateFromBundledPlan(t *testing.T) {
	s, path := openTemp(t)
	if got := count(t, s, `SELECT count(*) FROM items`); got != len(s.Plan().Items) || got != 113 {
		t.Errorf("items table has %d rows, plan %d", got, len(s.Plan().Items))
	}
	var mode string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	var fk int
	s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode %q foreign_keys %d, want wal and 1", mode, fk)
	}
	if _, err := os.Stat(path + ".creating"); !os.IsNotExist(err) {
		t.Errorf("temporary file left behind: %v", err)
	}
	h, _ := s.History("")
	if len(h) != 1 || h[0].Action != domain.CreatePlan {
		t.Errorf("history after create: %+v", h)
	}
}

func TestRefusesWhatItCannotTrust(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	writeFile(t, notDB, []byte("这是一个文本文件，不是数据库。\n"))
	empty := filepath.Join(dir, "empty.db")
	writeFile(t, empty, nil)
	foreign := filepath.Join(dir, "foreign.db")
	execSQL(t, foreign, `CREATE TABLE t(x)`)

	_, good := openTemp(t)
	newer := filepath.Join(dir, "newer.db")
	copyFile(t, good, newer)
	execSQL(t, newer, `PRAGMA user_version = 99`)

	damaged := filepath.Join(dir, "damaged.db")
	copyFile(t, good, damaged)
	b := readFile(t, damaged)
	for i := 4096; i < len(b); i += 97 { // scribble over every page past the first
		b[i] ^= 0xA5
	}
	writeFile(t, damaged, b)

	for _, c := range []struct {
		path string
		err  error
		say  string
	}{
		{notDB, ErrNotDatabase, "不是 SQLite 数据库文件"},
		{empty, ErrNotDatabase, "不是 SQLite 数据库文件"},
		{foreign, ErrNotDatabase, "是 SQLite 数据库，但不是 Plan Review 数据库"},
		{newer, ErrNewer, "请升级程序"},
		{damaged, ErrDamaged, "请从备份恢复"},
	} {
		before := readFile(t, c.path)
		_, err := Open(c.path, Options{Bundle: bundle})
		if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.say) || !strings.Contains(err.Error(), "未做任何改动") {
			t.Errorf("%s: %v, want %v saying %q", filepath.Base(c.path), err, c.err, c.say)
		}
		after := readFile(t, c.path)
		if string(before) != string(after) {
			t.Errorf("%s was modified", filepath.Base(c.path))
		}
		if _, err := os.Stat(c.path + "-wal"); err == nil {
			t.Errorf("%s: a -wal file was created", filepath.Base(c.path))
		}
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	_, path := openTemp(t)
	ro, err := Open(path, Options{Bundle: bundle, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Value: 6}, "张三"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only write: %v", err)
	}
}

// TestCommittedChangesInAStaleWALSurvive copies the database while the
// program still has it open — as a crash or a pulled plug leaves it, with
// committed changes only in the -wal file — and opens the copy.
func TestCommittedChangesInAStaleWALSurvive(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("expected a -wal file while open: %v", err)
	}
	dir := t.TempDir()
	crashed := filepath.Join(dir, "crashed.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, crashed+suffix, b)
	}
	s2, err := Open(crashed, Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	as, _ := s2.Actuals()
	if len(as) != 1 || as[0].Value != 5.8 {
		t.Errorf("committed figure lost: %+v", as)
	}
}

func TestDatasetUpdateKeepsUserData(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 180}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote("B1-01", p(6), "进度正常", "张三"); err != nil {
		t.Fatal(err)
	}
	// Pretend the database was made from an older dataset: revision 0,
	// with an item renamed and one the new data no longer has.
	s.db.Exec(`UPDATE plans SET dataset_revision = 0, dataset_version = 'old'`)
	s.db.Exec(`UPDATE items SET name = '旧名称' WHERE id = 'B1-01'`)
	s.db.Exec(`INSERT INTO items (id, plan_id, seq, kind, section, name, target_text, source_quote) VALUES
		('B9-99', 'jiaxing-2023', 999, 'commitment', 'S1', '已删除的任务', '1个', 'x'),
		('B9-98', 'jiaxing-2023', 998, 'commitment', 'S1', '有备注的旧任务', '1个', 'x')`)
	s.db.Exec(`INSERT INTO notes (plan_id, item_id, body, author, created_at, updated_at) VALUES ('jiaxing-2023', 'B9-98', '旧备注', '张三', 'x', 'x')`)
	must(t, s.Close())

	s2, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var name string
	s2.db.QueryRow(`SELECT name FROM items WHERE id = 'B1-01'`).Scan(&name)
	if name != "新开工亿元以上产业项目" {
		t.Errorf("item not updated: %q", name)
	}
	if n := count(t, s2, `SELECT count(*) FROM items WHERE id = 'B9-99'`); n != 0 {
		t.Error("an unused dropped item should be removed")
	}
	if n := count(t, s2, `SELECT count(*) FROM items WHERE id = 'B9-98' AND retired = 1`); n != 1 {
		t.Error("a dropped item with notes should be kept, retired")
	}
	if n := count(t, s2, `SELECT count(*) FROM actuals`) + count(t, s2, `SELECT count(*) FROM notes`); n != 3 {
		t.Errorf("user data lost in the update: %d rows", n)
	}
	if n := count(t, s2, `SELECT count(*) FROM plans WHERE dataset_version = ?`, seeds.Version()); n != 1 {
		t.Error("dataset version not recorded")
	}
	h, _ := s2.History("")
	last := h[len(h)-1]
	if last.Action != domain.DatasetUpdate || !strings.Contains(last.Detail, "B1-01") || !strings.Contains(last.Detail, "B9-98") {
		t.Errorf("update not in history: %+v", last)
	}
}

func TestFailedWriteRollsBack(t *testing.T) {
	s, _ := openTemp(t)
	// A history row that cannot be written (the table refuses it) must take
	// the figure written before it in the same transaction down with it.
	if _, err := s.db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON history WHEN NEW.action = 'record_actual'
		BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-02", Period: p(6), Value: 5}, "张三"); err == nil {
		t.Fatal("write with a failing history row succeeded")
	}
	if n := count(t, s, `SELECT count(*) FROM actuals`); n != 0 {
		t.Errorf("figure saved without its history row: %d rows", n)
	}
}
