package domain

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"cn.planreview/planreview/model/cjk"
)

// TestReasonsInEnglish: every status code's reason written in English is
// English, with only what the notice and the reviewers wrote left in
// Chinese (targets as written, units such as 个 and 亿元, names, sources,
// notes), no full-width punctuation, and the Chinese reason unchanged.
func TestReasonsInEnglish(t *testing.T) {
	p := testPlan(t)
	rec := func(id string, m int, o Outcome, src string) Actual {
		return Actual{ItemID: id, Period: Period{2023, m}, Outcome: o, Source: src}
	}
	manual := []ManualStatus{{ItemID: "water", Period: Period{2023, 9}, Code: NearlyMet, Reason: "经审议认定", By: "张三"}}
	tests := []struct {
		code    Code
		item    string
		actuals []Actual
		asOf    int
		want    string
	}{
		{Exceeded, "gdp", []Actual{act("gdp", 12, 6.6)}, 12, "Jan-Dec: up 6.6%, 0.6 points above the target"},
		{Met, "gdp", []Actual{act("gdp", 12, 6.3)}, 12, "Jan-Dec: up 6.3%, 0.3 points above the target, within the target range (5.5% to 6.5%)"},
		{Met, "income", []Actual{act("gdp", 12, 6.1), act("income", 12, 5.9)}, 12,
			"Jan-Dec: up 5.9%, 0.2 points below the growth of gdp in the same period (6.1%), within the target range (5.6% to 6.6%)"},
		{NearlyMet, "fai", []Actual{act("fai", 12, 9.6)}, 12, "Jan-Dec: up 9.6%, 0.4 points below the target, within the 0.5 points allowed"},
		{NearlyMet, "pp", []Actual{act("pp", 12, 2.1)}, 12, "Jan-Dec: up 2.1 points, 0.9 points below the target, just below the target range (2.5 points to 3.5 points)"},
		{Missed, "projects", []Actual{act("projects", 12, 380)}, 12, "Jan-Dec: 380个 done in total, 20个 below the target (95% of the target)"},
		{Missed, "accidents", []Actual{act("accidents", 12, -5)}, 12, "Jan-Dec: up 5%, 25 points below the reduction target"},
		{WithinLimit, "cpi", []Actual{act("cpi", 12, 2.1)}, 12, `Jan-Dec: 2.1%, within the limit "3%以内"`},
		{OverLimit, "cpi", []Actual{act("cpi", 9, 3.4)}, 9, "Jan-Sep: 3.4%, 0.4 points over the limit"},
		{DoneEarly, "projects", []Actual{act("projects", 11, 410)}, 11, "Jan-Nov: 410个 done in total, 102.5% of the year's target, so the year's target is already reached"},
		{Ahead, "invest", []Actual{act("invest", 10, 629.0)}, 10, "Jan-Oct: 629亿元 done in total, 97.2% of the year's target, 13.8 points ahead of the share of the year gone"},
		{Ahead, "projects", []Actual{act("projects", 6, 200)}, 6, "Jan-Jun: 200个 done in total, 50% of the year's target, level with the share of the year gone"},
		{Behind, "projects", []Actual{act("projects", 9, 270)}, 9, "Jan-Sep: 270个 done in total, 67.5% of the year's target, 7.5 points behind the share of the year gone"},
		{Better, "fai", []Actual{act("fai", 9, 10.8)}, 9, "Jan-Sep: up 10.8%, 0.8 points above the target"},
		{OnTrack, "gdp", []Actual{act("gdp", 6, 6.2)}, 9, "No figure for Jan-Sep yet; judged on Jan-Jun: Jan-Jun: up 6.2%, 0.2 points above the target, within the target range (5.5% to 6.5%)"},
		{OffTrack, "start", []Actual{act("start", 6, 85)}, 6, "Jan-Jun: 85% (target by Q3: 达到100%), 15 points below the target"},
		{DeadlineMet, "start", []Actual{act("start", 9, 100)}, 10, `No figure for Jan-Oct yet; judged on Jan-Sep: Jan-Sep: 100%, "达到100%" reached by Q3 as planned`},
		{DeadlineMissed, "start", []Actual{act("start", 9, 96), act("start", 11, 100)}, 12, `No figure for Jan-Dec yet; judged on Jan-Nov: Jan-Sep: 96%, "达到100%" not reached by Q3 (4 points below the target)`},
		{Done, "zone", []Actual{rec("zone", 9, OutcomeDone, "市发展改革委")}, 12, "Jan-Sep record: done (市发展改革委)"},
		{InProgress, "zone", []Actual{rec("zone", 3, OutcomeInProgress, "")}, 6, "Jan-Mar record: in progress"},
		{NotDone, "zone", []Actual{rec("zone", 3, OutcomeInProgress, "")}, 12, `Still "in progress" at the year end`},
		{NotDone, "zone", []Actual{rec("zone", 6, OutcomeNotDone, "")}, 9, "Jan-Jun record: not done"},
		{AwaitingTarget, "energy", nil, 12, "The target is to be entered once 省 has set it"},
		{AwaitingTarget, "loans", nil, 12, `No value entered yet for "各项贷款增速"`},
		{NoData, "gdp", nil, 9, "No figure for Jan-Sep yet"},
		{AwaitingJudgement, "quality", []Actual{act("quality", 9, 3.1)}, 9, "A qualitative target (稳中提质), judged by the reviewer on the progress; figure recorded for Jan-Sep: 3.1"},
		{NoData, "income", []Actual{act("income", 12, 5.9)}, 12, "Jan-Dec figure recorded, but none yet for gdp (gdp) in the same period, so the two cannot be compared"},
		{NoData, "start", []Actual{act("start", 10, 100)}, 12, "No figure for Jan-Dec yet; judged on Jan-Oct: No figure yet for the end of Q3, so whether the deadline was met cannot be judged"},
		{NoData, "zone", nil, 1, "No progress recorded for Jan yet"},
		{NearlyMet, "water", nil, 9, "Set by a reviewer (张三, Jan-Sep): 经审议认定"},
	}
	covered := map[Code]bool{}
	for _, tt := range tests {
		t.Run(string(tt.code)+"/"+tt.item, func(t *testing.T) {
			r := NewReview(p, DefaultTolerance(), tt.actuals, manual, nil)
			it := mustItem(t, p, tt.item)
			s := r.Status(it, Period{2023, tt.asOf})
			if s.Code != tt.code {
				t.Fatalf("code %s, want %s (%s)", s.Code, tt.code, s.Reason)
			}
			covered[s.Code] = true
			en := s.ReasonIn(English)
			if en != tt.want {
				t.Errorf("English reason\n got %q\nwant %q", en, tt.want)
			}
			if bad := notEnglish(en, p, tt.actuals, manual); bad != "" {
				t.Errorf("%q has Chinese of its own: %q", en, bad)
			}
			if s.ReasonIn(Chinese) != s.Reason || !strings.ContainsFunc(s.Reason, isHan) {
				t.Errorf("the Chinese reason changed: %q", s.ReasonIn(Chinese))
			}
		})
	}
	for _, c := range Codes {
		if !covered[c] {
			t.Errorf("no English reason tried for %s", c)
		}
	}
}

