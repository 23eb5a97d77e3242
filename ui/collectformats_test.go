package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestCollectOldFormats: a folder's .xls and WPS .et returns are listed
// in 导入回执, each refused saying how to save it as .xlsx, and the line
// always in view under the blocks names them; the .xlsx beside them is
// previewed, the database untouched.
func TestCollectOldFormats(t *testing.T) {
	u, st := newTestUI(t)
	sent := roundSent(t, u, st)
	in := filepath.Join(t.TempDir(), "收回")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	returned(t, sent["市发展改革委"], filepath.Join(in, "2023年1-9月_市发展改革委_填报.xlsx"), map[string]string{"A1-01": "5.5"}, nil)
	for _, name := range []string{"市统计局.xls", "市商务局.et", "说明.docx"} {
		if err := os.WriteFile(filepath.Join(in, name), []byte("old format"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	answering(u, in)
	dlg := openCollect(t, u)
	test.Tap(keyBtn(t, dlg, "选择文件夹…"))
	shown := texts(dlg)
	for _, want := range []string{
		"单位：市发展改革委",
		"未写入：“市统计局.xls”是 .xls 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入",
		"未写入：“市商务局.et”是 .et 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入",
		"待写入：1个文件可写入，2个有问题不能写入。不能写入的：市商务局.et、市统计局.xls（原因见上方各文件）",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "说明.docx") {
		t.Errorf("a document was taken for a return:\n%s", shown)
	}
	if as, _ := st.Actuals(); len(as) != 0 {
		t.Fatalf("the preview wrote %+v", as)
	}
}

// TestFileList: the summary names up to three files, then counts.
func TestFileList(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"a.xls"}, "a.xls"},
		{[]string{"a.xls", "b.et", "c.xlsx"}, "a.xls、b.et、c.xlsx"},
		{[]string{"a.xls", "b.et", "c.xlsx", "d.xlsx"}, "a.xls、b.et、c.xlsx等4个"},
	} {
		if got := fileList(tc.in); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}
