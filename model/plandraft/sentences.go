package plandraft

import (
	"strings"
	"unicode/utf8"
)

// Span is a run of a text by byte offsets: text[Start:End].
type Span struct{ Start, End int }

// enders close a sentence; the mark stays in the sentence, as a quote
// shows it.
const enders = "。；！？!?;"

// openers and closers are the brackets and quotation marks a sentence is
// never cut inside: “…。…” is one quotation, not two sentences.
const (
	openers = "“‘（(《【「『〔"
	closers = "”’）)》】」』〕"
)

// Sentences splits text into sentences: at 。；！？ (kept with their
// sentence) outside brackets and quotation marks, and at every line end,
// which also closes any bracket left open so that one stray “ cannot
// swallow a document. Spans are trimmed of white space; empty ones are
// left out.
func Sentences(text string) []Span {
	return splitSpans(text, 0, len(text), enders, true)
}

// clauseMarks cut a sentence into clauses; the marks are left out.
const clauseMarks = "，,：:。；！？!?;"

// clauses cuts text[start:end] into clauses at ，：and the sentence
// marks, outside brackets and quotation marks.
func clauses(text string, s Span) []Span {
	return splitSpans(text, s.Start, s.End, clauseMarks, false)
}

// parts cuts a clause at 、 outside brackets: the items of a list.
func parts(text string, s Span) []Span {
	return splitSpans(text, s.Start, s.End, "、", false)
}

// splitSpans cuts text[start:end] after (keep) or at (!keep) any rune of
// marks that stands outside brackets, and at line ends.
func splitSpans(text string, start, end int, marks string, keep bool) []Span {
	var out []Span
	depth, from := 0, start
	emit := func(a, b int) {
		if sp, ok := trimSpan(text, a, b); ok {
			out = append(out, sp)
		}
	}
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '\n':
			emit(from, i)
			from, depth = i+n, 0
		case strings.ContainsRune(openers, r):
			depth++
		case strings.ContainsRune(closers, r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune(marks, r):
			if keep {
				emit(from, i+n)
			} else {
				emit(from, i)
			}
			from = i + n
		}
		i += n
	}
	emit(from, end)
	return out
}

// trimSpan trims white space (ASCII, full-width, no-break) from both ends.
func trimSpan(text string, a, b int) (Span, bool) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !isSpace(r) {
			break
		}
		a += n
	}
	for a < b {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !isSpace(r) {
			break
		}
		b -= n
	}
	return Span{a, b}, a < b
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
}
