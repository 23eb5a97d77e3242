package domain

import "time"

// Light is the chase light of one item of a reporting round: whether the
// unit's figure is in, on time, and on track. The status part is read
// from the one status function (Review.Status) through its Code, never
// recomputed here.
type Light string

// The lights. LightNone is an item not returned whose due date is still
// more than DueSoonDays away (nothing to chase yet), or one returned
// whose status cannot be judged (目标待定, 待审阅人判断): nothing to
// colour green.
const (
	LightBlue   Light = "blue"   // 蓝：临近截止，尚未报送
	LightYellow Light = "yellow" // 黄：已报送，慢于序时进度或低于预期
	LightRed    Light = "red"    // 红：逾期未报，或未完成、超出控制目标
	LightGreen  Light = "green"  // 绿：已报送，进展正常
	LightNone   Light = "none"   // 未到催报期，或已报送而无法判断
)

// DueSoonDays is how near the due date an item not yet returned turns 蓝:
// three days leaves the clerk one working day to phone round before a
// weekend.
const DueSoonDays = 3

var lightLabels = map[Light]string{LightBlue: "蓝", LightYellow: "黄", LightRed: "红", LightGreen: "绿", LightNone: "—"}

// Label is the light's Chinese name.
func (l Light) Label() string { return lightLabels[l] }

// Returned is what a unit sent back for one item of a round, as the
// light reads it.
type Returned int

// What came back. ReturnedText is a row with 进展情况 only for an item
// that takes a figure (its 实际值, or a milestone's outcome, left
// blank): the words are kept, but the figure is still owed, so the item
// stays on the 催报清单.
const (
	NotReturned    Returned = iota // nothing came back (as of the day asked)
	ReturnedText                   // 进展情况 only, 实际值 blank
	ReturnedFigure                 // the figure (or outcome) came back
)

// TakesFigure tells whether an item's return is its figure: every item
// but one with a qualitative target (稳中提质), which the reviewer judges
// from the unit's words, so for it 进展情况 is the return.
func TakesFigure(it Item) bool { return it.Target.Basis != BasisQualitative }

// ReturnOf is what a unit's row for the item amounts to: hasRow whether
// the row came back at all, hasFigure whether its 实际值 (or outcome)
// cell was filled.
func ReturnOf(it Item, hasRow, hasFigure bool) Returned {
	switch {
	case !hasRow:
		return NotReturned
	case hasFigure || !TakesFigure(it):
		return ReturnedFigure
	}
	return ReturnedText
}

// TextOnlyWhy is the why of a row with 进展情况 only.
const TextOnlyWhy = "只报了进展情况，未填实际值"

// ItemLight is the light of one item and why. due and asOf are dates
// (their time of day is ignored); got is what the unit sent back; status
// is Review.Status's code for the round's period.
func ItemLight(due, asOf time.Time, got Returned, status Code) (Light, string) {
	d := dayOf(due)
	today := dayOf(asOf)
	if got != ReturnedFigure {
		pre := ""
		if got == ReturnedText {
			pre = TextOnlyWhy + "，"
		}
		switch left := int(d.Sub(today).Hours() / 24); {
		case left < 0:
			return LightRed, pre + "逾期未报"
		case left <= DueSoonDays:
			return LightBlue, pre + "临近截止，尚未报送"
		case got == ReturnedText:
			return LightNone, TextOnlyWhy
		default:
			return LightNone, "未报送，未到催报期"
		}
	}
	switch status {
	case Missed, NotDone, OverLimit, DeadlineMissed:
		return LightRed, "已报送，" + status.Label()
	case Behind, OffTrack:
		return LightYellow, "已报送，" + status.Label()
	case AwaitingTarget:
		return LightNone, "已报送，目标待定，无法判断"
	case AwaitingJudgement:
		return LightNone, "已报送，待审阅人判断"
	case NoData:
		return LightNone, "已报送，暂无可判断的数值"
	}
	return LightGreen, "已报送，" + status.Label()
}

// DaysOverdue is how many whole days asOf is past due (0 when not past).
func DaysOverdue(due, asOf time.Time) int {
	n := int(dayOf(asOf).Sub(dayOf(due)).Hours() / 24)
	if n < 0 {
		return 0
	}
	return n
}

// CollectedBy tells whether something collected at `at` was in by the
// end of the day asOf: a round's status as of a past day counts only
// what had come in by then.
func CollectedBy(at, asOf time.Time) bool { return !dayOf(at).After(dayOf(asOf)) }

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
