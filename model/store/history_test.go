package store

import (
	"errors"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// TestOneTimePerChange: the test clock ticks a minute at every reading,
// so a change stamped twice would show two times; the figure, the note
// and their history rows must each carry the one the transaction began
// with.
func TestOneTimePerChange(t *testing.T) {
	s, _ := openTemp(t)
	must(t, second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三")))
	must(t, second(s.AddNote("A1-01", p(9), "增速回落", "张三")))
	for _, tc := range []struct{ name, row, history string }{
		{"figure", `SELECT entered_at FROM actuals`, `SELECT at FROM history WHERE action = 'record_actual'`},
		{"note", `SELECT created_at || ' ' || updated_at FROM notes`, `SELECT at || ' ' || at FROM history WHERE action = 'add_note'`},
	} {
		var row, hist string
		if err := s.db.QueryRow(tc.row).Scan(&row); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow(tc.history).Scan(&hist); err != nil {
			t.Fatal(err)
		}
		if row != hist {
			t.Errorf("%s written at %s, its history row at %s", tc.name, row, hist)
		}
	}
}

func TestHistoryRowsForEveryChange(t *testing.T) {
	s, _ := openTemp(t)
	_, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 180}, "张三")
	must(t, err)
	_, err = s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 185, Source: "更正"}, "李四")
	must(t, err)
	must(t, s.DeleteActual("B1-01", p(6), "李四"))
	id, err := s.AddNote("B1-01", domain.Period{}, "项目储备充足", "张三")
	must(t, err)
	must(t, s.EditNote(id, "项目储备较充足", "张三"))
	must(t, s.DeleteNote(id, "张三"))
	must(t, s.SetManualStatus("B1-01", p(6), domain.Behind, "部分项目审批延后", "王五"))
	must(t, s.ClearManualStatus("B1-01", p(6), "王五"))
	must(t, s.SetTarget("A1-17", "下降3.5%", "省发展改革委下达", "王五"))
	must(t, s.SetTarget("A1-17", "下降3.7%", "省发展改革委调整", "王五"))
	must(t, s.ClearTarget("A1-17", "王五"))
	if e := s.ClearTarget("A1-17", "王五"); e == nil || !strings.Contains(e.Error(), "没有录入的目标") {
		t.Errorf("clearing twice: %v", e)
	}
	if th, _ := s.History("A1-17"); len(th) != 3 || th[1].Before != `{"text":"下降3.5%","reason":"省发展改革委下达"}` || th[2].Action != domain.ClearTarget {
		t.Errorf("target history: %+v", th)
	}

	h, err := s.History("B1-01")
	must(t, err)
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

func TestUndoWalksBackEveryKindOfChange(t *testing.T) {
	s, _ := openTemp(t)
	empty := snapshotState(t, s)
	_, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 180, Source: "月报"}, "张三")
	must(t, err)
	afterRecord := snapshotState(t, s)
	_, err = s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 185}, "张三")
	must(t, err)
	afterCorrect := snapshotState(t, s)
	id, err := s.AddNote("B1-01", p(6), "第一稿", "张三")
	must(t, err)
	afterNote := snapshotState(t, s)
	must(t, s.EditNote(id, "第二稿", "张三"))
	afterEdit := snapshotState(t, s)
	must(t, s.DeleteNote(id, "张三"))
	afterDeleteNote := snapshotState(t, s)
	must(t, s.SetManualStatus("B1-01", p(6), domain.Behind, "审批延后", "张三"))
	afterManual := snapshotState(t, s)
	must(t, s.SetTarget("A1-17", "下降3.5%", "", "张三"))

	for i, want := range []string{afterManual, afterDeleteNote, afterEdit, afterNote, afterCorrect, afterRecord, empty} {
		c, err := s.UndoLast("张三")
		if err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		if got := snapshotState(t, s); got != want {
			t.Errorf("after undo %d (%s) state\n%s\nwant\n%s", i, c.Action, got, want)
		}
	}
	if _, err := s.UndoLast("张三"); err == nil || !strings.Contains(err.Error(), "没有可撤销的修改") {
		t.Errorf("nothing left to undo: %v", err)
	}
	h, _ := s.History("")
	undos := 0
	for _, c := range h {
		if c.Action == domain.Undo {
			undos++
			if !strings.HasPrefix(c.Detail, "撤销 #") {
				t.Errorf("undo detail %q", c.Detail)
			}
		}
	}
	if undos != 7 {
		t.Errorf("%d undo rows in history, want 7", undos)
	}
	if _, err := s.Undo(2, "张三"); err == nil || !strings.Contains(err.Error(), "已经撤销过") {
		t.Errorf("undoing twice: %v", err)
	}
}

// snapshotState is the user data without history.
func snapshotState(t *testing.T, s *Store) string {
	full := snapshot(t, s)
	var keep []string
	for _, line := range strings.Split(full, "\n") {
		if line != "" && !strings.Contains(line, "_actual") && !strings.Contains(line, "_note") &&
			!strings.Contains(line, "manual_status") && !strings.Contains(line, "_target") &&
			!strings.Contains(line, "create_plan") && !strings.Contains(line, "undo") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

func TestUndoRefusesAfterALaterChange(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(6), Value: 6.1}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(6), Value: 6.4}, "李四"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	// 张三's last change is the 6.1; 李四 has changed the figure since.
	_, err := s.UndoLast("张三")
	if !errors.Is(err, errChangedSince) {
		t.Errorf("undo over a later change: %v", err)
	}
	// The refusal names the change, its item and its period: the
	// reviewer may not remember which was their newest.
	if err == nil || !strings.Contains(err.Error(), "（录入实际值 A1-01 1-6月）该内容在这次修改之后又被改动过") {
		t.Errorf("refusal does not say what it would undo: %v", err)
	}
	if snapshot(t, s) != before {
		t.Error("a refused undo changed the database")
	}
}

// TestEveryUndoableActionHasAReversal holds the action list and the
// store's reversals together: an action the domain calls undoable must be
// one the store can reverse, and the store reverses nothing else.
func TestEveryUndoableActionHasAReversal(t *testing.T) {
	undoable := map[domain.Action]bool{}
	for _, a := range domain.UndoableActions() {
		undoable[a] = true
		if _, ok := reversals[a]; !ok {
			t.Errorf("%s is undoable but the store cannot reverse it", a)
		}
	}
	for a := range reversals {
		if !undoable[a] {
			t.Errorf("the store reverses %s, which the action list does not call undoable", a)
		}
	}
}
