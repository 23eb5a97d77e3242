package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
)

// pressCtrl delivers Ctrl+key as Fyne's desktop driver does
// (internal/driver/glfw/window.go, triggersShortcut, v2.7.1): Ctrl+Z and
// the clipboard keys become Fyne's standard shortcuts, any other key a
// desktop.CustomShortcut; the focused widget gets it if it takes
// shortcuts, and only otherwise the window's canvas.
func pressCtrl(w fyne.Window, key fyne.KeyName) {
	var s fyne.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierControl}
	switch key {
	case fyne.KeyZ:
		s = &fyne.ShortcutUndo{}
	case fyne.KeyY:
		s = &fyne.ShortcutRedo{}
	case fyne.KeyA:
		s = &fyne.ShortcutSelectAll{}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// recordThroughForm records a figure for the item in the detail pane the
// way a reviewer does: the button, the value, Enter.
func recordThroughForm(t *testing.T, u *UI, value string) {
	t.Helper()
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	formSelect(t, u, "期间").SetSelectedIndex(8) // 1-9月
	v := formEntry(t, u, "实际值")
	test.Type(v, value)
	press(v, fyne.KeyReturn)
	if openForm(u) != nil {
		t.Fatalf("form still open: %q", openForm(u).errorText("实际值"))
	}
}

func TestCtrlZUndoesTheLastChangeWhateverHasFocus(t *testing.T) {
	for _, tc := range []struct {
		name  string
		focus func(u *UI)
	}{
		{"nothing focused", func(u *UI) { u.win.Canvas().Unfocus() }},
		{"search box focused", func(u *UI) { u.win.Canvas().Focus(u.items.search) }},
		{"table focused", func(u *UI) { u.win.Canvas().Focus(u.items.table) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t)
			u.selectNav(navTo(navIndicators))
			tapRow(t, u, "A1-01")
			recordThroughForm(t, u, "5.8")
			if as, _ := st.Actuals(); len(as) != 1 {
				t.Fatalf("recorded %d figures", len(as))
			}
			tc.focus(u)
			pressCtrl(u.win, fyne.KeyZ)
			if as, _ := st.Actuals(); len(as) != 0 {
				t.Fatalf("Ctrl+Z left %+v", as)
			}
			if msg := u.message.Text; !strings.Contains(msg, "已撤销：录入实际值 A1-01 1-9月") {
				t.Errorf("status bar after undo: %q", msg)
			}
		})
	}
}

// In an open dialog Ctrl+Z never undoes a saved change the reviewer
// cannot see: in a field it undoes the typing; on the period list, which
// takes no shortcuts, it does nothing.
func TestCtrlZInADialogLeavesTheSavedChange(t *testing.T) {
	for _, inField := range []bool{true, false} {
		u, st := newTestUI(t)
		u.selectNav(navTo(navIndicators))
		tapRow(t, u, "A1-01")
		recordThroughForm(t, u, "5.8")
		test.Tap(button(t, u.detail.pane, "添加备注…"))
		body := formEntry(t, u, "内容")
		test.Type(body, "待核实")
		if !inField {
			u.win.Canvas().Unfocus()
		}
		pressCtrl(u.win, fyne.KeyZ)
		if as, _ := st.Actuals(); len(as) != 1 {
			t.Errorf("focus in the field %v: Ctrl+Z undid a saved figure: %+v", inField, as)
		}
		if undone := body.Text != "待核实"; undone != inField {
			t.Errorf("focus in the field %v: the note's text is %q", inField, body.Text)
		}
	}
}

func TestShortcutsReachTheWindowFromTheSearchBox(t *testing.T) {
	u, _ := newTestUI(t)
	pressCtrl(u.win, fyne.KeyF)
	if u.win.Canvas().Focused() != u.items.search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	test.Type(u.items.search, "湾北")
	pressCtrl(u.win, fyne.KeyA) // the entry's own: select all
	if u.items.search.SelectedText() != "湾北" {
		t.Errorf("Ctrl+A in the search box selected %q", u.items.search.SelectedText())
	}
	u.items.search.SetText("湾北 a2-0")
	u.items.search.CursorColumn = len([]rune(u.items.search.Text))
	pressCtrl(u.win, fyne.KeyBackspace) // the entry's own: delete a word
	if u.items.search.Text != "湾北 " {
		t.Errorf("Ctrl+Backspace in the search box left %q", u.items.search.Text)
	}
	pressCtrl(u.win, fyne.KeyP)
	if openForm(u) == nil || !strings.Contains(openForm(u).title, "简报") {
		t.Fatal("Ctrl+P in the search box did not open the brief dialog")
	}
}

