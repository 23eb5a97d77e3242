package ui

import (
	"testing"

	"cn.planreview/planreview/model/domain"
)

// A figure's value never sits on the dashed target line: near the line it
// moves just above it, elsewhere it stays just above its point or bar.
func TestChartValueClearsTheTargetLine(t *testing.T) {
	f := chartFrame{w: 300, h: 120, lo: 0, hi: 20}
	const h = 14
	tests := []struct {
		name    string
		measure domain.Measure
		target  float64
		value   float64
	}{
		{"point just below the line", domain.Rate, 10, 9.1},
		{"point on the line", domain.Rate, 10, 10},
		{"point just above the line", domain.Rate, 10, 10.4},
		{"point far below", domain.Rate, 10, 2},
		{"bar under the line", domain.Cumulative, 10, 9.5},
		{"bar far under", domain.Cumulative, 16, 3},
	}
	for _, tt := range tests {
		c := &chart{item: domain.Item{Measure: tt.measure}, target: domain.Target{Value: tt.target}}
		y := c.valueLabelY(f, tt.value, h)
		ty := f.y(tt.target)
		if ty >= y && ty <= y+h {
			t.Errorf("%s: the target line (y=%.0f) runs through the value at %.0f–%.0f", tt.name, ty, y, y+h)
		}
		if top := f.y(tt.value); y > top || top-y > 2*h+4 {
			t.Errorf("%s: value at y=%.0f, not just above its figure at %.0f", tt.name, y, top)
		}
	}
}
