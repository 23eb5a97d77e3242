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
