package domain

import (
	"strings"
	"time"
	"unicode"
)

// A 人大 committee reads this year's target beside last year's result, so
// each item of a plan may be paired with the item of the same city's
// previous plan that measures the same thing. This file holds how items
// are paired (by name, or by the reviewer) and what a pairing yields:
// 上年目标 and 上年完成.

// PairHow says how an item came to be paired with last year's, or that it
// was explicitly left unpaired. The strings are what the database holds.
type PairHow string

const (
	// PairByName is the automatic pairing, made when a plan is created
	// beside its previous year's (MatchPrior).
	PairByName PairHow = "name"
	// PairByReviewer is a pairing a reviewer chose (planreview pair).
	PairByReviewer PairHow = "reviewer"
	// PairNone records that a reviewer said the item has no counterpart
	// last year, so it is not offered as unmatched again.
	PairNone PairHow = "none"
)

// Label is how a reader sees the pairing's origin.
func (h PairHow) Label() string {
	switch h {
	case PairByName:
		return "按名称自动配对"
	case PairByReviewer:
		return "审阅人配对"
	case PairNone:
		return "不配对"
	}
	return string(h)
}

// Pair links an item of this year's plan to one of last year's.
type Pair struct {
	ItemID      string
	PriorItemID string // "" when How is PairNone
	How         PairHow
}

// SameCity reports whether two plans' cities are one: 嘉兴 and 嘉兴市 are
// the same city, as a reviewer types either.
func SameCity(a, b string) bool {
	bare := func(c string) string { return strings.TrimSuffix(strings.TrimSpace(c), "市") }
	return bare(a) != "" && bare(a) == bare(b)
}

// scopeWords mark a bracket that holds a 口径 note — how the figure is
// counted, not what is counted: （部口径）, （按三口之家计算）, （按可比价计算）,
// （现价）, （含…）. Such a note may differ from one year's table to the
// next while the indicator stays the same. Any other bracket, such as
// 镇（街道） or 知名品牌首店（中国首店…）, names what is counted and is kept.
var scopeWords = []string{"口径", "按", "计算", "可比价", "现价", "不变价", "含", "包括", "统计"}

// brackets pairs each opening bracket NormaliseName knows with its close.
var brackets = map[rune]rune{'（': '）', '(': ')', '【': '】', '[': ']', '〔': '〕'}

// quoteMarks are dropped: 新增“专精特新”企业 and 新增专精特新企业 name the
// same thing.
const quoteMarks = "“”‘’\"'「」『』"

