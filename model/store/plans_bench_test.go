package store_test

import (
	"fmt"
	"testing"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkSwitchPlan switches the current plan between two plans of
// 1,000 items each (issue 14: < 100 ms): select alone (the plan parsed
// from its stored file), with every figure loaded into the review, and
// with last year beside this year too (store.Priors: the 2023 plan's
// items paired with the 2022 plan's, whose figures are judged by its own
// review) — what the window needs before it can draw the new plan.
func BenchmarkSwitchPlan(b *testing.B) {
	tol := domain.DefaultTolerance()
	path := demo.BenchWorkspace(b, 2, 1000)
	s, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	plans, err := s.Plans()
	if err != nil || len(plans) != 2 {
		b.Fatalf("%d plans, %v", len(plans), err)
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(s.SelectPlan("demo-1000"))
	if pairs, err := s.Pairs(); err != nil || len(pairs) < 900 {
		b.Fatalf("%d of 1,000 items paired with last year's, %v", len(pairs), err)
	}
	for _, withFigures := range []bool{false, true} {
		b.Run(fmt.Sprintf("items=1000/figures=%v", withFigures), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				must(s.SelectPlan(plans[i%2].ID))
				if withFigures {
					_, err := s.Review(tol)
					must(err)
				}
			}
		})
	}
	// Into the 2023 plan, whose every item has last year's beside it: the
	// switch away (to 2022, with no previous plan) is not timed.
	b.Run("items=1000/figures=true/priors=true", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			must(s.SelectPlan("demo-1000-2022"))
			s.ForgetLastYear() // a first switch: last year's review not yet kept
			b.StartTimer()
			must(s.SelectPlan("demo-1000"))
			_, err := s.Review(tol)
			must(err)
			_, err = s.Priors(tol)
			must(err)
		}
	})
}

// BenchmarkPriorsAfterSave is store.Priors after a save in this year's
// plan, as the window asks for it after every save: with last year's
// review kept (last year's plan unchanged since, the kept review reused)
// and rebuilt (as before it was kept: last year's 1,000 year-end figures
// read and judged again). The save itself is not timed.
func BenchmarkPriorsAfterSave(b *testing.B) {
	tol := domain.DefaultTolerance()
	path := demo.BenchWorkspace(b, 2, 1000)
	s, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(s.SelectPlan("demo-1000"))
	it := s.Plan().Items[0]
	for _, kept := range []bool{true, false} {
		b.Run(fmt.Sprintf("items=1000/kept=%v", kept), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				_, err := s.AddNote(it.ID, domain.Period{}, fmt.Sprintf("第%d次保存", i), "基准")
				must(err)
				if !kept {
					s.ForgetLastYear()
				}
				b.StartTimer()
				_, err = s.Priors(tol)
				must(err)
			}
		})
	}
}

// BenchmarkOpenWorkspace opens a workspace of one plan of 1,000 items and
// one of ten such plans, cold, with the current plan's figures loaded
// (issue 14: ten plans no more than 20 % slower to open than one). Each
// open is of a file a clean close sealed, as the app leaves it.
func BenchmarkOpenWorkspace(b *testing.B) {
	tol := domain.DefaultTolerance()
	for _, plans := range []int{1, 10} {
		path := demo.BenchWorkspace(b, plans, 1000)
		b.Run(fmt.Sprintf("plans=%d/items=1000", plans), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s, err := store.Open(path, store.Options{NoBackup: true, Prefetch: true})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Review(tol); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}
