package plandraft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
)

// textDoc is a .txt as a Document with one paragraph block per non-blank
// line — what docread gives for prose — for tests that need no tables.
func textDoc(name, text string) docread.Document {
	doc := docread.Document{Name: name, Format: docread.FormatText, Encoding: "UTF-8", Text: text}
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			doc.Blocks = append(doc.Blocks, docread.Block{Start: start, End: end})
		}
		start = end + 1
	}
	return doc
}

// readFile reads a file of the repository relative to this package.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// squeeze removes all white space, as quotes are compared.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}
