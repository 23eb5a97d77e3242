package domain

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Outcome is the recorded state of a milestone.
type Outcome string

// Milestone outcomes.
const (
	OutcomeDone       Outcome = "done"
	OutcomeInProgress Outcome = "in_progress"
	OutcomeNotDone    Outcome = "not_done"
)

// OutcomeLabel is the Chinese name of an outcome.
func OutcomeLabel(o Outcome) string {
	switch o {
	case OutcomeDone:
		return "已完成"
	case OutcomeInProgress:
		return "推进中"
	case OutcomeNotDone:
		return "未完成"
	}
	return string(o)
}

// OutcomeFormatsHelp says what ParseOutcome accepts.
const OutcomeFormatsHelp = "重点事项请填：已完成、推进中 或 未完成"

// ParseOutcome reads a milestone's state as a reviewer types it.
func ParseOutcome(s string) (Outcome, error) {
	switch strings.ToLower(strings.TrimSpace(normalizeWidth(s))) {
	case "已完成", "完成", "已实现", "实现", "done":
		return OutcomeDone, nil
	case "推进中", "进行中", "在推进", "正在推进", "in_progress", "in progress":
		return OutcomeInProgress, nil
	case "未完成", "未实现", "未启动", "not_done", "not done":
		return OutcomeNotDone, nil
	}
	return "", fmt.Errorf("进展“%s”无法识别：%s", s, OutcomeFormatsHelp)
}

// Actual is a recorded figure: cumulative through Period, as published.
type Actual struct {
	ItemID     string
	Period     Period
	Value      float64 // in the target's written unit; unused for milestones
	Outcome    Outcome // milestones only
	Source     string  // where the figure comes from (统计局月报…)
	SourceDate string  // the date of that source, as given
	By         string  // who entered it; when is in the history
}

// ManualStatus is a status a reviewer sets by hand, with the reason they
// must give. It applies from its period on, until a later one replaces it.
type ManualStatus struct {
	ItemID string
	Period Period
	Code   Code
	Reason string
	By     string
	At     time.Time
}

// TargetOverride is a target the reviewer enters where the notice leaves
// it open: the province's figure for 按省下达目标安排, or the figure an
// external reference stands at (各项贷款增速).
type TargetOverride struct {
	ItemID string
	Text   string
	Reason string
	By     string
	At     time.Time
}

// Review is a plan with everything reviewers have recorded against it: the
// input of the status function.
type Review struct {
	Plan      *Plan
	Tolerance Tolerance
	actuals   map[string][]Actual // by item, sorted by period
	manual    map[string][]ManualStatus
	overrides map[string]TargetOverride
}

// NewReview assembles a review from recorded data.
func NewReview(p *Plan, tol Tolerance, actuals []Actual, manual []ManualStatus, overrides []TargetOverride) *Review {
	r := &Review{Plan: p, Tolerance: tol,
		actuals:   map[string][]Actual{},
		manual:    map[string][]ManualStatus{},
		overrides: map[string]TargetOverride{},
	}
	// Grouped into one backing array, each item's figures a window of it
	// (capacity capped, so appending to one never overwrites the next):
	// appending 120,000 figures one by one to 10,000 growing slices
	// copied them several times over. One map lookup per figure numbers
	// its item's group; the rest is arithmetic on slices.
	group := make(map[string]int, len(p.Items))
	of := make([]int32, len(actuals))
	var count []int
	for i := range actuals {
		g, ok := group[actuals[i].ItemID]
		if !ok {
			g = len(count)
			group[actuals[i].ItemID] = g
			count = append(count, 0)
		}
		count[g]++
		of[i] = int32(g)
	}
	start := make([]int, len(count)+1)
	for g, n := range count {
		start[g+1] = start[g] + n
	}
	next := append([]int(nil), start[:len(count)]...)
	all := make([]Actual, len(actuals))
	for i := range actuals {
		g := of[i]
		all[next[g]] = actuals[i]
		next[g]++
	}
	r.actuals = make(map[string][]Actual, len(group))
	for id, g := range group {
		as := all[start[g]:start[g+1]:start[g+1]]
		if !sort.SliceIsSorted(as, func(i, j int) bool { return as[i].Period.Before(as[j].Period) }) {
			sort.SliceStable(as, func(i, j int) bool { return as[i].Period.Before(as[j].Period) })
		}
		r.actuals[id] = as
	}
	for _, m := range manual {
		r.manual[m.ItemID] = append(r.manual[m.ItemID], m)
	}
	for id := range r.manual {
		ms := r.manual[id]
		sort.Slice(ms, func(i, j int) bool { return ms[i].Period.Before(ms[j].Period) })
	}
	for _, o := range overrides {
		r.overrides[o.ItemID] = o
	}
	return r
}

