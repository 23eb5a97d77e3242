package cjk

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wrap breaks text into lines no wider than max for a renderer that
// cannot wrap Chinese itself (fpdf's MultiCell and SplitText drop a
// Chinese character at every automatic break); "\n" is a hard break and
// width measures a string in the current font. Lines are filled greedily
// with units: a run of Latin letters and digits (5.8%, 2023-10-20, A1-01,
// GDP) or one Chinese character, closing punctuation stuck to the unit
// before it and opening punctuation to the unit after.
func Wrap(text string, max float64, width func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		if para == "" {
			lines = append(lines, "")
			continue
		}
		line, lw := "", 0.0
		for _, u := range units(para) {
			uw := width(u)
			if line != "" && lw+uw > max {
				lines = append(lines, strings.TrimRightFunc(line, unicode.IsSpace))
				line, lw = "", 0
				u = strings.TrimLeftFunc(u, unicode.IsSpace)
				uw = width(u)
			}
			if line == "" && uw > max {
				var full []string
				full, line, lw = cutUnit(line, lw, u, max, width)
				lines = append(lines, full...)
				continue
			}
			line += u
			lw += uw
		}
		lines = append(lines, strings.TrimRightFunc(line, unicode.IsSpace))
	}
	return lines
}

// cutUnit cuts a unit wider than the line (a long Latin run) by
// characters, the only place it can go, onto the open line of width lw;
// it returns the lines it filled and the open line with its width. Even
// here a closing mark stays on its line (overhanging a little) and an
// opening mark moves to the next.
func cutUnit(line string, lw float64, u string, max float64, width func(string) float64) ([]string, string, float64) {
	var full []string
	for _, r := range u {
		rw := width(string(r))
		if line != "" && lw+rw > max && !NoLineStart(r) {
			carry := ""
			if last, size := utf8.DecodeLastRuneInString(line); NoLineEnd(last) && size < len(line) {
				line, carry = line[:len(line)-size], string(last)
			}
			full = append(full, line)
			line, lw = carry, width(carry)
		}
		line += string(r)
		lw += rw
	}
	return full, line, lw
}

func isLatin(r rune) bool {
	return r < 0x80 && r > ' ' && !strings.ContainsRune("([{)]};,", r) || r == '‰' || r == '±'
}

// units splits text into the pieces a line may break between.
func units(text string) []string {
	var out []string
	carry := ""
	for _, a := range atoms(text) {
		r, n := utf8.DecodeRuneInString(a)
		single := n == len(a)
		switch {
		case single && NoLineEnd(r):
			carry += a
		case single && NoLineStart(r) && len(out) > 0 && carry == "":
			out[len(out)-1] += a
		default:
			out = append(out, carry+a)
			carry = ""
		}
	}
	if carry != "" {
		out = append(out, carry)
	}
	return glueUnits(out)
}

// atoms splits text into runs of Latin letters and digits and single
// other characters.
func atoms(text string) []string {
	var atoms []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i + 1
		if isLatin(rs[i]) {
			for j < len(rs) && isLatin(rs[j]) {
				j++
			}
		}
		atoms = append(atoms, string(rs[i:j]))
		i = j
	}
	return atoms
}

// rangeDashes join the two ends of a range of figures (5.5%—6.5%).
const rangeDashes = "—～~"

// joinsRange reports whether u is a range dash after a figure, or the
// figure after such a dash: a tolerance band such as （5.5%—6.5%） is read
// as one value and must not be cut at its dash. When the dash joins the
// figure before it, that unit is then extended by the second figure.
func joinsRange(out []string, u string) bool {
	prev := out[len(out)-1]
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(u)
	if strings.ContainsRune(rangeDashes, first) && u == string(first) {
		return isFigureEnd(last)
	}
	return strings.ContainsRune(rangeDashes, last) && unicode.IsDigit(first) && len(prev) > len(string(last)) &&
		isFigureEnd(lastBefore(prev))
}

// isFigureEnd reports whether r can end a figure (5.5, 5.5%, 13.2‰).
func isFigureEnd(r rune) bool { return unicode.IsDigit(r) || r == '%' || r == '‰' }

// inRange reports whether a and b are a figure's end and a range dash, or
// a range dash and the next figure: (5.5%—6.5%) is read as one value.
func inRange(a, b rune) bool {
	return isFigureEnd(a) && strings.ContainsRune(rangeDashes, b) ||
		strings.ContainsRune(rangeDashes, a) && unicode.IsDigit(b)
}

// lastBefore is the rune before the last one of s.
func lastBefore(s string) rune {
	_, n := utf8.DecodeLastRuneInString(s)
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return r
}

// glueUnits keeps a number with the Chinese measure word after it (7.4亩,
// 4.6个, 30.5万) and 百分点 / 千分点 whole: “4.6个百分点” is read as one
// thing.
func glueUnits(us []string) []string {
	var out []string
	for _, u := range us {
		if len(out) > 0 {
			prev := out[len(out)-1]
			last, _ := utf8.DecodeLastRuneInString(prev)
			first, _ := utf8.DecodeRuneInString(u)
			joinNumber := unicode.IsDigit(last) && unicode.Is(unicode.Han, first) && !NoLineEnd(first)
			joinPoint := (strings.HasSuffix(prev, "百") || strings.HasSuffix(prev, "千")) && strings.HasPrefix(u, "分") ||
				strings.HasSuffix(prev, "分") && strings.HasPrefix(u, "点") && (strings.HasSuffix(prev, "百分") || strings.HasSuffix(prev, "千分"))
			if joinNumber || joinPoint || joinsRange(out, u) {
				out[len(out)-1] = prev + u
				continue
			}
		}
		out = append(out, u)
	}
	return out
}
