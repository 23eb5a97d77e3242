package domain

import "math"

// SameFigure tells whether two figures for an item and period say the
// same: the same outcome for a milestone, values within 1e-9 otherwise
// (what a workbook's float brings back of a figure typed in). The import
// preview, a round's batch preview and the write all ask this one rule.
func SameFigure(a, b Actual) bool {
	if a.Outcome != "" || b.Outcome != "" {
		return a.Outcome == b.Outcome
	}
	return math.Abs(a.Value-b.Value) < 1e-9
}
