package plandraft

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"cn.planreview/planreview/model/domain"
)

// reNumber is a number as documents write it, half or full width.
var reNumber = regexp.MustCompile(`[0-9０-９]+(?:[.．][0-9０-９]+)?`)

// maxUnitRunes bounds what may follow a number as its unit and hedge
// suffix (微克/立方米及以下 is 9 runes).
const maxUnitRunes = 10

// found is a number in a clause: a target the grammar reads, or a
// quantity it refuses (unread, with why).
type found struct {
	Span          // the target's words: lead verb, number, unit, suffix
	num    Span   // the number alone
	lead   string // the lead verb as written (增长, 同比下降), "" for none
	read   string // the text the grammar read
	target domain.Target
	unread string // the grammar's refusal, when it did not read it
	// ranged: a range (6.5%—7%), whose upper bound is no target of its own.
	ranged bool
}

// count reports a target counting things (400个, 20家).
func (f found) count() bool { return countUnits[f.target.Unit] }

// findTargets finds the numbers of text[p.Start:p.End] that stand for a
// quantity: outside quotation marks and brackets (“551”工程 is a name), not part of a
// word (G60, PM2.5, 第2批), not a date or an ordinal (2023年, 20周年).
func findTargets(text string, p Span) []found {
	s := text[p.Start:p.End]
	quoted := quotedMask(s)
	var out []found
	for _, m := range reNumber.FindAllStringIndex(s, -1) {
		if quoted[m[0]] || partOfWord(s, m[0]) {
			continue
		}
		rest := s[m[1]:]
		if prefixOf(rest, notQuantity) != "" || rest == "" {
			continue
		}
		lead := suffixOf(s[:m[0]], leadWords)
		if r, _ := utf8.DecodeRuneInString(rest); r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '-' || r == '~' || r == '－') {
			if lead == "" || !reRangeHead.MatchString(rest) {
				continue // 5G, 10-50万元: a name
			}
		}
		start := m[0] - len(lead)
		if strings.HasSuffix(s[:start], "同比") {
			start -= len("同比")
			lead = "同比" + lead
		}
		f := found{num: Span{p.Start + m[0], p.Start + m[1]}, lead: lead}
		head := lead + s[m[0]:m[1]]
		if levelLeads[lead] {
			head = s[m[0]:m[1]] // the grammar reads the level alone
		}
		// The longest unit-and-suffix the grammar reads wins: 1000个以上,
		// not 1000个.
		ends := runeEnds(rest, maxUnitRunes)
		for i := len(ends) - 1; i >= 0; i-- {
			t, err := domain.ParseTarget(head + rest[:ends[i]])
			if err == nil {
				f.Span = Span{p.Start + start, p.Start + m[1] + ends[i]}
				f.read, f.target = head+rest[:ends[i]], t
				break
			}
		}
		if f.read != "" && lead != "" && reRangeTail.MatchString(s[f.End-p.Start:]) {
			// 增长6%-7%: a range, which the grammar does not read; the
			// lower bound alone would be a silent decision.
			m2 := reRangeTail.FindString(s[f.End-p.Start:])
			f.Span.End += len(m2)
			f.read = d2s(text, f.Span)
			f.unread, f.ranged = "目标是区间“"+f.read+"”，目标语法不读区间", true
		}
		if f.read != "" && f.unread == "" && downLeads[lead] && !reBound.MatchString(f.read) && !strings.HasSuffix(f.read, "及以下") {
			// 下降到35微克/立方米: going down to a level is at most that
			// level; the grammar reads a bare level as at least.
			if t, err := domain.ParseTarget(f.read + "以下"); err == nil {
				f.read, f.target = f.read+"以下", t
			}
		}
		if f.read != "" && f.unread == "" {
			// 控制在3.5%左右, 0.38吨标准煤/万元以下: the words after the
			// reading close the target (a hedge suffix ending the list
			// item, or a unit going on after /) — the target is all of
			// it, and the grammar's verdict on all of it stands; never a
			// size class, never dropped.
			tail := s[f.End-p.Start:]
			if i := strings.IndexAny(tail, "，,。；;、 （("); i >= 0 {
				tail = tail[:i]
			}
			if tail != "" && reTargetTail.MatchString(tail) {
				f.Span.End += len(tail)
				f.read += tail
				if t, err := domain.ParseTarget(f.read); err == nil {
					f.target = t
				} else {
					f.unread = err.Error()
				}
			}
		}
		if f.read == "" && lead != "" && reRangeHead.MatchString(rest) {
			m2 := reRangeHead.FindString(rest)
			f.Span = Span{p.Start + start, p.Start + m[1] + len(m2)}
			f.read = d2s(text, f.Span)
			f.unread, f.ranged = "目标是区间“"+f.read+"”，目标语法不读区间", true
		}
		if f.read == "" {
			// A quantity the grammar refuses (500张, 增长1倍): kept for the
			// reviewer with the grammar's reason, never guessed.
			unit := firstWord(rest)
			if tail := rest[:strings.IndexAny(rest+"，", "，,。；;、 （(")]; reTargetTail.MatchString(tail) {
				unit = tail // 下降到0.38吨标准煤/万元以下: all of it
			}
			if unit == "" {
				continue
			}
			_, err := domain.ParseTarget(head + unit)
			f.Span = Span{p.Start + start, p.Start + m[1] + len(unit)}
			f.read, f.unread = head+unit, err.Error()
		}
		if n := len(out); n > 0 && f.Start < out[n-1].End {
			// Overlapping readings (500个增长10%): a read target beats a
			// refused quantity; else the first stands.
			if out[n-1].unread != "" && f.unread == "" && !out[n-1].ranged {
				out[n-1] = f
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// firstWord is the run of Han characters (and %, ‰) right after a
// number, the most a unit could be; "" when none follows.
func firstWord(s string) string {
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !(unicode.Is(unicode.Han, r) || r == '%' || r == '％' || r == '‰') {
			break
		}
		n += w
		if n >= 2*3 { // two Han characters at most: 张, 万张, 个点
			break
		}
	}
	return s[:n]
}

// runeEnds lists the byte ends of the first 1…max runes of s, with 0 first.
func runeEnds(s string, max int) []int {
	ends := []int{0}
	for n := 0; n < len(s) && len(ends) <= max; {
		_, w := utf8.DecodeRuneInString(s[n:])
		n += w
		ends = append(ends, n)
	}
	return ends
}

// partOfWord reports a number glued to Latin letters or digits before it
// (G60, PM2.5), or an ordinal (第2批).
func partOfWord(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '/') || r == '第'
}

// quotedMask marks the bytes of s inside “…”, ‘…’, 《…》 and 「…」 —
// names — and inside （…）, a remark on what stands before it
// (新增绿地100公顷（含口袋公园20个）): no number there is a target.
func quotedMask(s string) []bool {
	mask := make([]bool, len(s)+1)
	depth := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '“', '‘', '《', '「', '（', '(':
			depth++
		case '”', '’', '》', '」', '）', ')':
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			for j := i; j < i+w; j++ {
				mask[j] = true
			}
		}
		i += w
	}
	return mask
}

