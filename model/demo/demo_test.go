package demo

import (
	"path/filepath"
	"testing"

	"cn.planreview/planreview/seeds"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

func TestWriteMakesAUsablePlan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Write(path, 100, 1); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n := len(st.Plan().Items); n != 100 {
		t.Errorf("%d items", n)
	}
	as, err := st.Actuals()
	if err != nil {
		t.Fatal(err)
	}
	ns, err := st.Notes("")
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1200 || len(ns) != 34 {
		t.Errorf("%d figures, %d notes; want 1200 and 34", len(as), len(ns))
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[domain.Code]bool{}
	for _, it := range st.Plan().Items {
		kinds[r.Status(it, domain.Period{Year: 2023, Month: 9}).Code] = true
	}
	if len(kinds) < 5 {
		t.Errorf("only %d different statuses: the demo is too uniform", len(kinds))
	}
	if problems, err := st.Consistency(); err != nil || len(problems) != 0 {
		t.Errorf("consistency: %v %v", problems, err)
	}
}
