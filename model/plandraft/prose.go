package plandraft

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// sentence drafts the items of one body sentence: commitments where a
// clause holds a number the grammar reads, milestones where a clause
// names a checkable outcome (milestones.go). Every item's quote is the
// whole sentence, as the bundled plan quotes.
func (d *drafter) sentence(s Span) {
	if d.summary(s) || d.past(s) {
		return
	}
	hedge := ""
	for _, c := range clauses(d.text, s) {
		ct := d.text[c.Start:c.End]
		if h := leadingHedge(ct); carriedHedges[h] {
			hedge = h
		} else if h != "" {
			hedge = "" // 争创, 支持: a clause's own, not carried on
		}
		if !d.commitments(s, c, hedge) && !d.qualitative(s, c, hedge) {
			d.milestones(s, c)
		}
	}
}

// carriedHedges hold for the clauses after them in a sentence (力争A增长5%、
// B提高到55%); 争创 and 支持 open a milestone of their own.
var carriedHedges = map[string]bool{"力争": true, "确保": true, "争取": true, "积极争取": true}

// part is one item of a 、 list in a clause, with the numbers in it.
type part struct {
	Span
	targets []found
}

// commitments drafts a clause's quantitative commitments and reports
// whether it found any (a number the grammar reads or one it refuses).
func (d *drafter) commitments(s, c Span, hedge string) bool {
	var ps []part
	any := false
	for _, p := range parts(d.text, c) {
		f := findTargets(d.text, p)
		if r, ok := refTarget(d.text, p); ok {
			f = []found{r}
		} else if r, ok := pendingTarget(d.text, p); ok {
			f = []found{r}
		}
		any = any || len(f) > 0
		ps = append(ps, part{p, f})
	}
	if !any {
		return false
	}
	verb := "" // the keep-verb of the list's first name (新增), for the names after it
	var pending []Span
	for _, p := range ps {
		if len(p.targets) == 0 {
			pending = append(pending, p.Span)
			continue
		}
		if len(pending) == 0 && d.stretch(s, p, c) {
			continue
		}
		items, ok := d.respectively(s, p, hedge)
		if !ok {
			items = d.partItems(s, p, hedge, &verb, p.Start == c.Start)
		}
		if len(pending) > 0 && len(items) == 1 && items[0].Kind == domain.KindCommitment && pendingShare(d.text, pending, d.opt.City) {
			// 生产安全事故起数、死亡人数同比下降20%左右: names before the
			// one with the number share its target. The split is the
			// reviewer's to confirm.
			last := items[0]
			first, _ := cleanName(d.text[pending[0].Start:pending[0].End], d.opt.City)
			last.Name = sharedHead(first, last.Name)
			items[0] = last
			for k, q := range pending {
				it := last
				it.Name, _ = cleanName(d.text[q.Start:q.End], d.opt.City)
				if k > 0 {
					it.Name = sharedHead(first, it.Name)
				}
				it.NeedsReview = true
				it.Reason = d.where(c) + "：" + fmt.Sprintf("“%s”与“%s”共用目标“%s”，已拆为单独一项，请确认", it.Name, last.Name, last.TargetText)
				d.add(it)
			}
		}
		pending = nil
		for _, it := range items {
			d.add(it)
		}
	}
	return true
}

// stretch takes a list item that is only a hedge and a figure (增长6%以上、
// 力争7%) as the higher aim of the item before it in the same clause: no
// item of its own (it names nothing), the floor stays the target, and the
// reviewer is told of the aim.
func (d *drafter) stretch(s Span, p part, c Span) bool {
	if len(p.targets) != 1 || p.Start == c.Start || len(d.items) == 0 {
		return false
	}
	f := p.targets[0]
	before := strings.TrimSpace(d.text[p.Start:f.Start])
	if prefixOf(before, hedgeWords) != before || before == "" || strings.TrimSpace(d.text[f.End:p.End]) != "" {
		return false
	}
	prev := &d.items[len(d.items)-1]
	if prev.Start != s.Start || prev.Kind != domain.KindCommitment {
		return false
	}
	aim := d.text[p.Start:p.End]
	review(prev, d.where(c), fmt.Sprintf("另有更高的目标“%s”，已按“%s”起草，请确认取哪一个", aim, prev.TargetText))
	return true
}

