package plantable

import (
	"regexp"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// estimateWords open a result that is an estimate (预计7.3%左右); the
// figure after them is read, the words stay in Text.
var estimateWords = []string{"预计", "约", "初步统计", "快报"}

// reMinus is a minus sign before a figure, in any of the ways it is typed.
var reMinus = regexp.MustCompile(`^[-－−—]`)

// rePeriodHead finds the months a result column covers in its header:
// 1-6月实绩.
var rePeriodHead = regexp.MustCompile(`([0-9]{1,2})\s*[-—－~～至]\s*([0-9]{1,2})月`)

// ReportedPeriod is the months a result column covers, from its header:
// 1-6月 / 上半年 / 前三季度 / 一季度, else the whole year (全年实绩, 实际完成
// in a report on the year).
func ReportedPeriod(header string) string {
	switch {
	case rePeriodHead.MatchString(header):
		m := rePeriodHead.FindStringSubmatch(header)
		return m[1] + "-" + m[2] + "月"
	case strings.Contains(header, "上半年"):
		return "1-6月"
	case strings.Contains(header, "前三季度"):
		return "1-9月"
	case strings.Contains(header, "一季度"):
		return "1-3月"
	}
	return "1-12月"
}

// ReadReported reads a result as a report prints it. Value and Basis are
// set only where the grammar reads the figure: 增长4.8% → 4.8, growth;
// 下降4.6% → 4.6, reduction (written positive, as targets are); a bare
// percentage takes the target's basis when that is growth or reduction
// (the report prints the figure in the target's terms); a signed one
// (-4.6%) is a growth rate, negative. 待省反馈, 年度指标, 预计较难完成 keep
// only their words. nil for an empty cell.
func ReadReported(text string, target *domain.Target, period string) *Reported {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	rep := &Reported{Text: text, Period: period}
	read := strings.ReplaceAll(text, " ", "")
	for _, w := range estimateWords {
		read = strings.TrimPrefix(read, w)
	}
	sign := 1.0
	if m := reMinus.FindString(read); m != "" {
		sign, read = -1, read[len(m):]
	}
	t, err := domain.ParseTarget(read)
	if err != nil || !t.HasValue() {
		return rep
	}
	v := t.Value
	if sign < 0 {
		if t.Basis != domain.BasisLevel || t.Unit != "%" {
			return rep // -3个 is no figure
		}
		v = -v
		rep.Value, rep.Basis = &v, domain.BasisGrowth
		return rep
	}
	rep.Value, rep.Basis = &v, t.Basis
	if t.Basis == domain.BasisLevel && t.Unit == "%" && target != nil && !strings.ContainsAny(read, "达到保持") &&
		(target.Basis == domain.BasisGrowth || target.Basis == domain.BasisReduction) {
		rep.Basis = target.Basis
	}
	return rep
}
