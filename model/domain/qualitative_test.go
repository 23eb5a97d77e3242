package domain

import (
	"encoding/json"
	"strings"
	"testing"
)

// The grammar reads its vocabulary of qualitative phrases as written, with
// the way each points; anything else without a number stays an error.
func TestParseTargetQualitative(t *testing.T) {
	tests := []struct {
		text string
		want Target
	}{
		{"稳中提质", Target{Basis: BasisQualitative, Direction: Higher, Ref: "稳中提质"}},
		{"稳步提高", Target{Basis: BasisQualitative, Direction: Higher, Ref: "稳步提高"}},
		{"稳步提升", Target{Basis: BasisQualitative, Direction: Higher, Ref: "稳步提升"}},
		{"保持基本稳定", Target{Basis: BasisQualitative, Direction: Higher, Ref: "保持基本稳定"}},
		{"保持稳定", Target{Basis: BasisQualitative, Direction: Higher, Ref: "保持稳定"}},
		{"稳中有升", Target{Basis: BasisQualitative, Direction: Higher, Ref: "稳中有升"}},
		{"持续改善", Target{Basis: BasisQualitative, Direction: Higher, Ref: "持续改善"}},
		{"进一步提高", Target{Basis: BasisQualitative, Direction: Higher, Ref: "进一步提高"}},
		{"稳中有降", Target{Basis: BasisQualitative, Direction: Lower, Ref: "稳中有降"}},
		{"持续下降", Target{Basis: BasisQualitative, Direction: Lower, Ref: "持续下降"}},
		{" 保持　基本稳定 ", Target{Basis: BasisQualitative, Direction: Higher, Ref: "保持基本稳定"}},
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
		if got.HasValue() || got.Open() {
			t.Errorf("%q: a qualitative target has no value and none to enter", tt.text)
		}
	}
	for _, text := range []string{"稳中求进地提高", "大幅改善", "保持稳定增长6%"} {
		if got, err := ParseTarget(text); err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want an error: not in the vocabulary", text, got)
		}
	}
}

// A reviewer may mark any text qualitative, except one the grammar reads
// as a number.
func TestMarkQualitative(t *testing.T) {
	tests := []struct {
		text    string
		want    Target
		errPart string
	}{
		{"1万余套", Target{Basis: BasisQualitative, Direction: Higher, Ref: "1万余套"}, ""},
		{"明显好转", Target{Basis: BasisQualitative, Direction: Higher, Ref: "明显好转"}, ""},
		{"能耗有所减少", Target{Basis: BasisQualitative, Direction: Lower, Ref: "能耗有所减少"}, ""},
		{"稳中提质", Target{Basis: BasisQualitative, Direction: Higher, Ref: "稳中提质"}, ""},
		{"增长6%左右", Target{}, "可按目标语法读作“增长率 ≈ 6%”，不能标为定性"},
		{"按省下达目标安排", Target{}, "不能标为定性"},
		{"  ", Target{}, "目标为空"},
	}
	for _, tt := range tests {
		got, err := MarkQualitative(tt.text)
		switch {
		case tt.errPart != "":
			if err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("MarkQualitative(%q) = %+v, %v; want an error with %q", tt.text, got, err, tt.errPart)
			}
		case err != nil:
			t.Errorf("MarkQualitative(%q): %v", tt.text, err)
		case got != tt.want:
			t.Errorf("MarkQualitative(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// The plan file carries a qualitative target beside its text; the reader
// takes one the grammar reads or a reviewer marked, and refuses one that
// would hide a number or disagrees with its text.
func TestPlanFileQualitative(t *testing.T) {
	file := func(text string, target *Target) []byte {
		f := PlanFile{Plan: PlanFileHeader{ID: "p", Title: "t", Year: 2024, City: "嘉兴市"},
			Sections: []Section{{ID: "C1", Part: "annex1", Title: "主要指标"}},
			Items: []PlanFileItem{{ID: "A1-01", Kind: KindIndicator, Section: "C1", IndicatorNo: 1, Name: "质量",
				TargetText: text, Target: target, Measure: Level, SourceQuote: "1.质量" + text}}}
		data, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	q := func(text string) *Target { t := QualitativeTarget(text); return &t }
	withUnit := func(t *Target, u string) *Target { c := *t; c.Unit, c.BaseUnit, c.Multiplier = u, u, 1; return &c }
	tests := []struct {
		name    string
		data    []byte
		errPart string
	}{
		{"vocabulary", file("稳中提质", q("稳中提质")), ""},
		{"vocabulary with a unit", file("稳中提质", withUnit(q("稳中提质"), "%")), ""},
		{"marked", file("1万余套", q("1万余套")), ""},
		{"hides a number", file("增长6%", q("增长6%")), "不能标为定性"},
		{"wrong ref", file("稳中提质", q("稳步提高")), "与文件中的 target 不一致"},
		{"unknown unit", file("稳中提质", withUnit(q("稳中提质"), "斤")), "单位“斤”无法识别"},
		{"unmarked unreadable", file("1万余套", &Target{Basis: BasisLevel, Direction: Higher}), "1万余套"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePlanFile(tt.data)
			if tt.errPart == "" {
				if err != nil {
					t.Fatal(err)
				}
				if it, _ := p.Item("A1-01"); it.Target.Basis != BasisQualitative {
					t.Errorf("target %+v, want qualitative", it.Target)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.errPart) || !strings.Contains(err.Error(), "A1-01") {
				t.Errorf("got %v, want an error naming A1-01 with %q", err, tt.errPart)
			}
		})
	}
}

// With a reviewer's manual status, a qualitative item shows it; without,
// it awaits judgement in every period and is grey, never a concern.
func TestQualitativeStatus(t *testing.T) {
	p := testPlan(t)
	it := mustItem(t, p, "quality")
	manual := []ManualStatus{{ItemID: "quality", Period: Period{2023, 12}, Code: Met, Reason: "质量效益稳步提高", By: "李四"}}
	r := NewReview(p, DefaultTolerance(), []Actual{act("quality", 12, 3.1)}, manual, nil)
	if s := r.Status(it, Period{2023, 12}); !s.Manual || s.Code != Met || !strings.Contains(s.Reason, "质量效益稳步提高") {
		t.Errorf("with a manual status: %+v", s)
	}
	s := r.Status(it, Period{2023, 9})
	if s.Code != AwaitingJudgement || s.Label != "待审阅人判断" || s.Early || s.Code.Concern() || s.Code.Tone() != ToneNone {
		t.Errorf("without one: %+v (tone %s)", s, s.Code.Tone())
	}
	if got := r.FigureOf(it, act("quality", 9, 3.1)); got != "3.1" {
		t.Errorf("FigureOf = %q, want 3.1", got)
	}
}
