package pdf_test

import (
	"fmt"
	"io"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkBriefAtSize exports the full brief of a generated plan, font
// loading included.
func BenchmarkBriefAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			st, err := store.Open(demo.BenchDB(b, n), store.Options{Bundle: bundle, NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			r, notes := reviewAndNotes(b, st)
			o := brief.Options{AsOf: domain.Period{Year: 2023, Month: 9}, Date: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC),
				Notes: true, AllRows: true}
			pages := 0
			stop := demo.TrackPeakHeap(b)
			for b.Loop() {
				rep, err := pdf.Export(r, notes, o, io.Discard)
				if err != nil {
					b.Fatal(err)
				}
				pages = rep.Pages
			}
			stop()
			b.ReportMetric(float64(pages), "pages")
		})
	}
}
