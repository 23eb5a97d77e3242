package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// BenchmarkRoundViewDay: the round view on a round of 50 units over a
// 1,000-item plan (20 items each, 25 units returned), a new day typed in
// its 截至 box — model/rounds' Status, the columns measured for every
// unit's rows, both tables refreshed. What the reviewer waits for after
// each change of day or round, and after each change of the window while
// the view is open.
func BenchmarkRoundViewDay(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(nil))
	if err := SetLanguage("zh"); err != nil {
		b.Fatal(err)
	}
	a.Preferences().SetString(prefName, "基准")
	shared, err := store.Open(demo.BenchDB(b, 1000), store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	// BenchDB is shared by every benchmark: the round goes into a copy.
	path := filepath.Join(b.TempDir(), "round.db")
	if err := shared.Backup(path); err != nil {
		b.Fatal(err)
	}
	shared.Close()
	st, err := store.Open(path, store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
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
	if _, err := st.SaveRound(rp, "基准"); err != nil {
		b.Fatal(err)
	}
	for _, pack := range rp.Packs[:25] {
		var rows []store.Import
		for _, ri := range pack.Items {
			a := domain.Actual{ItemID: ri.Item.ID, Period: p, Value: 1}
			if ri.Item.Kind == domain.KindMilestone {
				a = domain.Actual{ItemID: ri.Item.ID, Period: p, Outcome: domain.OutcomeInProgress}
			}
			rows = append(rows, store.Import{Actual: &a})
		}
		if err := st.ImportReturn(rows, pack.Unit.Full, pack.Unit.Full+".xlsx", "基准"); err != nil {
			b.Fatal(err)
		}
	}
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1366, 768))
	u, err := New(a, w, st)
	if err != nil {
		b.Fatal(err)
	}
	u.roundStatusView()
	v := u.roundView
	days := []string{fmt.Sprintf("%d-10-08", p.Year), fmt.Sprintf("%d-10-15", p.Year)}
	i := 0
	for b.Loop() {
		i++
		v.asOfEntry.SetText(days[i%2])
		if len(v.units) != 50 {
			b.Fatalf("%d units", len(v.units))
		}
	}
}