// respectively drafts A和B分别增长6%和7.5%: the names before 分别, split at
// 和 、 及 与, take the figures after it in order, a figure without a verb
// the first one's (7.5% → 增长7.5%). Only when the names and the figures
// are as many.
func (d *drafter) respectively(s Span, p part, hedge string) ([]plantable.Item, bool) {
	t := d.text[p.Start:p.End]
	at := strings.Index(t, "分别")
	if at <= 0 || len(p.targets) < 2 {
		return nil, false
	}
	for _, f := range p.targets {
		if f.Start < p.Start+at {
			return nil, false
		}
	}
	names := reNameJoin.Split(t[:at], -1)
	if len(names) != len(p.targets) {
		return nil, false
	}
	lead := p.targets[0].lead
	var out []plantable.Item
	for k, f := range p.targets {
		name, _ := cleanName(names[k], d.opt.City)
		if name == "" || reNumber.MatchString(name) {
			return nil, false
		}
		it := d.item(domain.KindCommitment, s, name)
		written, read := d.text[f.Start:f.End], f.read
		if f.lead == "" && lead != "" {
			written, read = lead+written, lead+read
		}
		it.TargetText, it.Read = hedge+written, read
		if tg, err := domain.ParseTarget(read); err == nil && f.unread == "" {
			it.Target, it.Unit = &tg, tg.Unit
		} else {
			why := f.unread
			if err != nil {
				why = err.Error()
			}
			review(&it, d.where(p.Span), "“"+read+"”："+why+"，请按目标语法改写")
		}
		out = append(out, it)
	}
	return out, true
}

// reBound is a target bounded by a suffix: 10%以上, 5%以内.
var reBound = regexp.MustCompile(`(以上|以下|以内|左右)$`)

// reNameJoin joins the names of a 分别 list.
var reNameJoin = regexp.MustCompile(`和|及|与|、`)

// pendingShare reports names short and plain enough to share the target
// after them: no number, no verb of their own, at most 12 characters.
func pendingShare(text string, ps []Span, city string) bool {
	for _, p := range ps {
		n, _ := cleanName(text[p.Start:p.End], city)
		if n == "" || runes(n) > 12 || strings.ContainsAny(n, "，,") || prefixOf(n, keepWords) != "" {
			return false
		}
	}
	return true
}

