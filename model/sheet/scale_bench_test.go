package sheet_test

import (
	"fmt"
	"testing"

	"cn.planreview/planreview/seeds"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

// BenchmarkWorkbookAtSize exports the workbook of a generated plan and
// reads it back into an import preview (the round trip, without writing).
func BenchmarkWorkbookAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		st, err := store.Open(demo.BenchDB(b, n), store.Options{Bundle: bundle, NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		r, err := st.Review(domain.DefaultTolerance())
		if err != nil {
			b.Fatal(err)
		}
		notes, err := st.Notes("")
		if err != nil {
			b.Fatal(err)
		}
		asOf := domain.Period{Year: 2023, Month: 9}
		var data []byte
		b.Run(fmt.Sprintf("export/items=%d", n), func(b *testing.B) {
			stop := demo.TrackPeakHeap(b)
			for b.Loop() {
				if data, err = sheet.Export(r, notes, asOf); err != nil {
					b.Fatal(err)
				}
			}
			stop()
		})
		b.Run(fmt.Sprintf("import/items=%d", n), func(b *testing.B) {
			stop := demo.TrackPeakHeap(b)
			for b.Loop() {
				tables, err := sheet.Read("book.xlsx", data)
				if err != nil {
					b.Fatal(err)
				}
				p, err := sheet.Plan(r, tables, "book.xlsx", nil)
				if err != nil || len(p.Problems()) > 0 {
					b.Fatalf("%v %v", err, p.Problems())
				}
			}
			stop()
		})
		st.Close()
	}
}
