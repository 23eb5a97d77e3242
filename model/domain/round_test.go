package domain

import (
	"strings"
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	oct15 := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
		err  string // part of the message, "" for none
	}{
		{"2023-10-15", oct15, ""},
		{" 2023/10/15 ", oct15, ""},
		{"2023.10.15", oct15, ""},
		{"2023年10月15日", oct15, ""},
		{"2023年10月15", oct15, ""},
		{"2023-1-5", time.Date(2023, 1, 5, 0, 0, 0, 0, time.UTC), ""},
		{"2023-02-29", time.Time{}, "不是有效日期"},
		{"2023-13-01", time.Time{}, "月为1-12"},
		{"2023-10", time.Time{}, "请写作 2023-10-15 或 2023年10月15日"},
		{"十月十五日", time.Time{}, "不是日期"},
		{"", time.Time{}, "不是日期"},
	} {
		got, err := ParseDay(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.err == "" && !got.Equal(tc.want):
			t.Errorf("%q: %v, want %v", tc.in, got, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one saying %q", tc.in, err, tc.err)
		}
	}
}

// FuzzParseDay: any text gives a day or a Chinese error naming it, never
// a panic; a day read is written back in a form read as the same day.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2023-10-15", "2023/10/15", "2023年10月15日", "2023-02-30", "2023-", "十月", "", "9999.99.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDay(s)
		if err != nil {
			if !strings.Contains(err.Error(), "日期") {
				t.Fatalf("%q: error %q does not say what is wanted", s, err)
			}
			return
		}
		back, err := ParseDay(d.Format("2006-01-02"))
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q → %v → %v, %v", s, d, back, err)
		}
	})
}
