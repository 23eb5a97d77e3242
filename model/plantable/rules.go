package plantable

import (
	"fmt"
	"regexp"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// reBare is a number alone, perhaps with % and a hedge suffix: 7, 7左右,
// 6.5%以上. The grammar reads “7%” as a level, which for 地区生产总值 would
// be wrong, so such a cell is read by the rules below, never by the
// grammar as it stands.
var reBare = regexp.MustCompile(`^(\d+(?:\.\d+)?)(%?)(左右|及以上|以上|以内|及以下|以下)?$`)

// reNumEnd finds the number and trailing suffix of a target written
// without a unit (增长7, 达到95以上), to put the column's unit in.
var reNumEnd = regexp.MustCompile(`^(.*\d)(左右|及以上|以上|以内|及以下|以下)?$`)

// flowWords mark indicators whose table target is, by Chinese statistical
// custom, a growth rate: amounts counted over the year.
var flowWords = []string{"生产总值", "投资", "收入", "零售总额", "消费", "出口", "进口", "进出口", "产值", "增加值", "利润"}

// levelWords mark indicators that are ratios: their number is the level.
var levelWords = []string{"率", "比重", "比例", "之比"}

// ref names a cell in reasons: 第5行“预期目标”列（D列）.
type ref struct {
	line  int
	label string
	col   string
}

func (r ref) String() string {
	return fmt.Sprintf("第%d行“%s”列（%s列）", r.line, r.label, r.col)
}

// readTarget fills it.Read, Target, Qualitative, Unit, NeedsReview and
// Reason from it.TargetText, the row's unit (column or header) and the
// 目标 header. kind says whether a bare number may be read by the
// indicator's nature (indicators) or not (tasks).
func readTarget(it *Item, h header, at ref) {
	raw := domain.StripHedge(strings.ReplaceAll(it.TargetText, " ", ""))
	text := sheet.Norm(raw)
	if text == "" {
		it.review(at, "目标为空")
		return
	}
	if m := reBare.FindStringSubmatch(text); m != nil && it.Kind == domain.KindIndicator {
		read, why := bareReading(it.Name, it.Unit, m, h.growth)
		if read == "" {
			it.review(at, why)
			return
		}
		text = read
	}
	t, err := domain.ParseTarget(text)
	if err != nil && it.Unit != "" {
		if m := reNumEnd.FindStringSubmatch(text); m != nil {
			if t2, err2 := domain.ParseTarget(m[1] + it.Unit + m[2]); err2 == nil {
				t, err, text = t2, nil, m[1]+it.Unit+m[2]
			}
		}
	}
	it.Read = text
	if text == sheet.Norm(raw) {
		// No rule rewrote it: the plan keeps the words as written
		// (3000家（次）以上), which the grammar reads alike.
		it.Read = raw
	}
	switch {
	case err == nil && t.Basis == domain.BasisQualitative:
		// 稳中提质, 持续改善: a plan item the reviewer judges.
		if it.Unit == h.unit {
			it.Unit = "" // the header's (%) says nothing of a target with no number
		}
		it.settleQualitative(t)
	case err == nil:
		it.Target = &t
		if t.Unit != "" {
			// The target's own unit (1.2万人) is what its number counts,
			// whatever the header says of the column.
			it.Unit = t.Unit
		}
	case !strings.ContainsAny(text, "0123456789"):
		// No number, and words outside the grammar's vocabulary: the
		// reviewer says whether it is qualitative or what number it means.
		if it.Unit == h.unit {
			it.Unit = ""
		}
		it.review(at, "没有数值，也不是目标语法中的定性用语（如 稳中提质、持续改善），请改写为目标或标为"+domain.QualitativeMark)
	default:
		it.review(at, err.Error()+"，请按目标语法改写或标为"+domain.QualitativeMark)
	}
}

// settleQualitative makes the row a qualitative target, its figures in
// the row's unit when the grammar knows it.
func (it *Item) settleQualitative(t domain.Target) {
	if u, ok := t.WithUnit(it.Unit); ok {
		t = u
	}
	it.Target, it.Qualitative = &t, true
	it.NeedsReview, it.Reason = false, ""
}

// bareReading completes a bare number by the header and the indicator's
// nature, or says why it cannot: 7 under a 增长 header, or for a flow,
// is 增长7%; for a ratio it is the level 7% (or 7 in the row's unit).
func bareReading(name, unit string, m []string, growthHeader bool) (string, string) {
	num, pct, suffix := m[1], m[2], m[3]
	growthName := strings.HasSuffix(name, "增长率") || strings.HasSuffix(name, "增速")
	unitPct := unit == "" || unit == "%" || pct != ""
	isLevel := false
	for _, w := range levelWords {
		if strings.Contains(name, w) && !growthName {
			isLevel = true
		}
	}
	if growthHeader && isLevel {
		// The header says growth, the name a ratio: which one the office
		// meant is theirs to say.
		return "", fmt.Sprintf("表头为增长率，但“%s”是比率或比重，只有数值“%s”无法判断：请写成“%s%%”或“提高%s个百分点”等", name, m[0], num, num)
	}
	// A name that says the figure goes down (单位地区生产总值能耗降低,
	// 能耗下降率) is a reduction, whatever the column's heading: 3 is
	// 下降3%, never 增长3%.
	if unitPct && reductionName(name) {
		return "下降" + num + "%" + suffix, ""
	}
	// A count of what is new this year (城镇新增就业 100 万人) is a level in
	// the row's unit even under a 增长(%) heading: the unit says so.
	if unit != "" && unit != "%" && pct == "" && strings.Contains(name, "新增") {
		return num + unit + suffix, ""
	}
	growth := growthHeader || growthName
	isFlow := false
	for _, w := range flowWords {
		if strings.Contains(name, w) {
			isFlow = true
		}
	}
	switch {
	case growth:
		return "增长" + num + "%" + suffix, ""
	case isLevel:
		if pct != "" || unit == "" {
			unit = "%"
		}
		return num + unit + suffix, ""
	case isFlow && unitPct:
		return "增长" + num + "%" + suffix, ""
	case unit != "" && unit != "%":
		// The row's unit says what the number counts (400 个).
		return num + unit + suffix, ""
	}
	return "", fmt.Sprintf("只有数值“%s”，无法判断是增长率还是水平值：请写成“增长%s%%”或“%s%%”等", m[0], num, num)
}

// reductionName: the name ends saying the figure goes down.
func reductionName(name string) bool {
	for _, w := range []string{"降低", "下降", "降低率", "下降率", "降幅", "减少"} {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

func (it *Item) review(at ref, why string) {
	it.NeedsReview = true
	it.Reason = at.String() + "“" + it.TargetText + "”：" + why
	if it.TargetText == "" {
		it.Reason = at.String() + "：" + why
	}
}

// FlowName reports a name that, by Chinese statistical custom, counts an
// amount over the year (生产总值, 投资, 收入): a bare percentage for it is
// a growth rate, not a level, which is not the grammar's reading.
func FlowName(name string) bool {
	for _, w := range flowWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// RatioName reports a name that is a ratio (率, 比重, 比例, 之比) whose
// percentage is its level.
func RatioName(name string) bool {
	for _, w := range levelWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// HedgeOf is the hedge a target's text opens with, "" for none.
func HedgeOf(text string) string { return domain.HedgeOf(text) }
