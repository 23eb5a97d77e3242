package store

import (
	"os"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
)

// A deleted note's ID, reused by SQLite for another plan's new note, is
// not the undo's to restore over: the undo refuses and the other plan's
// note keeps its text.
func TestUndoNeverRestoresOverAnotherPlansNote(t *testing.T) {
	s, _, b := twoPlans(t, "海宁", 2023)
	a := s.Plan().ID
	id, err := s.AddNote("A1-01", p(9), "甲的备注", "张三")
	must(t, err)
	must(t, s.DeleteNote(id, "张三"))
	must(t, s.SelectPlan(b.ID))
	id2, err := s.AddNote("A1-01", p(9), "乙的重要备注", "李四")
	must(t, err)
	if id2 != id {
		t.Skipf("SQLite gave the new note ID %d, not the freed %d: nothing to guard here", id2, id)
	}
	must(t, s.SelectPlan(a))
	if _, err := s.UndoLast("张三"); err == nil {
		t.Error("the undo restored a note whose ID another plan's note now holds")
	}
	must(t, s.SelectPlan(b.ID))
	ns, err := s.Notes("")
	must(t, err)
	if len(ns) != 1 || ns[0].Body != "乙的重要备注" || ns[0].Author != "李四" {
		t.Errorf("plan B's notes after the undo in plan A: %+v", ns)
	}
}

// A plan removed and created again under the same ID starts a new life:
// its history and Ctrl+Z do not reach the removed plan's changes.
func TestRecreatedPlanDoesNotInheritHistory(t *testing.T) {
	s, _, b := twoPlans(t, "海宁", 2023)
	a := s.Plan().ID
	must(t, s.SelectPlan(b.ID))
	_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 7.7}, "张三")
	must(t, err)
	must(t, s.DeleteActual("A1-01", p(9), "张三"))
	must(t, s.SelectPlan(a))
	_, err = s.RemovePlan(b.ID, "张三")
	must(t, err)
	_, err = s.CreatePlan(planFile("海宁", 2023), "张三")
	must(t, err)
	must(t, s.SelectPlan(b.ID))
	h, err := s.History("")
	must(t, err)
	if len(h) != 1 || h[0].Action != domain.CreatePlan {
		t.Errorf("the new plan's history holds %d rows (%+v), want only its creation", len(h), h)
	}
	if _, err := s.UndoLast("张三"); err == nil {
		t.Error("Ctrl+Z in the new plan undid a change of the removed one")
	}
	as, err := s.Actuals()
	must(t, err)
	if len(as) != 0 {
		t.Errorf("the new plan has figures from the removed plan's history: %+v", as)
	}
}

// The backup taken before a plan is removed is that plan's only copy:
// the rotation of start-up backups never deletes it.
func TestRemovedPlanBackupOutlivesRotation(t *testing.T) {
	s, path, b := twoPlans(t, "海宁", 2023)
	r, err := s.RemovePlan(b.ID, "张三")
	must(t, err)
	s.Close()
	start := time.Date(2023, 10, 20, 12, 0, 0, 0, time.Local)
	for i := 0; i < keepRecent+keepDays+5; i++ {
		now := start.Add(time.Duration(i) * 24 * time.Hour)
		s2 := mustOpen(t, path, Options{Bundle: bundle, Now: func() time.Time { return now }})
		_, err := s2.StartBackup()
		must(t, err)
		s2.Close()
	}
	if _, err := os.Stat(r.Backup); err != nil {
		t.Errorf("the removed plan's backup %s was rotated away: %v", r.Backup, err)
	}
}
