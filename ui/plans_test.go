package ui

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
)

// haining2024 is the bundled plan made another city's 2024 plan of its 附件1
// indicators and their sections only, so every pane has something different to show.
func haining2024(t *testing.T) store.NewPlan {
	t.Helper()
	r := strings.NewReplacer("2023", "2024", "嘉兴", "海宁", "jiaxing", "haining")
	var f map[string]any
	if err := json.Unmarshal([]byte(r.Replace(string(seeds.PlanJSON))), &f); err != nil {
		t.Fatal(err)
	}
	var kept []any
	for _, it := range f["items"].([]any) {
		if strings.HasPrefix(it.(map[string]any)["id"].(string), "A1-") {
			kept = append(kept, it)
		}
	}
	f["items"] = kept
	var sections []any
	for _, sec := range f["sections"].([]any) {
		if sec.(map[string]any)["part"] == "annex1" {
			sections = append(sections, sec)
		}
	}
	f["sections"] = sections
	delete(f["plan"].(map[string]any), "parcel_total_mu") // 附件2's parcels are not kept
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return store.NewPlan{Dataset: data, City: "海宁市", Year: 2024}
}

// newTwoPlanUI is the window on a workspace of the bundled plan (shown)
// and 海宁 2024, built again as a window opened on it would be.
func newTwoPlanUI(t *testing.T) (*UI, *store.Store, store.PlanInfo) {
	t.Helper()
	u, st := newTestUI(t)
	second, err := st.CreatePlan(haining2024(t), "张三")
	if err != nil {
		t.Fatal(err)
	}
	u.rebuild()
	return u, st, second
}

// pickPlan switches plans through the toolbar's switcher as a reviewer
// does: open the list, tap the plan.
func pickPlan(t *testing.T, u *UI, name string) {
	t.Helper()
	if u.bar.planSel == nil {
		t.Fatal("no plan switcher in the toolbar")
	}
	test.Tap(u.bar.planSel.Select)
	tapMenuItem(t, u.win, name)
}

// tableRows is how many rows the item table lists under 全部项目.
func tableRows(u *UI) int {
	u.selectNav(navTo(navAll))
	return len(u.items.rows)
}

