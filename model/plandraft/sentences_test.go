package plandraft

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"marks kept", "新开工项目400个。力争增长10%；确保完成！", []string{"新开工项目400个。", "力争增长10%；", "确保完成！"}},
		{"quote kept whole", "打造“5分钟见绿。10分钟进道”生活圈。下一句。", []string{"打造“5分钟见绿。10分钟进道”生活圈。", "下一句。"}},
		{"brackets kept whole", "新增（含改建。扩建）绿地100公顷。", []string{"新增（含改建。扩建）绿地100公顷。"}},
		{"line end cuts", "第一行没有句号\n第二行。", []string{"第一行没有句号", "第二行。"}},
		{"stray quote closed at line end", "“未闭合。\n下一行。", []string{"“未闭合。", "下一行。"}},
		{"white space trimmed", "  \u3000甲。 \t乙。\r\n", []string{"甲。", "乙。"}},
		{"empty", " \n\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(c.text) {
				got = append(got, c.text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzSentences: spans are in order, inside the text, on rune
// boundaries, never empty, never start or end with white space, and
// (for valid UTF-8, which is what docread gives) together hold every character that is not white space.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"新开工亿元以上产业项目400个，新建项目开工率三季度达到100%，力争固定资产投资增长10%。",
		"打造“5分钟见绿，10分钟进道”生活服务圈。", "“（《【", "）】》”。；", "a\nb\r\n\u3000c",
		"确定的27项主要指标中,19项完成全年目标,8项不及预期,详见表1。", "\xff\xfe。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		last := 0
		kept := 0
		for _, s := range spans {
			if s.Start < last || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("span %v out of order or empty in %q", s, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("span %v cuts a rune in %q", s, text)
			}
			sub := text[s.Start:s.End]
			r, _ := utf8.DecodeRuneInString(sub)
			l, _ := utf8.DecodeLastRuneInString(sub)
			if isSpace(r) || isSpace(l) {
				t.Fatalf("span %q not trimmed", sub)
			}
			kept += len(strings.Join(strings.FieldsFunc(sub, isSpace), ""))
			last = s.End
		}
		if all := len(strings.Join(strings.FieldsFunc(text, isSpace), "")); kept != all {
			t.Fatalf("sentences hold %d bytes of %d in %q", kept, all, text)
		}
	})
}
