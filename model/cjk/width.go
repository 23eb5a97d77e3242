package cjk

import (
	"strings"
	"unicode"
)

// Wide reports whether r is East Asian wide or full-width: it takes two
// terminal columns.
func Wide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case unicode.Is(unicode.Han, r),
		r >= 0x1100 && r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK symbols
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return false
}

// RuneWidth is the number of terminal columns r takes.
func RuneWidth(r rune) int {
	if Wide(r) {
		return 2
	}
	return 1
}

// Width is the number of terminal columns s takes.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// Pad fills s with spaces to w columns, cutting it with … if it is wider.
func Pad(s string, w int) string {
	if Width(s) > w {
		var b strings.Builder
		n := 0
		for _, r := range s {
			if n+RuneWidth(r) > w-1 {
				break
			}
			b.WriteRune(r)
			n += RuneWidth(r)
		}
		s = b.String() + "…"
	}
	return s + strings.Repeat(" ", max(0, w-Width(s)))
}
