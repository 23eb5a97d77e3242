package rounds

import (
	"fmt"
	"testing"
	"time"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkRoundStatus1000: the round view's data — Status — for a round
// of 50 units over a 1,000-item plan (20 items each), half the units
// having returned every item. It is what the window works out each time
// the round or the day is changed.
func BenchmarkRoundStatus1000(b *testing.B) {
	st, err := store.Open(demo.BenchDB(b, 1000), store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	// BenchDB is a file shared by every benchmark: the units and the
	// round go into a copy of it.
	path := b.TempDir() + "/round.db"
	if err := st.Backup(path); err != nil {
		b.Fatal(err)
	}
	st.Close()
	if st, err = store.Open(path, store.Options{NoBackup: true}); err != nil {
		b.Fatal(err)
	}
	items := st.Plan().Items
	p := domain.Period{Year: st.Plan().Year, Month: 9}
	for u := 0; u < 50; u++ {
		var ids []string
		for i := u * 20; i < (u+1)*20 && i < len(items); i++ {
			ids = append(ids, items[i].ID)
		}
		if _, err := st.AssignUnits(store.Assignment{Items: ids, Lead: fmt.Sprintf("第%02d局", u+1), NewUnits: true}, "基准"); err != nil {
			b.Fatal(err)
		}
	}
	rp, err := st.PlanRound(p, fmt.Sprintf("%d-10-10", p.Year))
	if err != nil {
		b.Fatal(err)
	}
	round, err := st.SaveRound(rp, "基准")
	if err != nil {
		b.Fatal(err)
	}
	for _, pack := range rp.Packs[:25] {
		var rows []store.Import
		for _, ri := range pack.Items {
			if ri.Item.Kind == domain.KindMilestone {
				rows = append(rows, store.Import{Actual: &domain.Actual{ItemID: ri.Item.ID, Period: p, Outcome: domain.OutcomeInProgress}})
				continue
			}
			rows = append(rows, store.Import{Actual: &domain.Actual{ItemID: ri.Item.ID, Period: p, Value: 1}})
		}
		if err := st.ImportReturn(rows, pack.Unit.Full, pack.Unit.Full+".xlsx", "基准"); err != nil {
			b.Fatal(err)
		}
	}
	asOf := time.Date(p.Year, 10, 15, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		units, err := Status(st, round, asOf)
		if err != nil || len(units) != 50 {
			b.Fatalf("%d units, %v", len(units), err)
		}
	}
}
