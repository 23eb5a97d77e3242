package plandraft

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// reDeadline finds a deadline inside the year in a clause: 三季度, 6月底前,
// 上半年, 年底前. A quarter named as a deadline means its end.
var reDeadline = regexp.MustCompile(`(?:(?:19|20)[0-9]{2}年)?(?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末)?前?|[一二三四1-4]季度(?:末|底)?前?|上半年)|(?:(?:19|20)[0-9]{2})?年底前?`)

// reYearNumber is the year of a deadline (2024年6月底, 2024年底): the
// plan's own, which the deadline words need not repeat.
var reYearNumber = regexp.MustCompile(`^(?:19|20)[0-9]{2}年?`)

// reListNumber numbers a line of a list: （一） (1) 一、 1. 1、 1．
var reListNumber = regexp.MustCompile(`^\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.．、])\s*`)

// isDigitByte: 1.5万人 is a number, not the list's 1.
func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// reBaseWords say what a figure builds on (在上年基础上): not what it counts.
var reBaseWords = regexp.MustCompile(`^在[^，,、]{1,10}?基础上`)

// reYearWord is a year opening a name (2024年全区地区生产总值): when, not what.
var reYearWord = regexp.MustCompile(`^(?:19|20)[0-9]{2}年度?`)

// deadlineWords turns a deadline as written into words plantable reads
// as a period (三季度 → 三季度末, 6月底前 → 6月底, 年底前 → 年底).
func deadlineWords(w string) string {
	w = strings.TrimSuffix(reYearNumber.ReplaceAllString(w, ""), "前")
	if strings.HasPrefix(w, "底") {
		w = "年" + w // 2024年底 → 年底
	}
	switch {
	case strings.HasSuffix(w, "季度"):
		return w + "末"
	case strings.HasSuffix(w, "季度底"):
		return strings.TrimSuffix(w, "底") + "末"
	case strings.HasSuffix(w, "月"):
		return w + "底"
	}
	return w
}

// cleanName cuts an item's name out of the words before (or after) its
// number: deadline words out (returned), then hedge, time, place and
// verbs of doing off the front and linking words off the end, as long as
// any is left. The city's name is a place word too.
func cleanName(s, city string) (name, deadline string) {
	// （一）地区生产总值增长6%左右。: a body line numbered as a list is
	// no part of the name.
	if m := reListNumber.FindString(s); m != "" && len(m) < len(s) && !isDigitByte(s[len(m)]) {
		s = s[len(m):]
	}
	if loc := reDeadline.FindStringIndex(s); loc != nil {
		deadline = deadlineWords(s[loc[0]:loc[1]])
		s = s[:loc[0]] + s[loc[1]:]
	}
	for changed := true; changed && s != ""; {
		changed = false
		for _, words := range [][]string{hedgeWords, dropWords, connectors} {
			if w := prefixOf(s, words); w != "" && len(w) < len(s) {
				s, changed = s[len(w):], true
			}
		}
		if m := reBaseWords.FindString(s); m != "" && len(m) < len(s) {
			s, changed = s[len(m):], true
		}
		if m := reYearWord.FindString(s); m != "" && len(m) < len(s) {
			s, changed = s[len(m):], true
		}
		if city != "" && strings.HasPrefix(s, city) && len(city) < len(s) {
			s, changed = s[len(city):], true
		}
		if w := suffixOf(s, tailWords); w != "" && len(w) < len(s) && !(w == "均" && strings.HasSuffix(s, "人均")) {
			s, changed = s[:len(s)-len(w)], true
		}
	}
	return strings.TrimSpace(s), deadline
}

// onlyVerbs reports that a name is nothing but a verb (抓好, 建设, 新增):
// the count that follows is then of the words after it.
func onlyVerbs(s, city string) (keep string, ok bool) {
	n, _ := cleanName(s, city)
	if s == "" || n == "" {
		return "", true
	}
	if w := prefixOf(n, keepWords); w == n {
		return w, true
	}
	if prefixOf(n, dropWords) == n || prefixOf(n, hedgeWords) == n {
		return "", true
	}
	return "", false
}

// trimConnector cuts a joining word off the end of a counted thing's
// name (3个A和17个B: A, not A和) and a 的 off its front.
func trimConnector(s string) string {
	if w := suffixOf(s, connectors); w != "" && len(w) < len(s) {
		s = s[:len(s)-len(w)]
	}
	return strings.TrimPrefix(s, "的")
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// leadingHedge is the hedge a clause opens with, after any time or place
// words (全年力争新增… → 力争).
func leadingHedge(ct string) string {
	for {
		if h := prefixOf(ct, hedgeWords); h != "" {
			return h
		}
		w := prefixOf(ct, dropWords)
		if w == "" || !timePlace[w] {
			return ""
		}
		ct = ct[len(w):]
	}
}

// timePlace are the dropWords that may stand before a hedge.
var timePlace = map[string]bool{"全年": true, "年内": true, "今年": true, "全市": true, "全区": true, "全县": true, "同时": true}

// trimRemark drops a bracketed remark that opens s (（含口袋公园20个）):
// words about what stands before it, not a name of their own.
func trimRemark(s string) string {
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(s, pair[0]) {
			if i := strings.Index(s, pair[1]); i > 0 {
				return strings.TrimSpace(s[i+len(pair[1]):])
			}
		}
	}
	return s
}

// sharedHead gives a short later name of a list the head noun its first
// name carries: 生产安全事故起数、死亡人数 → 生产安全事故死亡人数. When the
// two names end alike (数), the first name's last two characters (起数)
// are its own measure and what stands before them (生产安全事故) the
// head. A later name of more than four characters, one that already holds
// that measure (PM2.5浓度、臭氧浓度), or one ending otherwise names itself.
func sharedHead(first, later string) string {
	f, l := []rune(first), []rune(later)
	if len(l) < 2 || len(l) > 4 || len(f) < 4 || f[len(f)-1] != l[len(l)-1] {
		return later
	}
	measure, head := string(f[len(f)-2:]), string(f[:len(f)-2])
	if strings.Contains(later, measure) || strings.HasPrefix(later, head) || reNumber.MatchString(head) {
		return later
	}
	return head + later
}
