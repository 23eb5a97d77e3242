package domain

import (
	"strings"
	"testing"
	"time"
)

func TestItemLight(t *testing.T) {
	due := time.Date(2024, 10, 10, 0, 0, 0, 0, time.UTC)
	day := func(m, d int) time.Time { return time.Date(2024, time.Month(m), d, 15, 0, 0, 0, time.UTC) }
	cases := []struct {
		name   string
		asOf   time.Time
		got    Returned
		status Code
		want   Light
		why    string
	}{
		{"far from due, not returned", day(9, 30), NotReturned, NoData, LightNone, "未到催报期"},
		{"4 days before due", day(10, 6), NotReturned, NoData, LightNone, "未到催报期"},
		{"3 days before due", day(10, 7), NotReturned, NoData, LightBlue, "临近截止"},
		{"on the due date", day(10, 10), NotReturned, NoData, LightBlue, "临近截止"},
		{"a day past due", day(10, 11), NotReturned, NoData, LightRed, "逾期未报"},
		{"returned, on track", day(10, 11), ReturnedFigure, OnTrack, LightGreen, "符合预期"},
		{"returned, ahead", day(10, 1), ReturnedFigure, Ahead, LightGreen, "快于序时进度"},
		{"returned, behind", day(10, 1), ReturnedFigure, Behind, LightYellow, "慢于序时进度"},
		{"returned, off track", day(10, 1), ReturnedFigure, OffTrack, LightYellow, "低于预期"},
		{"returned, missed", day(10, 1), ReturnedFigure, Missed, LightRed, "未完成"},
		{"returned, over a ceiling", day(10, 1), ReturnedFigure, OverLimit, LightRed, "超出控制目标"},
		{"returned, milestone not done", day(10, 1), ReturnedFigure, NotDone, LightRed, "未完成"},
		// A figure that cannot be judged is no green: LightNone, and why.
		{"returned, no figure to judge", day(10, 1), ReturnedFigure, NoData, LightNone, "无可判断"},
		{"returned, target to be set", day(10, 1), ReturnedFigure, AwaitingTarget, LightNone, "目标待定，无法判断"},
		{"returned, qualitative", day(10, 1), ReturnedFigure, AwaitingJudgement, LightNone, "待审阅人判断"},
		// 进展情况 without 实际值 is not the figure: chased as if missing.
		{"text only, far from due", day(9, 30), ReturnedText, OnTrack, LightNone, TextOnlyWhy},
		{"text only, due soon", day(10, 8), ReturnedText, OnTrack, LightBlue, TextOnlyWhy + "，临近截止"},
		{"text only, overdue", day(10, 11), ReturnedText, OnTrack, LightRed, TextOnlyWhy + "，逾期未报"},
	}
	for _, c := range cases {
		l, why := ItemLight(due, c.asOf, c.got, c.status)
		if l != c.want || !strings.Contains(why, c.why) {
			t.Errorf("%s: %s %q, want %s with %q", c.name, l, why, c.want, c.why)
		}
	}
}

func TestDaysOverdue(t *testing.T) {
	due := time.Date(2024, 10, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		asOf time.Time
		want int
	}{
		{time.Date(2024, 10, 1, 9, 0, 0, 0, time.UTC), 0},
		{time.Date(2024, 10, 10, 23, 0, 0, 0, time.UTC), 0},
		{time.Date(2024, 10, 11, 1, 0, 0, 0, time.UTC), 1},
		{time.Date(2024, 11, 10, 1, 0, 0, 0, time.UTC), 31},
	} {
		if got := DaysOverdue(due, c.asOf); got != c.want {
			t.Errorf("%v: %d, want %d", c.asOf, got, c.want)
		}
	}
}

func TestReturnOf(t *testing.T) {
	figure := Item{ID: "A1", Target: Target{Basis: BasisGrowth}}
	milestone := Item{ID: "M1", Kind: KindMilestone}
	quality := Item{ID: "Q1", Target: QualitativeTarget("稳中提质")}
	for _, c := range []struct {
		name              string
		it                Item
		hasRow, hasFigure bool
		want              Returned
	}{
		{"no row", figure, false, false, NotReturned},
		{"figure", figure, true, true, ReturnedFigure},
		{"text only", figure, true, false, ReturnedText},
		{"milestone with outcome", milestone, true, true, ReturnedFigure},
		{"milestone, words only", milestone, true, false, ReturnedText},
		{"qualitative, words are the return", quality, true, false, ReturnedFigure},
		{"qualitative, no row", quality, false, false, NotReturned},
	} {
		if got := ReturnOf(c.it, c.hasRow, c.hasFigure); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestCollectedBy(t *testing.T) {
	asOf := time.Date(2024, 10, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		at   time.Time
		want bool
	}{
		{time.Date(2024, 10, 9, 23, 0, 0, 0, time.UTC), true},
		{time.Date(2024, 10, 10, 23, 59, 0, 0, time.UTC), true},
		{time.Date(2024, 10, 11, 0, 1, 0, 0, time.UTC), false},
	} {
		if got := CollectedBy(c.at, asOf); got != c.want {
			t.Errorf("%v: %v, want %v", c.at, got, c.want)
		}
	}
}