// notEnglish is what is left of s, once the words of the notice and of
// the reviewers are taken out, in Chinese characters or full-width
// punctuation ("" when nothing is).
func notEnglish(s string, p *Plan, actuals []Actual, manual []ManualStatus) string {
	var theirs []string
	for _, it := range p.Items {
		theirs = append(theirs, it.TargetText, it.Target.Unit, it.Target.Ref, it.Name)
	}
	for _, a := range actuals {
		theirs = append(theirs, a.Source)
	}
	for _, m := range manual {
		theirs = append(theirs, m.By, m.Reason)
	}
	// Longest first: 3%以内 before the unit %.
	sort.Slice(theirs, func(i, j int) bool { return len(theirs[i]) > len(theirs[j]) })
	for _, w := range theirs {
		if w != "" {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	var bad []rune
	for _, r := range s {
		if cjk.Chinese(r) || r == '“' || r == '”' {
			bad = append(bad, r)
		}
	}
	return string(bad)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// TestTargetsUnderstoodInEnglish: the target as understood, in either
// language; the Chinese is what the command line has always printed.
func TestTargetsUnderstoodInEnglish(t *testing.T) {
	for _, tt := range []struct{ text, zh, en string }{
		{"增长6%左右", "增长率 ≈ 6%", "growth rate ≈ 6%"},
		{"提高3个百分点左右", "提高幅度 ≈ 3个百分点", "rise ≈ 3 points"},
		{"同比下降20%左右", "下降幅度 ≈ 20%", "reduction ≈ 20%"},
		{"3%以内", "≤ 3%", "≤ 3%"},
		{"400个", "≥ 400个", "≥ 400个"},
		{"按省下达目标安排", "待省下达目标", "target to be set by 省"},
		{"与经济增长基本同步", "增速 ≈ 经济增长", "growth ≈ 经济增长"},
		{"稳中提质", "定性：稳中提质", "qualitative: 稳中提质"},
	} {
		tg, err := ParseTarget(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.String(); got != tt.zh {
			t.Errorf("%s understood as %q, want %q", tt.text, got, tt.zh)
		}
		if got := tg.StringIn(English); got != tt.en {
			t.Errorf("%s understood in English as %q, want %q", tt.text, got, tt.en)
		}
	}
}
