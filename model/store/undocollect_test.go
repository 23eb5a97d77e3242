package store

import (
	"strconv"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// figuresNotesReturns renders the tables a collect writes: figures
// (entered_at left out: a figure an undo puts back is stamped with the
// undo's moment, as every undo of a figure has always done), notes and
// the round's returns, every column.
func figuresNotesReturns(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT plan_id||'|'||item_id||'|'||period||'|'||ifnull(value,'')||'|'||ifnull(outcome,'')||'|'||source||'|'||source_date||'|'||entered_by FROM actuals ORDER BY 1`,
		`SELECT plan_id||'|'||id||'|'||item_id||'|'||period||'|'||body||'|'||author FROM notes ORDER BY 1`,
		`SELECT plan_id||'|'||round_id||'|'||unit_id||'|'||item_id||'|'||ifnull(value,'')||'|'||ifnull(outcome,'')||'|'||progress||'|'||source||'|'||person||'|'||phone||'|'||file||'|'||collected_at||'|'||state FROM round_returns ORDER BY 1`,
	} {
		rows, err := s.db.Query(q)
		must(t, err)
		for rows.Next() {
			var line string
			must(t, rows.Scan(&line))
			b.WriteString(line + "\n")
		}
		must(t, rows.Err())
		rows.Close()
	}
	return b.String()
}

// threeRowReturn is 市发展改革委's return of its three items: A1-01
// differing from the figure typed in (so a correction with overwrite),
// A1-02 and A1-03 new, A1-03 with progress text.
func threeRowReturn(r domain.Round, u domain.Unit) ReturnFile {
	p := r.Period
	return ReturnFile{RoundID: r.ID, Period: p, Unit: u, File: "发改委.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 5.8), Source: "月报", Person: "王五", Phone: "0573-1234"},
		{ItemID: "A1-02", Actual: figure("A1-02", p, 4.1), Person: "王五"},
		{ItemID: "A1-03", Actual: figure("A1-03", p, 7.3), Progress: "劳动生产率稳步提高。", Person: "王五"},
	}}
}

// collectedPlan is roundPlan with A1-01 typed in (4.8) and 市发展改革委's
// three-row return collected over it; it gives the tables as they were
// before the collect and the collect's history row.
func collectedPlan(t *testing.T) (*Store, domain.Round, map[string]domain.Unit, string, domain.Change) {
	t.Helper()
	s, _, r, u := roundPlan(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: r.Period, Value: 4.8, Source: "手工"}, "张三"); err != nil {
		t.Fatal(err)
	}
	before := figuresNotesReturns(t, s)
	got, err := s.CollectReturn(threeRowReturn(r, u["市发展改革委"]), "张三", true)
	must(t, err)
	if got != (Collected{New: 2, Corrected: 1, Notes: 1}) {
		t.Fatalf("collect: %+v", got)
	}
	h := mustHistory(t, s)
	collect := h[len(h)-1]
	if collect.Action != domain.CollectReturn {
		t.Fatalf("last history row %+v", collect)
	}
	return s, r, u, before, collect
}

// One undo takes back everything a collect wrote: its returns, its three
// figures (the corrected one back to the figure typed in) and its note;
// history shows the collect, each figure and note marked undone with it,
// and one undo naming the file. The next undo is the figure typed in, not
// a leftover of the collect; the unit is not returned any more; the same
// file collected again is written again.
func TestOneUndoTakesBackACollect(t *testing.T) {
	s, r, _, before, collect := collectedPlan(t)
	c, err := s.UndoLast("张三")
	must(t, err)
	if c.ID != collect.ID || c.Action != domain.CollectReturn {
		t.Errorf("undid %+v, want the collect #%d", c, collect.ID)
	}
	if want := "收取：由市发展改革委填报的实际值3条、备注1条（发改委.xlsx）"; c.Detail != want {
		t.Errorf("undo says %q, want %q", c.Detail, want)
	}
	if got := figuresNotesReturns(t, s); got != before {
		t.Errorf("after one undo:\n%s\nwant as before the collect:\n%s", got, before)
	}
	if rows := returnRows(t, s, r); len(rows) != 0 {
		t.Errorf("returns left: %+v", rows)
	}
	h := mustHistory(t, s)
	last := h[len(h)-1]
	if last.Action != domain.Undo || !strings.HasPrefix(last.Detail, "撤销收取：由市发展改革委填报（发改委.xlsx）") {
		t.Errorf("undo row %+v", last)
	}
	var parts, undone int
	for _, x := range h {
		if x.ID < collect.ID && x.At.Equal(collect.At) && x.Action != domain.Undo {
			parts++
		}
		if x.Action == domain.Undo && strings.HasSuffix(x.Detail, "随撤销收取 #"+itoa64(collect.ID)) {
			undone++
		}
	}
	if parts != 4 || undone != 4 {
		t.Errorf("collect wrote %d rows, %d marked undone with it; want 4 and 4", parts, undone)
	}
	// Each item's history shows its figure taken back.
	ih, err := s.History("A1-02")
	must(t, err)
	shown := false
	for _, x := range ih {
		shown = shown || x.Action == domain.Undo && x.ItemID == "A1-02" && strings.Contains(x.Detail, "随撤销收取")
	}
	if !shown {
		t.Errorf("A1-02 history does not show its figure undone with the collect: %+v", ih)
	}
	next, err := s.UndoLast("张三")
	must(t, err)
	if next.Action != domain.RecordActual || next.ItemID != "A1-01" || next.Detail != "" {
		t.Errorf("next undo %+v, want the figure typed in", next)
	}
	// With no return left, the round start is next and can be undone.
	if third, err := s.UndoLast("张三"); err != nil || third.Action != domain.StartRound {
		t.Errorf("third undo %+v %v, want the round start", third, err)
	}
}

// After the undo the file collects again as it did the first time.
func TestCollectAgainAfterUndo(t *testing.T) {
	s, r, u, _, _ := collectedPlan(t)
	once := figuresNotesReturns(t, s)
	_, err := s.UndoLast("张三")
	must(t, err)
	got, err := s.CollectReturn(threeRowReturn(r, u["市发展改革委"]), "张三", true)
	must(t, err)
	if got != (Collected{New: 2, Corrected: 1, Notes: 1}) {
		t.Errorf("again: %+v", got)
	}
	// The same figures, note and returns, but with new note IDs and times.
	norm := func(s string) int { return strings.Count(s, "\n") }
	if a, b := norm(figuresNotesReturns(t, s)), norm(once); a != b {
		t.Errorf("collected again: %d rows, first time %d", a, b)
	}
	if a := actualOf(t, s, "A1-02", r.Period); a.Value != 4.1 {
		t.Errorf("A1-02 %v", a.Value)
	}
	if x := returnRows(t, s, r)["市发展改革委 A1-03"]; x.State != ReturnWritten || x.Progress != "劳动生产率稳步提高。" {
		t.Errorf("return %+v", x)
	}
}

// A unit's corrected 进展情况, sent again, edits its earlier note in the
// collect's transaction; one undo of that second collect puts the first
// text and the first returns back.
func TestUndoCollectPutsBackTheEarlierProgressText(t *testing.T) {
	s, r, u, _, _ := collectedPlan(t)
	first := figuresNotesReturns(t, s)
	again := threeRowReturn(r, u["市发展改革委"])
	again.File = "发改委（更正）.xlsx"
	again.Rows = again.Rows[2:]
	again.Rows[0].Progress = "劳动生产率稳步提高，增速加快。"
	if _, err := s.CollectReturn(again, "张三", true); err != nil {
		t.Fatal(err)
	}
	ns, err := s.Notes("A1-03")
	must(t, err)
	if len(ns) != 1 || ns[0].Body != "劳动生产率稳步提高，增速加快。" {
		t.Fatalf("notes after the corrected text: %+v", ns)
	}
	c, err := s.UndoLast("张三")
	must(t, err)
	if !strings.Contains(c.Detail, "发改委（更正）.xlsx") || !strings.Contains(c.Detail, "备注1条") {
		t.Errorf("undo says %q", c.Detail)
	}
	if got := figuresNotesReturns(t, s); got != first {
		t.Errorf("after undoing the second collect:\n%s\nwant the first:\n%s", got, first)
	}
}

// Anything the collect wrote changed since refuses the undo, naming the
// item, and changes nothing at all.
func TestUndoCollectRefusedWhenChangedSince(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, s *Store, r domain.Round, u map[string]domain.Unit)
		want   string
	}{
		{"figure edited by hand", func(t *testing.T, s *Store, r domain.Round, _ map[string]domain.Unit) {
			if _, err := s.RecordActual(domain.Actual{ItemID: "A1-02", Period: r.Period, Value: 4.5}, "李四"); err != nil {
				t.Fatal(err)
			}
		}, "A1-02 1-9月 的实际值"},
		{"figure deleted", func(t *testing.T, s *Store, r domain.Round, _ map[string]domain.Unit) {
			must(t, s.DeleteActual("A1-03", r.Period, "李四"))
		}, "A1-03 1-9月 的实际值"},
		{"note edited", func(t *testing.T, s *Store, r domain.Round, _ map[string]domain.Unit) {
			ns, err := s.Notes("A1-03")
			must(t, err)
			must(t, s.EditNote(ns[len(ns)-1].ID, "改过的进展。", "李四"))
		}, "A1-03 1-9月 的备注"},
		{"conflict resolved", func(t *testing.T, s *Store, r domain.Round, u map[string]domain.Unit) {
			if _, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: r.Period, Unit: u["市统计局"], File: "统计局.xlsx", Rows: []ReturnRow{
				{ItemID: "A1-01", Actual: figure("A1-01", r.Period, 5.5)},
			}}, "李四", false); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ResolveConflict(r.ID, "A1-01", PickUnit(u["市统计局"].ID), "李四"); err != nil {
				t.Fatal(err)
			}
		}, "A1-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, r, u, _, collect := collectedPlan(t)
			tc.change(t, s, r, u)
			before := snapshot(t, s)
			tables := figuresNotesReturns(t, s)
			_, err := s.Undo(collect.ID, "张三")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "不能撤销") {
				t.Fatalf("undo: %v, want a refusal naming %q", err, tc.want)
			}
			t.Log(err)
			if snapshot(t, s) != before || figuresNotesReturns(t, s) != tables {
				t.Error("a refused undo changed the database")
			}
		})
	}
}

// One figure of a collect, picked by its history ID, is not undone alone
// (the round would still count the unit's return of it): the refusal
// names the collect to undo. Once the collect is undone the figure is
// undone with it, and asking again says so.
func TestUndoOneFigureOfACollectRefused(t *testing.T) {
	s, _, _, _, collect := collectedPlan(t)
	var part int64
	for _, x := range mustHistory(t, s) {
		if x.Action == domain.RecordActual && x.ItemID == "A1-02" {
			part = x.ID
		}
	}
	before := snapshot(t, s)
	_, err := s.Undo(part, "张三")
	if err == nil || !strings.Contains(err.Error(), "不能单独撤销") || !strings.Contains(err.Error(), "请撤销整个收取 #"+itoa64(collect.ID)) {
		t.Errorf("undo one figure: %v", err)
	}
	t.Log(err)
	if snapshot(t, s) != before {
		t.Error("a refused undo changed the database")
	}
	_, err = s.Undo(collect.ID, "张三")
	must(t, err)
	if _, err := s.Undo(part, "张三"); err == nil || !strings.Contains(err.Error(), "已经撤销过") {
		t.Errorf("undo the figure after the collect: %v", err)
	}
}

// A plain import is one undo too: its figures and notes, each marked
// undone in history naming the file; a figure it corrected goes back.
func TestOneUndoTakesBackAnImport(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 4.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	before := figuresNotesReturns(t, s)
	must(t, s.ImportActuals([]Import{
		{Actual: figure("A1-01", p(9), 5.8)},
		{Actual: figure("A1-02", p(9), 4.1), NoteOn: "A1-02", Note: "收入增长放缓。", NotePeriod: p(9)},
		{Actual: figure("A1-03", p(9), 7.3)},
	}, "九月.xlsx", "张三"))
	c, err := s.UndoLast("张三")
	must(t, err)
	if want := "导入的实际值3条、备注1条（九月.xlsx）"; c.Detail != want {
		t.Errorf("undo says %q, want %q", c.Detail, want)
	}
	if got := figuresNotesReturns(t, s); got != before {
		t.Errorf("after one undo:\n%s\nwant:\n%s", got, before)
	}
	var undone int
	for _, x := range mustHistory(t, s) {
		if x.Action == domain.Undo && strings.HasSuffix(x.Detail, "撤销导入自 九月.xlsx") {
			undone++
		}
	}
	if undone != 4 {
		t.Errorf("%d rows marked undone with the import, want 4", undone)
	}
	if next, err := s.UndoLast("张三"); err != nil || next.Action != domain.RecordActual || next.ItemID != "A1-01" {
		t.Errorf("next undo %+v %v, want the figure typed in", next, err)
	}
}

// An import changed since is refused whole, naming the item.
func TestUndoImportRefusedWhenChangedSince(t *testing.T) {
	s, _ := openTemp(t)
	must(t, s.ImportActuals([]Import{
		{Actual: figure("A1-01", p(9), 5.8)},
		{Actual: figure("A1-02", p(9), 4.1)},
	}, "九月.xlsx", "张三"))
	var last int64
	for _, x := range mustHistory(t, s) {
		last = x.ID
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 6}, "李四"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	_, err := s.Undo(last, "张三")
	if err == nil || !strings.Contains(err.Error(), "不能撤销导入自 九月.xlsx") || !strings.Contains(err.Error(), "A1-01 1-9月 的实际值") {
		t.Errorf("undo: %v", err)
	}
	if snapshot(t, s) != before {
		t.Error("a refused undo changed the database")
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