// Newest is the latest period any figure is recorded for, and false when
// there is none.
func (r *Review) Newest() (Period, bool) {
	var p Period
	found := false
	for _, as := range r.actuals {
		if last := as[len(as)-1].Period; !found || p.Before(last) {
			p, found = last, true // each item's figures are in period order
		}
	}
	return p, found
}

// TrackedID is the item whose actuals an item uses: a body commitment that
// repeats a 附件1 indicator shares its figures.
func TrackedID(it Item) string {
	if it.SameAs != "" {
		return it.SameAs
	}
	return it.ID
}

// Actuals are the figures recorded for an item (or the indicator it
// repeats), in period order.
func (r *Review) Actuals(it Item) []Actual { return r.actuals[TrackedID(it)] }

// Latest is the newest figure recorded for the item at or before asOf.
func (r *Review) Latest(it Item, asOf Period) (Actual, bool) {
	return latest(r.Actuals(it), asOf)
}

func latest(as []Actual, asOf Period) (Actual, bool) {
	for i := len(as) - 1; i >= 0; i-- {
		if !asOf.Before(as[i].Period) {
			return as[i], true
		}
	}
	return Actual{}, false
}

// Manual is the reviewer's manual status in force at asOf, if any.
func (r *Review) Manual(it Item, asOf Period) (ManualStatus, bool) {
	ms := r.manual[it.ID]
	for i := len(ms) - 1; i >= 0; i-- {
		if !asOf.Before(ms[i].Period) {
			return ms[i], true
		}
	}
	return ManualStatus{}, false
}

// Override is the reviewer-entered target of an item, if any.
func (r *Review) Override(it Item) (TargetOverride, bool) {
	o, ok := r.overrides[it.ID]
	return o, ok
}

// EffectiveTarget is the target the status is judged against: the
// notice's own, or, where the notice leaves the figure open, the one a
// reviewer entered. ok is false while a figure is still awaited.
func (r *Review) EffectiveTarget(it Item) (t Target, ok bool, why string) {
	return r.EffectiveTargetIn(it, Chinese)
}

// EffectiveTargetIn is EffectiveTarget with why written in l.
func (r *Review) EffectiveTargetIn(it Item, l Lang) (t Target, ok bool, why string) {
	t, ok, w := r.effectiveTarget(it)
	return t, ok, w.in(l)
}

// effectiveTarget is EffectiveTarget with why in either language.
func (r *Review) effectiveTarget(it Item) (t Target, ok bool, why phrase) {
	t = it.Target
	switch t.Basis {
	case BasisPending:
		o, has := r.overrides[it.ID]
		if !has {
			return t, false, say("目标待%s下达后录入", "The target is to be entered once %s has set it", t.Ref)
		}
		pt, err := ResolveOverride(t, o.Text)
		if err != nil {
			return t, false, word(err.Error(), err.Error())
		}
		return pt, true, phrase{}
	case BasisRelative:
		if _, internal := r.Plan.Refs[t.Ref]; internal {
			return t, true, phrase{}
		}
		o, has := r.overrides[it.ID]
		if !has {
			return t, false, say("“%s”的数值尚未录入", `No value entered yet for "%s"`, t.Ref)
		}
		pt, err := ResolveOverride(t, o.Text)
		if err != nil {
			return t, false, word(err.Error(), err.Error())
		}
		return pt, true, phrase{}
	}
	return t, true, phrase{}
}

