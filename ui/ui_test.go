package ui

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/seeds"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/ui/envlocale"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

// newTestUI builds the real window on a real database in a temporary
// folder, with the bundled-font theme so rendering does not depend on the
// fonts installed.
func newTestUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	envlocale.Fix()
	a := test.NewTempApp(t)
	light := fyne.ThemeVariant(1) // theme.VariantLight
	a.Settings().SetTheme(NewTheme(&light))
	if err := SetLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "审阅 数据", "plan.db"), store.Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a.Preferences().SetString(prefName, "张三")
	a.Preferences().SetString(prefUnit, "市人大财经委")
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	u, err := New(a, w, st)
	if err != nil {
		t.Fatal(err)
	}
	w.Show()
	return u, st
}

// find walks a widget tree for the first object that satisfies ok.
func find(o fyne.CanvasObject, ok func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	if ok(o) {
		return o
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if f := find(c, ok); f != nil {
				return f
			}
		}
	case *container.Scroll:
		return find(x.Content, ok)
	case *container.Split:
		if f := find(x.Leading, ok); f != nil {
			return f
		}
		return find(x.Trailing, ok)
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if f := find(c, ok); f != nil {
				return f
			}
		}
	}
	return nil
}

func button(t *testing.T, in fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := find(in, func(o fyne.CanvasObject) bool {
		switch b := o.(type) {
		case *widget.Button:
			return b.Text == text
		case *keyButton: // Enter presses it
			return b.Text == text
		}
		return false
	})
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	if k, ok := b.(*keyButton); ok {
		return &k.Button
	}
	return b.(*widget.Button)
}

// texts gathers every label's and rich text's content under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	find(o, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		}
		return false
	})
	return cjk.Unmark(b.String())
}

// shownForm is the form dialog open in the window, read from its widgets
// as the reviewer sees it.
type shownForm struct {
	title   string
	items   []*widget.FormItem
	general *widget.Label // the error for the whole form
	saveBtn *widget.Button
}

// openForm is the form dialog open in the window, nil when there is none.
func openForm(u *UI) *shownForm {
	overlays := u.win.Canvas().Overlays().List()
	for i := len(overlays) - 1; i >= 0; i-- {
		o := overlays[i]
		fm, ok := find(o, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Form); return ok }).(*widget.Form)
		if !ok {
			continue
		}
		f := &shownForm{items: fm.Items}
		labels := map[string]bool{}
		for _, it := range fm.Items {
			labels[it.Text] = true
		}
		find(o, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.Label:
				if x.TextStyle.Bold && !labels[x.Text] && f.title == "" {
					f.title = x.Text // the dialog's title
				}
			case *widget.Button:
				if x.Importance == widget.HighImportance {
					f.saveBtn = x
				}
			case *fyne.Container:
				if len(x.Objects) == 2 && x.Objects[0] == fyne.CanvasObject(fm) {
					f.general = x.Objects[1].(*widget.Label)
				}
			}
			return false
		})
		return f
	}
	return nil
}

// errorText is the error shown next to a field ("" for the whole form).
func (f *shownForm) errorText(label string) string {
	if label == "" {
		return cjk.Unmark(f.general.Text)
	}
	for _, it := range f.items {
		if it.Text == label {
			return cjk.Unmark(it.Widget.(*fyne.Container).Objects[1].(*widget.Label).Text)
		}
	}
	return ""
}

// formEntry is the entry of a field in the open form.
func formEntry(t *testing.T, u *UI, label string) *escEntry {
	t.Helper()
	if openForm(u) == nil {
		t.Fatal("no form open")
	}
	for _, it := range openForm(u).items {
		if it.Text == label {
			if e, ok := it.Widget.(*fyne.Container).Objects[0].(*escEntry); ok {
				return e
			}
		}
	}
	t.Fatalf("form has no entry %q", label)
	return nil
}

func formSelect(t *testing.T, u *UI, label string) *widget.Select {
	t.Helper()
	for _, it := range openForm(u).items {
		if it.Text == label {
			if s := find(it.Widget, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Select); return ok }); s != nil {
				return s.(*widget.Select)
			}
		}
	}
	t.Fatalf("form has no select %q", label)
	return nil
}

func selectRow(t *testing.T, u *UI, id string) {
	t.Helper()
	for i, it := range u.items.rows {
		if it.ID == id {
			u.items.table.Select(widget.TableCellID{Row: i, Col: 1})
			return
		}
	}
	t.Fatalf("%s is not listed", id)
}