// partItems drafts the commitments of one list item. Each number is read
// by where its name stands:
//   - after the name (新增高新技术企业500家): the words since the previous
//     number, cleaned (names.go);
//   - before it, for counts only (抓好2个省级低碳试点县, 3个A和17个B): the
//     words up to the next number, when nothing but a verb stands before;
//   - an amount followed by more words (超10亿元重大项目, 10亿元楼宇) is a
//     size class inside a name, not a target.
func (d *drafter) partItems(s Span, p part, hedge string, verb *string, first bool) []plantable.Item {
	var out []plantable.Item
	from := p.Start
	var modifiers []string
	prevPre := false
	for i, f := range p.targets {
		next := p.End
		if i+1 < len(p.targets) {
			next = p.targets[i+1].Start
		}
		before := d.text[from:f.Start]
		own := hedge
		if h := suffixOf(strings.TrimSpace(before), hedgeWords); h != "" && hedge == "" {
			// 进出口总额力争增长5%: a hedge between name and target is the
			// target's, not part of the name.
			before, own = strings.TrimSuffix(strings.TrimSpace(before), h), h
		}
		after := trimConnector(trimRemark(strings.TrimSpace(d.text[f.End:next])))
		joined := i > 0 && prefixOf(strings.TrimSpace(before), connectors) != ""
		keep, bare := onlyVerbs(before, d.opt.City)
		if prevPre && after != "" && f.count() {
			// 3个A和17个B: the words before 17个 were 3个's name.
			keep, bare = "", true
		}
		prevPre = false
		var name, deadline string
		middle := false
		switch {
		case f.unread == "" && i == len(p.targets)-1 && f.target.Unit == "%" && reBound.MatchString(f.read) && after != "" && !bare:
			// 给予小微企业10%以上价格扣除评审优惠: a bounded share with the
			// rest of the list item naming what it is a share of, and no
			// figure after it — the target, named by the words around it.
			n, dl := cleanName(before, d.opt.City)
			name, deadline = n+strings.TrimPrefix(after, "的"), dl
			middle = true
		case f.unread == "" && !f.count() && after != "" && f.lead != "增长" && f.lead != "下降" && !levelLeads[f.lead]:
			// A size class: its words stay with the name that follows.
			modifiers = append(modifiers, d.text[f.Start:f.End])
			continue
		case bare && after != "" && (f.count() || f.unread != ""):
			name, prevPre = keep+after, true
			_, deadline = cleanName(before, d.opt.City)
		default:
			name, deadline = cleanName(before, d.opt.City)
		}
		if from < f.End {
			from = f.End
		}
		unnamed := ""
		if name == "" && (f.lead != "" || strings.Contains(d.text[s.Start:s.End], "分别")) {
			// 完成工业投资100亿元，同比增长10%以上; A分别增长6%、7%: a target
			// with no name of its own is the item's before it in the
			// sentence — drafted under that name for the reviewer, never
			// dropped.
			if prev, ok := d.previous(s, out); ok {
				name, unnamed = prev, prev
			}
		}
		if name == "" {
			continue // a number with nothing named (亿元、10亿元): no item
		}
		if w := prefixOf(name, keepWords); w != "" {
			*verb = w
		} else if *verb != "" && (!first && len(out) == 0 || joined) {
			name = *verb + name // 新增A300家和B800家: 新增B
		}
		it := d.item(domain.KindCommitment, s, name)
		it.Deadline = deadline
		it.TargetText = own + d.text[f.Start:f.End]
		switch {
		case f.unread != "":
			it.Read = f.read
			review(&it, d.where(p.Span), "“"+f.read+"”："+f.unread+"，请按目标语法改写")
		default:
			t := f.target
			it.Read, it.Target, it.Unit = f.read, &t, t.Unit
			if f.lead == "" && t.Unit == "%" && t.Basis == domain.BasisLevel && plantable.FlowName(name) && !plantable.RatioName(name) && !rateName(name) {
				review(&it, d.where(p.Span), fmt.Sprintf("“%s”是总量指标，只写“%s”无法判断是增长率还是水平值：请写成“增长%s”或“达到%s”", name, f.read, f.read, f.read))
			}
		}
		if unnamed != "" {
			review(&it, d.where(p.Span), fmt.Sprintf("“%s”没有写名称，暂用前一项的名称“%s”，请改为所指的指标", d.text[f.Start:f.End], unnamed))
		}
		if middle {
			review(&it, d.where(p.Span), fmt.Sprintf("目标“%s”写在名称中间，名称取前后的文字“%s”，请确认", f.read, name))
		}
		if len(modifiers) > 0 {
			review(&it, d.where(p.Span), fmt.Sprintf("名称中还有数值“%s”，已视为名称的一部分，目标取“%s”，请确认", strings.Join(modifiers, "、"), f.read))
		}
		modifiers = nil
		out = append(out, it)
	}
	return out
}

// previous is the name of the last commitment drafted from sentence s:
// among this list item's (out), else the drafter's last.
func (d *drafter) previous(s Span, out []plantable.Item) (string, bool) {
	if n := len(out); n > 0 {
		return out[n-1].Name, true
	}
	if n := len(d.items); n > 0 && d.items[n-1].Start == s.Start && d.items[n-1].Kind == domain.KindCommitment {
		return d.items[n-1].Name, true
	}
	return "", false
}

