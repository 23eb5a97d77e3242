package domain

import (
	"fmt"
	"math"
	"strings"
)

// Code identifies a status; scripts rely on these names.
type Code string

// The status codes. Year-end codes judge the full-year figure; in-year codes
// judge a figure of 1-N月 (N<12) against 序时进度 or the target; the last
// group covers items with nothing to judge yet.
const (
	Exceeded  Code = "exceeded"   // 超额完成
	Met       Code = "met"        // 完成
	NearlyMet Code = "nearly_met" // 基本完成
	Missed    Code = "missed"     // 未完成

	WithinLimit Code = "within_limit" // 控制在目标内 (ceilings, any period)
	OverLimit   Code = "over_limit"   // 超出控制目标

	DoneEarly Code = "done_early" // 提前完成 (cumulative, the year's target reached in-year)
	Ahead     Code = "ahead"      // 快于序时进度 (cumulative, in-year)
	Behind    Code = "behind"     // 慢于序时进度
	Better    Code = "better"     // 好于预期 (rates and levels, in-year: beyond the target by more than the band)
	OnTrack   Code = "on_track"   // 符合预期
	OffTrack  Code = "off_track"  // 低于预期

	DeadlineMet    Code = "deadline_met"    // 如期达到 (a deadline inside the year, once past)
	DeadlineMissed Code = "deadline_missed" // 未如期达到

	Done       Code = "done"        // 已完成 (milestones)
	InProgress Code = "in_progress" // 推进中
	NotDone    Code = "not_done"    // 未完成

	NoData         Code = "no_data"         // 暂无数据
	AwaitingTarget Code = "awaiting_target" // 目标待定
	// AwaitingJudgement is a qualitative target (稳中提质) no reviewer has
	// judged yet: never 完成 or 未完成 by arithmetic.
	AwaitingJudgement Code = "awaiting_judgement" // 待审阅人判断
)

// Codes lists every code in the order views present them.
var Codes = []Code{Exceeded, Met, NearlyMet, Missed, WithinLimit, OverLimit,
	DoneEarly, Ahead, Behind, Better, OnTrack, OffTrack, DeadlineMet, DeadlineMissed,
	Done, InProgress, NotDone, AwaitingJudgement, AwaitingTarget, NoData}

var labels = map[Code]string{
	Exceeded: "超额完成", Met: "完成", NearlyMet: "基本完成", Missed: "未完成",
	WithinLimit: "控制在目标内", OverLimit: "超出控制目标",
	DoneEarly: "提前完成", Ahead: "快于序时进度", Behind: "慢于序时进度",
	Better: "好于预期", OnTrack: "符合预期", OffTrack: "低于预期",
	DeadlineMet: "如期达到", DeadlineMissed: "未如期达到",
	Done: "已完成", InProgress: "推进中", NotDone: "未完成",
	NoData: "暂无数据", AwaitingTarget: "目标待定", AwaitingJudgement: "待审阅人判断",
}

// Label is the Chinese label of a code.
func (c Code) Label() string {
	if l, ok := labels[c]; ok {
		return l
	}
	return string(c)
}

// Valid reports whether c is a known code.
func (c Code) Valid() bool { _, ok := labels[c]; return ok }

// Concern reports whether the status is one a committee should look at:
// behind, missed, over a ceiling.
func (c Code) Concern() bool {
	switch c {
	case Missed, OverLimit, Behind, OffTrack, DeadlineMissed, NotDone:
		return true
	}
	return false
}

// Status is the judgement of one item at one as-of period, with the
// sentence that explains it.
type Status struct {
	Code   Code
	Label  string
	Reason string
	Manual bool   // set by a reviewer, not computed
	Period Period // the period of the figure judged (zero without data)
	// Early is set when the judgement rests on a figure of Period, earlier
	// than the period asked for: it is then a result of Period only, and
	// no view may count or word it as one of the asked period (a 1-9月
	// figure is no year-end result). See CountLabel and Group.
	Early bool
	// Completion is actual ÷ target for cumulative items (0.75 = 75%),
	// NaN where a share of the target means nothing.
	Completion float64
	why        phrase // Reason, in either language: see ReasonIn
}

func status(c Code, why phrase) Status {
	return Status{Code: c, Label: c.Label(), Reason: why.in(Chinese), why: why, Completion: math.NaN()}
}

// ReasonIn is the reason written in l: Reason itself in Chinese; in
// English, the model's own words in English around what the notice and
// the reviewers wrote (targets, names, units such as 亿元, sources), which
// stay as written.
func (s Status) ReasonIn(l Lang) string {
	if l == Chinese || s.why.isZero() {
		return s.Reason
	}
	return s.why.in(l)
}

