package domain

import (
	"strings"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	tests := map[string]int{
		"2023-09": 9, "2023-9": 9, "2023/09": 9, "1-9月": 9, "1—9月": 9, "1～9月": 9, "1至9月": 9,
		"2023年1-9月": 9, "9月": 9, "2023年9月": 9, "前三季度": 9, "2023年前三季度": 9, "三季度末": 9,
		"一季度": 3, "1-3月": 3, "上半年": 6, "1-6月": 6, "全年": 12, "2023年全年": 12, "1-12月": 12,
		"年度": 12, "1月": 1, "１－９月": 9, " 2023-12 ": 12,
	}
	for in, month := range tests {
		p, err := ParsePeriod(in, 2023)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", in, err)
			continue
		}
		if p != (Period{2023, month}) {
			t.Errorf("ParsePeriod(%q) = %v, want month %d", in, p, month)
		}
	}
	rejects := map[string]string{
		"2024-01":   "不在计划年度",
		"2022年1-9月": "不在计划年度",
		"2023-13":   "1到12",
		"0月":        "1到12",
		"三季度":       "单个季度",
		"二季度":       "单个季度",
		"":          "为空",
		"Sept":      "无法识别",
		"1-9":       "无法识别",
	}
	for in, msg := range rejects {
		if p, err := ParsePeriod(in, 2023); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", in, p)
		} else if !strings.Contains(err.Error(), msg) || !strings.Contains(err.Error(), "期间") {
			t.Errorf("ParsePeriod(%q) error %q, want it to say %q", in, err, msg)
		}
	}
}

func TestPeriodNames(t *testing.T) {
	for m, want := range map[int][2]string{1: {"1月", "1月"}, 3: {"1-3月", "一季度"}, 6: {"1-6月", "上半年"},
		9: {"1-9月", "前三季度"}, 10: {"1-10月", "1-10月"}, 12: {"1-12月", "全年"}} {
		p := Period{2023, m}
		if p.Label() != want[0] || p.Name() != want[1] {
			t.Errorf("month %d: %q %q, want %v", m, p.Label(), p.Name(), want)
		}
	}
	if (Period{2023, 9}).String() != "2023-09" {
		t.Error("canonical form")
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2023-09", "1-9月", "前三季度", "全年", "2023年1-9月", "三季度"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s, 2023)
		if err != nil {
			return
		}
		if p.Year != 2023 || p.Month < 1 || p.Month > 12 {
			t.Fatalf("%q: accepted %v", s, p)
		}
	})
}
