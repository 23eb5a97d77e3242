package brief

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the file a brief is written as, named by its extension: a
// PDF to hand round, or a Word document in 公文格式 for the staff who write
// the 审查报告. The command line, the window and the checker of a brief
// all tell one from the other by FormatFor.
type Format string

const (
	FormatPDF  Format = ".pdf"
	FormatWord Format = ".docx"
)

// FormatFor is the format a file name asks for by its extension, in any
// case (简报.PDF is a PDF); any other extension is refused, naming the file
// and the two accepted.
func FormatFor(path string) (Format, error) {
	switch f := Format(strings.ToLower(filepath.Ext(path))); f {
	case FormatPDF, FormatWord:
		return f, nil
	}
	return "", fmt.Errorf("“%s”不是 .pdf 或 .docx 文件：简报只能是PDF（.pdf）或Word（.docx）", filepath.Base(path))
}

// WithFormat is path with f's extension, in place of a brief's extension
// it has (简报.pdf → 简报.docx); any other name gets f's added.
func WithFormat(path string, f Format) string {
	if _, err := FormatFor(path); err == nil {
		path = strings.TrimSuffix(path, filepath.Ext(path))
	}
	return path + string(f)
}
