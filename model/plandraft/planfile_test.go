package plandraft

import (
	"testing"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/seeds"
)

// TestDraftBecomesPlan: once the reviewer has confirmed every item, a
// drafted document makes a plan file the program loads — IDs, sections,
// deadlines, parcels and all — for each kind of document.
func TestDraftBecomesPlan(t *testing.T) {
	for _, c := range []struct {
		name, text string
		year       int
	}{
		{"notice", seeds.Notice, 2023},
		{"task table", readFile(t, "testdata/nanhu-style-2024-task-table.txt"), 2024},
		{"report", readFile(t, "testdata/xiuzhou-style-2023-execution-report.txt"), 2023},
		{"task targets", readFile(t, "testdata/jinhua-style-2024-task-targets.txt"), 2024},
		{"other city's notice", readFile(t, "testdata/huzhou-style-2024-plan-notice.txt"), 2024},
	} {
		t.Run(c.name, func(t *testing.T) {
			dr, err := FromDocument(docread.Paste(c.text), Options{City: "测试市"})
			if err != nil {
				t.Fatal(err)
			}
			if dr.Year != c.year {
				t.Fatalf("year %d, want %d", dr.Year, c.year)
			}
			// The reviewer's part, done here by keeping what was read and
			// leaving out what was not.
			var kept []plantable.Item
			for _, it := range dr.Items {
				if it.Kind != domain.KindMilestone && it.Target == nil {
					continue
				}
				it.NeedsReview, it.Reason = false, ""
				kept = append(kept, it)
			}
			dr.Items = kept
			if l := plantable.Lay(dr, dr.Year); len(l.Problems) > 0 {
				t.Fatalf("layout problems: %v", l.Problems)
			}
			data, err := plantable.PlanFile(dr, plantable.Meta{City: "测试市", Year: dr.Year})
			if err != nil {
				t.Fatal(err)
			}
			plan, err := domain.ParsePlanFile(data)
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[domain.Kind]int{}
			for _, it := range plan.Items {
				kinds[it.Kind]++
				if it.Kind == domain.KindParcel && (it.Parcel == nil || it.Parcel.AreaMu != it.Target.Value || it.Section != "A2") {
					t.Errorf("%s: parcel %+v in %s", it.ID, it.Parcel, it.Section)
				}
			}
			t.Logf("%s: %d items %v", c.name, len(plan.Items), kinds)
			if len(plan.Items) != len(kept) {
				t.Errorf("%d items in the plan, %d drafted", len(plan.Items), len(kept))
			}
		})
	}
}
