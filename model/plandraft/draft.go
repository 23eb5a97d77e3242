package plandraft

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/plantable"
)

// Options say what the document may not: whose plan it is and for which
// year. Year 0 takes the year from the document (2023年 in its title).
type Options struct {
	City string
	Year int
}

// item is a drafted plan item.
type item = plantable.Item

// FromDocument drafts a plan out of a document. The draft's Text is the
// document's Text, so every item's Start and End point at its quote. A
// document with no text is an error; one with nothing to draft is an
// empty draft, which the caller reports.
func FromDocument(doc docread.Document, opt Options) (plantable.Draft, error) {
	if strings.TrimSpace(doc.Text) == "" {
		return plantable.Draft{}, fmt.Errorf("“%s”没有文字内容", doc.Name)
	}
	d := newDrafter(doc, opt)
	d.run()
	out := plantable.Draft{File: doc.Name, Items: d.items, Text: doc.Text, Genre: d.genre(), Year: d.year}
	if out.Year == 0 {
		out.Problems = append(out.Problems, "文档中找不到计划年度（如标题中的“2023年”），请指定年度")
	}
	return out, nil
}

// drafter walks a document once, block by block, line by line.
type drafter struct {
	doc   docread.Document
	text  string
	opt   Options
	year  int
	lines []int // the byte offset where each line starts
	// body is where the body starts: the first numbered section (一、…);
	// before it is the preamble, which yields nothing.
	body    int
	section string // the body section the walk is in
	// otherYear is the year a section's heading names when it is not the
	// plan's (a report's 二、2024年…计划草案 in a report on 2023).
	otherYear int
	// looksBack is a section reporting what was done (…执行情况, 工作回顾):
	// its prose states results, not commitments, and yields nothing; its
	// tables are read (an execution report's 表1).
	looksBack bool
	annex     bool // past an 附件 line: only tables yield items
	items     []item
	tables    int // tables seen, for the genre
	tasks     int // task tables seen
	reports   int // tables with a result column seen
}

