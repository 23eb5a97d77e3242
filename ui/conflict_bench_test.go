package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// BenchmarkConflictLine is the detail pane's look for an item's held
// returns, made on every item shown: a generated plan of 1,000 items
// shared among 50 units, a 1-9月 round whose 50 returns were all collected
// (every figure differing from the demo's, so all 1,000 are held).
func BenchmarkConflictLine(b *testing.B) {
	const units, items = 50, 1000
	u := benchUI(b, items)
	u.prefs.SetString(prefUnit, "市人大财经委")
	per := map[int][]string{}
	for i, it := range u.plan.Items {
		per[i%units] = append(per[i%units], it.ID)
	}
	for k := 0; k < units; k++ {
		as := store.Assignment{Items: per[k], Lead: fmt.Sprintf("第%d责任单位", k+1), NewUnits: true}
		if _, err := u.st.AssignUnits(as, "基准"); err != nil {
			b.Fatal(err)
		}
	}
	u.changed("")
	rp, err := u.st.PlanRound(domain.Period{Year: u.plan.Year, Month: 9}, fmt.Sprintf("%d-10-10", u.plan.Year))
	if err != nil {
		b.Fatal(err)
	}
	files, err := sheet.RoundFiles(u.review, rp)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := u.st.SaveRound(rp, "基准"); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var checked []rounds.Checked
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		benchReturn(b, u, f, path)
		checked = append(checked, rounds.CheckFile(u.st, path))
	}
	if _, err := rounds.Collect(u.st, checked, "基准", rounds.Hold); err != nil {
		b.Fatal(err)
	}
	u.changed("")
	held := 0
	for _, it := range u.plan.Items {
		if u.conflictLine(it.ID) != nil {
			held++
		}
	}
	id := u.plan.Items[len(u.plan.Items)/2].ID
	b.ResetTimer()
	for b.Loop() {
		u.conflictLine(id)
	}
	b.ReportMetric(float64(held), "items-held")
}
