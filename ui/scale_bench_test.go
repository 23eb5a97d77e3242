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
	a.Preferences().SetString(prefName, "基准")
	st, err := store.Open(demo.BenchDB(b, n), store.Options{NoBackup: true})
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
			for b.Loop() {
				w := u.app.NewWindow("bench")
				w.Resize(fyne.NewSize(1366, 768))
				if _, err := New(u.app, w, u.st); err != nil {
					b.Fatal(err)
				}
				w.Close()
			}
		})
	}
}

// BenchmarkSearchKeystrokeAtSize is one keystroke in the search box: the
// list filtered and the table refreshed.
func BenchmarkSearchKeystrokeAtSize(b *testing.B) {
	for _, n := range demo.Sizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			u := benchUI(b, n)
			u.selectNav("all")
			queries := []string{"交", "交通", "交通投", "D-0", "D-00", "第5"}
			i := 0
			for b.Loop() {
				u.search.SetText(queries[i%len(queries)])
				i++
			}
		})
	}
}
