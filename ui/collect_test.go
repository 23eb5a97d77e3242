package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// roundSent is a 1-9月 round of the bundled plan started in st: A1 (C1)
// led by 市发展改革委, B1 (S1) by 市商务局 with 市发展改革委, A2 (C2) by
// 市统计局; the workbooks as sent, by unit.
func roundSent(t *testing.T, u *UI, st *store.Store) map[string]string {
	t.Helper()
	sections := map[string][]string{}
	for _, it := range u.plan.Items {
		sections[it.Section] = append(sections[it.Section], it.ID)
	}
	for _, as := range []store.Assignment{
		{Items: sections["C1"], Lead: "市发展改革委", NewUnits: true},
		{Items: sections["S1"], Lead: "市商务局", With: []string{"市发展改革委"}, NewUnits: true},
		{Items: sections["C2"], Lead: "市统计局", NewUnits: true},
	} {
		if _, err := st.AssignUnits(as, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	u.changed("")
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 9}, "2023-10-10")
	if err != nil {
		t.Fatal(err)
	}
	files, err := sheet.RoundFiles(u.review, rp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveRound(rp, "张三"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "发出")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sent := map[string]string{}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, unit := range []string{"市发展改革委", "市商务局", "市统计局"} {
			if strings.Contains(f.Name, "_"+unit+"_") {
				sent[unit] = path
			}
		}
	}
	if len(sent) != 3 {
		t.Fatalf("workbooks sent: %v", sent)
	}
	return sent
}

// returned copies a sent workbook to path as a unit fills it in Excel:
// each item's 实际值 with the unit's progress, source, name and phone;
// tamper, if set, then spoils it.
func returned(t *testing.T, from, path string, figures map[string]string, tamper func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet.RoundFillSheet)
	if err != nil {
		t.Fatal(err)
	}
	s := sheet.RoundFillSheet
	filled := 0
	for i, r := range rows {
		if i == 0 || len(r) == 0 {
			continue
		}
		v, ok := figures[r[0]]
		if !ok {
			continue
		}
		line := i + 1
		f.SetCellValue(s, fmt.Sprintf("H%d", line), v)
		f.SetCellValue(s, fmt.Sprintf("I%d", line), "总体平稳，稳中有进。")
		f.SetCellValue(s, fmt.Sprintf("J%d", line), "市统计局月报")
		f.SetCellValue(s, fmt.Sprintf("K%d", line), "王五")
		f.SetCellValue(s, fmt.Sprintf("L%d", line), "0573-12345678")
		filled++
	}
	if filled != len(figures) {
		t.Fatalf("%s: filled %d of %v", filepath.Base(from), filled, figures)
	}
	if tamper != nil {
		tamper(f)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// answering makes the window's file dialogs answer path.
func answering(u *UI, path string) *fakeDialogs {
	fd := &fakeDialogs{answer: path}
	u.files = fd
	return fd
}

// openCollect opens 导入回执… from the 表格 menu as a reviewer does and
// gives the dialog.
func openCollect(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	u.sheetMenu(u.bar.strip)
	tapMenuItem(t, u.win, "导入回执…")
	return u.win.Canvas().Overlays().Top()
}

// keyBtn is the dialog's button labelled text.
func keyBtn(t *testing.T, in fyne.CanvasObject, text string) *keyButton {
	t.Helper()
	b := find(in, func(o fyne.CanvasObject) bool {
		b, ok := o.(*keyButton)
		return ok && b.Text == text
	})
	if b == nil {
		t.Fatalf("no button %q in:\n%s", text, texts(in))
	}
	return b.(*keyButton)
}

// rowOf is the 填报 sheet's row of an item.
func rowOf(t *testing.T, f *excelize.File, id string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet.RoundFillSheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			return i + 1
		}
	}
	t.Fatalf("no row %s", id)
	return 0
}

// figures maps item → value of the actuals recorded.
func figures(t *testing.T, st *store.Store) map[string]float64 {
	t.Helper()
	as, err := st.Actuals()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, a := range as {
		out[a.ItemID] = a.Value
	}
	return out
}

