package domain

import "testing"

// The brief and the window word a target alike; a milestone, having no
// number, is worded by its hedge.
func TestTargetWords(t *testing.T) {
	tests := []struct {
		it   Item
		want string
	}{
		{Item{Kind: KindIndicator, TargetText: "增长6%左右"}, "增长6%左右"},
		{Item{Kind: KindCommitment, Hedge: "力争", TargetText: "300亿元"}, "力争300亿元"},
		{Item{Kind: KindMilestone, Hedge: "积极争取", TargetText: ""}, "积极争取实现"},
		{Item{Kind: KindMilestone}, "年内完成"},
	}
	for _, tt := range tests {
		if got := TargetWords(tt.it); got != tt.want {
			t.Errorf("TargetWords(%+v) = %q, want %q", tt.it, got, tt.want)
		}
	}
}
