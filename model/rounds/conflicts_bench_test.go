package rounds

import (
	"fmt"
	"testing"
	"time"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkConflicts500: the conflicts of a round of 50 units over a
// 1,000-item plan where 25 units returned every item (20 each) and then
// sent every figure again corrected, so 500 returns are held: what
// round conflicts, the window's 待裁定数据 and (through heldWhy) the
// round's status read. Each conflict's recorded figure is named by the
// return that wrote it, found in history (recordedSource).
func BenchmarkConflicts500(b *testing.B) {
	st, err := store.Open(demo.BenchDB(b, 1000), store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	path := b.TempDir() + "/round.db"
	if err := st.Backup(path); err != nil {
		b.Fatal(err)
	}
	st.Close()
	if st, err = store.Open(path, store.Options{NoBackup: true}); err != nil {
		b.Fatal(err)
	}
	defer st.Close()
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
	held := 0
	for _, v := range []float64{1, 2} {
		for _, pack := range rp.Packs[:25] {
			f := store.ReturnFile{RoundID: round.ID, Period: p, Unit: pack.Unit, File: fmt.Sprintf("%s%v.xlsx", pack.Unit.Full, v)}
			for _, ri := range pack.Items {
				a := &domain.Actual{ItemID: ri.Item.ID, Period: p, Value: v}
				if ri.Item.Kind == domain.KindMilestone {
					a = &domain.Actual{ItemID: ri.Item.ID, Period: p, Outcome: domain.OutcomeInProgress}
					if v == 2 {
						a.Outcome = domain.OutcomeDone
					}
				}
				f.Rows = append(f.Rows, store.ReturnRow{ItemID: ri.Item.ID, Actual: a, Progress: fmt.Sprintf("进展%v", v)})
			}
			// The first returns are recorded over the demo's figures
			// (as --overwrite), the second held.
			c, err := st.CollectReturn(f, "基准", v == 1)
			if err != nil {
				b.Fatal(err)
			}
			held += c.Held
		}
	}
	asOf := time.Date(p.Year, 10, 15, 0, 0, 0, 0, time.UTC)
	b.Run("Conflicts", func(b *testing.B) {
		for b.Loop() {
			cs, err := st.Conflicts(round.ID)
			if err != nil || len(cs) == 0 || len(cs) > held || cs[0].Recorded == nil || cs[0].Recorded.Unit == "" {
				b.Fatalf("%d conflicts of %d held, %v", len(cs), held, err)
			}
		}
	})
	b.Run("Status", func(b *testing.B) {
		for b.Loop() {
			if units, err := Status(st, round, asOf); err != nil || len(units) != 50 {
				b.Fatalf("%d units, %v", len(units), err)
			}
		}
	})
}
