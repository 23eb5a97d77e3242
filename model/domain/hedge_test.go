package domain

import (
	"testing"
	"unicode/utf8"
)

// TestHedges: the hedge is found and removed whole (积极争取, not 争取),
// and the lead verbs are the ones ParseTarget reads.
func TestHedges(t *testing.T) {
	for _, c := range []struct{ text, hedge, stripped string }{
		{"力争增长7%", "力争", "增长7%"},
		{"积极争取增长7%", "积极争取", "增长7%"},
		{" 确保完成", "确保", " 确保完成"},
		{"增长6%左右", "", "增长6%左右"},
		{"", "", ""},
	} {
		if got := HedgeOf(c.text); got != c.hedge {
			t.Errorf("HedgeOf(%q) = %q, want %q", c.text, got, c.hedge)
		}
		if got := StripHedge(c.text); got != c.stripped {
			t.Errorf("StripHedge(%q) = %q, want %q", c.text, got, c.stripped)
		}
	}
	words := LeadWords()
	for i, w := range words {
		if i > 0 && utf8.RuneCountInString(w) > utf8.RuneCountInString(words[i-1]) {
			t.Errorf("LeadWords not longest first: %q after %q", w, words[i-1])
		}
		if _, err := ParseTarget(w + "6%"); err != nil && w != "提高" {
			t.Errorf("lead %q: ParseTarget(%q): %v", w, w+"6%", err)
		}
	}
	HedgeWords()[0] = "改"
	if hedges[0] != "积极争取" {
		t.Error("HedgeWords hands out the list itself")
	}
}