// cellPos is where on the canvas a row's cell in column col is drawn:
// the cells level with the rendered 编号 cell showing the row's ID.
func cellPos(t *testing.T, u *UI, id string, col int) fyne.Position {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	var cells []fyne.CanvasObject
	find(u.items.table, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 3 {
			if _, ok := c.Objects[1].(*badge); ok {
				cells = append(cells, c)
			}
		}
		return false
	})
	var y float32 = -1
	for _, c := range cells {
		if l := c.(*fyne.Container).Objects[0].(*widget.Label); l.Visible() && l.Text == id {
			y = d.AbsolutePositionForObject(c).Y
		}
	}
	if y < 0 {
		t.Fatalf("no visible row %s", id)
	}
	var row []fyne.CanvasObject
	for _, c := range cells {
		if c.Visible() && d.AbsolutePositionForObject(c).Y == y {
			row = append(row, c)
		}
	}
	sort.Slice(row, func(i, j int) bool {
		return d.AbsolutePositionForObject(row[i]).X < d.AbsolutePositionForObject(row[j]).X
	})
	if col >= len(row) {
		t.Fatalf("row %s shows %d cells", id, len(row))
	}
	return d.AbsolutePositionForObject(row[col]).Add(fyne.NewPos(5, row[col].Size().Height/2))
}

// tapRow taps a row's 名称 cell on the window's canvas, where a click lands.
func tapRow(t *testing.T, u *UI, id string) {
	t.Helper()
	test.TapCanvas(u.win.Canvas(), cellPos(t, u, id, 1))
}

// highlighted is the table row Fyne draws as selected, or -1.
func highlighted(u *UI) int {
	sel := reflect.ValueOf(u.items.table).Elem().FieldByName("selectedCell")
	if sel.IsNil() {
		return -1
	}
	return int(sel.Elem().FieldByName("Row").Int())
}

func TestTheHighlightedRowIsTheItemInThePane(t *testing.T) {
	u, st := newTestUI(t)
	pressCtrl(u.win, fyne.KeyF)
	test.Type(u.items.search, "地区生产总值")
	tapRow(t, u, "A1-01")
	if !strings.HasPrefix(texts(u.detail.head), "A1-01") {
		t.Fatalf("tapping A1-01 shows:\n%s", texts(u.detail.pane))
	}
	u.items.search.SetText("")
	test.Type(u.items.search, "固定资产投资")
	if h := highlighted(u); h != -1 {
		t.Fatalf("A1-01 is not listed, yet row %d (%s) is highlighted", h, u.items.rows[h].ID)
	}
	tapRow(t, u, u.items.rows[0].ID) // the cell that looked selected before
	want := u.items.rows[0].ID
	if !strings.HasPrefix(texts(u.detail.head), want) {
		t.Fatalf("tapping %s shows:\n%s", want, texts(u.detail.pane))
	}
	if h := highlighted(u); h != 0 {
		t.Errorf("row %d highlighted, want 0", h)
	}
	// A figure typed now goes to the item in the pane.
	recordThroughForm(t, u, "5")
	as, _ := st.Actuals()
	if len(as) != 1 || as[0].ItemID != domain.TrackedID(mustItem(t, u, want)) {
		t.Errorf("figure went to %+v, pane shows %s", as, want)
	}
	// Clearing the search lists A1-01 again above it: the highlight follows.
	u.items.search.SetText("")
	if h := highlighted(u); h < 0 || u.items.rows[h].ID != want {
		t.Errorf("after clearing the search row %d is highlighted, pane shows %s", h, want)
	}
}

func TestEveryCellOfARowOpensIt(t *testing.T) {
	for col := range columns {
		u, _ := newTestUI(t)
		u.selectNav(navTo(navIndicators))
		if sortColumn(col) == colPrior { // shown when asked for
			test.Tap(u.items.priorCheck)
		}
		test.TapCanvas(u.win.Canvas(), cellPos(t, u, "A1-03", col))
		if !strings.HasPrefix(texts(u.detail.head), "A1-03") {
			t.Errorf("tapping column %d of A1-03 shows:\n%.40s", col, texts(u.detail.pane))
		}
		if h := highlighted(u); h < 0 || u.items.rows[h].ID != "A1-03" {
			t.Errorf("column %d: row %d highlighted", col, h)
		}
	}
}

