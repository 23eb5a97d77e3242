package domain

import (
	"fmt"
	"strings"
)

// A qualitative target (稳中提质, 保持基本稳定, 持续改善) is a real plan
// item with no number: the reviewer judges it from the progress, and the
// model never invents a figure to hold it against. The grammar reads a
// small, explicit vocabulary of such phrases, so a plan file's target_text
// and target agree as for any other target; a reviewer may also mark any
// other text 定性（由审阅人判断）, which the plan file then carries as a
// qualitative target beside it (see ParsePlanFile).

// BasisQualitative is a target judged by the reviewer: Ref holds the words
// as written, Direction which way they point.
const BasisQualitative Basis = "qualitative"

// QualitativeMark is how the window and the command line name a target a
// reviewer marks qualitative.
const QualitativeMark = "定性（由审阅人判断）"

// qualitativePhrases are the phrases the grammar itself reads as
// qualitative. The list is explicit: a phrase not on it is an error, as
// any unknown wording, until a reviewer marks it.
var qualitativePhrases = map[string]bool{
	"稳中提质": true, "稳中有升": true, "稳中有进": true, "稳中向好": true,
	"稳步提高": true, "稳步提升": true, "稳步增长": true,
	"持续提高": true, "持续提升": true, "持续增长": true,
	"进一步提高": true, "进一步提升": true, "逐步提高": true, "有所提高": true, "有所提升": true,
	"持续改善": true, "明显改善": true, "进一步改善": true, "持续优化": true,
	"保持稳定": true, "保持基本稳定": true, "基本稳定": true, "总体稳定": true, "保持平稳": true,
	"稳中有降": true, "持续下降": true, "进一步下降": true, "逐步下降": true, "有所下降": true,
	"持续降低": true, "进一步降低": true, "逐步降低": true, "持续减少": true, "进一步减少": true,
}

// QualitativePhrases lists the vocabulary, for help texts and docs.
func QualitativePhrases() []string {
	out := make([]string, 0, len(qualitativePhrases))
	for p := range qualitativePhrases {
		out = append(out, p)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// lowerWords and higherWords say which way qualitative words point. 稳定
// and 改善 say neither and keep Higher: for them Direction only orders a
// chart, never a judgement.
var (
	lowerWords  = []string{"下降", "减少", "降低", "降", "减"}
	higherWords = []string{"提高", "提升", "升", "增", "提质"}
)

func qualitativeDirection(s string) Direction {
	has := func(words []string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	if has(lowerWords) && !has(higherWords) {
		return Lower
	}
	return Higher
}

// normalTarget is a target's text as the grammar reads it: half-width,
// without spaces.
func normalTarget(text string) string {
	return strings.ReplaceAll(normalizeWidth(strings.TrimSpace(text)), " ", "")
}

// QualitativeTarget is the target of text marked qualitative by a
// reviewer (or read so by the grammar): the words as written, and the way
// they point.
func QualitativeTarget(text string) Target {
	s := normalTarget(text)
	return Target{Basis: BasisQualitative, Direction: qualitativeDirection(s), Ref: s}
}

// qualitativeWords reads s (normalised) when it is in the vocabulary.
func qualitativeWords(s string) (Target, bool) {
	if !qualitativePhrases[s] {
		return Target{}, false
	}
	return QualitativeTarget(s), true
}

// MarkQualitative checks that text may be marked qualitative and gives its
// target: any text the grammar cannot read as a number may be; a text it
// reads as one may not, since marking it would hide a number the plan
// states.
func MarkQualitative(text string) (Target, error) {
	if normalTarget(text) == "" {
		return Target{}, fmt.Errorf("目标为空，不能标为定性")
	}
	if t, err := ParseTarget(text); err == nil && t.Basis != BasisQualitative {
		return Target{}, fmt.Errorf("目标“%s”可按目标语法读作“%s”，不能标为定性（否则会隐去其中的数值）", text, t.String())
	}
	return QualitativeTarget(text), nil
}

// qualitativeFromFile checks a qualitative target a plan file writes
// beside text: text may be marked (MarkQualitative), and the target is
// its mark, with at most a unit from the grammar's table added — the unit
// figures recorded against it are in (the table's 单位 column).
func qualitativeFromFile(text string, got Target) (Target, error) {
	want, err := MarkQualitative(text)
	if err != nil {
		return Target{}, err
	}
	if got.Unit != "" {
		var ok bool
		if want, ok = want.WithUnit(got.Unit); !ok {
			return Target{}, fmt.Errorf("定性目标“%s”的单位“%s”无法识别", text, got.Unit)
		}
	}
	if got != want {
		return Target{}, fmt.Errorf("定性目标“%s”应写作 basis=qualitative、ref=“%s”、direction=%s（可另有单位），与文件中的 target 不一致",
			text, want.Ref, want.Direction)
	}
	return want, nil
}

// qualitativeStatus is the status of a qualitative item no reviewer has
// judged: awaiting that judgement, with the newest figure named if any.
func (r *Review) qualitativeStatus(it Item, asOf Period) Status {
	t := it.Target
	why := say("定性目标（%s），由审阅人根据进展判断", "A qualitative target (%s), judged by the reviewer on the progress", t.Ref)
	if a, ok := r.Latest(it, asOf); ok {
		why = say("%s；已录入%s数据%s", "%s; figure recorded for %s: %s", why, periodPhrase(a.Period), figureWords(t, a.Value))
	}
	return status(AwaitingJudgement, why)
}

// WithUnit is a qualitative target with the unit its figures are recorded
// in (the table's 单位 column), when the grammar knows the unit.
func (t Target) WithUnit(unit string) (Target, bool) {
	u, ok := units[unit]
	if !ok || t.Basis != BasisQualitative {
		return t, false
	}
	t.Unit, t.BaseUnit, t.Multiplier = unit, u.base, u.mult
	return t, true
}
