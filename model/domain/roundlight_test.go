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
		name     string
		asOf     time.Time
		returned bool
		status   Code
		want     Light
		why      string
	}{
		{"far from due, not returned", day(9, 30), false, NoData, LightNone, "未到催报期"},
		{"4 days before due", day(10, 6), false, NoData, LightNone, "未到催报期"},
		{"3 days before due", day(10, 7), false, NoData, LightBlue, "临近截止"},
		{"on the due date", day(10, 10), false, NoData, LightBlue, "临近截止"},
		{"a day past due", day(10, 11), false, NoData, LightRed, "逾期未报"},
		{"returned, on track", day(10, 11), true, OnTrack, LightGreen, "符合预期"},
		{"returned, ahead", day(10, 1), true, Ahead, LightGreen, "快于序时进度"},
		{"returned, behind", day(10, 1), true, Behind, LightYellow, "慢于序时进度"},
		{"returned, off track", day(10, 1), true, OffTrack, LightYellow, "低于预期"},
		{"returned, missed", day(10, 1), true, Missed, LightRed, "未完成"},
		{"returned, over a ceiling", day(10, 1), true, OverLimit, LightRed, "超出控制目标"},
		{"returned, milestone not done", day(10, 1), true, NotDone, LightRed, "未完成"},
		{"returned, no figure to judge", day(10, 1), true, NoData, LightGreen, "暂无数据"},
	}
	for _, c := range cases {
		l, why := ItemLight(due, c.asOf, c.returned, c.status)
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
