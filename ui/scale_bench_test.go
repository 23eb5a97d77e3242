package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/store"
)

func benchUI(b *testing.B, n int) *UI {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(nil))
	if err := SetLanguage("zh"); err != nil { // as Run does
		b.Fatal(err)
	}
	a.Preferences().SetString(prefName, "基准")
	st, err := store.Open(demo.BenchDB(b, n), store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1366, 768))
	u, err := New(a, w, st)
	if err != nil {
		b.Fatal(err)
	}
	return u
}

// BenchmarkCreateAtSize builds the whole window on a generated plan.
func BenchmarkCreateAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			u := benchUI(b, n)
			b.ResetTimer()
			stop := demo.TrackPeakHeap(b)
			for b.Loop() {
				w := u.app.NewWindow("bench")
				w.Resize(fyne.NewSize(1366, 768))
				if _, err := New(u.app, w, u.st); err != nil {
					b.Fatal(err)
				}
				w.Close()
			}
			stop()
		})
	}
}

// BenchmarkSearchKeystrokeAtSize is one keystroke in the search box: the
// list filtered and the table refreshed. The search index is built as the
// window builds it, after the first frame; "fresh" forgets the fitted cell
// texts before every keystroke (each shows rows never seen before, the
// worst case), "seen" cycles through six queries whose rows were shown
// before.
func BenchmarkSearchKeystrokeAtSize(b *testing.B) {
	queries := []string{"交", "交通", "交通投", "D-0", "D-00", "第5"}
	for _, n := range demo.Sizes {
		for _, fresh := range []bool{true, false} {
			name := fmt.Sprintf("items=%d/seen", n)
			if fresh {
				name = fmt.Sprintf("items=%d/fresh", n)
			}
			b.Run(name, func(b *testing.B) {
				u := benchUI(b, n)
				u.selectNav(navTo(navAll))
				u.items.haystack = searchIndex(u.plan)
				i := 0
				stop := demo.TrackPeakHeap(b)
				for b.Loop() {
					if fresh {
						b.StopTimer()
						u.items.fitted = nil
						b.StartTimer()
					}
					u.items.search.SetText(queries[i%len(queries)])
					i++
				}
				stop()
			})
		}
	}
}