// setWhy replaces the reason.
func (s *Status) setWhy(why phrase) {
	s.why = why
	s.Reason = why.in(Chinese)
}

// Status judges an item as of a period. It is the one status function:
// the window, the brief, the command line and the workbook all call it.
func (r *Review) Status(it Item, asOf Period) Status {
	if m, ok := r.Manual(it, asOf); ok {
		s := status(m.Code, say("人工认定（%s，%s）：%s", "Set by a reviewer (%s, %s): %s", m.By, periodPhrase(m.Period), m.Reason))
		s.Label += "（人工）"
		s.Manual = true
		return s
	}
	if it.Kind == KindMilestone {
		return r.milestoneStatus(it, asOf)
	}
	if it.Target.Basis == BasisQualitative {
		return r.qualitativeStatus(it, asOf)
	}
	t, ok, why := r.effectiveTarget(it)
	if !ok {
		return status(AwaitingTarget, why)
	}
	a, found := r.Latest(it, asOf)
	if !found {
		return status(NoData, say("暂无%s数据", "No figure for %s yet", periodPhrase(asOf)))
	}
	prefix := word("", "")
	if a.Period != asOf {
		prefix = say("尚无%s数据，按%s数据：", "No figure for %s yet; judged on %s: ", periodPhrase(asOf), periodPhrase(a.Period))
	}
	if t.Basis == BasisRelative {
		refID := r.Plan.Refs[t.Ref]
		ref, _ := r.Plan.Item(refID)
		ra, ok := latest(r.actuals[TrackedID(ref)], a.Period)
		if !ok || ra.Period != a.Period {
			return status(NoData, say("已录入%s数据，但同期%s（%s）尚未录入，无法比较",
				"%s figure recorded, but none yet for %s (%s) in the same period, so the two cannot be compared",
				periodPhrase(a.Period), ref.Name, refID))
		}
		t = Target{Comparator: t.Comparator, Value: ra.Value, Unit: "%", BaseUnit: "%", Multiplier: 1,
			Basis: BasisGrowth, Direction: t.Direction, Ref: fmt.Sprintf("同期%s增速（%s%%）", ref.Name, FormatNumber(ra.Value)),
			refEn: fmt.Sprintf("the growth of %s in the same period (%s%%)", ref.Name, FormatNumber(ra.Value))}
	}
	s := r.judge(it, t, a, asOf)
	s.setWhy(join(prefix, s.why))
	if s.Period.IsZero() {
		s.Period = a.Period
	}
	s.Early = earlyJudgement(it, s, asOf)
	return s
}

// earlyJudgement reports whether a computed status rests on a figure older
// than asOf. A deadline once past is judged on the figure at the deadline,
// which is final; a miss read from a figure before the deadline is not (the
// deadline's own figure may yet show the target reached), while a target
// reached before its deadline stays reached.
func earlyJudgement(it Item, s Status, asOf Period) bool {
	switch {
	case s.Code == NoData || s.Code == AwaitingTarget || s.Code == AwaitingJudgement || s.Period.IsZero():
		return false
	case !it.Deadline.IsZero() && !asOf.Before(it.Deadline):
		return s.Code == DeadlineMissed && s.Period.Before(it.Deadline)
	}
	return s.Period.Before(asOf)
}

// CountLabel is the status as counts and lists name it: its label, or for
// an early judgement the period it speaks of (按1-9月数据符合预期).
func (s Status) CountLabel() string {
	if s.Early {
		return EarlyLabel(s.Code, s.Period)
	}
	return s.Label
}

// EarlyLabel names a status judged on the figure of an earlier period p.
func EarlyLabel(c Code, p Period) string {
	return "按" + p.Label() + "数据" + c.Label()
}

func (r *Review) milestoneStatus(it Item, asOf Period) Status {
	a, found := r.Latest(it, asOf)
	if !found {
		return status(NoData, say("暂无%s进展记录", "No progress recorded for %s yet", periodPhrase(asOf)))
	}
	src := word("", "")
	if a.Source != "" {
		src = say("（%s）", " (%s)", a.Source)
	}
	when := periodPhrase(a.Period)
	var s Status
	switch {
	case a.Outcome == OutcomeDone:
		s = status(Done, say("%s记录：已完成%s", "%s record: done%s", when, src))
	case asOf.Month == 12:
		s = status(NotDone, say("年末仍为“%s”%s", `Still "%s" at the year end%s`, outcomePhrase(a.Outcome), src))
	case a.Outcome == OutcomeNotDone:
		s = status(NotDone, say("%s记录：未完成%s", "%s record: not done%s", when, src))
	default:
		s = status(InProgress, say("%s记录：推进中%s", "%s record: in progress%s", when, src))
	}
	s.Period = a.Period
	return s
}

