package store

import (
	"database/sql"
	"errors"
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

func TestRecordPersistsAcrossReopen(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8, Source: "市统计局月报", SourceDate: "2023-10-20"}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote("A1-01", p(9), "三季度增速回落，主要受出口拖累。", "张三"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	as, _ := s2.Actuals()
	if len(as) != 1 || as[0].Value != 5.8 || as[0].Source != "市统计局月报" || as[0].By != "张三" || as[0].Period != p(9) {
		t.Errorf("after reopen: %+v", as)
	}
	ns, _ := s2.Notes("A1-01")
	if len(ns) != 1 || ns[0].Body != "三季度增速回落，主要受出口拖累。" {
		t.Errorf("notes after reopen: %+v", ns)
	}
	r, _ := s2.Review(domain.DefaultTolerance())
	gdp, _ := s2.Plan().Item("A1-01")
	if st := r.Status(gdp, p(9)); st.Code != domain.OnTrack || !strings.Contains(st.Reason, "1-9月增长5.8%，低于目标0.2个百分点") {
		t.Errorf("status after reopen: %+v", st)
	}
}

func TestHistoryRowsForEveryChange(t *testing.T) {
	s, _ := openTemp(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 180}, "张三")
	must(err)
	_, err = s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 185, Source: "更正"}, "李四")
	must(err)
	must(s.DeleteActual("B1-01", p(6), "李四"))
	id, err := s.AddNote("B1-01", domain.Period{}, "项目储备充足", "张三")
	must(err)
	must(s.EditNote(id, "项目储备较充足", "张三"))
	must(s.DeleteNote(id, "张三"))
	must(s.SetManualStatus("B1-01", p(6), domain.Behind, "部分项目审批延后", "王五"))
	must(s.ClearManualStatus("B1-01", p(6), "王五"))
	must(s.SetTarget("A1-17", "下降3.5%", "省发展改革委下达", "王五"))
	must(s.SetTarget("A1-17", "下降3.7%", "省发展改革委调整", "王五"))
	must(s.ClearTarget("A1-17", "王五"))
	if e := s.ClearTarget("A1-17", "王五"); e == nil || !strings.Contains(e.Error(), "没有录入的目标") {
		t.Errorf("clearing twice: %v", e)
	}
	if th, _ := s.History("A1-17"); len(th) != 3 || th[1].Before != `{"text":"下降3.5%","reason":"省发展改革委下达"}` || th[2].Action != domain.ClearTarget {
		t.Errorf("target history: %+v", th)
	}

	h, err := s.History("B1-01")
	must(err)
	var actions []string
	for _, c := range h {
		actions = append(actions, string(c.Action)+"/"+c.Who)
	}
	want := "record_actual/张三 correct_actual/李四 delete_actual/李四 add_note/张三 edit_note/张三 delete_note/张三 set_manual_status/王五 clear_manual_status/王五"
	if strings.Join(actions, " ") != want {
		t.Errorf("history:\n got %s\nwant %s", strings.Join(actions, " "), want)
	}
	if h[1].Before != `{"value":180,"by":"张三"}` || h[1].After != `{"value":185,"source":"更正","by":"李四"}` {
		t.Errorf("correction before/after: %s → %s", h[1].Before, h[1].After)
	}
	if h[5].Before != `{"id":1,"body":"项目储备较充足","author":"张三"}` || h[5].After != "" {
		t.Errorf("deleted note keeps its text in history: %q → %q", h[5].Before, h[5].After)
	}
	if !h[0].At.Before(h[1].At) {
		t.Error("history times come from the injected clock, in order")
	}
	// History is append-only, enforced by the database itself.
	if _, err := s.db.Exec(`UPDATE history SET who = 'x'`); err == nil {
		t.Error("history rows can be edited")
	}
	if _, err := s.db.Exec(`DELETE FROM history`); err == nil {
		t.Error("history rows can be deleted")
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Value: 6.1}, "张三"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"unknown item", second(s.RecordActual(domain.Actual{ItemID: "X-99", Period: p(3), Value: 1}, "张三")), "没有编号为“X-99”"},
		{"parent of sub-rows", second(s.RecordActual(domain.Actual{ItemID: "A1-13", Period: p(3), Value: 1}, "张三")), "A1-13a"},
		{"wrong year", second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: domain.Period{Year: 2024, Month: 1}, Value: 1}, "张三")), "不在计划年度"},
		{"no reviewer", second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Value: 1}, " ")), "填报人不能为空"},
		{"number for a milestone", second(s.RecordActual(domain.Actual{ItemID: "M3-01", Period: p(3), Value: 1}, "张三")), "重点事项"},
		{"outcome for a number", second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Outcome: domain.OutcomeDone}, "张三")), "需要填写数值"},
		{"parcel beyond its area", second(s.RecordActual(domain.Actual{ItemID: "A2-02", Period: p(3), Value: 8}, "张三")), "0到7.4亩"},
		{"negative count", second(s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(3), Value: -3}, "张三")), "不能为负数"},
		{"empty note", second(s.AddNote("A1-01", p(3), "  ", "张三")), "备注内容不能为空"},
		{"manual without reason", s.SetManualStatus("A1-01", p(3), domain.Met, "", "张三"), "认定理由不能为空"},
		{"manual bad code", s.SetManualStatus("A1-01", p(3), "great", "好", "张三"), "状态“great”无效"},
		{"target on a fixed item", s.SetTarget("A1-01", "增长7%", "", "张三"), "不能另行录入"},
		{"target without value", s.SetTarget("A1-17", "按省下达目标安排", "", "张三"), "须有具体数值"},
		{"delete missing", s.DeleteActual("A1-01", p(6), "张三"), "没有已录入的实际值"},
		{"edit missing note", s.EditNote(999, "x", "张三"), "没有编号为 999 的备注"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to say %q", c.name, c.err, c.want)
		}
	}
	if after := snapshot(t, s); after != before {
		t.Errorf("bad input changed the database:\n%s\n→\n%s", before, after)
	}
	_ = path
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

