package brief

import (
	"strings"
	"testing"
)

// TestFormatFor: the brief's format by extension, in any case; any other
// extension refused in Chinese, naming the file and what is accepted.
func TestFormatFor(t *testing.T) {
	for _, c := range []struct {
		path string
		want Format
		err  string
	}{
		{"/tmp/简报.pdf", FormatPDF, ""},
		{"简报.PDF", FormatPDF, ""},
		{"简报.docx", FormatWord, ""},
		{"简报.DocX", FormatWord, ""},
		{"简报.doc", "", "“简报.doc”不是 .pdf 或 .docx 文件"},
		{"/tmp/x/简报", "", "PDF（.pdf）或Word（.docx）"},
		{"简报.pdf.txt", "", "“简报.pdf.txt”"},
	} {
		f, err := FormatFor(c.path)
		if f != c.want || (c.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("FormatFor(%q) = %q, %v; want %q, %q", c.path, f, err, c.want, c.err)
		}
	}
	for _, c := range []struct {
		path string
		f    Format
		want string
	}{
		{"简报.pdf", FormatWord, "简报.docx"},
		{"简报.DOCX", FormatPDF, "简报.pdf"},
		{"简报", FormatPDF, "简报.pdf"},
		{"简报.txt", FormatWord, "简报.txt.docx"},
	} {
		if got := WithFormat(c.path, c.f); got != c.want {
			t.Errorf("WithFormat(%q, %q) = %q, want %q", c.path, c.f, got, c.want)
		}
	}
}