// judge holds one figure against a target with a value.
func (r *Review) judge(it Item, t Target, a Actual, asOf Period) Status {
	desc := describe(it, t, a)
	if !it.Deadline.IsZero() {
		return r.judgeDeadline(it, t, asOf)
	}
	if t.IsCeiling() {
		if within(t, a.Value) {
			return status(WithinLimit, say("%s，在“%s”的控制目标内", `%s, within the limit "%s"`, desc, targetWords(it, t)))
		}
		return status(OverLimit, say("%s，超出控制目标%s", "%s, %s over the limit", desc, diffText(t, a.Value-t.Value)))
	}
	band := r.Tolerance.Band(t)
	grade := grade(t, a.Value, band)
	yearEnd := a.Period.Month == 12
	if it.Measure == Cumulative && !yearEnd && t.Value > 0 {
		done := a.Value / t.Value
		gap := round1((done - a.Period.ElapsedShare()) * 100)
		reason := say("%s，为全年目标的%s%%", "%s, %s%% of the year's target", desc, FormatNumber(round1(done*100)))
		var s Status
		switch {
		case done >= 1:
			s = status(DoneEarly, join(reason, word("，已提前完成全年目标", ", so the year's target is already reached")))
		case gap > 0:
			s = status(Ahead, say("%s，快于序时进度%s个百分点", "%s, %s points ahead of the share of the year gone", reason, FormatNumber(gap)))
		case gap == 0:
			s = status(Ahead, join(reason, word("，与序时进度持平", ", level with the share of the year gone")))
		default:
			s = status(Behind, say("%s，慢于序时进度%s个百分点", "%s, %s points behind the share of the year gone", reason, FormatNumber(-gap)))
		}
		s.Completion = done
		return s
	}
	var s Status
	if !yearEnd {
		c := OffTrack
		switch grade {
		case Exceeded:
			c = Better
		case Met:
			c = OnTrack
		}
		s = status(c, say("%s，%s", "%s, %s", desc, compareText(it, t, a.Value, grade, band)))
	} else {
		s = status(grade, say("%s，%s", "%s, %s", desc, compareText(it, t, a.Value, grade, band)))
	}
	if it.Measure == Cumulative && t.Value > 0 {
		s.Completion = a.Value / t.Value
	}
	return s
}

// judgeDeadline handles a target with a deadline inside the year
// (新建项目开工率三季度达到100%): before the deadline the latest figure is
// compared with the target; once past, the figure at the deadline decides.
func (r *Review) judgeDeadline(it Item, t Target, asOf Period) Status {
	band := r.Tolerance.Band(t)
	when := deadlinePhrase(it.Deadline)
	if asOf.Before(it.Deadline) {
		a, _ := r.Latest(it, asOf)
		g := grade(t, a.Value, band)
		c := OffTrack
		if g == Exceeded || g == Met {
			c = OnTrack
		}
		return status(c, say("%s（目标%s%s），%s", "%s (target by %[2]s: %[3]s), %[4]s", describe(it, t, a), when, it.TargetText,
			compareText(it, t, a.Value, g, band)))
	}
	a, ok := r.Latest(it, it.Deadline)
	if !ok {
		return status(NoData, say("%s末的数据尚未录入，无法判断是否如期达到",
			"No figure yet for the end of %s, so whether the deadline was met cannot be judged", when))
	}
	g := grade(t, a.Value, band)
	var s Status
	if g == Exceeded || g == Met {
		s = status(DeadlineMet, say("%s，如期达到“%s%s”", `%s, "%[3]s" reached by %[2]s as planned`, describe(it, t, a), when, it.TargetText))
	} else {
		s = status(DeadlineMissed, say("%s，未如期达到“%s%s”（%s）", `%s, "%[3]s" not reached by %[2]s (%[4]s)`, describe(it, t, a), when,
			it.TargetText, compareText(it, t, a.Value, g, band)))
	}
	s.Period = a.Period
	return s
}

// DeadlineName names a deadline month as the notice does: 三季度 for
// September, else 6月.
func DeadlineName(p Period) string {
	switch p.Month {
	case 3:
		return "一季度"
	case 6:
		return "二季度"
	case 9:
		return "三季度"
	case 12:
		return "年"
	}
	return fmt.Sprintf("%d月", p.Month)
}

