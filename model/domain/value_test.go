package domain

import (
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want Number
	}{
		{"6.3", Number{Value: 6.3, Multiplier: 1}},
		{"6.3%", Number{Value: 6.3, Percent: true, Multiplier: 1}},
		{"６．３", Number{Value: 6.3, Multiplier: 1}},
		{"６．３％", Number{Value: 6.3, Percent: true, Multiplier: 1}},
		{"-0.4", Number{Value: -0.4, Multiplier: 1}},
		{"－0.4", Number{Value: -0.4, Multiplier: 1}},
		{"−0.4", Number{Value: -0.4, Multiplier: 1}},
		{"+2", Number{Value: 2, Multiplier: 1}},
		{"1.2万", Number{Value: 12000, Multiplier: 1e4}},
		{"3.5亿", Number{Value: 3.5e8, Multiplier: 1e8}},
		{"13.1‰", Number{Value: 13.1, Permille: true, Multiplier: 1}},
		{"1,234.5", Number{Value: 1234.5, Multiplier: 1}},
		{" 400 ", Number{Value: 400, Multiplier: 1}},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNumber(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"", "abc", "6.3.1", "1e5", "Inf", "NaN", "0x10", "6,3", "六点三", "6.3%%",
		"5-6", "1.2万万", "%", ".5", "5.", "1,23", "99999999999999999999"} {
		if got, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %+v, want an error", in, got)
		} else if !strings.Contains(err.Error(), "实际值") {
			t.Errorf("ParseNumber(%q): error %q does not name the field", in, err)
		}
	}
}

// mustTarget parses a target the test builds on.
func mustTarget(t *testing.T, text string) Target {
	t.Helper()
	tg, err := ParseTarget(text)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestParseActualFitsTheUnit(t *testing.T) {
	wan, pct, per := mustTarget(t, "11万人"), mustTarget(t, "增长6%左右"), mustTarget(t, "占全国份额13.4‰左右")
	cnt, pp := mustTarget(t, "400个"), mustTarget(t, "提高3个百分点左右")
	tests := []struct {
		in   string
		t    Target
		want float64
	}{
		{"11", wan, 11}, {"11万", wan, 11}, {"110000", wan, 110000}, // a bare number is in the written unit
		{"6.3", pct, 6.3}, {"6.3%", pct, 6.3}, {"-0.4%", pct, -0.4},
		{"13.1", per, 13.1}, {"13.1‰", per, 13.1},
		{"412", cnt, 412}, {"1.2万", cnt, 12000},
		{"2.5", pp, 2.5},
	}
	for _, tt := range tests {
		got, err := ParseActual(tt.in, tt.t)
		if err != nil || got != tt.want {
			t.Errorf("ParseActual(%q, %s) = %v, %v; want %v", tt.in, tt.t.Unit, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		in string
		t  Target
	}{{"6%", cnt}, {"13.1%", per}, {"6‰", pct}, {"1.2万", pct}, {"3%", pp}, {"2万%", pct}} {
		if got, err := ParseActual(tt.in, tt.t); err == nil {
			t.Errorf("ParseActual(%q, %s) = %v, want an error", tt.in, tt.t.Unit, got)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"6.3", "6.3%", "６．３", "-0.4", "1.2万", "1,234", "13.4‰", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			if !strings.Contains(err.Error(), "实际值") {
				t.Fatalf("%q: error without the field name: %v", s, err)
			}
			return
		}
		if n.Value != n.Value || n.Value > 1e15*1e8 || n.Value < -1e15*1e8 {
			t.Fatalf("%q: value %v", s, n.Value)
		}
		if n.Multiplier != 1 && n.Multiplier != 1e4 && n.Multiplier != 1e8 {
			t.Fatalf("%q: multiplier %v", s, n.Multiplier)
		}
	})
}