func press(e *escEntry, key fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: key}) }

func TestRecordAnActualThroughTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	u.selectNav(navTo(navIndicators))
	if len(u.items.rows) != 22 {
		t.Fatalf("附件1 lists %d rows, want 22", len(u.items.rows))
	}
	selectRow(t, u, "A1-01")
	if !strings.Contains(texts(u.detail.pane), "1.地区生产总值(注)增长6%左右") {
		t.Fatalf("detail of A1-01:\n%s", texts(u.detail.pane))
	}
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	formSelect(t, u, "期间").SetSelectedIndex(8) // 1-9月
	v := formEntry(t, u, "实际值")
	test.Type(v, "5.8")
	test.Type(formEntry(t, u, "来源"), "市统计局月报")
	press(v, fyne.KeyReturn) // Enter saves
	if openForm(u) != nil {
		t.Fatalf("form still open: %q", openForm(u).errorText("实际值"))
	}
	as, _ := st.Actuals()
	if len(as) != 1 || as[0].Value != 5.8 || as[0].Source != "市统计局月报" || as[0].By != "张三（市人大财经委）" ||
		as[0].Period != (domain.Period{Year: 2023, Month: 9}) {
		t.Fatalf("database after save: %+v", as)
	}
	if s := u.statuses["A1-01"]; s.Code != domain.OnTrack || !strings.Contains(s.Reason, "低于目标0.2个百分点") {
		t.Errorf("status after save: %+v", s)
	}
	if !strings.Contains(texts(u.detail.pane), "1-9月增长5.8%，低于目标0.2个百分点") {
		t.Error("detail does not show the new status")
	}
	if !strings.Contains(texts(u.overview.box), "符合预期 1") {
		t.Errorf("overview does not count it:\n%s", texts(u.overview.box))
	}
	h, _ := st.History("A1-01")
	if len(h) != 1 || h[0].Who != "张三（市人大财经委）" {
		t.Errorf("history: %+v", h)
	}
}

func TestBadInputIsShownBesideTheFieldAndSavesNothing(t *testing.T) {
	u, st := newTestUI(t)
	u.selectNav(navTo(navAll))
	selectRow(t, u, "B1-01")
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	v := formEntry(t, u, "实际值")
	test.Type(v, "二百七十")
	press(v, fyne.KeyReturn)
	if openForm(u) == nil {
		t.Fatal("a bad value closed the form")
	}
	if msg := openForm(u).errorText("实际值"); !strings.Contains(msg, "无法识别") || !strings.Contains(msg, "6.3%") {
		t.Errorf("error beside 实际值: %q", msg)
	}
	v.SetText("27%")
	press(v, fyne.KeyReturn)
	if msg := openForm(u).errorText("实际值"); !strings.Contains(msg, "该项的单位是“个”") {
		t.Errorf("percent on a count: %q", msg)
	}
	v.SetText("270")
	test.Type(formEntry(t, u, "来源日期"), "十月")
	press(v, fyne.KeyReturn)
	if msg := openForm(u).errorText("来源日期"); !strings.Contains(msg, "2023-10-20") {
		t.Errorf("error beside 来源日期: %q", msg)
	}
	press(v, fyne.KeyEscape) // Esc cancels
	if openForm(u) != nil {
		t.Error("Esc did not close the form")
	}
	if as, _ := st.Actuals(); len(as) != 0 {
		t.Errorf("bad input saved: %+v", as)
	}

	// A manual status needs its reason.
	test.Tap(button(t, u.detail.pane, "人工认定…"))
	formSelect(t, u, "状态").SetSelectedIndex(2)
	test.Tap(openForm(u).saveBtn)
	if msg := openForm(u).errorText("理由"); !strings.Contains(msg, "认定理由不能为空") {
		t.Errorf("manual status without a reason: %q", msg)
	}
	if ms, _ := st.ManualStatuses(); len(ms) != 0 {
		t.Errorf("manual status saved without a reason: %+v", ms)
	}
}

