package sheet

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestMergedCellsReadFromTheXML: the merged ranges read from a sheet's XML
// are the ones excelize lists, on whichever sheet of the workbook, and the
// sheet an import reads keeps them (so merged data is still refused).
func TestMergedCellsReadFromTheXML(t *testing.T) {
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "说明"))
	must(f.MergeCell("说明", "A1", "D1"))
	for _, name := range []string{"填报表", "空表"} {
		_, err := f.NewSheet(name)
		must(err)
	}
	must(f.SetSheetRow("填报表", "A1", &[]any{"关于报送实际值的通知"}))
	must(f.MergeCell("填报表", "A1", "C1")) // a merged title above the header
	must(f.SetSheetRow("填报表", "A2", &[]any{"指标编号", "期间", "实际值"}))
	for r := 3; r < 200; r++ {
		must(f.SetSheetRow("填报表", fmt.Sprintf("A%d", r), &[]any{"A1-01", "2023-09", 5.8}))
	}
	must(f.MergeCell("填报表", "B10", "B12"))
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"说明": "[A1:D1]", "填报表": "[A1:C1 B10:B12]", "空表": "[]"}
	for sheet, w := range want {
		got, err := mergedFromXML(buf.Bytes(), sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		if fmt.Sprint(got) != w {
			t.Errorf("%s: %v, want %s", sheet, got, w)
		}
	}
	if _, err := mergedFromXML(buf.Bytes(), "没有这张表"); err == nil {
		t.Error("a missing sheet gave no error")
	}
	tables, err := Read("报送.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Name == "填报表" && fmt.Sprint(tb.Merged) != "[A1:C1 B10:B12]" {
			t.Errorf("the sheet an import reads has merged %v", tb.Merged)
		}
	}
}

// TestCSVBlankLines: encoding/csv drops blank lines, which would shift
// every later row number a problem names; a quoted cell with a line
// break is still one row, as Excel shows it.
func TestCSVBlankLines(t *testing.T) {
	tables, err := Read("a.csv", []byte("\n标题\n\n编号,名称\n\"A1\",\"两\n行\"\n\nB2,x\n"))
	if err != nil {
		t.Fatal(err)
	}
	rows := tables[0].Rows
	want := []string{"", "标题", "", "编号", "A1", "", "B2"}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i, w := range want {
		if got := strings.Join(rows[i], ""); !strings.HasPrefix(got, w) {
			t.Errorf("row %d = %q, want %q", i+1, rows[i], w)
		}
	}
}
