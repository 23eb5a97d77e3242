package store_test

import (
	"fmt"
	"testing"

	"cn.planreview/planreview/model"
	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/store"
)

// BenchmarkOpenAtSize opens a generated plan cold: the check at open,
// migrations, plan load, and the start-up backup.
func BenchmarkOpenAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			path := demo.BenchDB(b, n)
			for b.Loop() {
				s, err := store.Open(path, store.Options{})
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkStatusesAtSize loads the review and computes every status for
// one period.
func BenchmarkStatusesAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			s, err := store.Open(demo.BenchDB(b, n), store.Options{NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r, err := s.Review(model.DefaultTolerance())
			if err != nil {
				b.Fatal(err)
			}
			asOf := model.Period{Year: 2023, Month: 9}
			for b.Loop() {
				for _, it := range s.Plan().Items {
					r.Status(it, asOf)
				}
			}
		})
	}
}
