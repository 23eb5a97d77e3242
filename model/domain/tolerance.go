package domain

// Tolerance holds the bands that 左右 and 基本 stand for. The notice does
// not define them; these defaults follow common practice in execution
// reports and are documented in docs/STATUS.md.
type Tolerance struct {
	// PercentPoints is the band for targets in % (growth rates, reductions,
	// percentage levels): half a percentage point.
	PercentPoints float64
	// PPChange is the band for 提高X个百分点 targets, in percentage points.
	PPChange float64
	// Permille is the band for targets in ‰ (份额), in permille points.
	Permille float64
	// Share is the band for amounts and counts, as a share of the target:
	// 0.03 means 3% of 400个, so 388 is 基本完成.
	Share float64
}

// DefaultTolerance is the documented default setting.
func DefaultTolerance() Tolerance {
	return Tolerance{PercentPoints: 0.5, PPChange: 0.5, Permille: 0.2, Share: 0.03}
}

// Band is the tolerance for one target, in the target's own unit.
func (tol Tolerance) Band(t Target) float64 {
	switch t.Unit {
	case "%":
		return tol.PercentPoints
	case "个百分点":
		return tol.PPChange
	case "‰":
		return tol.Permille
	}
	v := t.Value
	if v < 0 {
		v = -v
	}
	return tol.Share * v
}