// NormaliseName is an item's name reduced to what identifies it from one
// year's plan to the next: full-width letters and digits folded to
// half-width, ASCII letters lower-cased, white space and quote marks
// removed, and a bracket dropped with its content when that content is a
// 口径 note or a unit — （按可比价计算）, （部口径）, （亿元）, (%) — while any
// other bracket keeps its content and loses only the bracket marks.
// Trailing words such as 指标 or 总量 are kept: 人才资源总量 and 人才资源
// could be different measures, and a wrong automatic pair is worse than
// one the reviewer makes by hand.
func NormaliseName(name string) string {
	var b strings.Builder
	rs := []rune(normalizeWidth(name))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if closer, ok := brackets[r]; ok {
			end := -1
			for j := i + 1; j < len(rs); j++ {
				if rs[j] == closer {
					end = j
					break
				}
			}
			if end < 0 {
				continue // an unclosed bracket: drop the mark only
			}
			inner := string(rs[i+1 : end])
			if isScopeNote(inner) {
				i = end
			}
			continue // the bracket mark itself never counts
		}
		if strings.ContainsRune("）)】]〕", r) || strings.ContainsRune(quoteMarks, r) || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// isScopeNote reports whether a bracket's content is a 口径 note or a unit.
func isScopeNote(inner string) bool {
	t := strings.TrimSpace(inner)
	if t == "" {
		return true
	}
	if _, ok := units[t]; ok {
		return true
	}
	for _, w := range scopeWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// MatchPrior pairs this year's items with last year's by name: first by
// normalised name within the same kind (an indicator with an indicator),
// then, for what is left, by normalised name alone (a commitment that has
// become an indicator). A name two items share on either side is
// ambiguous and pairs nothing: the reviewer pairs those by hand. Each of
// last year's items is paired at most once. The pairs come in this year's
// item order; items left out are unmatched.
func MatchPrior(this, last *Plan) []Pair {
	if this == nil || last == nil {
		return nil
	}
	key := func(it Item, withKind bool) string {
		n := NormaliseName(it.DisplayName())
		if n == "" {
			return ""
		}
		if withKind {
			return string(it.Kind) + "\x00" + n
		}
		return n
	}
	matched := map[string]string{} // this item → last item
	taken := map[string]bool{}     // last items already paired
	for _, withKind := range []bool{true, false} {
		// Count every name on both sides among the items still free, so
		// an ambiguity is seen even when one of the two is already paired
		// on the other side.
		here, there := map[string][]string{}, map[string][]string{}
		for _, it := range this.Items {
			if _, done := matched[it.ID]; !done {
				if k := key(it, withKind); k != "" {
					here[k] = append(here[k], it.ID)
				}
			}
		}
		for _, it := range last.Items {
			if !taken[it.ID] {
				if k := key(it, withKind); k != "" {
					there[k] = append(there[k], it.ID)
				}
			}
		}
		for k, ids := range here {
			if len(ids) == 1 && len(there[k]) == 1 {
				matched[ids[0]] = there[k][0]
				taken[there[k][0]] = true
			}
		}
	}
	var out []Pair
	for _, it := range this.Items {
		if prior, ok := matched[it.ID]; ok {
			out = append(out, Pair{ItemID: it.ID, PriorItemID: prior, How: PairByName})
		}
	}
	return out
}

// PriorResult is last year's result for an item as a reviewer typed it,
// for an item whose previous plan is not in the workspace (the previous
// year is often known only from an execution report).
type PriorResult struct {
	ItemID string
	Text   string  // as typed: 6.1%
	Value  float64 // read as the record command reads a figure, in the item's unit
	Period Period  // the previous year's 1-12月
	Source string  // where it comes from: 2023年计划执行情况报告
	By     string
	At     time.Time
}

// Prior is what a view shows of an item's previous year: the paired item
// of last year's plan with its target as written, and last year's result —
// the previous plan's own full-year figure and its status, else a typed
// result.
type Prior struct {
	// PlanID is the previous plan ("" when none is in the workspace).
	PlanID string
	// Item is the paired item of last year's plan; Paired says whether
	// there is one (How is then PairByName or PairByReviewer).
	Item   Item
	Paired bool
	How    PairHow // "" when never paired
	// Actual is the previous plan's 1-12月 figure of Item (HasActual), and
	// Status its status through the previous plan's Review.
	Actual    Actual
	HasActual bool
	Status    Status
	// Figure is the result written for display (增长6.1%, 已完成).
	Figure string
	// Typed is the result a reviewer typed, used when the previous plan
	// has no full-year figure for the item (nil if none typed).
	Typed *PriorResult
}

// Target is 上年目标: last year's target as written, "" when unpaired.
func (p Prior) Target() string {
	if !p.Paired {
		return ""
	}
	if p.Item.Kind == KindMilestone {
		return p.Item.Name
	}
	return p.Item.Hedge + p.Item.TargetText
}

// Result is 上年完成 as a line: the figure with its status, or a typed
// result with its source; "" when there is none.
func (p Prior) Result() string {
	switch {
	case p.HasActual:
		return p.Figure + "（" + p.Status.Label + "）"
	case p.Typed != nil:
		return p.Figure + "（来源：" + p.Typed.Source + "）"
	}
	return ""
}

// HasResult reports whether there is a 上年完成 to show.
func (p Prior) HasResult() bool { return p.HasActual || p.Typed != nil }

// FullYear is an item's year-end result in this review: its 1-12月 figure
// (for a milestone, the newest outcome recorded in the year) and the
// status the one status function gives at 1-12月. ok is false when the
// year has no such figure.
func (r *Review) FullYear(it Item) (a Actual, s Status, ok bool) {
	dec := Period{Year: r.Plan.Year, Month: 12}
	a, ok = r.Latest(it, dec)
	if !ok || (it.Kind != KindMilestone && a.Period != dec) {
		return Actual{}, Status{}, false
	}
	return a, r.Status(it, dec), true
}

// PriorOf puts together what a view shows of an item's previous year
// from its pairing (nil if none), the previous plan's review (nil if the
// workspace has no previous plan), and the typed result (nil if none).
// A figure recorded in the previous plan wins over a typed one: it went
// through that plan's own record, target and status; the typed result is
// for a previous year the workspace does not hold.
func PriorOf(it Item, pair *Pair, last *Review, typed *PriorResult) Prior {
	var p Prior
	if last != nil {
		p.PlanID = last.Plan.ID
	}
	if pair != nil {
		p.How = pair.How
		if last != nil && pair.How != PairNone {
			p.Item, p.Paired = last.Plan.Item(pair.PriorItemID)
		}
	}
	if p.Paired {
		if a, s, ok := last.FullYear(p.Item); ok {
			p.Actual, p.Status, p.HasActual = a, s, true
			p.Figure = last.FigureOf(p.Item, a)
			return p
		}
	}
	if typed != nil {
		p.Typed = typed
		p.Figure = FigureText(it.Target, typed.Value)
	}
	return p
}