func TestNoteUndoAndShortcuts(t *testing.T) {
	u, st := newTestUI(t)
	u.selectNav(navTo(navAll))
	selectRow(t, u, "B1-01")
	test.Tap(button(t, u.detail.pane, "添加备注…"))
	body := formEntry(t, u, "内容")
	note := "部分项目因用地审批延后开工，预计四季度集中开工（涉及12个项目、投资约86.5亿元）。"
	test.Type(body, note)
	test.Tap(openForm(u).saveBtn)
	ns, _ := st.Notes("B1-01")
	if len(ns) != 1 || ns[0].Body != note {
		t.Fatalf("note saved as %+v", ns)
	}
	if !strings.Contains(texts(u.detail.pane), note) {
		t.Error("note not shown in the detail")
	}
	// Ctrl+Z undoes it, and the undo is in history.
	pressCtrl(u.win, fyne.KeyZ)
	if ns, _ := st.Notes("B1-01"); len(ns) != 0 {
		t.Errorf("undo left the note: %+v", ns)
	}
	h, _ := st.History("B1-01")
	if len(h) != 2 || h[1].Action != domain.Undo {
		t.Errorf("history after undo: %+v", h)
	}
	// Ctrl+F focuses the search box; typing filters the list.
	pressCtrl(u.win, fyne.KeyF)
	if u.win.Canvas().Focused() != u.items.search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	test.Type(u.items.search, "湾北")
	if len(u.items.rows) != 1 || u.items.rows[0].ID != "M3-01" {
		t.Errorf("search 湾北: %v", u.items.rows)
	}
	u.items.search.SetText("")
	test.Type(u.items.search, "a2-0")
	if len(u.items.rows) != 8 {
		t.Errorf("search by ID a2-0: %d rows", len(u.items.rows))
	}
}

func TestFiltersAndSorting(t *testing.T) {
	u, st := newTestUI(t)
	for _, a := range []domain.Actual{
		{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 270},
		{ItemID: "B2-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 410},
		{ItemID: "A1-05", Period: domain.Period{Year: 2023, Month: 9}, Value: 9.1},
	} {
		if _, err := st.RecordActual(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	u.changed("")
	u.selectNav(navTo(navAll))
	u.items.statusSel.SetSelected("需关注")
	var ids []string
	for _, it := range u.items.rows {
		ids = append(ids, it.ID)
	}
	if strings.Join(ids, " ") != "A1-05 B1-01 B1-03" {
		t.Errorf("需关注 lists %v", ids)
	}
	u.items.statusSel.SetSelected("快于序时进度")
	if len(u.items.rows) != 1 || u.items.rows[0].ID != "B2-01" {
		t.Errorf("快于序时进度 lists %v", u.items.rows)
	}
	u.items.statusSel.SetSelectedIndex(0)
	u.selectNav(navToSection("S1"))
	if len(u.items.rows) != 15 {
		t.Errorf("section 一 lists %d items, want 15", len(u.items.rows))
	}
	u.selectNav(navTo(navAll))
	tapHeader(t, u, colProgress) // 进度, ascending: B1-01 (67.5%), B2-01 (82%), then the rest
	if u.items.rows[0].ID != "B1-01" || u.items.rows[1].ID != "B2-01" {
		t.Errorf("sorted by progress: %s %s", u.items.rows[0].ID, u.items.rows[1].ID)
	}
	if h := header(t, u, colProgress); h.Text != "进度 ▲" {
		t.Errorf("the sorted column's header says %q", h.Text)
	}
	tapHeader(t, u, colProgress) // descending, blanks still last
	if u.items.rows[0].ID != "B2-01" || u.items.rows[1].ID != "B1-01" {
		t.Errorf("reverse sort: %s %s", u.items.rows[0].ID, u.items.rows[1].ID)
	}
	tapHeader(t, u, colID)
	if u.items.rows[0].ID != "A1-01" {
		t.Errorf("sort by ID: %s", u.items.rows[0].ID)
	}
}

// header is the item table's header button of a column, as drawn.
func header(t *testing.T, u *UI, col sortColumn) *widget.Button {
	t.Helper()
	title := columns[col].title
	b := find(u.items.table, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && strings.HasPrefix(b.Text, title)
	})
	if b == nil {
		t.Fatalf("no header %s drawn", title)
	}
	return b.(*widget.Button)
}

// tapHeader taps a column's header, as the reviewer sorts by it.
func tapHeader(t *testing.T, u *UI, col sortColumn) {
	t.Helper()
	test.Tap(header(t, u, col))
}

func TestLockedPeriodRefusesEditsInTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	tapSelect(t, u, u.bar.periodSel, "前三季度（1-9月）")
	test.Tap(u.bar.lockBtn)
	test.Type(formEntry(t, u, "说明"), "前三季度简报已报送")
	test.Tap(openForm(u).saveBtn)
	if locks, _ := st.Locks(); len(locks) != 1 {
		t.Fatalf("locks: %+v", locks)
	}
	if u.bar.lockBtn.Text != "已锁定" {
		t.Errorf("lock button says %q", u.bar.lockBtn.Text)
	}
	u.selectNav(navTo(navAll))
	selectRow(t, u, "A1-01")
	test.Tap(button(t, u.detail.pane, "录入实际值…"))
	test.Type(formEntry(t, u, "实际值"), "5.8")
	press(formEntry(t, u, "实际值"), fyne.KeyReturn)
	if msg := openForm(u).errorText("期间"); !strings.Contains(msg, "已锁定") {
		t.Errorf("locked period error: %q", msg)
	}
	press(formEntry(t, u, "实际值"), fyne.KeyEscape)
	// Unlocking needs a reason.
	test.Tap(u.bar.lockBtn)
	test.Tap(openForm(u).saveBtn)
	if msg := openForm(u).errorText("理由"); !strings.Contains(msg, "解锁理由不能为空") {
		t.Errorf("unlock without reason: %q", msg)
	}
	test.Type(formEntry(t, u, "理由"), "统计局修订前三季度数据")
	test.Tap(openForm(u).saveBtn)
	if locks, _ := st.Locks(); len(locks) != 0 {
		t.Errorf("still locked: %+v", locks)
	}
	if as, _ := st.Actuals(); len(as) != 0 {
		t.Errorf("a figure was saved into a locked period: %+v", as)
	}
}

func TestHistoryReadsAsWords(t *testing.T) {
	u, st := newTestUI(t)
	by := u.reviewer()
	st.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 270, Source: "市发展改革委"}, by)
	st.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 275}, by)
	st.AddNote("B1-01", domain.Period{}, "进度偏慢", by)
	u.changed("")
	u.selectNav(navTo(navAll))
	selectRow(t, u, "B1-01")
	got := texts(u.detail.pane)
	for _, want := range []string{"张三（市人大财经委） 录入实际值 1-9月：270个，来源：市发展改革委",
		"更正实际值 1-9月：270个，来源：市发展改革委 → 275个", "添加备注：“进度偏慢”"} {
		if !strings.Contains(got, want) {
			t.Errorf("history lacks %q:\n%s", want, got)
		}
	}
}

func TestExportBriefFromTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	st.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 270}, "张三")
	st.AddNote("B1-01", domain.Period{Year: 2023, Month: 9}, "部分项目延后开工，预计四季度集中开工。", "张三")
	u.changed("")
	u.asOf = domain.Period{Year: 2023, Month: 9}
	// The window's own callback for a finished export, told on as well.
	written := make(chan exportResult, 1)
	show := u.briefWritten
	u.briefWritten = func(r exportResult) { show(r); written <- r }
	pressCtrl(u.win, fyne.KeyP)
	fileEntry := find(openForm(u).items[len(openForm(u).items)-1].Widget, func(o fyne.CanvasObject) bool {
		_, ok := o.(*escEntry)
		return ok
	}).(*escEntry)
	if !strings.HasSuffix(fileEntry.Text, "2023年嘉兴市计划执行情况简报（截至1-9月）.pdf") {
		t.Errorf("default file name %q", fileEntry.Text)
	}
	// A folder that does not exist is refused beside the field.
	fileEntry.SetText(filepath.Join(t.TempDir(), "没有这个文件夹", "简报.pdf"))
	press(fileEntry, fyne.KeyReturn)
	if msg := openForm(u).errorText("文件"); !strings.Contains(msg, "不存在") {
		t.Fatalf("missing folder: %q", msg)
	}
	dir := filepath.Join(t.TempDir(), "简报 输出")
	os.MkdirAll(dir, 0o755)
	fileEntry.SetText(filepath.Join(dir, "前三季度简报"))
	press(fileEntry, fyne.KeyReturn)
	var res exportResult
	select {
	case res = <-written:
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish in 20 s")
	}
	if res.err != nil {
		t.Fatalf("export: %v", res.err)
	}
	path := filepath.Join(dir, "前三季度简报.pdf")
	if res.path != path {
		t.Errorf("wrote %s, want %s", res.path, path)
	}
	if msg := u.message.Text; !strings.Contains(msg, "已生成简报："+path) {
		t.Errorf("status bar after the export: %q", msg)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(out)), "")
	if !strings.Contains(flat, "部分项目延后开工，预计四季度集中开工。") || !strings.Contains(flat, "审阅人：张三") {
		t.Errorf("brief text:\n%s", flat)
	}
	if u.prefs.String(prefExportFolder) != dir {
		t.Errorf("last folder not remembered: %q", u.prefs.String(prefExportFolder))
	}
}

