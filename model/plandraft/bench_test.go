package plandraft

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/seeds"
)

// sized is the bundled notice grown to at least n bytes: its body
// sections repeated after it, cut at a line end. The repeats keep the
// notice's own mix of prose and tables.
func sized(n int) string {
	var b strings.Builder
	b.WriteString(seeds.Notice)
	for b.Len() < n {
		b.WriteString("\n")
		b.WriteString(seeds.Notice)
	}
	s := b.String()
	if i := strings.LastIndexByte(s[:n], '\n'); i > 0 && len(s) > n {
		s = s[:i+1]
	}
	return s
}

// benchDraft reads text as the program reads a pasted or .txt document
// and drafts it: the time a reviewer waits.
func benchDraft(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		dr, err := FromDocument(docread.Paste(text), Options{})
		if err != nil {
			b.Fatal(err)
		}
		items = len(dr.Items)
	}
	b.ReportMetric(float64(items), "items")
}

// BenchmarkDraftNotice20KB: goal < 200 ms.
func BenchmarkDraftNotice20KB(b *testing.B) { benchDraft(b, sized(20<<10)) }

// BenchmarkDraftNotice1MB: goal < 3 s and < 200 MB.
func BenchmarkDraftNotice1MB(b *testing.B) { benchDraft(b, sized(1<<20)) }

// BenchmarkDraftOnly1MB is the drafting alone, the document already read.
func BenchmarkDraftOnly1MB(b *testing.B) {
	text := sized(1 << 20)
	doc := docread.Paste(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromDocument(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
