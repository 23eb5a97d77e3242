package ui

import (
	"strings"
	"unicode"
)

// Fyne wraps text at spaces, and text without spaces (Chinese) wherever
// the line is full — so a line may start with “，” or “。”, and a figure
// like 5.8% may be cut in two. breakable marks the places a Chinese line
// may break with a hair space (U+200A, White_Space, about a pixel wide):
// between Chinese characters, never before closing punctuation, never
// after opening punctuation, never inside a run of Latin letters and
// digits. Fyne then breaks only there and drops the hair space at the
// break.
func breakable(s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(rs))
	for i, r := range rs {
		b.WriteRune(r)
		if i+1 < len(rs) && canBreakBetween(r, rs[i+1]) {
			b.WriteRune(hairSpace)
		}
	}
	return b.String()
}

const hairSpace = '\u200a'

// unbreakable removes the marks again (for tests and copying).
func unbreakable(s string) string { return strings.ReplaceAll(s, string(hairSpace), "") }

func canBreakBetween(a, b rune) bool {
	switch {
	case unicode.IsSpace(a) || unicode.IsSpace(b):
		return false // a space is already a break
	case strings.ContainsRune(openingPunct, a) || strings.ContainsRune(closingPunct, b):
		return false
	}
	// After Chinese closing punctuation a line may break before anything
	// (“，5.8%”); ASCII punctuation belongs to the Latin run around it
	// (5.8, 1,234).
	return isCJK(a) || isCJK(b) || (a > 0x7f && strings.ContainsRune(closingPunct, a))
}

// Punctuation that must not start a line (closing) or end one (opening).
const (
	closingPunct = "，。、；：？！）》」』】〕〉”’％‰…—·・,.;:?!)]}%"
	openingPunct = "（《「『【〔〈“‘([{"
)

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
