package domain

import "time"

// Light is the chase light of one item of a reporting round: whether the
// unit's figure is in, on time, and on track. The status part is read
// from the one status function (Review.Status) through its Code, never
// recomputed here.
type Light string

// The lights. LightNone is an item not returned whose due date is still
// more than DueSoonDays away: nothing to chase yet.
const (
	LightBlue   Light = "blue"   // 蓝：临近截止，尚未报送
	LightYellow Light = "yellow" // 黄：已报送，慢于序时进度或低于预期
	LightRed    Light = "red"    // 红：逾期未报，或未完成、超出控制目标
	LightGreen  Light = "green"  // 绿：已报送，进展正常
	LightNone   Light = "none"   // 未到催报期
)

// DueSoonDays is how near the due date an item not yet returned turns 蓝:
// three days leaves the clerk one working day to phone round before a
// weekend.
const DueSoonDays = 3

var lightLabels = map[Light]string{LightBlue: "蓝", LightYellow: "黄", LightRed: "红", LightGreen: "绿", LightNone: "—"}

// Label is the light's Chinese name.
func (l Light) Label() string { return lightLabels[l] }

// ItemLight is the light of one item and why. due and asOf are dates
// (their time of day is ignored); returned tells whether the unit's figure
// came in; status is Review.Status's code for the round's period.
func ItemLight(due, asOf time.Time, returned bool, status Code) (Light, string) {
	d := dayOf(due)
	today := dayOf(asOf)
	if !returned {
		switch left := int(d.Sub(today).Hours() / 24); {
		case left < 0:
			return LightRed, "逾期未报"
		case left <= DueSoonDays:
			return LightBlue, "临近截止，尚未报送"
		default:
			return LightNone, "未报送，未到催报期"
		}
	}
	switch status {
	case Missed, NotDone, OverLimit, DeadlineMissed:
		return LightRed, "已报送，" + status.Label()
	case Behind, OffTrack:
		return LightYellow, "已报送，" + status.Label()
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

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
