package sheet

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
)

// formattedCell is a figure as a unit types it in Excel: a value and the
// number format of its cell (a built-in id, or a custom code).
type formattedCell struct {
	name   string
	value  any
	numFmt int
	custom string
	want   string // the figure read; "" when it must not read as a number
}

var formattedCells = []formattedCell{
	{"General", 5.8, 0, "", "5.8"},
	{"0", 5.4, 1, "", "5.4"},
	{"0.0", 5.46, 0, "0.0", "5.46"},
	{"#,##0", 12345.678, 3, "", "12345.678"},
	{"#,##0.00", 1234567.891, 4, "", "1234567.891"},
	{"0%", 0.052, 9, "", "5.2%"},
	{"0.00%", 0.05255, 10, "", "5.255%"},
	{"custom 0.0%", -0.013, 0, "0.0%;[Red]-0.0%", "-1.3%"},
	{`0.0"%"`, 5.2, 0, `0.0"%"`, "5.2"},
	{`0.0\%`, 5.2, 0, `0.0\%`, "5.2"},
	{"text 5.2%", "5.2%", 0, "", "5.2%"},
	{"text 增长5.2%", "增长5.2%", 0, "", "增长5.2%"},
	{"text full-width", "５.２％", 0, "", "５.２％"},
	{"text in a % cell", "5.2", 9, "", "5.2"},
	{"date 14", 45200.0, 14, "", ""},
	{"date 年月", 45200.0, 0, `yyyy"年"m"月"`, ""},
	{"time [h]:mm", 1.5, 0, "[h]:mm", ""},
}

// formattedWorkbook is a sheet with a header (指标编号, 期间, 实际值) and one
// row per case, each 实际值 cell in its number format.
func formattedWorkbook(t testing.TB, cases []formattedCell) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"指标编号", "期间", "实际值"}))
	for i, c := range cases {
		cell := fmt.Sprintf("C%d", i+2)
		must(f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{"A1-01", "1-9月", c.value}))
		style := &excelize.Style{NumFmt: c.numFmt}
		if c.custom != "" {
			style = &excelize.Style{CustomNumFmt: &c.custom}
		}
		id, err := f.NewStyle(style)
		must(err)
		must(f.SetCellStyle("Sheet1", cell, cell, id))
	}
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

// checkFigures checks the 实际值 column of what Read gave against the cases.
func checkFigures(t *testing.T, label string, tables []Table, cases []formattedCell) {
	t.Helper()
	rows := tables[0].Rows
	for i, c := range cases {
		got := ""
		if i+1 < len(rows) && len(rows[i+1]) > 2 {
			got = rows[i+1][2]
		}
		if c.want != "" {
			if got != c.want {
				t.Errorf("%s %s: read %q, want %q", label, c.name, got, c.want)
			}
			continue
		}
		// A date is not a figure: it reads as the date shown, which the
		// figure grammar refuses, never as its serial number.
		if _, err := domain.ParseNumber(got); err == nil || got == "" {
			t.Errorf("%s %s: read %q, a number", label, c.name, got)
		}
	}
}

// A formatted number is read as the figure stored, not as the format
// shows it: by the general import (Read) and by a round return
// (ReadReturn), also after LibreOffice has opened and saved the workbook.
func TestFormattedNumbersReadAsStored(t *testing.T) {
	data := formattedWorkbook(t, formattedCells)
	tables, err := Read("实际值.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, "excelize", tables, formattedCells)

	for _, c := range formattedCells {
		t.Run(c.name, func(t *testing.T) {
			ret, err := ReadReturn("回执.xlsx", formattedReturn(t, c))
			if err != nil {
				t.Fatal(err)
			}
			if len(ret.Rows) != 1 {
				t.Fatalf("rows %+v", ret.Rows)
			}
			got := ret.Rows[0].Value
			if c.want != "" && got != c.want {
				t.Errorf("read %q, want %q", got, c.want)
			}
			if _, err := domain.ParseNumber(got); c.want == "" && err == nil {
				t.Errorf("date read as the number %q", got)
			}
		})
	}

	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice is needed in CI")
		}
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "实际值.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", out, src)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	resaved, err := os.ReadFile(filepath.Join(out, "实际值.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if tables, err = Read("实际值.xlsx", resaved); err != nil {
		t.Fatal(err)
	}
	checkFigures(t, "LibreOffice", tables, formattedCells)
}

// formattedReturn is the sample round workbook with its row's 实际值 typed
// as c.
func formattedReturn(t testing.TB, c formattedCell) []byte {
	t.Helper()
	data, err := RoundWorkbook(sampleRound())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head, err := f.GetRows(RoundFillSheet)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range head[0] {
		if h == "实际值" {
			col = i
		}
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, 2)
	if err := f.SetCellValue(RoundFillSheet, cell, c.value); err != nil {
		t.Fatal(err)
	}
	style := &excelize.Style{NumFmt: c.numFmt}
	if c.custom != "" {
		style = &excelize.Style{CustomNumFmt: &c.custom}
	}
	id, err := f.NewStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(RoundFillSheet, cell, cell, id); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// codeFormat classes custom number formats by what they mean for a figure.
func TestCodeFormat(t *testing.T) {
	for _, tc := range []struct {
		code string
		want cellFormat
	}{
		{"General", formatPlain},
		{"0.0", formatPlain},
		{"#,##0.00_);[Red](#,##0.00)", formatPlain},
		{"0.00%", formatPercent},
		{"0.0%;[Red]-0.0%", formatPercent},
		{`0.0"%"`, formatPlain},
		{`0.0\%`, formatPlain},
		{`0.0"亿元"`, formatPlain},
		{"0.00E+00", formatPlain},
		{"yyyy-mm-dd", formatDate},
		{`yyyy"年"m"月"d"日"`, formatDate},
		{"[h]:mm:ss", formatDate},
		{"h:mm AM/PM", formatDate},
		{"[$-804]0.0", formatPlain},
		{"[Red]0.0", formatPlain},
		{"0.0[", formatPlain},
	} {
		if got := codeFormat(tc.code); got != tc.want {
			t.Errorf("%q: %d, want %d", tc.code, got, tc.want)
		}
	}
}

// FuzzCodeFormat: any format code is classed without a panic, and a code
// whose every character is quoted shows text only, so is plain.
func FuzzCodeFormat(f *testing.F) {
	for _, s := range []string{"0.00%", `0.0"%"`, "[h]:mm", `yyyy"年"`, "[", `"`, `\`, "0.0%;[Red]-0.0%", "[$-804]0.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		got := codeFormat(code)
		if got < formatPlain || got > formatDate {
			t.Fatalf("%q: %d", code, got)
		}
		if q := `"` + strings.ReplaceAll(code, `"`, "") + `"`; codeFormat(q) != formatPlain {
			t.Fatalf("quoted %q: %d", q, codeFormat(q))
		}
	})
}

// BenchmarkReadFormatted reads a sheet of 10,000 figures in number
// formats (percent, thousands, "0", dates), where each numeric cell whose
// shown text differs from its stored value is read again by its style.
func BenchmarkReadFormatted(b *testing.B) {
	var cases []formattedCell
	for len(cases) < 10000 {
		cases = append(cases, formattedCells...)
	}
	data := formattedWorkbook(b, cases[:10000])
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("book.xlsx", data); err != nil {
			b.Fatal(err)
		}
	}
}
