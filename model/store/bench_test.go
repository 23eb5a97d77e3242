package store

import (
	"path/filepath"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// benchDB makes a database with 12 monthly figures for every numeric item
// of the bundled plan and a note on every third item.
func benchDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := Open(path, Options{Bundle: bundle})
	if err != nil {
		b.Fatal(err)
	}
	for i, it := range s.Plan().Items {
		if it.SameAs != "" {
			continue
		}
		for m := 1; m <= 12; m++ {
			a := domain.Actual{ItemID: it.ID, Period: domain.Period{Year: 2023, Month: m}, Value: float64(m)}
			if it.Kind == domain.KindMilestone {
				a.Outcome, a.Value = domain.OutcomeInProgress, 0
			}
			if it.Parcel != nil {
				a.Value = it.Parcel.AreaMu * float64(m) / 12
			}
			if _, err := s.RecordActual(a, "基准"); err != nil {
				b.Fatal(it.ID, err)
			}
		}
		if i%3 == 0 {
			s.AddNote(it.ID, domain.Period{}, "备注", "基准")
		}
	}
	s.Close()
	return path
}

// BenchmarkOpen opens the bundled plan's database cold: the check at open
// (header, quick_check, schema), migrations, dataset sync, plan load.
func BenchmarkOpen(b *testing.B) {
	path := benchDB(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path, Options{Bundle: bundle})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkStatusAll loads the review and computes every item's status
// for one as-of period, as `list` does.
func BenchmarkStatusAll(b *testing.B) {
	path := benchDB(b)
	s, err := Open(path, Options{Bundle: bundle})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	asOf := domain.Period{Year: 2023, Month: 9}
	b.ResetTimer()
	for b.Loop() {
		r, err := s.Review(domain.DefaultTolerance())
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range s.Plan().Items {
			r.Status(it, asOf)
		}
	}
}

// BenchmarkRecordActual is one saved figure: a transaction with its
// history row, committed durably (synchronous=FULL).
func BenchmarkRecordActual(b *testing.B) {
	path := filepath.Join(b.TempDir(), "rec.db")
	s, err := Open(path, Options{Bundle: bundle})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	v := 0.0
	for b.Loop() {
		v++
		if _, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: v}, "基准"); err != nil {
			b.Fatal(err)
		}
	}
}
