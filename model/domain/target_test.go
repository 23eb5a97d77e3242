package domain

import (
	"strings"
	"testing"
)

func TestParseTargetNoticePhrasings(t *testing.T) {
	pct := func(c Comparator, v float64, b Basis, d Direction) Target {
		return Target{Comparator: c, Value: v, Unit: "%", BaseUnit: "%", Multiplier: 1, Basis: b, Direction: d}
	}
	unit := func(c Comparator, v float64, u, base string, m float64, b Basis, d Direction) Target {
		return Target{Comparator: c, Value: v, Unit: u, BaseUnit: base, Multiplier: m, Basis: b, Direction: d}
	}
	tests := []struct {
		text string
		want Target
	}{
		{"增长6%左右", pct(Approx, 6, BasisGrowth, Higher)},
		{"增长7%以上", pct(GE, 7, BasisGrowth, Higher)},
		{"增长10%", pct(GE, 10, BasisGrowth, Higher)},
		{"增长4.5%", pct(GE, 4.5, BasisGrowth, Higher)},
		{"低于0.011人/亿元", unit(LT, 0.011, "人/亿元", "人/亿元", 1, BasisLevel, Lower)},
		// 全员劳动生产率: 万元/人 before 万元, base 元/人.
		{"20.5万元/人", unit(GE, 20.5, "万元/人", "元/人", 1e4, BasisLevel, Higher)},
		{"达到21万元/人以上", unit(GE, 21, "万元/人", "元/人", 1e4, BasisLevel, Higher)},
		{"60000元/人", unit(GE, 60000, "元/人", "元/人", 1, BasisLevel, Higher)},
		{"3%以内", pct(LE, 3, BasisLevel, Lower)},
		{"控制在5%以内", pct(LE, 5, BasisLevel, Lower)},
		{"控制在26微克/立方米及以下", unit(LE, 26, "微克/立方米", "微克/立方米", 1, BasisLevel, Lower)},
		{"占全国份额13.4‰左右", Target{Comparator: Approx, Value: 13.4, Unit: "‰", BaseUnit: "‰", Multiplier: 1, Basis: BasisShare, Direction: Higher, Ref: "全国"}},
		{"35亿美元", unit(GE, 35, "亿美元", "美元", 1e8, BasisLevel, Higher)},
		{"3.5%", pct(GE, 3.5, BasisLevel, Higher)},
		{"95%以上", pct(GE, 95, BasisLevel, Higher)},
		{"稳定在95%以上", pct(GE, 95, BasisLevel, Higher)},
		{"提高到55%", pct(GE, 55, BasisLevel, Higher)},
		{"不低于40%", pct(GE, 40, BasisLevel, Higher)},
		{"达到100%", pct(GE, 100, BasisLevel, Higher)},
		{"达90%以上", pct(GE, 90, BasisLevel, Higher)},
		{"保持100%", pct(GE, 100, BasisLevel, Higher)},
		{"增加3万人左右", unit(Approx, 3, "万人", "人", 1e4, BasisIncrease, Higher)},
		{"提高3个百分点左右", unit(Approx, 3, "个百分点", "个百分点", 1, BasisPPChange, Higher)},
		{"降低3%", pct(GE, 3, BasisReduction, Higher)},
		{"下降4%以上", pct(GE, 4, BasisReduction, Higher)},
		{"同比下降20%左右", pct(Approx, 20, BasisReduction, Higher)},
		{"400个", unit(GE, 400, "个", "个", 1, BasisLevel, Higher)},
		{"1000个以上", unit(GE, 1000, "个", "个", 1, BasisLevel, Higher)},
		{"3000家（次）以上", unit(GE, 3000, "家（次）", "家（次）", 1, BasisLevel, Higher)},
		{"40万千瓦以上", unit(GE, 40, "万千瓦", "千瓦", 1e4, BasisLevel, Higher)},
		{"60万吨标煤", unit(GE, 60, "万吨标煤", "吨标煤", 1e4, BasisLevel, Higher)},
		{"2万亩", unit(GE, 2, "万亩", "亩", 1e4, BasisLevel, Higher)},
		{"11万人", unit(GE, 11, "万人", "人", 1e4, BasisLevel, Higher)},
		{"超10亿元", unit(GT, 10, "亿元", "元", 1e8, BasisLevel, Higher)},
		{"按省下达目标安排", Target{Basis: BasisPending, Direction: Higher, Ref: "省"}},
		{"与经济增长基本同步", Target{Comparator: Approx, Unit: "%", BaseUnit: "%", Multiplier: 1, Basis: BasisRelative, Direction: Higher, Ref: "经济增长"}},
		{"高于各项贷款增速", Target{Comparator: GT, Unit: "%", BaseUnit: "%", Multiplier: 1, Basis: BasisRelative, Direction: Higher, Ref: "各项贷款增速"}},
		// Full-width digits and stray spaces, as an input method may give them.
		{"增长６％左右", pct(Approx, 6, BasisGrowth, Higher)},
		{" 400 个 ", unit(GE, 400, "个", "个", 1, BasisLevel, Higher)},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.text)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tt.text, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseTarget(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
		}
	}
}

