package store_test

import (
	"fmt"
	"os"
	"testing"

	"cn.planreview/planreview/seeds"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

// BenchmarkOpenAtSize opens a generated plan cold, in separate steps:
//
//   - open: the check at open (a clean close sealed the file: its
//     checksum instead of quick_check), migrations, dataset sync and the
//     plan parsed — the "open";
//   - open+figures: the same and every figure loaded into the review,
//     ready for statuses — what the window waits for;
//   - unsealed: open+figures of a file with no seal (copied in, restored,
//     or left by a crash), so quick_check runs in full;
//   - start-backup: the start-up backup, written after the figures load
//     and before the first change;
//   - close: checkpoint, quick_check and the seal.
func BenchmarkOpenAtSize(b *testing.B) {
	tol := domain.DefaultTolerance()
	for _, n := range demo.Sizes {
		path := demo.BenchDB(b, n)
		open := func(o store.Options) *store.Store {
			s, err := store.Open(path, o)
			if err != nil {
				b.Fatal(err)
			}
			return s
		}
		load := func(s *store.Store) *store.Store {
			if _, err := s.Review(tol); err != nil {
				b.Fatal(err)
			}
			return s
		}
		closeIt := func(s *store.Store) {
			if s != nil {
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
		}
		prefetch := store.Options{Bundle: bundle, Prefetch: true}
		// Each step: prepare (untimed), the timed part, and what is left
		// to close (untimed).
		steps := []struct {
			name    string
			prepare func() *store.Store
			timed   func(*store.Store) *store.Store
		}{
			{"open", func() *store.Store { return nil },
				func(*store.Store) *store.Store { return open(prefetch) }},
			{"open+figures", func() *store.Store { return nil },
				func(*store.Store) *store.Store { return load(open(prefetch)) }},
			{"unsealed", func() *store.Store { os.Remove(store.SealPath(path)); return nil },
				func(*store.Store) *store.Store { return load(open(prefetch)) }},
			{"start-backup", func() *store.Store { return open(store.Options{Bundle: bundle}) },
				func(s *store.Store) *store.Store {
					if _, err := s.StartBackup(); err != nil {
						b.Fatal(err)
					}
					return s
				}},
			{"close", func() *store.Store { return open(store.Options{Bundle: bundle, NoBackup: true}) },
				func(s *store.Store) *store.Store { closeIt(s); return nil }},
		}
		for _, st := range steps {
			b.Run(fmt.Sprintf("items=%d/step=%s", n, st.name), func(b *testing.B) {
				stop := demo.TrackPeakHeap(b)
				for b.Loop() {
					b.StopTimer()
					s := st.prepare()
					b.StartTimer()
					s = st.timed(s)
					b.StopTimer()
					closeIt(s)
					b.StartTimer()
				}
				stop()
			})
		}
	}
}

// BenchmarkStatusesAtSize loads the review and computes every status for
// one period.
func BenchmarkStatusesAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			s, err := store.Open(demo.BenchDB(b, n), store.Options{Bundle: bundle, NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r, err := s.Review(domain.DefaultTolerance())
			if err != nil {
				b.Fatal(err)
			}
			asOf := domain.Period{Year: 2023, Month: 9}
			stop := demo.TrackPeakHeap(b)
			for b.Loop() {
				for _, it := range s.Plan().Items {
					r.Status(it, asOf)
				}
			}
			stop()
		})
	}
}