// grade is the year-end judgement of value v against a target that is not
// a ceiling. With d the distance beyond the target in the good direction
// and b the tolerance band:
//
//	≥ (以上, bare):  d > b 超额完成; d ≥ 0 完成; d ≥ −b 基本完成; else 未完成
//	> (超):          d > b 超额完成; d > 0 完成; d ≥ −b 基本完成; else 未完成
//	≈ (左右):        d > b 超额完成; d ≥ −b 完成; d ≥ −2b 基本完成; else 未完成
func grade(t Target, v, b float64) Code {
	d := v - t.Value
	if t.Direction == Lower {
		d = -d
	}
	d = round6(d)
	switch t.Comparator {
	case Approx:
		switch {
		case d > b:
			return Exceeded
		case d >= -b:
			return Met
		case d >= -2*b:
			return NearlyMet
		}
	case GT:
		switch {
		case d > b:
			return Exceeded
		case d > 0:
			return Met
		case d >= -b:
			return NearlyMet
		}
	default:
		switch {
		case d > b:
			return Exceeded
		case d >= 0:
			return Met
		case d >= -b:
			return NearlyMet
		}
	}
	return Missed
}

func within(t Target, v float64) bool {
	if t.Comparator == LT {
		return round6(v) < t.Value
	}
	return round6(v) <= t.Value
}

// changeWords are the verbs of a figure that is a change, as the plan
// words it for a positive and a negative value: a reduction that is
// negative went up (上升).
var changeWords = map[Basis]struct{ positive, negative string }{
	BasisGrowth:    {"增长", "下降"},
	BasisRelative:  {"增长", "下降"},
	BasisReduction: {"下降", "上升"},
	BasisPPChange:  {"提高", "下降"},
	BasisIncrease:  {"增加", "减少"},
}

// FigureText writes a figure as a report would, by what it measures:
// 增长5.8%, 下降2.4%, 提高2.1个百分点, 增加2.1万人, 270个, 95.3%. Every
// view shows figures through it.
func FigureText(t Target, v float64) string {
	if w, ok := changeWords[t.Basis]; ok {
		word := w.positive
		if v < 0 {
			word = w.negative
		}
		return word + FormatNumber(round6(math.Abs(v))) + t.Unit
	}
	return FormatNumber(round6(v)) + t.Unit
}

// figureWords is FigureText in either language: up 5.8%, down 0.4 points.
func figureWords(t Target, v float64) phrase {
	num := FormatNumber(round6(math.Abs(v))) + unitPhrase(t.Unit).in(English)
	up, down := "up ", "down "
	switch t.Basis {
	case BasisGrowth, BasisRelative, BasisPPChange, BasisIncrease:
	case BasisReduction:
		up, down = down, up // a reduction written as a positive number
	default:
		return word(FigureText(t, v), FormatNumber(round6(v))+unitPhrase(t.Unit).in(English))
	}
	if v < 0 {
		return word(FigureText(t, v), down+num)
	}
	return word(FigureText(t, v), up+num)
}

// describe writes the figure with its period: 1-9月增长5.8%,
// 1-9月累计完成300个, 1-12月为95.3%.
func describe(it Item, t Target, a Actual) phrase {
	p, fig := periodPhrase(a.Period), figureWords(t, a.Value)
	switch t.Basis {
	case BasisGrowth, BasisReduction, BasisPPChange, BasisIncrease, BasisRelative:
		return say("%s%s", "%s: %s", p, fig)
	case BasisShare:
		return say("%s占%s份额%s", "%s: share of %s %s", p, t.Ref, fig)
	}
	if it.Measure == Cumulative {
		return say("%s累计完成%s", "%s: %s done in total", p, fig)
	}
	return say("%s为%s", "%s: %s", p, fig)
}

