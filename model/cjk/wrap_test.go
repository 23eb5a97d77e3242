package cjk

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// cjkWidth measures like a monospace CJK font: Chinese 2, Latin 1.
func cjkWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

func TestWrapKeepsEveryCharacter(t *testing.T) {
	texts := []string{
		"1-9月增长5.8%，低于目标0.2个百分点，“左右”允许±0.5个百分点。部分项目因用地审批延后开工，预计四季度集中开工（涉及12个项目、投资约86.5亿元）。",
		"《2023年嘉兴市国民经济和社会发展计划》（嘉政发〔2023〕5号）——“八八战略”实施20周年；A1-01、B1-02：2023-10-20更新！",
		"GDP growth of 5.8% in Q1-Q3, below the 6% target.",
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
		"短",
		"",
	}
	for _, text := range texts {
		for _, width := range []float64{7, 10, 13, 20, 31, 60} {
			lines := Wrap(text, width, cjkWidth)
			joined := strings.Join(lines, "")
			if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Fatalf("width %v lost text:\n got %q\nwant %q", width, joined, text)
			}
			for i, l := range lines {
				// Only a closing mark may overhang the line (hanging punctuation).
				overhang := l != "" && NoLineStart([]rune(l)[len([]rune(l))-1])
				if cjkWidth(l) > width && utf8.RuneCountInString(l) > 1 && !overhang {
					t.Errorf("width %v: line %q is %v wide", width, l, cjkWidth(l))
				}
				if i > 0 && l != "" && NoLineStart([]rune(l)[0]) {
					t.Errorf("width %v: line starts with closing punctuation: %q", width, l)
				}
				if l != "" && NoLineEnd([]rune(l)[len([]rune(l))-1]) {
					t.Errorf("width %v: line ends with opening punctuation: %q", width, l)
				}
			}
		}
	}
}

func TestWrapKeepsNumbersWhole(t *testing.T) {
	text := "1-9月累计完成86.5亿元，为全年目标的67.5%，慢于序时进度7.5个百分点。"
	for _, width := range []float64{9, 12, 15, 18, 24} {
		for _, l := range Wrap(text, width, cjkWidth) {
			for _, whole := range []string{"86.5", "67.5%", "7.5", "1-9"} {
				if n := len(whole); strings.HasSuffix(l, whole[:n-1]) && !strings.HasSuffix(l, whole) && strings.Contains(text, whole) {
					t.Errorf("width %v: %q cut in %q", width, whole, l)
				}
			}
		}
	}
	lines := Wrap("A1-01", 3, cjkWidth) // a unit wider than the line is cut, not lost
	if strings.Join(lines, "") != "A1-01" {
		t.Errorf("long unit: %q", lines)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("1-9月增长5.8%，低于目标0.2个百分点。", 11.0)
	f.Add("（“左右”）", 3.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width < 2 || width > 1000 || !utf8.ValidString(text) {
			return
		}
		got := strings.Join(Wrap(text, width, cjkWidth), "\n")
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(got) != strip(text) {
			t.Fatalf("wrap lost text: %q → %q", text, got)
		}
	})
}

// A tolerance band is one value: its dash never ends a line.
func TestWrapKeepsRangesWhole(t *testing.T) {
	text := "1-9月增长5.8%，低于目标0.2个百分点，在目标区间（5.5%—6.5%）内，较上年（5～6个）略高"
	for _, width := range []float64{9, 10, 11, 12, 13, 15, 17, 19, 23} { // at least the widest band
		for _, l := range Wrap(text, width, cjkWidth) {
			if strings.HasSuffix(l, "—") || strings.HasSuffix(l, "～") {
				t.Errorf("width %v: a range cut at its dash: %q", width, l)
			}
		}
	}
	if got := strings.Join(Wrap(text, 9, cjkWidth), ""); got != text {
		t.Errorf("text changed: %q", got)
	}
}

func TestWrapKeepsFiguresWithTheirUnits(t *testing.T) {
	text := "1-9月累计完成7.4亩，低于目标4.6个百分点，高于目标0.3个千分点，新增120家企业。"
	for _, width := range []float64{6, 8, 9, 11, 13, 17, 21} {
		lines := Wrap(text, width, cjkWidth)
		for i := 1; i < len(lines); i++ {
			prev, cur := lines[i-1], lines[i]
			last, _ := utf8.DecodeLastRuneInString(prev)
			first, _ := utf8.DecodeRuneInString(cur)
			if last >= '0' && last <= '9' && first > 0x2E80 {
				t.Errorf("width %v: number cut from its unit: %q | %q", width, prev, cur)
			}
			if strings.HasPrefix(cur, "点") || strings.HasPrefix(cur, "分点") {
				t.Errorf("width %v: 百分点 cut: %q | %q", width, prev, cur)
			}
		}
	}
}
