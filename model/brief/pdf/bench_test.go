package pdf_test

import (
	"io"
	"path/filepath"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkExportBrief renders the full brief of the bundled plan, every
// tracked item with a figure and a note on every third, font loading and
// subsetting included (each export loads the font afresh).
func BenchmarkExportBrief(b *testing.B) {
	st := benchStore(b)
	r, notes := reviewAndNotes(b, st)
	o := brief.Options{AsOf: domain.Period{Year: 2023, Month: 9}, Date: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC),
		Unit: "市人大财经委", Reviewer: "张三", Marking: "内部资料", Notes: true}
	b.ResetTimer()
	for b.Loop() {
		if _, err := pdf.Export(r, notes, o, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// benchStore is the bundled plan with a figure on every tracked item and
// a note on every third.
func benchStore(b *testing.B) *store.Store {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{Bundle: bundle})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	for i, it := range st.Plan().Items {
		if it.SameAs != "" {
			continue
		}
		a := domain.Actual{ItemID: it.ID, Period: domain.Period{Year: 2023, Month: 9}, Value: 1}
		if it.Kind == domain.KindMilestone {
			a.Outcome = domain.OutcomeInProgress
		}
		if _, err := st.RecordActual(a, "基准"); err != nil {
			b.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := st.AddNote(it.ID, domain.Period{Year: 2023, Month: 9}, "演示备注：部分项目进度偏慢，已督促加快推进。", "基准"); err != nil {
				b.Fatal(err)
			}
		}
	}
	return st
}
