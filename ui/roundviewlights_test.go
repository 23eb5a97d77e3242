package ui

import (
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
)

// TestLightWhyInEnglish: a status reads in lower case after the comma,
// “Returned, off track (returned late)”; a word in capitals stays.
func TestLightWhyInEnglish(t *testing.T) {
	if err := SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetLanguage("zh") })
	r := rounds.ItemRow{ItemID: "A1-05", Light: domain.LightYellow, Status: domain.OffTrack, ReturnedAt: "2023-10-12 09:30", Late: true,
		Why: "已报送，" + domain.OffTrack.Label() + "（逾期报送）"}
	if got, want := lightWhy(r), "Returned, off track (returned late)"; got != want {
		t.Errorf("why %q, want %q", got, want)
	}
	// The fixed sentences of domain.ItemLight: words with no figure, a
	// return that cannot be judged.
	for _, tc := range []struct {
		row  rounds.ItemRow
		want string
	}{
		{rounds.ItemRow{Light: domain.LightRed, TextOnly: true, ReturnedAt: "2023-10-12 09:30", Why: domain.TextOnlyWhy + "，逾期未报"},
			"Only progress text returned, no figure: overdue"},
		{rounds.ItemRow{Light: domain.LightNone, TextOnly: true, ReturnedAt: "2023-10-02 09:30", Why: domain.TextOnlyWhy},
			"Only progress text returned, no figure"},
		{rounds.ItemRow{Light: domain.LightNone, Status: domain.AwaitingTarget, ReturnedAt: "2023-10-12 09:30", Late: true,
			Why: "已报送，目标待定，无法判断（逾期报送）"}, "Returned; target to be set, cannot be judged (returned late)"},
		{rounds.ItemRow{Light: domain.LightNone, Status: domain.AwaitingJudgement, ReturnedAt: "2023-10-02 09:30", Why: "已报送，待审阅人判断"},
			"Returned; awaiting the reviewer's judgement"},
		// A 协办 item its lead returned (STATUS.md rule 21).
		{rounds.ItemRow{Light: domain.LightGreen, ByLead: "市发展改革委", Why: rounds.ByLeadWhy("市发展改革委")},
			"Returned by the lead unit (市发展改革委)"},
	} {
		if got := lightWhy(tc.row); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.row.Why, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"Off track", "off track"},
		{"GDP behind", "GDP behind"},
		{"", ""},
		{"a", "a"},
	} {
		if got := midSentence(tc.in); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}