// Switching plans through the switcher: the title bar, navigation,
// table, detail and period follow, and the choice is remembered.
func TestSwitchingPlansEveryPaneFollows(t *testing.T) {
	u, st, second := newTwoPlanUI(t)
	first := st.Plan()
	u.selectItem("B1-01") // an item the second plan does not have
	st.RecordActual(domain.Actual{ItemID: "A1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 5.8}, "张三")
	u.changed("")
	for _, tc := range []struct {
		id, title string
		year      int
		rows      int
	}{
		{second.ID, second.Title, 2024, second.Items},
		{first.ID, first.Title, 2023, len(first.Items)},
	} {
		info := store.PlanInfo{City: map[bool]string{true: "海宁市", false: "嘉兴市"}[tc.year == 2024], Year: tc.year, Title: tc.title}
		pickPlan(t, u, planName(info))
		if st.Plan().ID != tc.id || u.plan.ID != tc.id {
			t.Fatalf("store on %q, window on %q; want %q", st.Plan().ID, u.plan.ID, tc.id)
		}
		if !strings.Contains(u.win.Title(), tc.title) || u.bar.planSel.Selected != planName(info) {
			t.Errorf("title %q, switcher %q; want %q", u.win.Title(), u.bar.planSel.Selected, tc.title)
		}
		if got := u.prefs.String(prefPlan); got != tc.id {
			t.Errorf("remembered %q, want %q", got, tc.id)
		}
		if u.asOf.Year != tc.year {
			t.Errorf("period %v, want in %d", u.asOf, tc.year)
		}
		if n := tableRows(u); n != tc.rows {
			t.Errorf("table lists %d rows, want %d", n, tc.rows)
		}
		nav := texts(u.nav.list)
		if strings.Contains(nav, "一、聚焦扩大内需") != (tc.year == 2023) {
			t.Errorf("navigation of %d:\n%s", tc.year, nav)
		}
		if _, ok := u.plan.Item(u.selected); u.selected != "" && !ok {
			t.Errorf("detail shows %q, not an item of %s", u.selected, tc.id)
		}
		if texts(u.detail.pane) == "" && u.selected != "" {
			t.Error("detail pane empty with an item selected")
		}
	}
	// The 2023 figure is the 2023 plan's: the 2024 plan never saw it.
	if u.statuses["A1-01"].Code == domain.NoData {
		t.Error("back on 2023, the figure recorded there is not judged")
	}
}

// The window opens on the plan shown last time, or on the first plan when
// that one is gone.
func TestOpensOnTheRememberedPlan(t *testing.T) {
	_, st, second := newTwoPlanUI(t)
	path := st.Path()
	first := st.Plan().ID
	st.Close()
	for _, tc := range []struct{ remembered, want string }{
		{second.ID, second.ID}, {"", first}, {"removed-2022", first},
	} {
		s := &startup{path: path, bundle: bundle}
		r := <-s.openDatabase(tc.remembered)
		if r.err != nil {
			t.Fatalf("%q: %v", tc.remembered, r.err)
		}
		if got := r.st.Plan().ID; got != tc.want {
			t.Errorf("remembered %q: opened on %q, want %q", tc.remembered, got, tc.want)
		}
		r.st.Close()
	}
}

// With one plan the toolbar shows the title as before, and 删除计划 is
// refused with a message, the database untouched.
func TestTheOnlyPlanIsNotRemoved(t *testing.T) {
	u, st := newTestUI(t)
	if u.bar.planSel != nil {
		t.Error("a switcher for one plan")
	}
	before := dbBytes(t, st.Path())
	test.Tap(button(t, u.win.Content(), "计划"))
	tapMenuItem(t, u.win, "删除计划…")
	if shown := texts(u.win.Canvas().Overlays().Top()); !strings.Contains(shown, "唯一的计划，不能删除") {
		t.Errorf("shown: %s", shown)
	}
	if !bytes.Equal(before, dbBytes(t, st.Path())) {
		t.Error("a refused removal changed the database")
	}
}

// dbBytes is the database file with its write-ahead log, to see that
// nothing was written.
func dbBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(path + "-wal")
	return append(data, wal...)
}

// 删除计划 names what goes, and once confirmed the window shows the plan
// that remains; the backup taken first is on disk.
func TestRemovePlanFromTheWindow(t *testing.T) {
	u, st, second := newTwoPlanUI(t)
	pickPlan(t, u, planName(second))
	st.RecordActual(domain.Actual{ItemID: "A1-01", Period: domain.Period{Year: 2024, Month: 9}, Value: 5.8}, "张三")
	st.AddNote("A1-01", domain.Period{Year: 2024, Month: 9}, "口径调整", "张三")
	test.Tap(button(t, u.win.Content(), "计划"))
	tapMenuItem(t, u.win, "删除计划…")
	confirm := u.win.Canvas().Overlays().Top()
	if shown := texts(confirm); !strings.Contains(shown, "它的1个实际值和1条备注将一并删除") {
		t.Fatalf("confirmation: %s", shown)
	}
	test.Tap(button(t, confirm, "删除"))
	plans, _ := st.Plans()
	if len(plans) != 1 || plans[0].ID == second.ID || u.plan.ID != plans[0].ID || strings.Contains(u.win.Title(), "海宁") {
		t.Fatalf("after removal: plans %+v, window on %q titled %q", plans, u.plan.ID, u.win.Title())
	}
	if u.bar.planSel != nil || u.prefs.String(prefPlan) != plans[0].ID {
		t.Error("the toolbar or the remembered plan still names the removed plan")
	}
	if bs, _ := store.Backups(st.Path()); len(bs) == 0 {
		t.Error("no backup before the removal")
	}
	if !strings.Contains(u.message.Text, "删除前备份") {
		t.Errorf("status bar: %q", u.message.Text)
	}
}

// 导出计划定义 writes the plan file the plan was made from.
func TestExportPlanDefinition(t *testing.T) {
	u, st := newTestUI(t)
	out := filepath.Join(t.TempDir(), "导出", "计划")
	os.MkdirAll(filepath.Dir(out), 0o755)
	u.files = &fakeDialogs{answer: out}
	test.Tap(button(t, u.win.Content(), "计划"))
	tapMenuItem(t, u.win, "导出计划定义…")
	got, err := os.ReadFile(out + ".json")
	want, _ := st.PlanFile()
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("exported %d bytes (%v), want the %d of the plan file", len(got), err, len(want))
	}
	if _, err := domain.ParsePlanFile(got); err != nil {
		t.Errorf("the exported file does not read as a plan: %v", err)
	}
}

// A backup restored may hold other plans than the window knew: the
// switcher is made again, and the plan shown stays shown.
func TestRestoreBringsTheBackupsPlans(t *testing.T) {
	u, st := newTestUI(t)
	shown := u.plan.ID
	if _, err := st.CreatePlan(haining2024(t), "张三"); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(t.TempDir(), "两个计划.db")
	if err := st.Backup(bak); err != nil {
		t.Fatal(err)
	}
	if err := u.restore(bak); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { u.st.Close() })
	if u.bar.planSel == nil || len(u.bar.planSel.Options) != 2 || u.plan.ID != shown {
		t.Errorf("after restore: switcher %v, plan %q (was %q)", u.bar.planSel, u.plan.ID, shown)
	}
}