func TestParseTargetRejects(t *testing.T) {
	for _, text := range []string{
		"", "左右", "增长", "增长六个百分点", "增长6", "增长6个", "提高3%", // 提高 takes 个百分点
		"400", "400只羊", "低于5%以上", "以上5%", "6%%", "增长-6%", "按省",
		"3个百分点", "增长6%左右以上",
	} {
		if got, err := ParseTarget(text); err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want an error", text, got)
		} else if !strings.Contains(err.Error(), "目标") {
			t.Errorf("ParseTarget(%q) error %q does not name the target", text, err)
		}
	}
}

func TestTargetString(t *testing.T) {
	for text, want := range map[string]string{
		"增长6%左右":       "增长率 ≈ 6%",
		"控制在5%以内":      "≤ 5%",
		"按省下达目标安排":     "待省下达目标",
		"占全国份额13.4‰左右": "占全国份额 ≈ 13.4‰",
		"2万亩":          "≥ 2万亩",
	} {
		tg, err := ParseTarget(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.String(); got != want {
			t.Errorf("%s: String() = %q, want %q", text, got, want)
		}
	}
}

// FuzzParseTarget checks the grammar never panics, and that what it
// accepts is sane: a known basis and direction, a finite non-negative
// value, a unit from the table.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"增长6%左右", "低于0.011人/亿元", "控制在26微克/立方米及以下", "占全国份额13.4‰左右",
		"按省下达目标安排", "与经济增长基本同步", "3000家（次）以上", "提高3个百分点左右", "同比下降20%左右", "超10亿元", "稳中提质", "保持 基本稳定", "稳中有降"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseTarget(s)
		if err != nil {
			return
		}
		switch tg.Basis {
		case BasisPending, BasisRelative:
			return
		case BasisQualitative:
			if !qualitativePhrases[tg.Ref] || tg.Value != 0 || tg.Unit != "" {
				t.Fatalf("%q: qualitative target %+v outside the vocabulary", s, tg)
			}
			return
		case BasisGrowth, BasisLevel, BasisShare, BasisPPChange, BasisReduction, BasisIncrease:
		default:
			t.Fatalf("%q: unknown basis %q", s, tg.Basis)
		}
		if tg.Value < 0 || tg.Value != tg.Value {
			t.Fatalf("%q: value %v", s, tg.Value)
		}
		if _, ok := units[tg.Unit]; !ok {
			t.Fatalf("%q: unit %q not in the table", s, tg.Unit)
		}
		if tg.Direction != Higher && tg.Direction != Lower {
			t.Fatalf("%q: direction %q", s, tg.Direction)
		}
	})
}
