package rounds

import (
	"path/filepath"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// roundWithCoworkers is a 1-9月 round due 2023-10-10 where 市统计局 only
// co-operates (协办): on A1-01 and A1-05, led by 市发展改革委, and on
// A1-06, led by 市商务局. 市发展改革委 returns A1-01 and A1-05 on
// 2023-10-12; 市商务局 never returns.
func roundWithCoworkers(t *testing.T) (*store.Store, domain.Round, *clock) {
	t.Helper()
	c := &clock{now: time.Date(2023, 9, 1, 9, 0, 0, 0, cst)}
	st, err := store.Open(filepath.Join(t.TempDir(), "plan.db"), store.Options{Bundle: bundle, Now: c.Now, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, as := range []store.Assignment{
		{Items: []string{"A1-01", "A1-05"}, Lead: "市发展改革委", With: []string{"市统计局"}, NewUnits: true},
		{Items: []string{"A1-06"}, Lead: "市商务局", With: []string{"市统计局"}, NewUnits: true},
	} {
		if _, err := st.AssignUnits(as, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 9}, "2023-10-10")
	if err != nil {
		t.Fatal(err)
	}
	round, err := st.SaveRound(rp, "张三")
	if err != nil {
		t.Fatal(err)
	}
	c.now = time.Date(2023, 10, 12, 9, 30, 0, 0, cst)
	returnFigures(t, st, "市发展改革委", map[string]float64{"A1-01": 6.3, "A1-05": 8.1})
	return st, round, c
}

// TestStatusCoworkSettledByLead: a 协办 unit is not chased for what its
// lead returned (STATUS.md rule 21); what the lead has not returned is
// owed by both; what the 协办 unit returned itself is its own return.
func TestStatusCoworkSettledByLead(t *testing.T) {
	st, round, c := roundWithCoworkers(t)
	asOf := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
	units, err := Status(st, round, asOf)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]UnitRow{}
	for _, u := range units {
		by[u.Unit] = u
	}
	type counts struct{ items, returned, missing, late, byLead int }
	for unit, want := range map[string]counts{
		"市发展改革委": {2, 2, 0, 2, 0},
		"市商务局":   {1, 0, 1, 1, 0},
		"市统计局":   {3, 0, 1, 1, 2},
	} {
		u := by[unit]
		if got := (counts{u.Items, u.Returned, u.Missing, u.Late, u.ByLead}); got != want {
			t.Errorf("%s: %+v, want %+v", unit, got, want)
		}
	}
	for _, tc := range []struct {
		item   string
		light  domain.Light
		why    string
		byLead string
	}{
		{"A1-01", by["市发展改革委"].Rows[0].Light, ByLeadWhy("市发展改革委"), "市发展改革委"},
		// 8.1% is below its 增长10%: the lead's light, not a green one.
		{"A1-05", domain.LightYellow, ByLeadWhy("市发展改革委"), "市发展改革委"},
		{"A1-06", domain.LightRed, "逾期未报", ""},
	} {
		var r ItemRow
		for _, x := range by["市统计局"].Rows {
			if x.ItemID == tc.item {
				r = x
			}
		}
		if r.Light != tc.light || r.Why != tc.why || r.ByLead != tc.byLead || r.Late != (tc.byLead == "") {
			t.Errorf("市统计局 %s: %s %q by %q late %v, want %s %q by %q", tc.item, r.Light, r.Why, r.ByLead, r.Late, tc.light, tc.why, tc.byLead)
		}
		if r.Owed() != (tc.byLead == "") {
			t.Errorf("市统计局 %s owed %v", tc.item, r.Owed())
		}
	}

	// The 催报清单 lists A1-06 for both units and nothing 市发展改革委 returned.
	list, err := ChaseList("计划", round, asOf, units, "催报清单.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	owed := map[string][]string{}
	for _, u := range list.Units {
		for _, it := range u.Missing {
			owed[u.Unit] = append(owed[u.Unit], it.ID)
		}
	}
	if len(owed) != 2 || len(owed["市统计局"]) != 1 || owed["市统计局"][0] != "A1-06" || len(owed["市商务局"]) != 1 {
		t.Errorf("催报清单: %v", owed)
	}

	// 市统计局 returns A1-05 itself: its own return, as before the rule.
	c.now = time.Date(2023, 10, 13, 10, 0, 0, 0, cst)
	returnFigures(t, st, "市统计局", map[string]float64{"A1-05": 8.1})
	units, err = Status(st, round, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Unit == "市统计局" && (u.Returned != 1 || u.ByLead != 1 || u.Missing != 1) {
			t.Errorf("市统计局 after its own return: returned %d, by lead %d, missing %d", u.Returned, u.ByLead, u.Missing)
		}
	}
}
