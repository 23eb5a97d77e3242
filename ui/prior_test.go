package ui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
)

// jiaxing2024 is the bundled plan made 嘉兴's 2024 plan, with 一般公共预算收入
// renamed, as next year's table words it anew.
func jiaxing2024() store.NewPlan {
	r := strings.NewReplacer("2023", "2024", "jiaxing", "jx", `"name": "一般公共预算收入"`, `"name": "地方一般公共预算收入"`)
	return store.NewPlan{Dataset: []byte(r.Replace(string(seeds.PlanJSON))), City: "嘉兴市", Year: 2024}
}

// The detail pane of a 2024 plan shows 2023's result beside this year's
// target: A1-01, paired by name, at once; A1-02, renamed, once the
// reviewer pairs it through 配对上年项目… (searching the list).
func TestDetailShowsLastYearAfterPairing(t *testing.T) {
	u, st := newTestUI(t)
	for _, a := range []domain.Actual{{ItemID: "A1-01", Period: period(12), Value: 6.3}, {ItemID: "A1-02", Period: period(12), Value: 4.8}} {
		if _, err := st.RecordActual(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	next, err := st.CreatePlan(jiaxing2024(), "张三")
	if err != nil {
		t.Fatal(err)
	}
	u.switchPlan(next.ID)
	u.selectItem("A1-01")
	if got := texts(u.detail.pane); !strings.Contains(got, "上年目标：增长6%左右") || !strings.Contains(got, "上年完成：1-12月 增长6.3%") {
		t.Errorf("A1-01's detail lacks last year:\n%s", got)
	}
	u.selectItem("A1-02")
	if got := texts(u.detail.pane); !strings.Contains(got, "上年目标：未配对") || !strings.Contains(got, "上年完成：暂无") {
		t.Fatalf("A1-02 before pairing:\n%s", got)
	}
	test.Tap(button(t, u.detail.pane, "配对上年项目…"))
	f := openForm(u)
	if f == nil || !strings.Contains(f.title, "配对上年项目：A1-02") {
		t.Fatalf("no pairing form: %+v", f)
	}
	test.Tap(f.saveBtn) // nothing chosen
	if got := openForm(u).errorText(""); !strings.Contains(got, "请在列表中选择上年项目") {
		t.Errorf("saving with nothing chosen: %q", got)
	}
	test.Type(formEntry(t, u, "搜索"), "一般公共预算")
	list := find(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool { _, ok := o.(*widget.List); return ok }).(*widget.List)
	if n := list.Length(); n != 2 { // 不配对, and the one match
		t.Fatalf("the search lists %d rows, want 2", n)
	}
	list.Select(1)
	test.Tap(openForm(u).saveBtn)
	if openForm(u) != nil {
		t.Fatalf("form still open: %q", openForm(u).errorText(""))
	}
	if got := texts(u.detail.pane); !strings.Contains(got, "上年完成：1-12月 增长4.8%") ||
		!strings.Contains(got, "对应上年项目：A1-02 一般公共预算收入（审阅人配对）") ||
		!strings.Contains(got, "张三（市人大财经委） 配对上年项目：上年 A1-02") {
		t.Errorf("A1-02 after pairing:\n%s", got)
	}
	u.undo()
	if got := texts(u.detail.pane); !strings.Contains(got, "上年目标：未配对") {
		t.Errorf("after undo:\n%s", got)
	}
}

// The item table's 上年完成 column: off until the reviewer ticks the box
// above the table, then shown with last year's figure and status, kept
// when the window is laid out again and remembered in the preferences.
func TestItemTableShowsLastYearOnRequest(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(12), Value: 6.3}, "张三"); err != nil {
		t.Fatal(err)
	}
	next, err := st.CreatePlan(jiaxing2024(), "张三")
	if err != nil {
		t.Fatal(err)
	}
	u.switchPlan(next.ID)
	u.selectNav(navTo(navAll))
	if _, cols := u.items.table.Length(); cols != int(colPrior) {
		t.Fatalf("%d columns before asking, want %d", cols, colPrior)
	}
	test.Tap(u.items.priorCheck)
	if _, cols := u.items.table.Length(); cols != len(columns) {
		t.Fatalf("%d columns after ticking 上年完成, want %d", cols, len(columns))
	}
	a101 := mustItem(t, u, "A1-01")
	a102 := mustItem(t, u, "A1-02")
	if got := u.items.priorText(a101); got != "增长6.3%" {
		t.Errorf("A1-01's 上年完成 cell: %q", got)
	}
	if got := u.items.priorText(a102); got != "—" {
		t.Errorf("unpaired A1-02's cell: %q", got)
	}
	tapHeader(t, u, colPrior)
	if u.items.rows[0].ID != "A1-01" {
		t.Errorf("sorted by 上年完成, the first row is %s", u.items.rows[0].ID)
	}
	if !u.app.Preferences().Bool(prefPriorColumn) {
		t.Error("the choice is not remembered")
	}
	u.rebuild()
	if _, cols := u.items.table.Length(); cols != len(columns) || !u.items.priorCheck.Checked {
		t.Errorf("after the window is laid out again: %d columns", cols)
	}
}

