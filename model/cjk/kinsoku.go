package cjk

import "strings"

// The 禁则 (line-breaking) punctuation, Chinese and ASCII: closing marks
// must not start a line, opening marks must not end one.
const (
	closing = "，。、；：？！）》」』】〕〉”’％‰…—·・,.;:?!)]}%"
	opening = "（《「『【〔〈“‘([{"
)

// NoLineStart reports whether r is closing punctuation, which stays on
// the line before it.
func NoLineStart(r rune) bool { return strings.ContainsRune(closing, r) }

// NoLineEnd reports whether r is opening punctuation, which goes to the
// line after it.
func NoLineEnd(r rune) bool { return strings.ContainsRune(opening, r) }