// TestCollectAFolder: 导入回执 on a folder of two good returns and one
// whose row key was altered (and an Excel lock file, skipped as the
// command line skips it) previews all three, the altered one refused with
// its reason; 写入 writes the two, each with history naming its unit and
// file, and nothing of the third.
func TestCollectAFolder(t *testing.T) {
	u, st := newTestUI(t)
	sent := roundSent(t, u, st)
	in := filepath.Join(t.TempDir(), "收回")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	ndrc := filepath.Join(in, "2023年1-9月_市发展改革委_填报.xlsx")
	returned(t, sent["市发展改革委"], ndrc, map[string]string{"A1-01": "5.5"}, nil)
	returned(t, sent["市统计局"], filepath.Join(in, "2023年1-9月_市统计局_填报.xlsx"), map[string]string{"A1-05": "8.1"}, nil)
	returned(t, sent["市商务局"], filepath.Join(in, "2023年1-9月_市商务局_填报.xlsx"), map[string]string{"B1-01": "310"}, func(f *excelize.File) {
		f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("M%d", rowOf(t, f, "B1-01")), "0123456789abcdef")
	})
	if err := os.WriteFile(filepath.Join(in, "~$2023年1-9月_市统计局_填报.xlsx"), []byte("lock"), 0o644); err != nil {
		t.Fatal(err)
	}
	fd := answering(u, in)
	dlg := openCollect(t, u)
	test.Tap(keyBtn(t, dlg, "选择文件夹…"))
	if len(fd.asked) != 1 || fd.asked[0] != "folder" {
		t.Fatalf("dialogs asked: %v", fd.asked)
	}
	shown := texts(dlg)
	for _, want := range []string{
		"单位：市发展改革委　轮次：R1（2023年1-9月，截止2023-10-10）　填写1行",
		"A1-01 地区生产总值　新增　增长5.5%",
		"单位：市统计局",
		"未写入：“2023年1-9月_市商务局_填报.xlsx”有1处问题，未写入任何数据：",
		"行键不属于市商务局",
		"待写入：2个文件可写入，1个有问题不能写入。",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "~$") {
		t.Errorf("the lock file was taken for a return:\n%s", shown)
	}
	if as, _ := st.Actuals(); len(as) != 0 {
		t.Fatalf("the preview wrote %+v", as)
	}
	test.Tap(keyBtn(t, dlg, "写入2个文件"))
	shown = texts(dlg)
	if !strings.Contains(shown, "已写入2个文件，1个未写入（原因见上）") {
		t.Errorf("after 写入:\n%s", shown)
	}
	got := figures(t, st)
	if len(got) != 2 || got["A1-01"] != 5.5 || got["A1-05"] != 8.1 {
		t.Errorf("figures recorded: %v", got)
	}
	h, err := st.History("A1-01")
	recorded := false
	for _, c := range h {
		recorded = recorded || c.Action == domain.RecordActual && c.Detail == "由市发展改革委填报（2023年1-9月_市发展改革委_填报.xlsx）"
	}
	if err != nil || !recorded {
		t.Errorf("history of A1-01: %+v %v", h, err)
	}
	if !strings.Contains(u.message.Text, "已写入2个文件，1个未写入") {
		t.Errorf("status bar: %q", u.message.Text)
	}
	if !keyBtn(t, dlg, "写入").Disabled() {
		t.Error("写入 still offered with nothing left to write")
	}
	// Esc closes the dialog.
	keyBtn(t, dlg, "关闭").TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc left the dialog open")
	}
}

// TestCollectFilesOneByOne: 添加文件… adds one workbook at a time through
// the open dialog, a file added twice is listed once, and a period locked
// after the preview and before 写入 refuses that file at writing with the
// store's reason, writing nothing from it.
func TestCollectFilesOneByOne(t *testing.T) {
	u, st := newTestUI(t)
	sent := roundSent(t, u, st)
	in := t.TempDir()
	ndrc := filepath.Join(in, "发改委.xlsx")
	stats := filepath.Join(in, "统计局.xlsx")
	returned(t, sent["市发展改革委"], ndrc, map[string]string{"A1-01": "5.5"}, nil)
	returned(t, sent["市统计局"], stats, map[string]string{"A1-05": "8.1"}, nil)
	fd := answering(u, "")
	dlg := openCollect(t, u)
	for i, step := range []struct {
		file  string
		files int // blocks listed after it
	}{{ndrc, 1}, {ndrc, 1}, {stats, 2}} {
		fd.answer = step.file
		test.Tap(keyBtn(t, dlg, "添加文件…"))
		if len(fd.reqs) != i+1 || fd.asked[i] != "open" || strings.Join(fd.reqs[i].exts, " ") != ".xlsx" {
			t.Fatalf("asked %v %+v", fd.asked, fd.reqs)
		}
		if want := fmt.Sprintf("待写入：%d个文件可写入", step.files); !strings.Contains(texts(dlg), want) {
			t.Errorf("after adding %s, no %q:\n%s", filepath.Base(step.file), want, texts(dlg))
		}
	}
	if err := st.LockPeriod(domain.Period{Year: 2023, Month: 9}, "三季度简报已报出", "张三"); err != nil {
		t.Fatal(err)
	}
	test.Tap(keyBtn(t, dlg, "写入2个文件"))
	shown := texts(dlg)
	if !strings.Contains(shown, "已写入0个文件，2个未写入（原因见上）") || !strings.Contains(shown, "未写入：期间已锁定") {
		t.Errorf("after 写入 into a locked period:\n%s", shown)
	}
	if got := figures(t, st); len(got) != 0 {
		t.Errorf("written into a locked period: %v", got)
	}
}
