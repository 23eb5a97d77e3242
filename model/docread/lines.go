package docread

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of Document.Text: start..end is the line without its
// "\n"; cs..ce the visible words, without leading and trailing spaces.
type line struct {
	start, end int
	cs, ce     int
	raw        string
}

func (l line) text() string { return l.raw[l.cs-l.start : l.ce-l.start] }
func (l line) blank() bool  { return l.cs == l.ce }

// tabLed is a line that begins with a tab: a Word table's cell flattened
// one per line (the notice's 附件), as opposed to a paragraph or a cell's
// second line.
func (l line) tabLed() bool { return strings.HasPrefix(l.raw, "\t") }

func splitLines(text string) []line {
	var out []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		raw := text[start:end]
		lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		trail := len(strings.TrimRightFunc(raw, unicode.IsSpace))
		if trail < lead {
			trail = lead
		}
		out = append(out, line{start: start, end: end, cs: start + lead, ce: start + trail, raw: raw})
		if end == len(text) {
			break
		}
		start = end + 1
	}
	return out
}

// cell is a cell's text and where its words are; a blank cell has
// start == end.
type cell struct {
	text       string
	start, end int
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

var (
	// rowStart is a numbered indicator or task: 1.地区生产总值, 12．…, （3）…
	rowStart = regexp.MustCompile(`^(\d{1,3}[.．、]\s*[\p{Han}A-Za-z（(#“]|[（(]\d{1,3}[）)])`)
	// heading is a Chinese-numbered heading: 一、综合发展, （二）质量效益.
	heading = regexp.MustCompile(`^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])`)
	// tableLabel is a caption that begins the next table: 表2, 附表1.
	tableLabel = regexp.MustCompile(`^(附?表\s*[0-9０-９一二三四五六七八九十]+|附件\s*[0-9０-９一二三四五六七八九十]*)`)
)

// isCategory is a category row's text: a short numbered heading
// (一、综合发展) — words, no figures, no sentence.
func isCategory(s string) bool {
	if !heading.MatchString(s) {
		return false
	}
	rest := heading.ReplaceAllString(s, "")
	return rest != "" && runeLen(rest) <= 12 && !strings.ContainsAny(rest, "0123456789。，；,;：:%")
}

// isCategoryWord is a bare short category (规模, 效率, 动力): two to four
// Chinese characters and nothing else.
func isCategoryWord(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

// endsTable is a line that cannot be a table's cell: a note, a new annex
// or table, a copy-to line, a long heading, or — in a table without a
// column of sentences — a long sentence.
func endsTable(s string, sentences bool) bool {
	for _, p := range []string{"注：", "注:", "注 ", "说明：", "抄送", "印发", "资料来源"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	if s == "注" || tableLabel.MatchString(s) {
		return true
	}
	if heading.MatchString(s) && !isCategory(s) {
		return true
	}
	return !sentences && runeLen(s) > 40 && strings.ContainsAny(s, "。，；,;")
}

// joinCell joins a cell's second line to its first: Chinese runs on
// without a space (公共利 + 益类型), Latin words and figures get one.
func joinCell(a, b string) string {
	if a == "" {
		return b
	}
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra < utf8.RuneSelf && rb < utf8.RuneSelf && (unicode.IsLetter(ra) || unicode.IsDigit(ra)) && (unicode.IsLetter(rb) || unicode.IsDigit(rb)) {
		return a + " " + b
	}
	return a + b
}