func newDrafter(doc docread.Document, opt Options) *drafter {
	d := &drafter{doc: doc, text: doc.Text, opt: opt, year: opt.Year}
	d.lines = append(d.lines, 0)
	for i := 0; i < len(d.text); i++ {
		if d.text[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	if d.year == 0 {
		d.year = findYear(d.text)
	}
	d.body = d.bodyStart()
	return d
}

// line is the 1-based line number of a byte offset.
func (d *drafter) line(off int) int {
	return sort.SearchInts(d.lines, off+1)
}

// blocks are the document's blocks, or a paragraph a line when the
// reader gave none.
func (d *drafter) blocks() []docread.Block {
	if len(d.doc.Blocks) > 0 {
		return d.doc.Blocks
	}
	return []docread.Block{{Start: 0, End: len(d.text)}}
}

func (d *drafter) run() {
	for _, b := range d.blocks() {
		if b.Start < 0 || b.End > len(d.text) || b.Start > b.End {
			continue
		}
		if b.Table != nil {
			d.table(b)
			continue
		}
		for _, l := range splitSpans(d.text, b.Start, b.End, "", false) {
			d.paragraph(l)
		}
	}
}

// paragraph handles one line of prose: a heading, an 附件 line, chrome,
// or sentences to draft from.
func (d *drafter) paragraph(l Span) {
	t := d.text[l.Start:l.End]
	switch {
	case reAnnex.MatchString(t):
		d.annex = true
		return
	case isChrome(t):
		return
	case isHeading(t):
		if m := reSection.FindStringIndex(t); m != nil && l.Start >= d.body {
			// A numbered section after an annex opens body text again.
			d.section, d.annex = strings.TrimSpace(t[m[1]:]), false
			d.looksBack = lookBack(d.section)
			d.otherYear = 0
			if y := reYear.FindStringSubmatch(d.section); y != nil && d.year != 0 {
				if n, _ := strconv.Atoi(y[1]); n != d.year {
					d.otherYear = n
				}
			}
		}
		return
	case l.Start < d.body || d.annex || d.looksBack || tableRow(t):
		return
	}
	for _, s := range Sentences(t) {
		d.sentence(Span{l.Start + s.Start, l.Start + s.End})
	}
}

// add appends an item; one from a section about another year waits for
// the reviewer, who decides which plan it belongs to.
func (d *drafter) add(it item) {
	if d.otherYear != 0 && !it.NeedsReview {
		review(&it, d.where(Span{it.Start, it.End}), fmt.Sprintf("所在部分“%s”讲的是%d年，不是计划年度%d年，请确认是否纳入", d.section, d.otherYear, d.year))
	}
	d.items = append(d.items, it)
}

var (
	// reSection opens a numbered body section: 一、聚焦扩大内需…
	reSection = regexp.MustCompile(`^[一二三四五六七八九十]+[、.．]`)
	// reHeadingNo opens any numbered heading: 一、 （一） 1. 1、
	reHeadingNo = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?:\D|$))`)
	// reAnnex is an 附件 line: 附件1, 附件：1．…, 附件2：
	reAnnex = regexp.MustCompile(`^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?`)
	// reYear finds a plan's year: 2023年.
	reYear = regexp.MustCompile(`(20[0-9]{2})年`)
	// reSummary is a summary of how many indicators were met, not an
	// indicator: 27项主要指标中,19项完成 / 48项指标中29项….
	reSummary = regexp.MustCompile(`[0-9]+项[^。；，,]{0,12}?指标(?:中|里|当中)`)
	// reDocNo is a document number: 嘉政发〔2023〕1号.
	reDocNo = regexp.MustCompile(`[〔\[［(（][0-9]{4}[〕\]］)）][0-9]+号`)
	// reDate is a date line: 2023年3月22日印发.
	reDate = regexp.MustCompile(`^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日`)
)

// reCloseLine is a line of a notice's close: 抄送：… at its head, or the
// issuing office and date ending in 印发 — a line of its own, never a
// sentence that says a plan was 印发.
var reCloseLine = regexp.MustCompile(`^\s*抄\s*送\s*[:：]|印\s*发\s*$`)

// isChrome is a line that is not the document's words: the portal's
// (docread.IsChrome, for a .txt saved from a page, whose chrome docread
// keeps in the text), the notice's close, a lone document number or date.
func isChrome(t string) bool {
	if docread.IsChrome(t) {
		return true
	}
	if reCloseLine.MatchString(t) && runes(t) < 60 {
		return true
	}
	return reDocNo.MatchString(t) && runes(t) < 40 || reDate.MatchString(t) && runes(t) < 30
}

// backWords name a section that reports what was done.
var backWords = []string{"执行情况", "完成情况", "工作回顾", "回顾", "进展情况"}

func lookBack(title string) bool {
	for _, w := range backWords {
		if strings.Contains(title, w) {
			return true
		}
	}
	return false
}

// tableRow is a line of cells no table was rebuilt from (| a | b |, or
// cells between tabs): its words are not prose, and no item is read
// from it rather than one misread.
func tableRow(t string) bool {
	return strings.Count(t, "|")+strings.Count(t, "｜") >= 2 || strings.Count(t, "\t") >= 2
}

// isHeading: a numbered line alone, short, with no sentence end and no
// target in it.
func isHeading(t string) bool {
	if !reHeadingNo.MatchString(t) || runes(t) > 40 || strings.ContainsAny(t, "。；") {
		return false
	}
	for _, f := range findTargets(t, Span{0, len(t)}) {
		if f.unread == "" {
			return false
		}
	}
	return true
}

// summary reports a sentence that counts indicators (N项…指标中M项…).
func (d *drafter) summary(s Span) bool { return reSummary.MatchString(d.text[s.Start:s.End]) }

// bodyStart is where the first numbered body section opens, outside
// tables; 0 when there is none (a pasted passage is all body).
func (d *drafter) bodyStart() int {
	for _, b := range d.blocks() {
		if b.Table != nil || b.Start < 0 || b.End > len(d.text) || b.Start > b.End {
			continue
		}
		for _, l := range splitSpans(d.text, b.Start, b.End, "", false) {
			t := d.text[l.Start:l.End]
			if reAnnex.MatchString(t) {
				// A category row of an annex's table (一、综合发展) that was
				// not rebuilt as a table is no body section: a body without
				// numbered sections starts at the top.
				return 0
			}
			if reSection.MatchString(t) && isHeading(t) {
				return l.Start
			}
		}
	}
	return 0
}

// findYear is the plan's year: the first 20xx年 on a line that names a
// 计划 or 报告 among the first lines, else the first in them at all.
func findYear(text string) int {
	lines := strings.SplitN(text, "\n", 40)
	if len(lines) == 40 {
		lines = lines[:39]
	}
	for _, want := range []bool{true, false} {
		for _, l := range lines {
			if want && !strings.Contains(l, "计划") && !strings.Contains(l, "报告") {
				continue
			}
			if m := reYear.FindStringSubmatch(l); m != nil {
				y, _ := strconv.Atoi(m[1])
				return y
			}
		}
	}
	return 0
}

// genre guesses what kind of document this was.
func (d *drafter) genre() plantable.Genre {
	head := d.text
	if len(head) > 2000 {
		head = head[:2000]
	}
	switch {
	case d.reports > 0 || strings.Contains(head, "执行情况"):
		return plantable.GenreReport
	case d.tasks > 0 && d.body == 0:
		return plantable.GenreTaskTable
	case strings.Contains(head, "通知") || d.body > 0:
		return plantable.GenreNotice
	case d.tables > 0:
		return plantable.GenreTable
	}
	return plantable.GenreNotice
}
