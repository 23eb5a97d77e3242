package domain

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Comparator says how an actual is held against a target value.
type Comparator string

// The comparators of the target grammar. Approx is 左右 (and 基本同步): the
// target met within a tolerance band.
const (
	GE     Comparator = "≥"
	GT     Comparator = ">"
	LE     Comparator = "≤"
	LT     Comparator = "<"
	Approx Comparator = "≈"
)

// Basis says what the target's number measures.
type Basis string

// The bases of the target grammar.
const (
	BasisGrowth    Basis = "growth"    // 增长6%: year-on-year growth rate, in %
	BasisLevel     Basis = "level"     // 95%以上, 400个, 35亿美元: the value itself
	BasisShare     Basis = "share"     // 占全国份额13.4‰: a share of a named whole
	BasisPPChange  Basis = "pp_change" // 提高3个百分点: change of a share, in percentage points
	BasisReduction Basis = "reduction" // 降低3%, 下降4%以上: a rate of decrease, in %, written positive
	BasisIncrease  Basis = "increase"  // 增加3万人: an absolute increase
	BasisRelative  Basis = "relative"  // 与经济增长基本同步, 高于各项贷款增速: held against another figure
	BasisPending   Basis = "pending"   // 按省下达目标安排: the number comes later
	// BasisQualitative (稳中提质) is declared in qualitative.go.
)

// Direction says which way is better.
type Direction string

// Directions.
const (
	Higher Direction = "higher"
	Lower  Direction = "lower"
)

// Target is a structured target, as the grammar understands the notice's
// wording. Value is in the written unit (11 for 11万人); Multiplier takes it
// to BaseUnit (11万人 = 110000 人).
type Target struct {
	Comparator Comparator `json:"comparator,omitempty"`
	Value      float64    `json:"value"`
	Unit       string     `json:"unit,omitempty"`
	BaseUnit   string     `json:"base_unit,omitempty"`
	Multiplier float64    `json:"multiplier,omitempty"`
	Basis      Basis      `json:"basis"`
	Direction  Direction  `json:"direction"`
	// Ref names what a relative target is held against ("经济增长",
	// "各项贷款增速"), who sets a pending one ("省"), or the whole of a share
	// ("全国").
	Ref string `json:"ref,omitempty"`
	// refEn is Ref in English, where the model worded Ref itself (the
	// growth of 地区生产总值 in the same period (6.1%)); a Ref from the
	// notice has none and stays as written.
	refEn string
}

// HasValue reports whether the target carries its own number (relative,
// pending and qualitative targets do not).
func (t Target) HasValue() bool {
	return t.Basis != BasisRelative && t.Basis != BasisPending && t.Basis != BasisQualitative
}

// Open reports whether the target's figure is for a reviewer to enter
// (录入目标): a pending target, or a relative one held against a figure
// from outside the plan. A qualitative target is not open: it has no
// figure to enter, only a judgement.
func (t Target) Open() bool { return t.Basis == BasisPending || t.Basis == BasisRelative }

// IsCeiling reports whether the target is a limit not to be exceeded
// (以内, 控制在, 低于): its statuses are 控制在目标内 / 超出控制目标.
func (t Target) IsCeiling() bool { return t.Comparator == LE || t.Comparator == LT }

// unitInfo is a unit as written, with its base unit and multiplier.
type unitInfo struct {
	base string
	mult float64
}

// units lists every unit the grammar accepts. An unknown unit is an error
// at load time, never silently read as a bare number.
var units = map[string]unitInfo{
	"%": {"%", 1}, "‰": {"‰", 1}, "个百分点": {"个百分点", 1},
	"人": {"人", 1}, "万人": {"人", 1e4},
	"元": {"元", 1}, "万元": {"元", 1e4}, "亿元": {"元", 1e8},
	"美元": {"美元", 1}, "万美元": {"美元", 1e4}, "亿美元": {"美元", 1e8},
	"个": {"个", 1}, "家": {"家", 1}, "家（次）": {"家（次）", 1}, "家(次)": {"家（次）", 1},
	"场": {"场", 1}, "项": {"项", 1}, "所": {"所", 1}, "座": {"座", 1}, "户": {"户", 1},
	"套": {"套", 1}, "件": {"件", 1}, "次": {"次", 1}, "辆": {"辆", 1}, "条": {"条", 1},
	"亩": {"亩", 1}, "万亩": {"亩", 1e4}, "公顷": {"公顷", 1},
	"平方米": {"平方米", 1}, "万平方米": {"平方米", 1e4},
	"公里": {"公里", 1}, "千米": {"公里", 1},
	"千瓦": {"千瓦", 1}, "万千瓦": {"千瓦", 1e4},
	"吨": {"吨", 1}, "万吨": {"吨", 1e4},
	"吨标煤": {"吨标煤", 1}, "万吨标煤": {"吨标煤", 1e4},
	"千瓦时": {"千瓦时", 1}, "万千瓦时": {"千瓦时", 1e4}, "亿千瓦时": {"千瓦时", 1e8},
	"人/亿元": {"人/亿元", 1},
	// 全员劳动生产率 and per-head incomes: 20.5万元/人 is 205000 元/人.
	"元/人": {"元/人", 1}, "万元/人": {"元/人", 1e4}, "微克/立方米": {"微克/立方米", 1},
}

