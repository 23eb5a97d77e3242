package cli

import (
	"strings"
	"unicode"
)

// width is the number of terminal columns s takes: East Asian wide and
// full-width characters take two.
func width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case unicode.Is(unicode.Han, r),
		r >= 0x1100 && r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK symbols
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6:
		return 2
	}
	return 1
}

// pad fills s with spaces to w columns, cutting it with … if longer.
func pad(s string, w int) string {
	if width(s) > w {
		var b strings.Builder
		n := 0
		for _, r := range s {
			if n+runeWidth(r) > w-1 {
				break
			}
			b.WriteRune(r)
			n += runeWidth(r)
		}
		s = b.String() + "…"
	}
	return s + strings.Repeat(" ", max(0, w-width(s)))
}
