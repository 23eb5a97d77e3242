package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkCreate builds the whole window on the bundled plan with a
// figure for every tracked item, as a start-up does after the database is
// open (test driver, so no GPU time is counted).
func BenchmarkCreate(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(nil))
	if err := SetLanguage("zh"); err != nil { // as Run does
		b.Fatal(err)
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{Bundle: bundle})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, it := range st.Plan().Items {
		if it.SameAs != "" {
			continue
		}
		act := domain.Actual{ItemID: it.ID, Period: domain.Period{Year: 2023, Month: 9}, Value: 1}
		if it.Kind == domain.KindMilestone {
			act.Outcome = domain.OutcomeInProgress
		}
		if _, err := st.RecordActual(act, "基准"); err != nil {
			b.Fatal(err)
		}
	}
	a.Preferences().SetString(prefName, "基准")
	b.ResetTimer()
	for b.Loop() {
		w := a.NewWindow("bench")
		w.Resize(fyne.NewSize(1366, 768))
		if _, err := New(a, w, st); err != nil {
			b.Fatal(err)
		}
		w.Close()
	}
}
