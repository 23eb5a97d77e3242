package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestResolveAConflictByKeyboard: two units return different figures for
// B1-01 (市商务局 leads it, 市发展改革委 co-operates). Collected together,
// the first is written and the second held: the collect dialog says so,
// the detail pane shows 有1个填报值待裁定. In 待裁定数据 the recorded figure
// and 市商务局's return stand side by side with person, phone, source and
// file; Tab to 市商务局's 采用此值 and Enter records its figure, history
// keeps the choice and the figure not taken, the list empties, Esc closes.
func TestResolveAConflictByKeyboard(t *testing.T) {
	u, st := newTestUI(t)
	sent := roundSent(t, u, st)
	in := filepath.Join(t.TempDir(), "收回")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	returned(t, sent["市发展改革委"], filepath.Join(in, "2023年1-9月_市发展改革委_填报.xlsx"), map[string]string{"B1-01": "310"}, nil)
	returned(t, sent["市商务局"], filepath.Join(in, "2023年1-9月_市商务局_填报.xlsx"), map[string]string{"B1-01": "300"}, nil)
	answering(u, in)
	dlg := openCollect(t, u)
	test.Tap(keyBtn(t, dlg, "选择文件夹…"))
	if shown := texts(dlg); !strings.Contains(shown, "B1-01 新开工亿元以上产业项目　待裁定：与市发展改革委填报的310个不同，填报300个") {
		t.Errorf("the preview does not foresee the conflict:\n%s", shown)
	}
	test.Tap(keyBtn(t, dlg, "写入2个文件"))
	shown := texts(dlg)
	for _, want := range []string{"已写入2个文件；1条待裁定", "没有写入数值：1条与已录入的数值不同，未覆盖，待裁定。",
		"待裁定：与市发展改革委填报的310个不同，填报300个"} { // the row says what the write did, not 新增
		if !strings.Contains(shown, want) {
			t.Errorf("after 写入, no %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "新增0条") {
		t.Errorf("the held return says it was written:\n%s", shown)
	}
	if got := figures(t, st)["B1-01"]; got != 310 {
		t.Fatalf("B1-01 recorded %v, want the first return's 310 until the reviewer decides", got)
	}
	u.selectItem("B1-01")
	if pane := texts(u.detail.pane); !strings.Contains(pane, "有1个填报值待裁定") {
		t.Errorf("the detail pane does not show the conflict:\n%s", pane)
	}
	// The pane's 裁定… opens the item's conflict alone; Esc closes it.
	test.Tap(button(t, u.detail.pane, "裁定…"))
	if shown := texts(u.win.Canvas().Overlays().Top()); !strings.Contains(shown, "1项数据有不同的填报值") || !strings.Contains(shown, "数值：300个") {
		t.Errorf("裁定… from the detail pane shows:\n%s", shown)
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != dlg {
		t.Fatal("Esc did not close the item's conflicts")
	}

	test.Tap(keyBtn(t, dlg, "裁定1条…"))
	cd := u.win.Canvas().Overlays().Top()
	shown = texts(cd)
	for _, want := range []string{"B1-01 新开工亿元以上产业项目　1-9月　轮次 R1", "原录入（市发展改革委填报）", "数值：310个",
		"市商务局", "数值：300个", "填报人：王五", "电话：0573-12345678", "来源：市统计局月报",
		"文件：2023年1-9月_市商务局_填报.xlsx", "进展：总体平稳"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the conflict lacks %q:\n%s", want, shown)
		}
	}
	// Tab, Tab: 原录入's 采用此值, then 市商务局's; Enter takes it.
	c := u.win.Canvas()
	c.FocusNext()
	c.FocusNext()
	if b, ok := c.Focused().(*keyButton); !ok || b.Text != "采用此值" {
		t.Fatalf("Tab, Tab focused %#v", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := figures(t, st)["B1-01"]; got != 300 {
		t.Errorf("B1-01 is %v after picking 市商务局's 300", got)
	}
	h, err := st.History("B1-01")
	if err != nil || len(h) == 0 || h[len(h)-1].Detail != "采用市商务局填报的300个（2023年1-9月_市商务局_填报.xlsx），未采用：市发展改革委填报的310个" {
		t.Errorf("history: %+v %v", h, err)
	}
	if shown := texts(cd); !strings.Contains(shown, "没有待裁定的数据。") {
		t.Errorf("the list still shows:\n%s", shown)
	}
	if !strings.Contains(u.message.Text, "已裁定：采用市商务局填报的") {
		t.Errorf("status bar: %q", u.message.Text)
	}
	// History keeps the collect that held it (…：1条与已录入的不一致，待裁定);
	// the conflict line is what must go.
	if pane := texts(u.detail.pane); strings.Contains(pane, "个填报值待裁定") {
		t.Errorf("the detail pane still shows a conflict:\n%s", pane)
	}
	// Esc with nothing focused closes the conflicts, then the collect
	// dialog beneath.
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := c.Overlays().Top(); top != dlg {
		t.Errorf("Esc did not close 待裁定数据")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := c.Overlays().Top(); top != nil {
		t.Errorf("Esc did not close 导入回执")
	}
	// Undo brings the conflict back, in the pane too.
	u.undo()
	if got := figures(t, st)["B1-01"]; got != 310 {
		t.Errorf("B1-01 is %v after undoing the choice", got)
	}
	if pane := texts(u.detail.pane); !strings.Contains(pane, "有1个填报值待裁定") {
		t.Errorf("after undo the detail pane shows:\n%s", pane)
	}
}