// ResolveOverride reads the text a reviewer enters as an item's target: a
// full target in the grammar (下降3.5%) for a pending one, or the figure
// of the external reference (12.1%) for a relative one.
func ResolveOverride(t Target, text string) (Target, error) {
	switch t.Basis {
	case BasisPending:
		pt, err := ParseTarget(text)
		if err != nil {
			return t, err
		}
		if !pt.HasValue() {
			return t, fmt.Errorf("录入的目标“%s”须有具体数值，如 下降3.5%%", text)
		}
		return pt, nil
	case BasisRelative:
		n, err := ParseNumber(text)
		if err != nil || n.Permille || n.Multiplier != 1 {
			return t, fmt.Errorf("“%s”的数值“%s”无法识别：请输入百分数，如 12.1%%", t.Ref, text)
		}
		return Target{Comparator: t.Comparator, Value: n.Value, Unit: "%", BaseUnit: "%", Multiplier: 1,
			Basis: BasisGrowth, Direction: t.Direction, Ref: t.Ref}, nil
	}
	return t, fmt.Errorf("该项目标已在计划中写明，不能另行录入")
}

// FigureOf writes an item's recorded figure for display: 增长5.8% or 已完成.
func (r *Review) FigureOf(it Item, a Actual) string {
	if a.Outcome != "" {
		return OutcomeLabel(a.Outcome)
	}
	tracked, _ := r.Plan.Item(TrackedID(it))
	t := tracked.Target
	if et, ok, _ := r.EffectiveTarget(tracked); ok && et.HasValue() {
		t = et
	}
	return FigureText(t, a.Value)
}

// IndicatorRollup gives one status per numbered 附件1 indicator, in order:
// the worst of its rows (13 and 14 have two each), so counts speak of the
// indicators the notice numbers. Worst means: behind or missed, then
// nearly, then no data, then on track; within each, a judgement on an
// earlier period's figure before one on the asked period's.
func (r *Review) IndicatorRollup(asOf Period) []Status {
	rank := func(s Status) int {
		n := map[Tone]int{ToneBad: 6, ToneNearly: 4, ToneNone: 2}[s.Code.Tone()]
		if s.Early {
			n++
		}
		return n
	}
	var out []Status
	index := map[int]int{}
	for _, it := range r.Plan.Items {
		if it.Kind != KindIndicator {
			continue
		}
		s := r.Status(it, asOf)
		i, seen := index[it.IndicatorNo]
		if !seen {
			index[it.IndicatorNo] = len(out)
			out = append(out, s)
			continue
		}
		if rank(s) > rank(out[i]) {
			out[i] = s
		}
	}
	return out
}

// With is the review as it would be with extra figures recorded (each
// replacing one of the same item and period): the import preview shows
// the status a figure would give before anything is saved.
func (r *Review) With(extra []Actual) *Review {
	n := &Review{Plan: r.Plan, Tolerance: r.Tolerance, actuals: map[string][]Actual{},
		manual: r.manual, overrides: r.overrides}
	for id, as := range r.actuals {
		n.actuals[id] = append([]Actual(nil), as...)
	}
	for _, a := range extra {
		as := n.actuals[a.ItemID]
		replaced := false
		for i := range as {
			if as[i].Period == a.Period {
				as[i], replaced = a, true
			}
		}
		if !replaced {
			as = append(as, a)
			sort.Slice(as, func(i, j int) bool { return as[i].Period.Before(as[j].Period) })
		}
		n.actuals[a.ItemID] = as
	}
	return n
}