func TestSameAsRecordsOnTheIndicator(t *testing.T) {
	s, _ := openTemp(t)
	got, err := s.RecordActual(domain.Actual{ItemID: "B1-03", Period: p(9), Value: 9.1}, "张三")
	if err != nil || got != "A1-05" {
		t.Fatalf("recorded on %q, %v; want A1-05", got, err)
	}
	r, _ := s.Review(domain.DefaultTolerance())
	body, _ := s.Plan().Item("B1-03")
	ind, _ := s.Plan().Item("A1-05")
	if a, b := r.Status(body, p(9)), r.Status(ind, p(9)); a.Reason != b.Reason || !strings.Contains(a.Reason, "9.1%") {
		t.Errorf("body %q, indicator %q", a.Reason, b.Reason)
	}
	if h, _ := s.History("B1-03"); len(h) != 1 || h[0].ItemID != "A1-05" {
		t.Errorf("history of B1-03 shows the indicator's change: %+v", h)
	}
}

func TestRefusesWhatItCannotTrust(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte("这是一个文本文件，不是数据库。\n"), 0o644)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec(`CREATE TABLE t(x)`)
	db.Close()

	_, good := openTemp(t)
	newer := filepath.Join(dir, "newer.db")
	copyFile(t, good, newer)
	db, _ = sql.Open("sqlite", newer)
	db.Exec(`PRAGMA user_version = 99`)
	db.Close()

	damaged := filepath.Join(dir, "damaged.db")
	copyFile(t, good, damaged)
	b, _ := os.ReadFile(damaged)
	for i := 4096; i < len(b); i += 97 { // scribble over every page past the first
		b[i] ^= 0xA5
	}
	os.WriteFile(damaged, b, 0o644)

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
		before, _ := os.ReadFile(c.path)
		_, err := Open(c.path, Options{Bundle: bundle})
		if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.say) || !strings.Contains(err.Error(), "未做任何改动") {
			t.Errorf("%s: %v, want %v saying %q", filepath.Base(c.path), err, c.err, c.say)
		}
		after, _ := os.ReadFile(c.path)
		if string(before) != string(after) {
			t.Errorf("%s was modified", filepath.Base(c.path))
		}
		if _, err := os.Stat(c.path + "-wal"); err == nil {
			t.Errorf("%s: a -wal file was created", filepath.Base(c.path))
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	// Checkpoint first so the copy holds everything.
	db, err := sql.Open("sqlite", from)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	db.Close()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
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
	s.db.Exec(`INSERT INTO notes (item_id, body, author, created_at, updated_at) VALUES ('B9-98', '旧备注', '张三', 'x', 'x')`)
	s.Close()

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
		os.WriteFile(crashed+suffix, b, 0o644)
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