func mustItem(t *testing.T, u *UI, id string) domain.Item {
	t.Helper()
	it, ok := u.plan.Item(id)
	if !ok {
		t.Fatalf("no item %s", id)
	}
	return it
}

func TestOverviewShowsWhileTheSearchBoxHasText(t *testing.T) {
	u, _ := newTestUI(t)
	pressCtrl(u.win, fyne.KeyF)
	test.Type(u.items.search, "地区")
	if !u.items.pane.Visible() || len(u.items.rows) == 0 {
		t.Fatal("searching does not show the table")
	}
	test.TapCanvas(u.win.Canvas(), navPos(t, u, "总览"))
	if u.nav.shown.kind != navOverview || !u.center.Objects[0].Visible() || u.items.pane.Visible() {
		t.Errorf("总览 with text in the search box: nav %v, overview shown %v", u.nav.shown, u.center.Objects[0].Visible())
	}
	test.TapCanvas(u.win.Canvas(), navPos(t, u, "全部项目"))
	if !u.items.pane.Visible() || u.items.search.Text != "地区" || len(u.items.rows) >= len(u.plan.Items) {
		t.Errorf("back to the list: search %q, %d rows", u.items.search.Text, len(u.items.rows))
	}
}

// navPos is where the navigation entry starting with title is drawn.
func navPos(t *testing.T, u *UI, title string) fyne.Position {
	t.Helper()
	l := find(u.nav.list, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.HasPrefix(l.Text, title)
	})
	if l == nil {
		t.Fatalf("no navigation entry %s", title)
	}
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Add(fyne.NewPos(10, 10))
}

// The walk-through script clicks where the trace says things are: a
// position traced must hit the thing named.
func TestTracedPlacesAreWhereClicksLand(t *testing.T) {
	u, _ := newTestUI(t)
	var log strings.Builder
	u.TraceTo(&log)
	u.selectNav(navTo(navIndicators))
	u.tracePlaces()
	row := tracedAt(t, log.String(), "row:A1-04")
	test.TapCanvas(u.win.Canvas(), row)
	if !strings.Contains(log.String(), "detail A1-04\n") {
		t.Fatalf("tapping the traced place of A1-04 traced:\n%s", log.String())
	}
	if openForm(u) != nil {
		t.Fatal("a form is open before the tap")
	}
	test.TapCanvas(u.win.Canvas(), tracedAt(t, log.String(), "button:录入实际值"))
	if openForm(u) == nil || !strings.Contains(log.String(), "form 录入实际值：A1-04") {
		t.Errorf("tapping the traced 录入实际值 opened no form:\n%s", log.String())
	}
}

// tracedAt is the newest traced position of what, in canvas units.
func tracedAt(t *testing.T, log, what string) fyne.Position {
	t.Helper()
	var p fyne.Position
	found := false
	for _, line := range strings.Split(log, "\n") {
		var x, y float32
		if _, err := fmt.Sscanf(line, "at "+what+" %g %g", &x, &y); err == nil {
			p, found = fyne.NewPos(x, y), true
		}
	}
	if !found {
		t.Fatalf("no place traced for %s:\n%s", what, log)
	}
	return p
}

// pressKey delivers a key without modifiers as the driver does: to the
// focused widget.
func pressKey(w fyne.Window, key fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
}