// The brief written from the window has 表1's 上年完成 column with 2023's
// full-year figure, as the command line's does.
func TestBriefFromTheWindowShowsLastYear(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	u, st := newTestUI(t)
	if _, err := st.RecordActual(domain.Actual{ItemID: "A1-01", Period: period(12), Value: 6.3}, "张三"); err != nil {
		t.Fatal(err)
	}
	next, err := st.CreatePlan(jiaxing2024(), "张三")
	if err != nil {
		t.Fatal(err)
	}
	u.switchPlan(next.ID)
	written := make(chan exportResult, 1)
	show := u.briefWritten
	u.briefWritten = func(r exportResult) { show(r); written <- r }
	pressCtrl(u.win, fyne.KeyP)
	fileEntry := find(openForm(u).items[len(openForm(u).items)-1].Widget, func(o fyne.CanvasObject) bool {
		_, ok := o.(*escEntry)
		return ok
	}).(*escEntry)
	path := filepath.Join(t.TempDir(), "2024简报.pdf")
	fileEntry.SetText(path)
	press(fileEntry, fyne.KeyReturn)
	select {
	case res := <-written:
		if res.err != nil {
			t.Fatal(res.err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish in 20 s")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(out)), "")
	if !strings.Contains(flat, "上年完成") || !strings.Contains(flat, "增长6.3%（完成）") {
		t.Errorf("the 2024 brief lacks 上年完成:\n%s", flat)
	}
}

// After a plan is created beside last year's, the notice says how many
// items found no counterpart by name and where to pair them.
func TestNoticeOfUnmatchedItems(t *testing.T) {
	u, st := newTestUI(t)
	u.noticeUnmatched() // the bundled plan has no previous plan: no notice
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a notice without a previous plan: %s", texts(top))
	}
	next, err := st.CreatePlan(jiaxing2024(), "张三")
	if err != nil {
		t.Fatal(err)
	}
	u.switchPlan(next.ID)
	u.noticeUnmatched()
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "1项名称不同、未能配对") || !strings.Contains(texts(top), "配对上年项目…") {
		t.Fatalf("notice: %v", top)
	}
}

// On a 1024×600 screen the table scrolls sideways: ticking 上年完成 must
// bring the new column into view, or the box seems to do nothing.
func TestPriorColumnComesIntoViewOnASmallScreen(t *testing.T) {
	u := newScreenUI(t, 1024, 600, "zh")
	u.selectNav(navTo(navAll))
	test.Tap(u.items.priorCheck)
	var header fyne.CanvasObject
	find(u.items.table, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "上年完成") && b.Visible() {
			header = b
			return true
		}
		return false
	})
	if header == nil {
		t.Fatal("no 上年完成 header after ticking the box")
	}
	left, right := bounds(header)
	_, tableRight := bounds(u.items.table)
	tableLeft, _ := bounds(u.items.table)
	if left < tableLeft || right > tableRight+1 {
		t.Errorf("上年完成's header is drawn at %.0f–%.0f, outside the table's %.0f–%.0f: out of view", left, right, tableLeft, tableRight)
	}
}
