package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/rounds"
)

// TestChasePDFKeepsTheClerksWorkbook: the window suggests the same stem
// for the 催报清单 workbook and its PDF, so the clerk's filled-in
// 催报清单.xlsx is likely beside the PDF. A page too short for every
// missing item writes its workbook as 催报清单（2）.xlsx instead, leaves
// the clerk's byte for byte, and the status bar says so — and names the
// unit whose name the font cannot print.
func TestChasePDFKeepsTheClerksWorkbook(t *testing.T) {
	u, _, _ := roundTestUI(t)
	u.sheetMenu(u.message)
	tapMenuItem(t, u.win, "填报情况（催报）…")
	v := u.roundView
	if v == nil {
		t.Fatal("the round view did not open")
	}
	v.asOfEntry.SetText("2023-10-15")
	// A round too large for one page, one unit with a name the font lacks.
	units := make([]rounds.UnitRow, 60)
	for i := range units {
		units[i].Unit = fmt.Sprintf("测试单位%02d", i+1)
		if i == 0 {
			units[i].Unit = "市𠮷𡈼局"
		}
		for k := 0; k < 8; k++ {
			units[i].Rows = append(units[i].Rows, rounds.ItemRow{ItemID: fmt.Sprintf("B%d-%02d", i, k), Name: "新开工亿元以上产业项目"})
		}
	}
	v.units = units

	dir := t.TempDir()
	clerk := filepath.Join(dir, "催报清单.xlsx")
	before := []byte("联系人、催报情况已填写的工作簿")
	if err := os.WriteFile(clerk, before, 0o644); err != nil {
		t.Fatal(err)
	}
	u.files = &fakeDialogs{answer: filepath.Join(dir, "催报清单.pdf")}
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "打印用PDF…"))

	if after, err := os.ReadFile(clerk); err != nil || !bytes.Equal(before, after) {
		t.Fatalf("the clerk's workbook was touched: %q %v", after, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "催报清单（2）.xlsx")); err != nil {
		t.Errorf("no 催报清单（2）.xlsx: %v", err)
	}
	for _, want := range []string{"已保存：", "另存为“催报清单（2）.xlsx”", "只列在工作簿“催报清单（2）.xlsx”", "𠮷", "市𠮷𡈼局"} {
		if !strings.Contains(u.message.Text, want) {
			t.Errorf("status bar lacks %q: %q", want, u.message.Text)
		}
	}
}