// The dialog's Word option writes the brief as a .docx in 公文格式: the
// file name follows the format, the choice is remembered.
func TestExportWordBriefFromTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	st.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 270}, "张三")
	st.AddNote("B1-01", domain.Period{Year: 2023, Month: 9}, "部分项目延后开工。", "张三")
	u.changed("")
	u.asOf = domain.Period{Year: 2023, Month: 9}
	written := make(chan exportResult, 1)
	show := u.briefWritten
	u.briefWritten = func(r exportResult) { show(r); written <- r }
	pressCtrl(u.win, fyne.KeyP)
	f := openForm(u)
	var format *widget.RadioGroup
	var fileEntry *escEntry
	for _, it := range f.items {
		if o := find(it.Widget, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.RadioGroup); return ok }); o != nil {
			format = o.(*widget.RadioGroup)
		}
		if o := find(it.Widget, func(o fyne.CanvasObject) bool { _, ok := o.(*escEntry); return ok }); o != nil {
			fileEntry = o.(*escEntry)
		}
	}
	if format == nil || fileEntry == nil {
		t.Fatal("no format choice or file field in the dialog")
	}
	if format.Selected != "PDF（印发、打印）" || !strings.HasSuffix(fileEntry.Text, "（截至1-9月）.pdf") {
		t.Fatalf("default %q %q", format.Selected, fileEntry.Text)
	}
	format.SetSelected("Word（公文格式，可编辑）")
	if !strings.HasSuffix(fileEntry.Text, "2023年嘉兴市计划执行情况简报（截至1-9月）.docx") {
		t.Errorf("file name after choosing Word: %q", fileEntry.Text)
	}
	dir := t.TempDir()
	fileEntry.SetText(filepath.Join(dir, "简报.pdf"))
	press(fileEntry, fyne.KeyReturn)
	var res exportResult
	select {
	case res = <-written:
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish in 20 s")
	}
	path := filepath.Join(dir, "简报.docx")
	if res.err != nil || res.path != path {
		t.Fatalf("export: %v %s, want %s", res.err, res.path, path)
	}
	if msg := u.message.Text; !strings.HasSuffix(msg, "已生成简报（Word）："+path) {
		t.Errorf("status bar after the export: %q", msg)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	rc, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(rc)
	if !strings.Contains(string(doc), "备注：部分项目延后开工。") {
		t.Error("the Word brief lacks the note")
	}
	if u.prefs.String(prefExportFormat) != ".docx" {
		t.Errorf("format not remembered: %q", u.prefs.String(prefExportFormat))
	}
	// 简报核验…: the brief just written agrees with the data; after a
	// figure is corrected, the check names the item, the values and who.
	if got := u.showVerification(path); !strings.HasPrefix(got, "与当前数据一致：数据指纹 ") {
		t.Errorf("check right after the export: %q", got)
	}
	if _, err := st.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 275}, "李四"); err != nil {
		t.Fatal(err)
	}
	u.changed("")
	got := u.showVerification(path)
	for _, want := range []string{"与当前数据不一致", "B1-01 ", "李四 更正实际值 1-9月：270个 → 275个"} {
		if !strings.Contains(got, want) {
			t.Errorf("check after a correction lacks %q:\n%s", want, got)
		}
	}
	if u.message.Text == "" || !strings.Contains(u.message.Text, "简报与当前数据不一致") {
		t.Errorf("status bar after the check: %q", u.message.Text)
	}
}

func TestImportPreviewInTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "有问题.csv")
	os.WriteFile(bad, []byte("指标编号,期间,实际值\nA1-01,2023-09,5.8\nA1-02,2023-09,很好\n"), 0o644)
	d := u.previewImport(bad)
	if d == nil || len(d.preview.Problems()) != 1 || !d.button.Disabled() {
		t.Fatalf("a file with a problem must not be importable: %+v", d)
	}
	if !strings.Contains(d.preview.Problems()[0], "第3行“实际值”列（C列）") {
		t.Errorf("problem %q", d.preview.Problems()[0])
	}
	good := filepath.Join(dir, "前三季度.csv")
	os.WriteFile(good, []byte("指标编号,期间,实际值,来源\nA1-01,2023-09,5.8,市统计局\nB1-01,1-9月,270,市发改委\n"), 0o644)
	d = u.previewImport(good)
	if d == nil || d.button.Disabled() || d.preview.Count("new") != 2 {
		t.Fatalf("good file: %+v", d)
	}
	if s := d.preview.Rows[1].Status; s.Code != domain.Behind {
		t.Errorf("preview status of B1-01: %+v", s)
	}
	test.Tap(d.button)
	if as, _ := st.Actuals(); len(as) != 2 {
		t.Fatalf("imported %d figures", len(as))
	}
	if u.statuses["B1-01"].Code != domain.Behind {
		t.Error("the window did not refresh after the import")
	}
	// The same figures again change nothing; a different one needs the
	// overwrite box.
	os.WriteFile(good, []byte("指标编号,期间,实际值\nA1-01,2023-09,5.9\n"), 0o644)
	d = u.previewImport(good)
	if d == nil || !d.button.Disabled() {
		t.Fatal("a correction must wait for the overwrite box")
	}
	test.Tap(d.overwrite)
	if d.button.Disabled() {
		t.Fatal("overwrite ticked, import still disabled")
	}
	test.Tap(d.button)
	h, _ := st.History("A1-01")
	if last := h[len(h)-1]; last.Action != domain.CorrectActual || !strings.Contains(last.Detail, "导入自 前三季度.csv") {
		t.Errorf("history: %+v", last)
	}
}

func TestRestoreFromTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	st.RecordActual(domain.Actual{ItemID: "A1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 5.8}, "张三")
	bak := filepath.Join(t.TempDir(), "备份.db")
	if err := st.Backup(bak); err != nil {
		t.Fatal(err)
	}
	u.st.RecordActual(domain.Actual{ItemID: "A1-02", Period: domain.Period{Year: 2023, Month: 9}, Value: 4.2}, "张三")
	u.changed("")
	if err := u.restore(bak); err != nil {
		t.Fatal(err)
	}
	as, _ := u.st.Actuals()
	if len(as) != 1 || as[0].ItemID != "A1-01" {
		t.Errorf("after restore: %+v", as)
	}
	if u.statuses["A1-02"].Code != domain.NoData {
		t.Error("the window still shows the replaced data")
	}
	if bs, _ := store.Backups(u.st.Path()); len(bs) == 0 {
		t.Error("the database before the restore was not kept as a backup")
	}
	u.st.Close()
}

func TestDamagedDatabaseAtStart(t *testing.T) {
	envlocale.Fix()
	a := test.NewTempApp(t)
	SetLanguage("zh")
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.db")
	st, _ := store.Open(path, store.Options{Bundle: bundle})
	st.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 270}, "张三")
	st.Close()
	st, _ = store.Open(path, store.Options{Bundle: bundle}) // the start backup holds the figure
	st.Close()
	b, _ := os.ReadFile(path)
	for i := 4096; i < len(b); i += 4096 {
		for j := 0; j < 8; j++ {
			b[i+j] ^= 0xFF
		}
	}
	os.WriteFile(path, b, 0o644)
	_, err := store.Open(path, store.Options{Bundle: bundle})
	if err == nil {
		t.Fatal("damage not detected")
	}
	w := a.NewWindow("t")
	var started *store.Store
	damagedWindow(a, w, path, err, func(o store.Options) (*store.Store, error) { return store.Open(path, o) },
		func(s *store.Store) { started = s })
	all := texts(w.Content())
	if !strings.Contains(all, "数据库未能通过检查") || !strings.Contains(all, "最新的完好备份") || !strings.Contains(all, "实际值1条") {
		t.Fatalf("damaged window:\n%s", all)
	}
	if strings.Contains(all, "planreview") {
		t.Errorf("the damaged window gives a command line:\n%s", all)
	}
	test.Tap(button(t, w.Content(), "从这个备份恢复"))
	if started == nil {
		t.Fatalf("restore did not start the app:\n%s", texts(w.Content()))
	}
	defer started.Close()
	if as, _ := started.Actuals(); len(as) != 1 {
		t.Errorf("restored %d figures", len(as))
	}
}