// compareText says how far the figure stands from the target, in the
// target's unit (percentage points for % targets).
func compareText(it Item, t Target, v float64, g Code, band float64) phrase {
	d := round6(v - t.Value)
	ref := word("目标", "the target")
	switch {
	case t.Ref != "" && t.Basis == BasisGrowth:
		// A relative target: 同期地区生产总值增速（6.1%）, or one whose
		// reference a reviewer gave a value: 各项贷款增速（12.1%）.
		ref = word(t.Ref, t.refEn)
		if t.refEn == "" {
			ref = word(t.Ref, t.Ref)
		}
		if !strings.Contains(t.Ref, "（") {
			ref = say("%s（%s%%）", "%s (%s%%)", t.Ref, FormatNumber(t.Value))
		}
	case t.Basis == BasisReduction:
		ref = word("降幅目标", "the reduction target")
	}
	var s phrase
	switch {
	case d > 0:
		s = say("高于%s%s", "%[2]s above %[1]s", ref, diffText(t, d))
	case d < 0:
		s = say("低于%s%s", "%[2]s below %[1]s", ref, diffText(t, -d))
	default:
		s = say("与%s持平", "level with %s", ref)
	}
	if t.Direction == Lower && d != 0 {
		// Only ceilings are lower-is-better here, and they are judged
		// elsewhere; keep the plain comparison.
		return s
	}
	if it.Measure == Cumulative && t.Value > 0 {
		s = say("%s（完成率%s%%）", "%s (%s%% of the target)", s, FormatNumber(round1(v/t.Value*100)))
	}
	switch {
	case t.Comparator == Approx && g == Met && d != 0:
		s = say("%s，在目标区间（%s）内", "%s, within the target range (%s)", s, rangeText(t, band))
	case t.Comparator == Approx && g == NearlyMet:
		s = say("%s，略低于目标区间（%s）", "%s, just below the target range (%s)", s, rangeText(t, band))
	case g == NearlyMet:
		s = say("%s，差距在允许的%s以内", "%s, within the %s allowed", s, diffText(t, band))
	}
	return s
}

// rangeText is the band a 左右 target allows: 5.5%—6.5%.
func rangeText(t Target, band float64) phrase {
	lo, hi := round6(t.Value-band), round6(t.Value+band)
	return say("%s%s—%s%s", "%s%s to %s%s", FormatNumber(lo), unitPhrase(t.Unit), FormatNumber(hi), unitPhrase(t.Unit))
}

// targetWords is the target as written, or as entered for an open one.
func targetWords(it Item, t Target) string {
	if it.Target.HasValue() {
		return it.TargetText
	}
	return t.String()
}

// diffText writes a distance in the target's unit: 0.2个百分点, 30个.
func diffText(t Target, d float64) phrase {
	n := FormatNumber(round2(round6(math.Abs(d))))
	switch t.Unit {
	case "%", "个百分点":
		return say("%s%s", "%s%s", n, unitPhrase("个百分点"))
	case "‰":
		return say("%s%s", "%s%s", n, unitPhrase("个千分点"))
	}
	return say("%s%s", "%s%s", n, unitPhrase(t.Unit))
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// round6 removes float noise (5.8−6 = −0.20000000000000018) before values
// are compared with a band or printed.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// Tone groups statuses for colouring: every view (window, PDF, workbook)
// maps a tone to the same colour, so a status looks the same everywhere.
type Tone string

// Tones.
const (
	ToneExceeded Tone = "exceeded" // beyond the target
	ToneGood     Tone = "good"     // met, within, ahead, on track, done
	ToneNearly   Tone = "nearly"   // nearly met, in progress
	ToneBad      Tone = "bad"      // missed, over, behind, off track
	ToneNone     Tone = "none"     // no data, target pending, awaiting the reviewer's judgement
	ToneEarly    Tone = "early"    // judged on an earlier period's figure (bars only)
)

// Tone is the code's colour group.
func (c Code) Tone() Tone {
	switch c {
	case Exceeded, Better, DoneEarly:
		return ToneExceeded
	case NearlyMet, InProgress:
		return ToneNearly
	case NoData, AwaitingTarget, AwaitingJudgement:
		return ToneNone
	}
	if c.Concern() {
		return ToneBad
	}
	return ToneGood
}

// StatusGroup is one of the four groups that count lines and bars use:
// a committee reads four colours, not seventeen.
type StatusGroup struct {
	Label string
	Tone  Tone // the colour of the group
}

// StatusGroups lists the groups in order.
var StatusGroups = []StatusGroup{
	{"完成或符合进度", ToneGood},
	{"基本完成或推进中", ToneNearly},
	{"滞后或未完成", ToneBad},
	{"暂无数据或目标待定", ToneNone},
	{"按此前期间数据判断", ToneEarly},
}

// EarlyGroup is the index in StatusGroups of early judgements (Status.Early):
// counted apart, so an earlier period's figure never swells a group that
// speaks of the asked period.
const EarlyGroup = 4

// Group is the index in StatusGroups of the status's group.
func (s Status) Group() int {
	if s.Early {
		return EarlyGroup
	}
	return s.Code.Group()
}

// Group is the index in StatusGroups of the code's group.
func (c Code) Group() int {
	switch c.Tone() {
	case ToneNearly:
		return 1
	case ToneBad:
		return 2
	case ToneNone:
		return 3
	}
	return 0
}
