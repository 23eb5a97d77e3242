package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// firstRun opens the window as on the first run: no reviewer yet, so the
// reviewer dialog is open.
func firstRun(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	u, st := newTestUI(t)
	u.prefs.SetString(prefName, "")
	u.prefs.SetString(prefUnit, "")
	u.AskReviewerIfNeeded()
	if openForm(u) == nil {
		t.Fatal("first run does not ask for the reviewer")
	}
	return u, st
}

// recordMilestone records 推进中 for M3-01 through the detail pane's
// form and returns every figure then stored.
func recordMilestone(t *testing.T, u *UI, st *store.Store) []domain.Actual {
	t.Helper()
	u.selectNav(navTo(navMilestones))
	selectRow(t, u, "M3-01")
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	formSelect(t, u, "进展").SetSelected("推进中")
	test.Tap(openForm(u).saveBtn)
	as, err := st.Actuals()
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func TestReviewerIsAskedAndWritten(t *testing.T) {
	u, st := firstRun(t)
	test.Tap(openForm(u).saveBtn)
	if msg := openForm(u).errorText("姓名"); !strings.Contains(msg, "姓名不能为空") {
		t.Errorf("empty name: %q", msg)
	}
	test.Type(formEntry(t, u, "姓名"), "李四")
	test.Type(formEntry(t, u, "单位"), "市发展改革委")
	press(formEntry(t, u, "姓名"), fyne.KeyReturn)
	if u.reviewer() != "李四（市发展改革委）" || !strings.Contains(u.bar.whoLabel.Text, "李四") {
		t.Errorf("reviewer %q, label %q", u.reviewer(), u.bar.whoLabel.Text)
	}
	as := recordMilestone(t, u, st)
	if len(as) != 1 || as[0].Outcome != domain.OutcomeInProgress || as[0].By != "李四（市发展改革委）" {
		t.Errorf("milestone saved as %+v", as)
	}
}

// TestLongReviewerIsRefusedWhereTyped types the longest name and unit the
// dialog allows one by one (30 and 40 characters). Joined as 姓名（单位）
// they are 72, more than a reviewer may be (50), which the store would
// refuse on every save: the dialog must refuse them, say why at the unit,
// and accept a shorter unit with which a figure then saves.
func TestLongReviewerIsRefusedWhereTyped(t *testing.T) {
	u, st := firstRun(t)
	name := strings.Repeat("李", int(domain.MaxReviewerName))
	test.Type(formEntry(t, u, "姓名"), name)
	test.Type(formEntry(t, u, "单位"), strings.Repeat("委", int(domain.MaxReviewerUnit)))
	test.Tap(openForm(u).saveBtn)
	if openForm(u) == nil {
		t.Fatal("the dialog accepted a reviewer of 72 characters")
	}
	if msg := openForm(u).errorText("单位"); !strings.Contains(msg, "共72字，最多50字") {
		t.Errorf("message at the unit: %q", msg)
	}
	if u.prefs.String(prefName) != "" || u.prefs.String(prefUnit) != "" {
		t.Errorf("refused reviewer was kept: %q %q", u.prefs.String(prefName), u.prefs.String(prefUnit))
	}

	unit := strings.Repeat("委", int(domain.MaxPerson-domain.MaxReviewerName)-2) // the brackets count
	formEntry(t, u, "单位").SetText("")
	test.Type(formEntry(t, u, "单位"), unit)
	test.Tap(openForm(u).saveBtn)
	if openForm(u) != nil {
		t.Fatalf("a reviewer of exactly 50 characters was refused: %q", openForm(u).errorText("单位"))
	}
	want := name + "（" + unit + "）"
	if u.reviewer() != want {
		t.Fatalf("reviewer %q, want %q", u.reviewer(), want)
	}

	if as := recordMilestone(t, u, st); len(as) != 1 || as[0].By != want {
		t.Errorf("figure saved as %+v, want one by %q", as, want)
	}
}
