package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// fakeDialogs stands in for the user at a file dialog: it records what the
// dialog was asked and chooses answer.
type fakeDialogs struct {
	asked  []string // "open", "save" or "folder"
	reqs   []fileRequest
	answer string
}

func (f *fakeDialogs) ask(kind string, r fileRequest, done func(string)) {
	f.asked = append(f.asked, kind)
	f.reqs = append(f.reqs, r)
	done(f.answer)
}

func (f *fakeDialogs) open(r fileRequest, done func(string))   { f.ask("open", r, done) }
func (f *fakeDialogs) save(r fileRequest, done func(string))   { f.ask("save", r, done) }
func (f *fakeDialogs) folder(r fileRequest, done func(string)) { f.ask("folder", r, done) }

// tapMenuItem taps the item labelled text in the pop-up menu on top.
func tapMenuItem(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	item := find(top, func(o fyne.CanvasObject) bool {
		w, ok := o.(fyne.Widget)
		if _, tappable := o.(fyne.Tappable); !ok || !tappable {
			return false
		}
		for _, c := range test.WidgetRenderer(w).Objects() { // the item itself, not a menu holding it
			if t, ok := c.(*canvas.Text); ok && t.Text == text {
				return true
			}
		}
		return false
	})
	if item == nil {
		t.Fatalf("no menu item %q", text)
	}
	test.Tap(item.(fyne.Tappable))
}

// Every file dialog of the window is asked with the folder last used, the
// suggested name and the kinds of file, and what the user chooses there is
// what gets read or written. One function, over 80 lines: its table lists
// every dialog of the window, and the lines are its rows.
func TestFileDialogsGetFolderNameAndKinds(t *testing.T) {
	u, st := newTestUI(t)
	dialogs := &fakeDialogs{}
	u.files = dialogs
	sheetDir := filepath.Join(t.TempDir(), "统计局 数据")
	os.MkdirAll(sheetDir, 0o755)
	u.prefs.SetString(prefSheetFolder, sheetDir)
	outDir := filepath.Join(t.TempDir(), "导出 文件")
	os.MkdirAll(outDir, 0o755)
	csv := filepath.Join(outDir, "九月.csv")
	os.WriteFile(csv, []byte("指标编号,期间,实际值\nA1-01,2023-09,5.8\n"), 0o644)
	backup := filepath.Join(outDir, "备份一")
	if err := st.Backup(filepath.Join(outDir, "旧备份.db")); err != nil {
		t.Fatal(err)
	}
	toolbar := func(b string) func() { return func() { test.Tap(button(t, u.win.Content(), b)) } }
	cases := []struct {
		name, menu, item string
		answer           string
		kind             string
		want             fileRequest
		check            func(t *testing.T)
	}{
		{"import", "Excel", "从Excel/CSV导入实际值…", csv, "open",
			fileRequest{title: "从Excel/CSV导入实际值", folder: sheetDir, kind: "Excel 工作簿或 CSV 文件", exts: []string{".xlsx", ".csv"}},
			func(t *testing.T) {
				if shown := texts(u.win.Canvas().Overlays().Top()); !strings.Contains(shown, "“九月.csv”") || !strings.Contains(shown, "新增1条") {
					t.Errorf("no preview of the chosen file:\n%s", shown)
				}
			}},
		{"workbook", "Excel", "导出Excel工作簿…", filepath.Join(outDir, "九月工作簿"), "save",
			fileRequest{title: "保存Excel工作簿", folder: outDir, name: u.workbookName(), kind: "Excel 工作簿", exts: []string{".xlsx"}},
			func(t *testing.T) { readBack(t, filepath.Join(outDir, "九月工作簿.xlsx")) }},
		{"template", "Excel", "保存填报模板…", filepath.Join(outDir, "模板.XLSX"), "save",
			fileRequest{title: "保存Excel工作簿", folder: outDir, name: "填报模板.xlsx", kind: "Excel 工作簿", exts: []string{".xlsx"}},
			func(t *testing.T) { readBack(t, filepath.Join(outDir, "模板.XLSX")) }},
		{"backup", "备份", "备份数据库…", backup, "save",
			fileRequest{title: "备份数据库", kind: "数据库备份", exts: []string{".db"}},
			func(t *testing.T) {
				if _, err := store.Describe(backup + ".db"); err != nil {
					t.Errorf("backup not written: %v", err)
				}
			}},
		{"restore", "备份", "从备份恢复…", filepath.Join(outDir, "旧备份.db"), "open",
			fileRequest{title: "从备份恢复", folder: store.BackupDir(st.Path()), kind: "数据库备份", exts: []string{".db"}},
			func(t *testing.T) {
				if !strings.Contains(texts(u.win.Canvas().Overlays().Top()), "用“旧备份.db”替换当前数据库") {
					t.Error("the restore was not offered for the chosen file")
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dialogs.answer = c.answer
			n := len(dialogs.asked)
			toolbar(c.menu)()
			tapMenuItem(t, u.win, c.item)
			if len(dialogs.asked) != n+1 || dialogs.asked[n] != c.kind {
				t.Fatalf("asked %v, want one %s dialog", dialogs.asked[n:], c.kind)
			}
			got := dialogs.reqs[n]
			if c.name == "backup" { // the name carries the time
				if !strings.HasPrefix(got.name, "计划审阅备份-") || !strings.HasSuffix(got.name, ".db") {
					t.Errorf("backup name %q", got.name)
				}
				got.name = ""
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("asked %+v\nwant  %+v", got, c.want)
			}
			c.check(t)
			if msg := u.message.Text; strings.HasPrefix(msg, "错误：") {
				t.Errorf("error shown: %s", msg)
			}
			for u.win.Canvas().Overlays().Top() != nil {
				u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
			}
		})
	}
	if got := u.prefs.String(prefSheetFolder); got != outDir {
		t.Errorf("the spreadsheet folder remembered is %q, want %q", got, outDir)
	}
}

// 选择文件夹… in the brief dialog opens where the file would go and keeps
// the file's name in the folder chosen.
func TestBriefFolderIsChosenInTheFolderDialog(t *testing.T) {
	u, _ := newTestUI(t)
	dialogs := &fakeDialogs{answer: filepath.Join(t.TempDir(), "简报 十月")}
	u.files = dialogs
	start := filepath.Join(t.TempDir(), "上次")
	os.MkdirAll(start, 0o755)
	u.prefs.SetString(prefExportFolder, start)
	u.exportDialog()
	fileEntry := formEntryIn(t, u)
	name := filepath.Base(fileEntry.Text)
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "选择文件夹…"))
	if len(dialogs.asked) != 1 || dialogs.asked[0] != "folder" || dialogs.reqs[0].folder != start {
		t.Fatalf("asked %v %+v", dialogs.asked, dialogs.reqs)
	}
	if want := filepath.Join(dialogs.answer, name); fileEntry.Text != want {
		t.Errorf("file %q, want %q", fileEntry.Text, want)
	}
}

