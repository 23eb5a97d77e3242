package cjk

import (
	"strings"
	"unicode"
)

// BreakMark is the hair space (U+200A, White_Space, about a pixel wide)
// that MarkBreaks puts where a line may break.
const BreakMark = '\u200a'

// MarkBreaks marks the places a Chinese line may break for a renderer
// that breaks only at white space and elsewhere wherever the line is full
// (Fyne): so no line starts with “，” or “。” and no figure like 5.8% is
// cut in two. It marks around Chinese characters, never before closing
// punctuation, never after opening punctuation, never inside a run of
// Latin letters, digits and symbols (5.8%, 120㎡). Fyne breaks only at the
// marks and drops the mark at the break.
func MarkBreaks(s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(rs))
	for i, r := range rs {
		b.WriteRune(r)
		if i+1 < len(rs) && canBreakBetween(r, rs[i+1]) {
			b.WriteRune(BreakMark)
		}
	}
	return b.String()
}

// Unmark removes the marks again (for tests and copying).
func Unmark(s string) string { return strings.ReplaceAll(s, string(BreakMark), "") }

func canBreakBetween(a, b rune) bool {
	switch {
	case unicode.IsSpace(a) || unicode.IsSpace(b):
		return false // a space is already a break
	case NoLineEnd(a) || NoLineStart(b) || inRange(a, b):
		return false
	}
	// After Chinese closing punctuation a line may break before anything
	// (“，5.8%”); ASCII punctuation belongs to the Latin run around it
	// (5.8, 1,234).
	return Chinese(a) || Chinese(b) || (a > 0x7f && NoLineStart(a))
}

// Chinese reports whether r belongs to Chinese text: a Chinese character,
// CJK punctuation or a full-width form. A line may break before or after
// it. It is narrower than Wide: a wide symbol such as ㎡ stays with the
// figure before it.
func Chinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