// review marks an item for the reviewer with where and why.
func review(it *plantable.Item, where, why string) {
	it.NeedsReview = true
	if it.Reason != "" {
		it.Reason += "；" + why
		return
	}
	it.Reason = where + "：" + why
}

// item starts an item quoting sentence s.
func (d *drafter) item(kind domain.Kind, s Span, name string) item {
	return plantable.Item{Sheet: d.doc.Name, Line: d.line(s.Start), Kind: kind, Section: d.section,
		Name: name, Source: d.text[s.Start:s.End], Start: s.Start, End: s.End}
}

// where names a place in the document for a reason: 第12行“…”.
func (d *drafter) where(p Span) string {
	return fmt.Sprintf("第%d行“%s”", d.line(p.Start), d.text[p.Start:p.End])
}

// qualitative drafts a clause that closes with one of the grammar's
// qualitative phrases (城乡居民收入稳步提高): a commitment the reviewer
// judges, always left for the reviewer to confirm.
func (d *drafter) qualitative(s, c Span, hedge string) bool {
	ct := d.text[c.Start:c.End]
	for _, ph := range qualitativePhrases {
		if !strings.HasSuffix(ct, ph) || len(ph) == len(ct) {
			continue
		}
		t, err := domain.ParseTarget(ph)
		if err != nil || t.Basis != domain.BasisQualitative {
			continue
		}
		name, deadline := cleanName(ct[:len(ct)-len(ph)], d.opt.City)
		if _, bare := onlyVerbs(name, d.opt.City); bare || name == "" || runes(name) > 20 || prefixOf(name, keepWords) != "" {
			return false // 努力实现稳中提质: nothing named
		}
		it := d.item(domain.KindCommitment, s, name)
		it.TargetText, it.Read, it.Target, it.Deadline = hedge+ph, ph, &t, deadline
		review(&it, d.where(c), "定性目标“"+ph+"”，由审阅人判断，请确认")
		d.add(it)
		return true
	}
	return false
}

// qualitativePhrases are the grammar's qualitative phrases, longest
// first, so 保持基本稳定 wins over 基本稳定.
var qualitativePhrases = sortLongestFirst(domain.QualitativePhrases())

// pastWords say a sentence reports what was done (全县去年地区生产总值增长6.8%,
// 过去一年…): its numbers are results, not commitments. 比去年 and 较上年
// compare, and do not count.
var pastWords = []string{"去年", "上年", "上一年", "过去一年", "过去五年", "过去的一年", "五年来", "一年来"}

// past reports a sentence whose first clause is about an earlier year:
// one of pastWords, or a year before the plan's (2023年全市实现… in a 2024
// plan; 2023年底前 is a deadline and does not count).
func (d *drafter) past(s Span) bool {
	cs := clauses(d.text, s)
	if len(cs) == 0 {
		return false
	}
	first := d.text[cs[0].Start:cs[0].End]
	if strings.Contains(first, "基础上") {
		return false // 在上年基础上增长5%: last year is the base, not the news
	}
	for _, w := range pastWords {
		for i := strings.Index(first, w); i >= 0; {
			if !strings.HasSuffix(first[:i], "比") && !strings.HasSuffix(first[:i], "较") && !strings.HasSuffix(first[:i], "同") {
				return true
			}
			j := strings.Index(first[i+len(w):], w)
			if j < 0 {
				break
			}
			i += len(w) + j
		}
	}
	if m := rePastYear.FindStringSubmatch(first); m != nil && d.year != 0 {
		if y, err := strconv.Atoi(m[1]); err == nil && y < d.year {
			return true
		}
	}
	return false
}

// rePastYear is a year opening a sentence, not as a deadline (2023年底).
var rePastYear = regexp.MustCompile(`^((?:19|20)[0-9]{2})年(?:[^底末]|$)`)
