package domain

import (
	"fmt"
	"strings"
)

// Lang is a language the model writes its sentences in.
type Lang string

// The languages. The brief, the command line and the workbook are written
// in Chinese; the window writes reasons in its interface's language.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// phrase is a sentence or part of one, kept as a format for each language
// and the arguments to fill it with, so that it is written in a language
// only when asked. An argument that is itself a phrase is written in the
// same language; any other is formatted as it is. What the notice and the
// reviewers wrote (targets as written, item names, units such as 亿元,
// sources, notes) goes in as plain arguments and stays as written.
type phrase struct {
	zh, en  string // fmt formats; en may use explicit argument indexes (%[2]s)
	args    []any
	literal bool // zh and en are the text itself, not formats
}

// say is a phrase with a Chinese and an English format.
func say(zh, en string, args ...any) phrase { return phrase{zh: zh, en: en, args: args} }

// word is a fixed piece of text in each language.
func word(zh, en string) phrase { return phrase{zh: zh, en: en, literal: true} }

// join writes phrases one after another.
func join(parts ...phrase) phrase {
	f := strings.Repeat("%s", len(parts))
	args := make([]any, len(parts))
	for i, p := range parts {
		args[i] = p
	}
	return say(f, f, args...)
}

// in writes the phrase in l.
func (p phrase) in(l Lang) string {
	f := p.zh
	if l == English {
		f = p.en
	}
	if p.literal {
		return f
	}
	args := make([]any, len(p.args))
	for i, a := range p.args {
		if q, ok := a.(phrase); ok {
			args[i] = q.in(l)
		} else {
			args[i] = a
		}
	}
	return fmt.Sprintf(f, args...)
}

// isZero reports whether the phrase was never set.
func (p phrase) isZero() bool { return p.zh == "" && p.en == "" && !p.literal }

var englishMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// periodPhrase is a period as the reasons name it: 1-9月, Jan-Sep.
func periodPhrase(p Period) phrase {
	en := englishMonths[(p.Month+11)%12]
	if p.Month > 1 {
		en = "Jan-" + en
	}
	return word(p.Label(), en)
}

// deadlinePhrase names a deadline as the notice does (三季度, 6月) and in
// English (Q3, June).
func deadlinePhrase(p Period) phrase {
	en := map[int]string{3: "Q1", 6: "Q2", 9: "Q3", 12: "the year end"}[p.Month]
	if en == "" {
		en = englishMonths[(p.Month+11)%12]
	}
	return word(DeadlineName(p), en)
}

// unitPhrase is a unit in English where it has a plain English name; other
// units (亿元, 万人, 个) are the notice's own and stay as written.
func unitPhrase(unit string) phrase {
	switch unit {
	case "个百分点":
		return word(unit, " points")
	case "个千分点":
		return word(unit, " per mille points")
	}
	return word(unit, unit)
}

// outcomePhrase is a milestone's recorded progress: 推进中, in progress.
func outcomePhrase(o Outcome) phrase {
	en := map[Outcome]string{OutcomeDone: "done", OutcomeInProgress: "in progress", OutcomeNotDone: "not done"}[o]
	if en == "" {
		en = string(o)
	}
	return word(OutcomeLabel(o), en)
}

// LabelIn is the period's label in l: 1-9月, Jan-Sep.
func (p Period) LabelIn(l Lang) string { return periodPhrase(p).in(l) }

// MonthIn names month m (1-12) alone, as a chart's axis does: 9月, Sep.
func MonthIn(m int, l Lang) string {
	if l == English {
		return englishMonths[(m+11)%12]
	}
	return fmt.Sprintf("%d月", m)
}

// StringIn is the target as understood (String), written in l: 增长率 ≥
// 10%, growth rate ≥ 10%.
func (t Target) StringIn(l Lang) string { return targetPhrase(t).in(l) }

func targetPhrase(t Target) phrase {
	switch t.Basis {
	case BasisPending:
		return say("待%s下达目标", "target to be set by %s", t.Ref)
	case BasisRelative:
		return say("增速 %s %s", "growth %s %s", string(t.Comparator), t.Ref)
	case BasisQualitative:
		return say("定性：%s", "qualitative: %s", t.Ref)
	}
	v := say("%s%s", "%s%s", FormatNumber(t.Value), unitPhrase(t.Unit))
	c := string(t.Comparator)
	switch t.Basis {
	case BasisGrowth:
		return say("增长率 %s %s", "growth rate %s %s", c, v)
	case BasisReduction:
		return say("下降幅度 %s %s", "reduction %s %s", c, v)
	case BasisPPChange:
		return say("提高幅度 %s %s", "rise %s %s", c, v)
	case BasisIncrease:
		return say("增加量 %s %s", "increase %s %s", c, v)
	case BasisShare:
		return say("占%s份额 %s %s", "share of %s %s %s", t.Ref, c, v)
	}
	return say("%s %s", "%s %s", c, v)
}

// DeadlineNameIn is DeadlineName in l: 三季度, Q3.
func DeadlineNameIn(p Period, l Lang) string { return deadlinePhrase(p).in(l) }
