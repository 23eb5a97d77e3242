package plantable

import (
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// TestFillReadsBack: the bundled plan written in the template's form and
// read back as another year is the same plan item for item: name, group,
// target and how it is measured (the 计量方式 column); parcels come back as 重点工作 with
// their area as the target, the form having no parcel sheet. Indicators
// keep their IDs; tasks are numbered afresh in table order (the bundled
// plan's revision-2 milestones took their section's next free number).
func TestFillReadsBack(t *testing.T) {
	p, d := bundledDraft(t, Fill)
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
			t.Errorf("%s measure %s, want %s", want.ID, g.Measure, want.Measure)
		}
	}
}
