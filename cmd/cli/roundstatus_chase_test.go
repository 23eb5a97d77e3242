package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// A 催报清单.pdf that cannot name every missing item says they are in the
// workbook; writeChase then writes that workbook beside it, under the
// same name, holding every missing item. One that names them all writes
// the PDF alone.
func TestChasePDFWritesTheWorkbookItNames(t *testing.T) {
	st, err := store.Open(tempDB(t), store.Options{Bundle: bundle})
	must(t, err)
	defer st.Close()
	round := domain.Round{ID: "R2", Period: domain.Period{Year: 2023, Month: 9}, Due: "2023-10-10"}
	asOf := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
	rows := func(units, items int) []rounds.UnitRow {
		out := make([]rounds.UnitRow, units)
		for i := range out {
			out[i].Unit = fmt.Sprintf("测试单位%02d", i+1)
			for k := 0; k < items; k++ {
				r := rounds.ItemRow{ItemID: fmt.Sprintf("B%d-%02d", i, k), Name: "新开工亿元以上产业项目"}
				if k%4 == 3 {
					r.ReturnedAt = "2023-10-09 10:00" // returned: not on the list
				}
				out[i].Rows = append(out[i].Rows, r)
			}
		}
		return out
	}
	for _, tc := range []struct {
		units, items int
		book         bool
	}{{3, 4, false}, {60, 8, true}} {
		dir := t.TempDir()
		out := filepath.Join(dir, "催报清单.pdf")
		var errb bytes.Buffer
		env := Env{Stderr: &errb}
		must(t, writeChase(env, st, out, round, asOf, rows(tc.units, tc.items)))
		if _, err := os.Stat(out); err != nil {
			t.Fatal(err)
		}
		book := filepath.Join(dir, "催报清单.xlsx")
		_, err := os.Stat(book)
		if tc.book != (err == nil) {
			t.Fatalf("%d units × %d items: workbook written %v, want %v (%s)", tc.units, tc.items, err == nil, tc.book, errb.String())
		}
		if !tc.book {
			continue
		}
		f, err := excelize.OpenFile(book)
		must(t, err)
		got, err := f.GetRows(rounds.ChaseSheet)
		f.Close()
		must(t, err)
		if want := tc.units*tc.items*3/4 + 1; len(got) != want {
			t.Errorf("workbook has %d rows, want %d (header and every missing item)", len(got), want)
		}
		if errb.String() == "" {
			t.Error("no word on stderr that the PDF is shortened")
		}
	}
}

// The clerk's 催报清单.xlsx, 联系人 and 催报情况 typed in, sits where the
// PDF goes. Writing a PDF too long for its page must not touch it: the
// workbook it refers to goes to 催报清单（2）.xlsx, the page names that
// file, and stderr says so. A unit whose name the font cannot print is
// named on stderr in a 催报清单 message, not a brief's.
func TestChasePDFKeepsTheClerksWorkbook(t *testing.T) {
	st, err := store.Open(tempDB(t), store.Options{Bundle: bundle})
	must(t, err)
	defer st.Close()
	round := domain.Round{ID: "R2", Period: domain.Period{Year: 2023, Month: 9}, Due: "2023-10-10"}
	asOf := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
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
	dir := t.TempDir()
	clerk := filepath.Join(dir, "催报清单.xlsx")
	f := excelize.NewFile()
	must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"责任单位", "联系人", "催报情况"}))
	must(t, f.SetSheetRow("Sheet1", "A2", &[]any{"市统计局", "李四", "已电话催报，答应周五前报"}))
	must(t, f.SaveAs(clerk))
	f.Close()
	before, err := os.ReadFile(clerk)
	must(t, err)

	out := filepath.Join(dir, "催报清单.pdf")
	var errb bytes.Buffer
	must(t, writeChase(Env{Stderr: &errb}, st, out, round, asOf, units))
	after, err := os.ReadFile(clerk)
	must(t, err)
	if !bytes.Equal(before, after) {
		t.Fatal("the clerk's 催报清单.xlsx was overwritten")
	}
	book := filepath.Join(dir, "催报清单（2）.xlsx")
	g, err := excelize.OpenFile(book)
	must(t, err)
	got, err := g.GetRows(rounds.ChaseSheet)
	g.Close()
	must(t, err)
	if len(got) != 60*8+1 {
		t.Errorf("催报清单（2）.xlsx has %d rows, want %d", len(got), 60*8+1)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	must(t, err)
	if flat := strings.Join(strings.Fields(string(text)), ""); !strings.Contains(flat, "催报清单（2）.xlsx") {
		t.Errorf("the page does not name 催报清单（2）.xlsx:\n%s", flat)
	}
	msg := errb.String()
	for _, want := range []string{"“" + clerk + "”已存在，未覆盖", book, "催报清单中以〓代替", "市𠮷𡈼局"} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "简报") {
		t.Errorf("stderr speaks of a 简报:\n%s", msg)
	}
}
