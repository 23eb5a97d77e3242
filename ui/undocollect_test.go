package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestCtrlZTakesBackACollectedFile: after 导入回执 writes 市发展改革委's
// return of three items (figures and 进展情况), one Ctrl+Z takes the whole
// file back — figures, notes and the unit's returns — and the status bar
// names the file.
func TestCtrlZTakesBackACollectedFile(t *testing.T) {
	u, st := newTestUI(t)
	sent := roundSent(t, u, st)
	in := filepath.Join(t.TempDir(), "收回")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	name := "2023年1-9月_市发展改革委_填报.xlsx"
	returned(t, sent["市发展改革委"], filepath.Join(in, name), map[string]string{"A1-01": "5.5", "A1-02": "4.2", "A1-03": "7.5"}, nil)
	answering(u, in)
	dlg := openCollect(t, u)
	test.Tap(keyBtn(t, dlg, "选择文件夹…"))
	test.Tap(keyBtn(t, dlg, "写入1个文件"))
	if got := figures(t, st); len(got) != 3 || got["A1-02"] != 4.2 {
		t.Fatalf("collected %v", got)
	}
	rounds, err := st.Rounds()
	if err != nil || len(rounds) != 1 {
		t.Fatalf("rounds %v %v", rounds, err)
	}
	if rs, _ := st.RoundReturns(rounds[0]); len(rs) != 3 {
		t.Fatalf("returns %+v", rs)
	}
	keyBtn(t, dlg, "关闭").TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})

	pressCtrl(u.win, fyne.KeyZ)
	if got := figures(t, st); len(got) != 0 {
		t.Errorf("one Ctrl+Z left figures %v", got)
	}
	for _, id := range []string{"A1-01", "A1-02", "A1-03"} {
		if ns, err := st.Notes(id); err != nil || len(ns) != 0 {
			t.Errorf("notes of %s left: %+v %v", id, ns, err)
		}
	}
	if rs, err := st.RoundReturns(rounds[0]); err != nil || len(rs) != 0 {
		t.Errorf("returns left: %+v %v", rs, err)
	}
	want := "已撤销收取：由市发展改革委填报的实际值3条、备注3条（" + name + "）"
	if msg := u.message.Text; !strings.Contains(msg, want) {
		t.Errorf("status bar %q, want %q", msg, want)
	}
}