// formEntryIn is the brief dialog's file entry.
func formEntryIn(t *testing.T, u *UI) *escEntry {
	t.Helper()
	e := find(openForm(u).items[len(openForm(u).items)-1].Widget, func(o fyne.CanvasObject) bool {
		_, ok := o.(*escEntry)
		return ok
	})
	if e == nil {
		t.Fatal("no file entry")
	}
	return e.(*escEntry)
}

// readBack reads a written workbook as an import would.
func readBack(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := sheet.Read(path, data)
	if err != nil || len(tables) == 0 {
		t.Errorf("%s does not read back: %v", path, err)
	}
}

// Fyne's own dialogs, used off Windows: saving opens in the folder asked,
// with the suggested name, answers with the path typed and leaves no empty
// file behind for the caller to trip over.
func TestFyneSaveDialogOpensInTheFolderWithTheName(t *testing.T) {
	u, _ := newTestUI(t)
	dir := filepath.Join(t.TempDir(), "统计 数据")
	os.MkdirAll(dir, 0o755)
	var got []string
	fyneDialogs{u.win}.save(fileRequest{folder: dir, name: "填报模板.xlsx", exts: []string{".xlsx"}}, func(p string) { got = append(got, p) })
	top := u.win.Canvas().Overlays().Top()
	name := find(top, func(o fyne.CanvasObject) bool {
		e, ok := o.(*widget.Entry)
		return ok && e.Text == "填报模板.xlsx"
	})
	if name == nil {
		t.Fatal("the save dialog does not suggest 填报模板.xlsx")
	}
	name.(*widget.Entry).SetText("九月 模板.xlsx")
	save := find(top, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Importance == widget.HighImportance && !b.Disabled()
	})
	if save == nil {
		t.Fatal("no save button")
	}
	test.Tap(save.(*widget.Button))
	want := filepath.Join(dir, "九月 模板.xlsx")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("chose %v, want %s: the dialog did not open in the folder asked", got, want)
	}
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Errorf("an empty %s was left behind: %v", want, err)
	}
}