// typeText types into the focused widget, as the driver delivers characters.
func typeText(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

func TestNoteDialogEnterAddsALineCtrlEnterSaves(t *testing.T) {
	u, st := newTestUI(t)
	u.selectNav(navToSection("S1"))
	tapRow(t, u, "B1-01")
	test.Tap(button(t, u.detail.pane, "添加备注…"))
	if got := openForm(u).saveBtn.Text; got != "保存（Ctrl+Enter）" {
		t.Errorf("the note dialog's button says %q", got)
	}
	if hint := openForm(u).items[1].HintText; !strings.Contains(hint, "Enter 换行") || !strings.Contains(hint, "Ctrl+Enter 保存") {
		t.Errorf("the note's hint says %q", hint)
	}
	typeText(u.win, "第一行")
	pressKey(u.win, fyne.KeyReturn)
	typeText(u.win, "第二行")
	if openForm(u) == nil {
		t.Fatal("Enter closed the note dialog")
	}
	pressCtrl(u.win, fyne.KeyReturn)
	if openForm(u) != nil {
		t.Fatal("Ctrl+Enter did not save the note")
	}
	if ns, _ := st.Notes("B1-01"); len(ns) != 1 || ns[0].Body != "第一行\n第二行" {
		t.Errorf("note saved as %+v", ns)
	}
	// A one-line form still saves on Enter and says so.
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	if got := openForm(u).saveBtn.Text; got != "保存（Enter）" {
		t.Errorf("the figure dialog's button says %q", got)
	}
	typeText(u.win, "270")
	pressCtrl(u.win, fyne.KeyReturn)
	if as, _ := st.Actuals(); openForm(u) != nil || len(as) != 1 {
		t.Errorf("Ctrl+Enter in a one-line form: form open %v, figures %+v", openForm(u) != nil, as)
	}
}

func TestWindowTextsUseTheUsersWords(t *testing.T) {
	u, st := newTestUI(t)
	by := u.reviewer()
	for i := 0; i < historyShown+3; i++ {
		if _, err := st.AddNote("A1-01", domain.Period{Year: 2023, Month: 9}, fmt.Sprintf("第%d条", i), by); err != nil {
			t.Fatal(err)
		}
	}
	u.changed("")
	u.selectNav(navTo(navIndicators))
	tapRow(t, u, "A1-01")
	all := texts(u.detail.pane)
	if strings.Contains(all, "planreview") {
		t.Errorf("the pane gives a command line:\n%s", all)
	}
	test.Tap(button(t, u.detail.pane, "显示全部（另有3条）"))
	if h := texts(u.detail.pane); !strings.Contains(h, "添加备注 1-9月：“第0条”") || strings.Contains(h, "显示全部") {
		t.Errorf("显示全部 does not list the oldest change:\n%s", h)
	}
	pressCtrl(u.win, fyne.KeyZ)
	if msg := u.message.Text; !strings.Contains(msg, "已撤销：添加备注 A1-01 1-9月") {
		t.Errorf("undo message %q", msg)
	}

	// The source date's example is a placeholder, not a value.
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	date := formEntry(t, u, "来源日期")
	if date.Text != "" || !strings.HasPrefix(date.PlaceHolder, "如：") {
		t.Errorf("来源日期 shows text %q, placeholder %q", date.Text, date.PlaceHolder)
	}
	press(date, fyne.KeyEscape)

	// A file without a header says how to get a template in the window.
	bad := filepath.Join(t.TempDir(), "无表头.csv")
	os.WriteFile(bad, []byte("项目,月份,数值\nA1-01,2023-09,5.8\n"), 0o644)
	u.previewImport(bad)
	if msg := u.message.Text; strings.Contains(msg, "planreview") || !strings.Contains(msg, "保存填报模板") {
		t.Errorf("no-header message: %q", msg)
	}
}

// inPaneView reports whether o, inside the detail pane's scrolled part,
// is wholly within the pane's visible height.
func inPaneView(u *UI, o fyne.CanvasObject) bool {
	in, ok := posIn(u.detail.body, o)
	if !ok {
		return false
	}
	y := in.Y - u.detail.box.Offset.Y
	return y >= 0 && y+o.Size().Height <= u.detail.box.Size().Height
}

func labelIn(c fyne.CanvasObject, text string) fyne.CanvasObject {
	return find(c, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(cjk.Unmark(l.Text), text)
	})
}

// wheelStepsTo scrolls the detail pane one wheel step at a time, as the
// driver reports a step (25 px on Linux and Windows), until o is in view.
func wheelStepsTo(t *testing.T, u *UI, o fyne.CanvasObject) int {
	t.Helper()
	mid := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.detail.box).Add(fyne.NewPos(100, 200))
	for n := 0; n < 200; n++ {
		if inPaneView(u, o) {
			return n
		}
		test.Scroll(u.win.Canvas(), mid, 0, -driverWheelStep)
	}
	t.Fatal("200 wheel steps did not bring it into view")
	return 0
}

