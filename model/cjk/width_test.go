package cjk

import "testing"

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"A1-01", 5},
		{"地区生产总值", 12},
		{"６%", 3},
		{"（“左右”）", 10}, // curly quotes take one column
		{"", 0},
	}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestPad(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"全社会研究与试验发展经费支出", 10, "全社会研… "},
		{"编号", 7, "编号   "},
		{"A1-01", 5, "A1-01"},
		{"GDP growth", 6, "GDP g…"},
	}
	for _, tt := range tests {
		got := Pad(tt.in, tt.w)
		if got != tt.want {
			t.Errorf("Pad(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
		if Width(got) != tt.w {
			t.Errorf("Pad(%q, %d) is %d columns", tt.in, tt.w, Width(got))
		}
	}
}