// unitNames lists the units longest first, so 万吨标煤 wins over 万吨.
var unitNames = func() []string {
	names := make([]string, 0, len(units))
	for u := range units {
		names = append(names, u)
	}
	// insertion sort by length, then text, for a stable order
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && less(names[j], names[j-1]); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return names
}()

func less(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// The grammar: an optional lead verb, a number with its unit, an optional
// hedge suffix. The lead verb decides the basis; lead and suffix together
// decide the comparator.
var (
	reTargetNum = regexp.MustCompile(`^(\d+(?:\.\d+)?)(.*)$`)
	rePending   = regexp.MustCompile(`^按(.+?)下达(?:的)?(?:目标|计划)?安排$`)
	reSync      = regexp.MustCompile(`^与(.+?)(基本)?同步$`)
	reRelative  = regexp.MustCompile(`^(高于|低于|不低于|快于)(\D+)$`)
	reShare     = regexp.MustCompile(`^占(.+?)(?:份额|比重)(.*)$`)
)

// leads are the verbs that may open a target, longest first.
var leads = []struct {
	word  string
	basis Basis
	cmp   Comparator // "" when the suffix or the bare rule decides
	dir   Direction
}{
	{"控制在", BasisLevel, LE, Lower},
	{"提高到", BasisLevel, GE, Higher},
	{"提高至", BasisLevel, GE, Higher},
	{"稳定在", BasisLevel, GE, Higher},
	{"不低于", BasisLevel, GE, Higher},
	{"不少于", BasisLevel, GE, Higher},
	{"不高于", BasisLevel, LE, Lower},
	{"不超过", BasisLevel, LE, Lower},
	{"达到", BasisLevel, GE, Higher},
	{"保持", BasisLevel, GE, Higher},
	{"增长", BasisGrowth, "", Higher},
	{"增加", BasisIncrease, "", Higher},
	{"提高", BasisPPChange, "", Higher},
	{"降低", BasisReduction, "", Higher},
	{"下降", BasisReduction, "", Higher},
	{"减少", BasisReduction, "", Higher},
	{"低于", BasisLevel, LT, Lower},
	{"达", BasisLevel, GE, Higher},
	{"超", BasisLevel, GT, Higher},
}

// suffixes are the hedges that may close a target.
var suffixes = []struct {
	word string
	cmp  Comparator
	dir  Direction
}{
	{"及以上", GE, Higher},
	{"及以下", LE, Lower},
	{"以上", GE, Higher},
	{"以下", LE, Lower},
	{"以内", LE, Lower},
	{"左右", Approx, ""},
}

// ParseTarget turns a target as the notice writes it (增长6%左右,
// 控制在26微克/立方米及以下, 按省下达目标安排) into a structured Target.
// Wording it does not know is an error, so a new plan's unknown phrasing
// is caught when the plan is loaded, not silently misread.
func ParseTarget(text string) (Target, error) {
	s := strings.ReplaceAll(normalizeWidth(strings.TrimSpace(text)), " ", "")
	if s == "" {
		return Target{}, fmt.Errorf("目标为空")
	}
	if t, ok := referenceTarget(s); ok {
		return t, nil
	}
	if t, ok := qualitativeWords(s); ok {
		return t, nil
	}
	s = strings.TrimPrefix(s, "同比")
	t, leadCmp, s := leadWords(s)
	m := reTargetNum.FindStringSubmatch(s)
	if m == nil {
		return Target{}, fmt.Errorf("目标“%s”无法识别：缺少数值", text)
	}
	t.Value, _ = strconv.ParseFloat(m[1], 64)
	sufCmp, rest := suffixWord(&t, leadCmp, m[2])
	u, ok := units[rest]
	if !ok {
		if rest == "" {
			return Target{}, fmt.Errorf("目标“%s”缺少单位", text)
		}
		return Target{}, fmt.Errorf("目标“%s”的单位“%s”无法识别", text, rest)
	}
	t.Unit, t.BaseUnit, t.Multiplier = rest, u.base, u.mult
	if rest == "家(次)" {
		t.Unit = "家（次）"
	}
	switch {
	case leadCmp != "" && sufCmp != "" && !compatible(leadCmp, sufCmp):
		return Target{}, fmt.Errorf("目标“%s”前后矛盾：不能同时是“%s”与“%s”", text, leadCmp, sufCmp)
	case sufCmp != "":
		t.Comparator = sufCmp
	case leadCmp != "":
		t.Comparator = leadCmp
	default:
		// A bare value is the target itself, met at or beyond it.
		t.Comparator = GE
	}
	if t.Comparator == LE || t.Comparator == LT {
		t.Direction = Lower
	}
	if err := unitFitsBasis(t, text); err != nil {
		return Target{}, err
	}
	return t, nil
}

// referenceTarget reads the targets that are measured against another
// figure, not a number of their own: 按省下达目标安排 (pending), 与经济增长同步
// (in step with) and 高于/低于/不低于经济增长 (relative).
func referenceTarget(s string) (Target, bool) {
	if m := rePending.FindStringSubmatch(s); m != nil {
		return Target{Basis: BasisPending, Direction: Higher, Ref: m[1]}, true
	}
	if m := reSync.FindStringSubmatch(s); m != nil {
		return Target{Comparator: Approx, Unit: "%", BaseUnit: "%", Multiplier: 1,
			Basis: BasisRelative, Direction: Higher, Ref: m[1]}, true
	}
	if m := reRelative.FindStringSubmatch(strings.TrimPrefix(s, "同比")); m != nil {
		cmp, dir := GT, Higher
		switch m[1] {
		case "低于":
			cmp, dir = LT, Lower
		case "不低于":
			cmp = GE
		}
		return Target{Comparator: cmp, Unit: "%", BaseUnit: "%", Multiplier: 1,
			Basis: BasisRelative, Direction: dir, Ref: m[2]}, true
	}
	return Target{}, false
}

// leadWords reads what comes before the number — a share (占…比重) and a
// lead verb (增长, 控制在, …) — and returns the target so far, the lead's
// comparator and the rest of s.
func leadWords(s string) (Target, Comparator, string) {
	t := Target{Basis: BasisLevel, Direction: Higher}
	if m := reShare.FindStringSubmatch(s); m != nil {
		t.Basis, t.Ref, s = BasisShare, m[1], m[2]
		s = strings.TrimPrefix(s, "达到")
	}
	var leadCmp Comparator
	for _, l := range leads {
		if strings.HasPrefix(s, l.word) {
			if t.Basis != BasisShare {
				t.Basis = l.basis
			}
			leadCmp, t.Direction = l.cmp, l.dir
			s = strings.TrimPrefix(s, l.word)
			break
		}
	}
	return t, leadCmp, s
}

// suffixWord reads the comparator after the number (以上, 左右, 以内, …)
// from rest, setting t's direction when no lead verb did, and returns it
// with the unit that is left.
func suffixWord(t *Target, leadCmp Comparator, rest string) (Comparator, string) {
	for _, sf := range suffixes {
		if strings.HasSuffix(rest, sf.word) {
			if sf.dir != "" && leadCmp == "" {
				t.Direction = sf.dir
			}
			return sf.cmp, strings.TrimSuffix(rest, sf.word)
		}
	}
	return "", rest
}

// unitFitsBasis checks that rates and percentage-point changes have
// their own unit: a count cannot grow by "6个".
func unitFitsBasis(t Target, text string) error {
	switch t.Basis {
	case BasisGrowth, BasisReduction:
		if t.Unit != "%" {
			return fmt.Errorf("目标“%s”：增长或下降幅度应以%%表示", text)
		}
	case BasisPPChange:
		if t.Unit != "个百分点" {
			return fmt.Errorf("目标“%s”：“提高”后应为“X个百分点”或“提高到X%%”", text)
		}
	}
	if t.Unit == "个百分点" && t.Basis != BasisPPChange {
		return fmt.Errorf("目标“%s”：“个百分点”只用于“提高X个百分点”", text)
	}
	return nil
}

// compatible reports whether a lead verb and a suffix agree: 稳定在95%以上
// is fine, 低于5%以上 is not.
func compatible(lead, suf Comparator) bool {
	up := func(c Comparator) bool { return c == GE || c == GT }
	down := func(c Comparator) bool { return c == LE || c == LT }
	return (up(lead) && up(suf)) || (down(lead) && down(suf))
}

// String writes the target back as a short understood form, e.g.
// "增长率 ≈ 6%" or "≥ 400个", for the "as understood" view.
func (t Target) String() string { return t.StringIn(Chinese) }

// FormatNumber prints a value without trailing zeros: 6, 4.5, 0.011.
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if strings.Contains(s, ".") && len(s) > 12 {
		s = strconv.FormatFloat(v, 'f', 4, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
