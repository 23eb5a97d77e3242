package docread

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// megabyteText is the notice repeated to 1 MB, with its tables, so that
// every shape of table is rebuilt over and over.
func megabyteText(b *testing.B) []byte {
	notice := sample(b, "jiaxing-2023-plan-notice.txt")
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		fmt.Fprintf(&sb, "第%d份\n", i)
		sb.WriteString(notice)
	}
	return []byte(sb.String())
}

func BenchmarkReadText1MB(b *testing.B) {
	data := megabyteText(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Read("通知.txt", data)
		if err != nil || len(d.Blocks) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDocx1MB reads a .docx of 1 MB as saved (deflated): 表1
// and paragraphs of the notice's characters in a pseudo-random order, in
// the markup Word gives each run.
func BenchmarkReadDocx1MB(b *testing.B) {
	n := 1000
	var data []byte
	for {
		data = docxFile(b, n)
		if len(data) >= 1<<20 {
			break
		}
		n = n * (1 << 20) / len(data) * 11 / 10
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Read("报告.docx", data)
		if err != nil || len(d.Blocks) < n {
			b.Fatal(err, len(d.Blocks))
		}
	}
	b.ReportMetric(float64(n), "paragraphs")
	b.ReportMetric(float64(xmlSize(b, data))/(1<<20), "MB-xml")
}

func xmlSize(b *testing.B, data []byte) int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return int(f.UncompressedSize64)
		}
	}
	return 0
}

// BenchmarkPasteTabLines is text of 5,000 tab-led lines that are no
// table (\t1 on each): each line is looked at, none is read to the end.
func BenchmarkPasteTabLines(b *testing.B) {
	text := strings.Repeat("\t1\n", 5000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if d := Paste(text); len(d.Blocks) != 5000 {
			b.Fatal(len(d.Blocks))
		}
	}
}

// BenchmarkPasteWideHeader is 5,000 tab-led header names with no blank
// line: a header too wide is given up after maxColumns cells.
func BenchmarkPasteWideHeader(b *testing.B) {
	text := strings.Repeat("\t指标\n", 5000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Paste(text)
	}
}

// BenchmarkReadHTMLNestedTables is a page laid out in tables nested 100
// deep, each with a row of text beside the next: 1 MB.
func BenchmarkReadHTMLNestedTables(b *testing.B) {
	var open, close strings.Builder
	for i := range 100 {
		fmt.Fprintf(&open, "<table><tr><td>第%d栏 地区生产总值增长6%%左右</td><td>", i)
		close.WriteString("</td></tr></table>")
	}
	page := "<html><body>" + open.String() + close.String()
	for len(page) < 1<<20 {
		page += "<div>" + open.String() + close.String() + "</div>"
	}
	data := []byte(page + "</body></html>")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("页面.html", data); err != nil {
			b.Fatal(err)
		}
	}
}
