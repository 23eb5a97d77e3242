package docread

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzFormats are the names FuzzRead reads its bytes as, chosen by the
// first input byte.
var fuzzFormats = []string{"a.txt", "a.html", "a.docx", "a.csv", "a.xlsx", "a.doc", "a.md"}

// FuzzRead: whatever the bytes and format, Read returns a document whose
// offsets hold, or an *Error — never a panic.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"jiaxing-2024-work-report-task-table.txt", "tongxiang-2024-execution-report-opening.txt", "portal-page.html", "taiwan-big5.txt", "japanese-shiftjis.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(byte(0), data)
		f.Add(byte(1), data)
	}
	f.Add(byte(2), docxFile(f, 1))
	f.Add(byte(3), []byte("序号,指标名称,预期目标\n1,地区生产总值,增长6%\n"))
	f.Add(byte(1), []byte(`<table><tr><td rowspan=3 colspan=2>a</td><td>指标</td></tr><tr><td rowspan=0>目标</td></tr></table>`))
	f.Add(byte(0), []byte("\xef\xbb\xbf\t指标名称\n\t目标\n\n\t1.x\n\t\n\n"))
	f.Fuzz(func(t *testing.T, format byte, data []byte) {
		name := fuzzFormats[int(format)%len(fuzzFormats)]
		d, err := Read(name, data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		checkOffsets(t, d)
	})
}

// FuzzTableLines: any text gives blocks in order, rows inside their
// tables, every written cell in its row's words.
func FuzzTableLines(f *testing.F) {
	for _, name := range []string{"jiaxing-2023-plan-notice.txt", "jiaxing-2024-work-report-task-table.txt", "tongxiang-2024-execution-report-opening.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("| 指标名称 | 预期目标 | 全年实绩 | | 备注 |\n| | | 绝对值 | 增速 | |\n| 一、综合发展 | | | | |\n| 1.x | 6% | 1 | 2 | |\n")
	f.Add("指标名称\n\n预期目标\n\n全年实绩\n\n备注\n\n绝对值\n\n增速\n\n规模\n\n1.地区生产总值\n\n\n\n\n\n增长6%\n")
	f.Add("\t序号\n\t地块名称\n\n（亩）\n\t实施主体\n\n\t1\n\t\n\n\t\n\t抄送：x\n")
	f.Fuzz(func(t *testing.T, text string) {
		d := Paste(text)
		if d.Text != normalizeNewlines(strings.ToValidUTF8(text, "\uFFFD")) {
			t.Fatal("the text was rewritten")
		}
		checkOffsets(t, d)
	})
}
