package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// TestStartRoundInTheWindow: 发起填报… writes one workbook per unit with
// items into the folder chosen, after refusing a missing folder and a due
// date before the period ends, each beside its field or on the form.
func TestStartRoundInTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	var c1, s1 []string
	for _, it := range u.plan.Items {
		switch it.Section {
		case "C1":
			c1 = append(c1, it.ID)
		case "S1":
			s1 = append(s1, it.ID)
		}
	}
	for _, as := range []store.Assignment{{Items: c1, Lead: "市发展改革委", NewUnits: true}, {Items: s1, Lead: "市商务局", With: []string{"市发展改革委"}, NewUnits: true}} {
		if _, err := st.AssignUnits(as, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.AddUnit("市经济和信息化局", "", "张三"); err != nil { // no items: no workbook
		t.Fatal(err)
	}
	u.changed("")
	u.startRoundForm()
	formWidget[*widget.Select](t, u, "填报期间").SetSelectedIndex(8) // 1-9月
	if got := openForm(u).saveBtn.Text; got != "生成填报表（Enter）" {  // it writes workbooks, it saves no edit
		t.Errorf("button %q", got)
	}
	if got := openForm(u).title; got != "发起一轮填报" { // not 发起填报, the history's past-tense entry
		t.Errorf("title %q", got)
	}
	formEntry(t, u, "截止日期").SetText("2023-09-20")
	formWidget[*escEntry](t, u, "文件夹").SetText(filepath.Join(t.TempDir(), "无此文件夹"))
	test.Tap(openForm(u).saveBtn)
	if msg := openForm(u).errorText("文件夹"); !strings.Contains(msg, "请选择一个已有的文件夹") {
		t.Errorf("missing folder: %q", msg)
	}
	dir := t.TempDir()
	formWidget[*escEntry](t, u, "文件夹").SetText(dir)
	test.Tap(openForm(u).saveBtn)
	if msg := openForm(u).errorText(""); !strings.Contains(msg, "早于所填期间") {
		t.Errorf("early due date: %q", msg)
	}
	formEntry(t, u, "截止日期").SetText("2023-10-10")
	test.Tap(openForm(u).saveBtn)
	if openForm(u) != nil {
		t.Fatalf("form still open: %q", openForm(u).errorText(""))
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "2023年1-9月_市发展改革委_填报.xlsx 2023年1-9月_市商务局_填报.xlsx" {
		t.Errorf("workbooks %v", names)
	}
	rounds, err := st.Rounds()
	if err != nil || len(rounds) != 1 || rounds[0].Period != (domain.Period{Year: 2023, Month: 9}) || len(rounds[0].Units) != 2 {
		t.Errorf("rounds %+v %v", rounds, err)
	}
	if !strings.Contains(u.message.Text, "已发起1-9月填报（轮次 R1）：2个单位的填报表已存入") {
		t.Errorf("status bar: %q", u.message.Text)
	}
}