// refMarks open the targets held against another figure or set later
// (the grammar's 高于各项贷款增速, 与经济增长同步, 按省下达目标安排).
var refMarks = []string{"不低于", "高于", "低于", "快于", "与", "按"}

// refTarget reads a clause part whose target has no number of its own:
// 普惠型小微企业贷款增速高于各项贷款增速. The words before the mark are the
// name; the grammar must read everything from the mark to the end.
func refTarget(text string, p Span) (found, bool) {
	s := text[p.Start:p.End]
	if reNumber.MatchString(s) {
		return found{}, false
	}
	for _, m := range refMarks {
		i := strings.Index(s, m)
		if i <= 0 {
			continue
		}
		t, err := domain.ParseTarget(s[i:])
		if err != nil || t.HasValue() {
			continue
		}
		return found{Span: Span{p.Start + i, p.End}, lead: m, read: s[i:], target: t}, true
	}
	// 居民收入增长和经济增长同步: 和…同步 is 与…同步 in other words; the
	// grammar is handed the 与 form, the text keeps the 和.
	if i := strings.LastIndex(s, "和"); i > 0 && strings.HasSuffix(s, "同步") {
		read := "与" + s[i+len("和"):]
		if t, err := domain.ParseTarget(read); err == nil && !t.HasValue() {
			return found{Span: Span{p.Start + i, p.End}, lead: "和", read: read, target: t}, true
		}
	}
	return found{}, false
}

// reRangeTail continues a target into a range (6%-7%, 6%至7%); reRangeHead
// is the rest of a range written with one unit (6-7%).
var (
	reRangeTail = regexp.MustCompile(`^\s*[-—－~～至到]\s*[0-9]+(?:\.[0-9]+)?[^，,。；;、\s]{0,4}`)
	reRangeHead = regexp.MustCompile(`^\s*[-—－~～至到]\s*[0-9]+(?:\.[0-9]+)?[^，,。；;、\s]{0,4}`)
)

// reTargetTail is what may close a target after the part the grammar
// read: a unit going on after / (吨 + 标准煤/万元以下), or words of at
// most eight characters ending in a hedge suffix (3.5% + 左右).
var reTargetTail = regexp.MustCompile(`^(?:/.{1,12}|.{0,8}?(?:左右|以上|以下|以内|上下))$`)

func d2s(text string, s Span) string { return text[s.Start:s.End] }

// pendingVerbs open a target that another level sets in words the grammar
// does not read (完成省下达目标任务, 完成省下达任务, 完成市下达指标, 达到市定目标): drafted for the reviewer,
// who writes it as 按省下达目标安排.
var pendingVerbs = sortLongestFirst([]string{"完成", "达到", "实现", "控制在", "按"})

// pendingTarget finds such a target in a list item with no number.
func pendingTarget(text string, p Span) (found, bool) {
	s := text[p.Start:p.End]
	at := strings.Index(s, "下达")
	if at < 0 {
		at = strings.Index(s, "省定")
	}
	if at < 0 || reNumber.MatchString(s) || !strings.Contains(s[at:], "目标") && !strings.Contains(s[at:], "任务") && !strings.Contains(s[at:], "指标") {
		return found{}, false
	}
	start := -1
	for _, v := range pendingVerbs {
		if i := strings.LastIndex(s[:at], v); i > 0 && i > start {
			start = i
		}
	}
	if start <= 0 {
		return found{}, false
	}
	read := s[start:]
	if _, err := domain.ParseTarget(read); err == nil {
		return found{}, false // refTarget reads it
	}
	return found{Span: Span{p.Start + start, p.End}, read: read,
		unread: "目标“" + read + "”由上级下达，目标语法只读“按省下达目标安排”这样的写法"}, true
}
