package cjk

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkMarks fails when a marked line could start with closing or end
// with opening punctuation, or when the marks change the text.
func checkMarks(t *testing.T, s string) string {
	t.Helper()
	b := MarkBreaks(s)
	if Unmark(b) != s {
		t.Fatalf("marks change the text: %q → %q", s, Unmark(b))
	}
	parts := strings.Split(b, string(BreakMark))
	for i, p := range parts {
		if first, _ := utf8.DecodeRuneInString(p); i > 0 && NoLineStart(first) {
			t.Errorf("a line could start with %q: %q", first, p)
		}
		if last, _ := utf8.DecodeLastRuneInString(p); i < len(parts)-1 && NoLineEnd(last) {
			t.Errorf("a line could end with %q: %q", last, p)
		}
	}
	return b
}

func TestMarkBreaks(t *testing.T) {
	tests := []struct {
		in    string
		whole []string // must not be cut
	}{
		{"1-9月增长5.8%，低于目标0.2个百分点（“左右”允许±0.5个百分点）。", []string{"5.8%", "0.2", "1-9", "0.5"}},
		{"《2023年嘉兴市国民经济和社会发展计划》（嘉政发〔2023〕5号）", []string{"2023", "〔2023〕"}},
		{"A1-01、B1-02：2023-10-20更新！", []string{"A1-01", "B1-02", "2023-10-20"}},
		{"新增绿地120㎡，㈠项已完成", []string{"120㎡"}},
		{"略低于目标区间（4.5%—5.5%），（13.2‰—13.6‰），5～6个", []string{"4.5%—5.5%", "13.2‰—13.6‰", "5～6"}},
	}
	for _, tt := range tests {
		b := checkMarks(t, tt.in)
		for _, whole := range tt.whole {
			if !strings.Contains(b, whole) {
				t.Errorf("%q is split in %q", whole, b)
			}
		}
	}
	for _, latin := range []string{"GDP growth", "5.8%", "x"} {
		if MarkBreaks(latin) != latin {
			t.Errorf("Latin text %q must be left alone: %q", latin, MarkBreaks(latin))
		}
	}
	if got := MarkBreaks("地区生产"); got != "地\u200a区\u200a生\u200a产" {
		t.Errorf("MarkBreaks between Chinese characters: %q", got)
	}
}

func FuzzMarkBreaks(f *testing.F) {
	f.Add("1-9月增长5.8%，低于目标0.2个百分点。")
	f.Add("（“左右”）")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, BreakMark) {
			return
		}
		checkMarks(t, s)
	})
}
