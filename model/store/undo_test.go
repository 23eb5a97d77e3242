package store

import (
	"errors"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

func TestUndoWalksBackEveryKindOfChange(t *testing.T) {
	s, _ := openTemp(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	empty := snapshotState(t, s)
	_, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 180, Source: "月报"}, "张三")
	must(err)
	afterRecord := snapshotState(t, s)
	_, err = s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(6), Value: 185}, "张三")
	must(err)
	afterCorrect := snapshotState(t, s)
	id, err := s.AddNote("B1-01", p(6), "第一稿", "张三")
	must(err)
	afterNote := snapshotState(t, s)
	must(s.EditNote(id, "第二稿", "张三"))
	afterEdit := snapshotState(t, s)
	must(s.DeleteNote(id, "张三"))
	afterDeleteNote := snapshotState(t, s)
	must(s.SetManualStatus("B1-01", p(6), domain.Behind, "审批延后", "张三"))
	afterManual := snapshotState(t, s)
	must(s.SetTarget("A1-17", "下降3.5%", "", "张三"))

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
	if _, err := s.UndoLast("张三"); !errors.Is(err, errChangedSince) {
		t.Errorf("undo over a later change: %v", err)
	}
	if snapshot(t, s) != before {
		t.Error("a refused undo changed the database")
	}
}

func TestLockedPeriodRefusesEdits(t *testing.T) {
	s, _ := openTemp(t)
	id, err := s.AddNote("A1-01", p(9), "前三季度说明", "张三")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	if err := s.LockPeriod(p(9), "前三季度简报已报送市人大财经委", "张三"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	for name, err := range map[string]error{
		"record":      second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.9}, "张三")),
		"delete":      s.DeleteActual("A1-01", p(9), "张三"),
		"add note":    second(s.AddNote("A1-01", p(9), "补充", "张三")),
		"edit note":   s.EditNote(id, "改", "张三"),
		"delete note": s.DeleteNote(id, "张三"),
		"manual":      s.SetManualStatus("A1-01", p(9), domain.Met, "理由", "张三"),
		"undo":        second(s.Undo(3, "张三")),
	} {
		if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "1-9月的简报已报出") {
			t.Errorf("%s in a locked period: %v", name, err)
		}
	}
	if snapshot(t, s) != before {
		t.Error("a locked period was changed")
	}
	// Other periods stay open.
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(10), Value: 5.9}, "张三"); err != nil {
		t.Errorf("1-10月 should be open: %v", err)
	}
	if err := s.UnlockPeriod(p(9), "", "张三"); err == nil || !strings.Contains(err.Error(), "解锁理由不能为空") {
		t.Errorf("unlock without reason: %v", err)
	}
	if err := s.UnlockPeriod(p(9), "统计局修订前三季度数据", "李四"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.9}, "李四"); err != nil {
		t.Errorf("after unlock: %v", err)
	}
	h, _ := s.History("")
	var acts []string
	for _, c := range h {
		if strings.Contains(string(c.Action), "lock") {
			acts = append(acts, string(c.Action)+":"+c.Who+":"+c.Detail)
		}
	}
	if strings.Join(acts, " ") != "lock_period:张三: unlock_period:李四:统计局修订前三季度数据" {
		t.Errorf("lock history: %v", acts)
	}
	locks, _ := s.Locks()
	if len(locks) != 0 {
		t.Errorf("locks after unlock: %+v", locks)
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