func TestDetailPaneScrollsAtANormalSpeedAndKeepsItsPlace(t *testing.T) {
	u, st := newTestUI(t)
	u.selectNav(navToSection("S1"))
	tapRow(t, u, "B1-01")
	history := labelIn(u.detail.body, "修改记录")
	steps := wheelStepsTo(t, u, history)
	t.Logf("wheel steps from the top to 修改记录 at 1366×768: %d (pane %.0f px, content %.0f px)",
		steps, u.detail.box.Size().Height, u.detail.body.MinSize().Height)
	if steps > 10 {
		t.Errorf("%d wheel steps to reach 修改记录", steps)
	}

	// Add a note from where the pane is: it stays there, and moves only
	// as far as it must for the note to show.
	u.detail.box.ScrollToTop()
	add := button(t, u.detail.body, "添加备注…")
	wheelStepsTo(t, u, add) // 添加备注 is at the bottom edge
	for i, note := range []string{"集中开工推迟到四季度", "第二条备注"} {
		at := u.detail.box.Offset
		test.Tap(button(t, u.detail.body, "添加备注…"))
		typeText(u.win, note)
		pressCtrl(u.win, fyne.KeyReturn)
		if ns, _ := st.Notes("B1-01"); len(ns) != i+1 {
			t.Fatalf("notes: %+v", ns)
		}
		line := labelIn(u.detail.body, note)
		if line == nil || !inPaneView(u, line) {
			t.Fatalf("the note just saved, %q, is not in view", note)
		}
		if moved := u.detail.box.Offset.Y - at.Y; moved < 0 || moved > line.Size().Height+theme.Padding()*2 {
			t.Errorf("saving %q moved the pane from %v to %v", note, at, u.detail.box.Offset)
		}
		if i == 0 {
			// Now with room below: the pane does not move at all.
			test.Scroll(u.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(u.detail.box).Add(fyne.NewPos(100, 200)), 0, -driverWheelStep)
		} else if u.detail.box.Offset != at {
			t.Errorf("with the note's place in view the pane moved from %v to %v", at, u.detail.box.Offset)
		}
	}
	// Another item starts at its top.
	u.selectItem("B1-02")
	if u.detail.box.Offset.Y != 0 {
		t.Errorf("another item opened at %v", u.detail.box.Offset)
	}
}

func TestRecordButtonIsWhollyOnScreenForEveryItem(t *testing.T) {
	u, _ := newTestUI(t)
	canvas := u.win.Canvas().Size()
	for _, it := range u.plan.Items {
		u.selectItem(it.ID)
		b := button(t, u.detail.head, "录入实际值…")
		in, _ := posIn(u.detail.head, b)
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.detail.head).Add(in)
		if p.X < 0 || p.Y < 0 || p.X+b.Size().Width > canvas.Width || p.Y+b.Size().Height > canvas.Height || b.Size().Height < b.MinSize().Height {
			t.Errorf("%s: 录入实际值 at %v size %v, window %v", it.ID, p, b.Size(), canvas)
		}
	}
}

func TestCtrlFSelectsTheSearchSoTypingReplacesIt(t *testing.T) {
	u, _ := newTestUI(t)
	pressCtrl(u.win, fyne.KeyF)
	typeText(u.win, "A1-01")
	u.selectNav(navTo(navIndicators))
	tapRow(t, u, "A1-01") // the table takes the focus
	pressCtrl(u.win, fyne.KeyF)
	typeText(u.win, "A1-05")
	if u.items.search.Text != "A1-05" || len(u.items.rows) != 1 || u.items.rows[0].ID != "A1-05" {
		t.Errorf("search box %q lists %d rows", u.items.search.Text, len(u.items.rows))
	}
}

func TestOneWheelStepMovesTheOverviewAsFarAsOtherPrograms(t *testing.T) {
	u, st := newTestUI(t)
	// Figures below target, so the overview lists them under 需关注.
	for _, f := range []struct {
		id string
		v  float64
	}{{"A1-02", 4.2}, {"A1-05", 9.1}, {"A1-07", 13.1}, {"A1-13a", 5.2}, {"B1-01", 270}, {"B1-02", 80}} {
		if _, err := st.RecordActual(domain.Actual{ItemID: f.id, Period: domain.Period{Year: 2023, Month: 9}, Value: f.v}, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	u.changed("")
	u.selectNav(navTo(navOverview))
	scroll := u.center.Objects[0].(*container.Scroll)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(scroll).Add(fyne.NewPos(100, 100))
	scroll.Refresh() // as the driver does before a frame: the content takes its new height
	test.Scroll(u.win.Canvas(), at, 0, -driverWheelStep)
	if got := scroll.Offset.Y; got < 60 {
		t.Errorf("one wheel step moved the overview %.0f px", got)
	}
}
