package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/seeds"
)

// draftBenchSizes are the documents the review is measured on: the
// bundled notice, and ten of it (a long report with its tables).
var draftBenchSizes = []struct {
	name   string
	copies int
}{{"notice", 1}, {"notice×10", 10}}

// benchReview opens the review of copies of the bundled notice in a test
// window at 1366×768 (test driver: layout and text measuring, no GPU).
func benchReview(b *testing.B, copies int) (*draftReview, fyne.Window) {
	b.Helper()
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(nil))
	if err := SetLanguage("zh"); err != nil {
		b.Fatal(err)
	}
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1366, 768))
	d, err := plandraft.FromDocument(docread.Paste(strings.Repeat(seeds.Notice+"\n", copies)), plandraft.Options{City: "嘉兴市"})
	if err != nil {
		b.Fatal(err)
	}
	r := newDraftReview(d, nil, func(error) {})
	r.saveFile = func(plantable.DraftFile, func()) {}
	r.show(w, "嘉兴市")
	return r, w
}

// BenchmarkDraftReviewOpen drafts the document and opens its review: what
// a reviewer waits for after choosing the file.
func BenchmarkDraftReviewOpen(b *testing.B) {
	for _, size := range draftBenchSizes {
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				r, w := benchReview(b, size.copies)
				r.dlg.Hide()
				w.Close()
			}
		})
	}
}

// BenchmarkDraftReviewSelect selects an item: its words marked in every
// sentence row and the document scrolled to them.
func BenchmarkDraftReviewSelect(b *testing.B) {
	for _, size := range draftBenchSizes {
		b.Run(size.name, func(b *testing.B) {
			r, _ := benchReview(b, size.copies)
			b.ReportMetric(float64(len(r.doc.rows)), "sentences")
			b.ReportMetric(float64(len(r.draft.Items)), "items")
			b.ResetTimer()
			i := 0
			for b.Loop() {
				r.selectItem(i % len(r.draft.Items))
				i += 7
			}
		})
	}
}
