// Package brief is on the domain side: it computes the progress brief as
// a view: the counts, the
// tables and the items needing attention, as of one period, from a review.
// It is pure (no I/O, no fonts): the PDF renderer in brief/pdf draws what
// it computes, and every status in it comes from domain.Review.Status.
package brief

import (
	"fmt"
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
)

// The parts of a brief, in order; Options.Parts picks among them.
const (
	PartSummary    = "summary"    // 一、总体情况
	PartIndicators = "indicators" // 二、主要指标完成情况（表1）
	PartConcerns   = "concerns"   // 三、需关注事项
	PartWork       = "work"       // 四、重点工作推进情况
	PartParcels    = "parcels"    // 五、房屋征收计划
	// PartUnits is the appendix 附：按责任单位统计 (units.go). Unlike the
	// numbered parts it is there only when the plan has units: a brief
	// of a plan without any has no appendix, asked for or not.
	PartUnits = "units"
)

// AllParts lists every part in order.
var AllParts = []string{PartSummary, PartIndicators, PartConcerns, PartWork, PartParcels, PartUnits}

// Options choose what a brief holds.
type Options struct {
	AsOf     domain.Period
	Date     time.Time // the brief's date, printed and stored as the PDF's dates
	Unit     string    // 编制单位
	Reviewer string
	Marking  string // 内部资料 or empty
	// Parts lists the parts wanted: nil for all of them; an empty list
	// that is not nil for none (what a stamp of a brief that printed no
	// part reads back as, so that its check rebuilds the same nothing).
	Parts []string
	Notes bool // include reviewers' notes
	// AllRows keeps items without figures as rows of 表2 instead of naming
	// them together (the workbook wants every item on its own row).
	AllRows bool
	// Priors is last year beside this year, by item (store.Priors): 表1
	// gets a 上年完成 column when any of its rows has a result of last
	// year. Nil for none.
	Priors map[string]domain.Prior
	// HistoryMark is the newest history row when the brief is made
	// (store.LastChangeID): checking the brief later lists the changes
	// after it. Recorded in the stamp, not part of the fingerprint.
	HistoryMark int64
	// Units and ItemUnits are the plan's 责任单位 and who answers for
	// what (store.Units, store.ItemUnits), for the appendix 按责任单位;
	// without units there is no appendix.
	Units     []domain.Unit
	ItemUnits map[string]domain.ItemUnits
}

// Brief is the computed brief.
type Brief struct {
	Title    string // 2023年嘉兴市国民经济和社会发展计划
	Subtitle string // 执行情况简报
	AsOf     string // 截至2023年9月（前三季度）
	Period   domain.Period
	Unit     string
	Reviewer string
	Date     string // 2023年10月25日
	Marking  string
	Parts    []Part
	// Stamp is the brief's data fingerprint and what it was made from,
	// printed in its footer and written into its file's metadata.
	Stamp Stamp
	// left says why a part asked for is not there (the appendix of a
	// plan whose items have no unit), for Printable's message.
	left string
}

// NothingToPrintError refuses a brief whose parts asked for leave nothing
// to print: a page with only the title is no brief, and it would not even
// check against itself.
type NothingToPrintError struct{ Why string }

func (e *NothingToPrintError) Error() string {
	if e.Why == "" {
		return "所选部分没有内容，未生成简报"
	}
	return "所选部分没有内容：" + e.Why + "；未生成简报"
}

// Printable refuses a brief without any part (NothingToPrintError); the
// exporters call it before they write anything.
func (b Brief) Printable() error {
	if len(b.Parts) > 0 {
		return nil
	}
	return &NothingToPrintError{Why: b.left}
}

// Part is one numbered part of the brief.
type Part struct {
	Key     string
	Heading string   // 一、总体情况
	Lines   []string // paragraphs
	Bars    []Bar    // status splits (summary)
	Table   *Table
	Items   []Concern // 需关注事项
}

// Bar is a status split of a group of items.
type Bar struct {
	Title  string
	Counts []CodeCount
}

// CodeCount is how many items have a status, an early judgement
// counted by the period it was judged on (domain.StatusKey).
type CodeCount struct {
	domain.StatusKey
	Count int
}

// Table is a table with a caption, its columns and rows grouped under
// headings (the 附件1 categories, the body sections).
type Table struct {
	Caption string
	Columns []Column
	Groups  []Group
}

// Column is a table column: its title and share of the width.
type Column struct {
	Title string
	Width float64 // relative
}

// Group is a heading row and the rows under it, and a closing note
// spanning the table (the items without figures, named together).
type Group struct {
	Title string
	Rows  []Row
	Note  string
}

// emptyNote names the items without figures: 暂无数据（3项）：…、…。
func emptyNote(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf("暂无数据（%d项）：%s。", len(names), strings.Join(names, "、"))
}

// Row is one item's row: cells as text, and its status for the badge.
type Row struct {
	ID     string
	Cells  []string // one per column; the status column's text is the label
	Status domain.Status
}

// Concern is an item that needs a committee's attention.
type Concern struct {
	ID     string
	Ref    string // where the item stands in the brief: 表1第5项
	Name   string
	Target string
	Status domain.Status
	Notes  []string
}

var numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八"}

// Build computes the brief from a review and the notes recorded.
func Build(r *domain.Review, notes []domain.Note, o Options) Brief {
	p := r.Plan
	b := Brief{
		Title: p.Title, Subtitle: "执行情况简报", Period: o.AsOf,
		AsOf: fmt.Sprintf("截至%d年%d月（%s）", o.AsOf.Year, o.AsOf.Month, o.AsOf.Name()),
		Unit: o.Unit, Reviewer: o.Reviewer, Marking: o.Marking,
		Date: o.Date.Format("2006年1月2日"),
	}
	if o.AsOf.Month == 12 {
		b.AsOf = fmt.Sprintf("%d年全年", o.AsOf.Year)
	}
	statuses := map[string]domain.Status{}
	for _, it := range p.Items {
		statuses[it.ID] = r.Status(it, o.AsOf)
	}
	byItem := map[string][]string{}
	if o.Notes {
		for _, n := range notes {
			if n.Period.IsZero() || n.Period == o.AsOf {
				byItem[n.ItemID] = append(byItem[n.ItemID], n.Body)
			}
		}
	}
	parts := o.Parts
	if parts == nil {
		parts = AllParts
	}
	want := map[string]bool{}
	for _, k := range parts {
		want[k] = true
	}
	c := builder{r: r, p: p, o: o, statuses: statuses, notes: byItem}
	for _, k := range AllParts {
		if !want[k] {
			continue
		}
		var part Part
		switch k {
		case PartSummary:
			part = c.summary()
		case PartIndicators:
			part = c.indicators()
		case PartConcerns:
			part = c.concerns()
		case PartWork:
			part = c.work()
		case PartParcels:
			part = c.parcels()
		case PartUnits:
			var ok bool
			if part, ok = c.units(); !ok {
				b.left = c.noUnitItems()
				continue
			}
		}
		part.Key = k
		if k != PartUnits { // the appendix is not numbered
			part.Heading = numerals[len(b.Parts)] + "、" + part.Heading
		}
		b.Parts = append(b.Parts, part)
	}
	var keys []string
	for _, part := range b.Parts {
		keys = append(keys, part.Key)
	}
	b.Stamp = stamp(b, p, o, keys)
	return b
}

type builder struct {
	r        *domain.Review
	p        *domain.Plan
	o        Options
	statuses map[string]domain.Status
	notes    map[string][]string
}

// Buckets the count lines speak of; early judgements are counted apart,
// each by the period it speaks of (earlyClauses).
type bucket int

const (
	good bucket = iota
	nearly
	bad
	none
	early
	judge // a qualitative target awaiting the reviewer's judgement
)

func bucketOf(s domain.Status) bucket {
	if s.Early {
		return early
	}
	switch s.Code {
	case domain.NearlyMet, domain.InProgress:
		return nearly
	case domain.NoData, domain.AwaitingTarget:
		return none
	case domain.AwaitingJudgement:
		return judge
	}
	if s.Code.Concern() {
		return bad
	}
	return good
}

// earlyClauses count the early judgements by the period they speak of:
// 1项按1-9月数据符合预期, or for several statuses
// 17项按1-9月数据判断（好于预期3项、符合预期2项……）.
func earlyClauses(ss []domain.Status) string {
	var periods []domain.Period
	by := map[domain.Period][]CodeCount{}
	for _, c := range codeCounts(ss) {
		if c.Early.IsZero() {
			continue
		}
		if len(by[c.Early]) == 0 {
			periods = append(periods, c.Early)
		}
		by[c.Early] = append(by[c.Early], c)
	}
	out := ""
	for _, p := range periods {
		cs := by[p]
		if len(cs) == 1 {
			out += fmt.Sprintf("，%d项%s", cs[0].Count, cs[0].Label())
			continue
		}
		n := 0
		var parts []string
		for _, c := range cs {
			n += c.Count
			parts = append(parts, fmt.Sprintf("%s%d项", c.Code.Label(), c.Count))
		}
		out += fmt.Sprintf("，%d项按%s数据判断（%s）", n, p.Label(), strings.Join(parts, "、"))
	}
	return out
}

func (c builder) summary() Part {
	part := Part{Heading: "总体情况"}
	yearEnd := c.o.AsOf.Month == 12
	when := "截至" + c.o.AsOf.Name()
	if yearEnd {
		when = "全年"
	}
	ind := c.r.IndicatorRollup(c.o.AsOf)
	n := countBuckets(ind)
	var line string
	if yearEnd {
		line = fmt.Sprintf("年度计划确定的%d项主要指标中，%d项完成全年目标", len(ind), n[good])
		if x := countCodes(ind, domain.Exceeded); x > 0 {
			line += fmt.Sprintf("（其中超额完成%d项）", x)
		}
		line += tallyClauses(ind, n, "基本完成", "未完成或不及预期")
	} else {
		line = fmt.Sprintf("年度计划确定的%d项主要指标中，%s，%d项符合或好于预期、快于序时进度", len(ind), when, n[good])
		// A ceiling kept is good news but not "符合预期": name it.
		if x := countCodes(ind, domain.WithinLimit); x > 0 {
			line += fmt.Sprintf("（其中控制在目标内%d项）", x)
		}
		line += tallyClauses(ind, n, "基本符合", "滞后或超出控制目标")
	}
	line += "，详见表1。"
	part.Lines = append(part.Lines, line)

	var commit, miles []domain.Status
	for _, it := range c.p.Items {
		switch it.Kind {
		case domain.KindCommitment:
			commit = append(commit, c.statuses[it.ID])
		case domain.KindMilestone:
			miles = append(miles, c.statuses[it.ID])
		}
	}
	nc := countBuckets(commit)
	body := fmt.Sprintf("计划提出的%d项量化任务中，%d项完成或符合进度", len(commit), nc[good])
	body += tallyClauses(commit, nc, "基本完成", "滞后或未完成")
	body += fmt.Sprintf("；%d项重点事项中，已完成%d项，推进中%d项，未完成%d项，暂无记录%d项。",
		len(miles), countCodes(miles, domain.Done), countCodes(miles, domain.InProgress),
		countCodes(miles, domain.NotDone), countCodes(miles, domain.NoData))
	part.Lines = append(part.Lines, body)

	part.Bars = []Bar{
		{Title: "主要指标", Counts: codeCounts(ind)},
		{Title: "量化任务", Counts: codeCounts(commit)},
		{Title: "重点事项", Counts: codeCounts(miles)},
	}
	return part
}

// tallyClauses continues a summary sentence after its count of items done
// or on track: the nearly and the bad counts in the part's own words, the
// early judgements, and the items without data.
func tallyClauses(ss []domain.Status, n map[bucket]int, nearlyWords, badWords string) string {
	var out string
	if n[nearly] > 0 {
		out += fmt.Sprintf("，%d项%s", n[nearly], nearlyWords)
	}
	out += fmt.Sprintf("，%d项%s", n[bad], badWords)
	out += earlyClauses(ss)
	if n[none] > 0 {
		out += fmt.Sprintf("，%d项暂无数据或目标待定", n[none])
	}
	if n[judge] > 0 {
		// Named apart: a qualitative target is not waiting for data but
		// for the reviewer, and no count may read it as done or not.
		out += fmt.Sprintf("，%d项为定性目标、待审阅人判断", n[judge])
	}
	return out
}

func countBuckets(ss []domain.Status) map[bucket]int {
	n := map[bucket]int{}
	for _, s := range ss {
		n[bucketOf(s)]++
	}
	return n
}

func countCodes(ss []domain.Status, c domain.Code) int {
	n := 0
	for _, s := range ss {
		if s.Code == c {
			n++
		}
	}
	return n
}

// codeCounts counts statuses by key, in the order counts are written.
func codeCounts(ss []domain.Status) []CodeCount {
	t := domain.Tally{}
	for _, s := range ss {
		t.Add(s)
	}
	var out []CodeCount
	for _, k := range t.Keys() {
		out = append(out, CodeCount{k, t[k]})
	}
	return out
}

// actualText is the figure judged: 5.8%, with its period only when it is
// older than the brief's (6.2%（1-6月）); the heading says the period.
func (c builder) actualText(it domain.Item) string {
	a, ok := c.r.Latest(it, c.o.AsOf)
	if !ok {
		return "—"
	}
	when := ""
	if a.Period != c.o.AsOf {
		when = "（" + a.Period.Label() + "）"
	}
	return c.r.FigureOf(it, a) + when
}

// remark is the reason and the reviewers' notes.
func (c builder) remark(it domain.Item) string {
	s := c.statuses[it.ID].Reason
	for _, n := range c.notes[it.ID] {
		s += "\n备注：" + n
	}
	return s
}

// asOfShort is the period for captions: 2023年1-9月.
func (c builder) asOfShort() string {
	return fmt.Sprintf("%d年%s", c.o.AsOf.Year, c.o.AsOf.Label())
}

// priorColumn reports whether 表1 shows 上年完成: only when last year's
// plan (or a typed result) gives a result for at least one of its rows,
// so a brief of a first plan has no empty column.
func (c builder) priorColumn() bool {
	for _, it := range c.p.Items {
		if it.Kind == domain.KindIndicator && c.o.Priors[it.ID].HasResult() {
			return true
		}
	}
	return false
}

// priorText is an item's 上年完成 in 表1: the figure, and the status it
// had in last year's plan when it is its own figure (增长6.3% /（完成）).
func (c builder) priorText(it domain.Item) string {
	p, ok := c.o.Priors[it.ID]
	switch {
	case !ok || !p.HasResult():
		return "—"
	case p.HasActual:
		// The status on a line of its own: the column is narrow, and
		// 3.4%（基本 / 完成） would break the label.
		return p.Figure + "\n（" + p.Status.Label + "）"
	}
	return p.Figure
}

func (c builder) indicators() Part {
	t := &Table{Caption: "表1　主要指标完成情况（" + c.asOfShort() + "）",
		Columns: []Column{{"指标名称", 3.1}, {"预期目标", 2.2}, {"完成情况", 2.0}, {"状态", 2.2}, {"备注", 4.6}}}
	prior := c.priorColumn()
	if prior {
		// The reason column gives up the room: it wraps, the figures
		// should not.
		t.Columns = []Column{{"指标名称", 2.9}, {"预期目标", 2.0}, {"上年完成", 2.1}, {"完成情况", 1.9}, {"状态", 2.2}, {"备注", 3.7}}
	}
	for _, sec := range c.p.Sections {
		if sec.Part != "annex1" {
			continue
		}
		g := Group{Title: sec.Title}
		for _, it := range c.p.Items {
			if it.Section != sec.ID || it.Kind != domain.KindIndicator {
				continue
			}
			name := fmt.Sprintf("%d.%s", it.IndicatorNo, it.Name)
			if it.Group != "" {
				name = fmt.Sprintf("%d.%s：%s", it.IndicatorNo, it.Group, it.Name)
			} else if strings.HasSuffix(it.ID, "b") {
				name = it.Name // 农村居民人均可支配收入: the unnumbered second row
			}
			s := c.statuses[it.ID]
			cells := []string{name, it.TargetText, c.actualText(it), s.Label, c.remark(it)}
			if prior {
				cells = []string{name, it.TargetText, c.priorText(it), c.actualText(it), s.Label, c.remark(it)}
			}
			g.Rows = append(g.Rows, Row{ID: it.ID, Status: s, Cells: cells})
		}
		t.Groups = append(t.Groups, g)
	}
	part := Part{Heading: "主要指标完成情况", Table: t}
	if gdp, ok := c.p.Item("A1-01"); ok && gdp.Note != "" {
		part.Lines = append(part.Lines, gdp.Note)
	}
	return part
}

func (c builder) concerns() Part {
	part := Part{Heading: "需关注事项"}
	early := 0
	for _, cn := range c.p.Concerns(func(it domain.Item) domain.Status { return c.statuses[it.ID] }) {
		it, s := cn.Item, cn.Status
		target := it.Hedge + it.TargetText
		if it.Kind == domain.KindMilestone {
			target = it.Hedge + it.Name
		}
		ref := c.ref(it)
		for _, also := range cn.Also {
			ref += "及" + c.ref(also)
		}
		if s.Early {
			early++
			s.Label = s.CountLabel()
		}
		part.Items = append(part.Items, Concern{ID: it.ID, Ref: ref, Name: it.Name, Target: target, Status: s, Notes: c.notes[it.ID]})
	}
	switch {
	case len(part.Items) == 0:
		part.Lines = append(part.Lines, "截至"+c.o.AsOf.Name()+"，没有滞后、未完成或超出控制目标的项目。")
	case early > 0:
		part.Lines = append(part.Lines, fmt.Sprintf("以下%d项滞后、未完成或超出控制目标（其中%d项尚无%s数据，按此前数据判断），按计划文本顺序排列。",
			len(part.Items), early, c.o.AsOf.Label()))
	default:
		part.Lines = append(part.Lines, fmt.Sprintf("以下%d项滞后、未完成或超出控制目标，按计划文本顺序排列。", len(part.Items)))
	}
	return part
}

// ref says where an item stands in the brief's tables, for readers who
// do not know the item IDs.
func (c builder) ref(it domain.Item) string {
	switch it.Kind {
	case domain.KindIndicator:
		return fmt.Sprintf("表1第%d项", it.IndicatorNo)
	case domain.KindParcel:
		return fmt.Sprintf("表3第%d项", it.Parcel.Seq)
	}
	sec, _ := c.p.Section(it.Section)
	head, _, _ := strings.Cut(sec.Title, "，")
	return "表2 " + head
}

func (c builder) work() Part {
	t := &Table{Caption: "表2　重点工作推进情况（" + c.asOfShort() + "）",
		Columns: []Column{{"任务", 3.3}, {"目标", 2.1}, {"进展", 2.0}, {"状态", 2.2}, {"说明", 4.5}}}
	for _, sec := range c.p.Sections {
		if sec.Part != "body" {
			continue
		}
		g := Group{Title: sec.Title}
		var empty []string
		for _, it := range c.p.Items {
			if it.Section != sec.ID || (it.Kind != domain.KindCommitment && it.Kind != domain.KindMilestone) {
				continue
			}
			target := domain.TargetWords(it)
			if !it.Deadline.IsZero() {
				target = domain.DeadlineName(it.Deadline) + target
			}
			s := c.statuses[it.ID]
			if s.Code == domain.NoData && !c.o.AllRows {
				// A table of empty rows helps no committee: the items
				// without figures are named together under their section.
				empty = append(empty, it.Name)
				continue
			}
			remark := c.remark(it)
			if it.SameAs != "" {
				ind, _ := c.p.Item(it.SameAs)
				remark = fmt.Sprintf("同表1第%d项（%s）。", ind.IndicatorNo, ind.Name) + remark
			}
			g.Rows = append(g.Rows, Row{ID: it.ID, Status: s,
				Cells: []string{it.Name, target, c.actualText(it), s.Label, remark}})
		}
		g.Note = emptyNote(empty)
		t.Groups = append(t.Groups, g)
	}
	return Part{Heading: "重点工作推进情况", Table: t}
}

func (c builder) parcels() Part {
	t := &Table{Caption: "表3　国有土地上房屋征收计划执行情况（" + c.asOfShort() + "）",
		Columns: []Column{{"地块", 3.3}, {"面积（亩）", 1.4}, {"已完成征收", 1.8}, {"状态", 2.2}, {"实施主体及说明", 4.3}}}
	g := Group{}
	var total, done float64
	recorded, older := 0, 0
	for _, it := range c.p.Items {
		if it.Kind != domain.KindParcel {
			continue
		}
		s := c.statuses[it.ID]
		total += it.Parcel.AreaMu
		if a, ok := c.r.Latest(it, c.o.AsOf); ok {
			done += a.Value
			recorded++
			if a.Period != c.o.AsOf {
				older++
			}
		}
		g.Rows = append(g.Rows, Row{ID: it.ID, Status: s,
			Cells: []string{fmt.Sprintf("%d.%s", it.Parcel.Seq, it.Name), fmt.Sprintf("%.2f", it.Parcel.AreaMu),
				c.actualText(it), s.Label, strings.Join(it.Parcel.Implementers, "、") + "；" + c.remark(it)}})
	}
	t.Groups = []Group{g}
	part := Part{Heading: "房屋征收计划", Table: t}
	line := fmt.Sprintf("市级国有土地上房屋征收计划共%d个地块，面积合计%.2f亩；", len(g.Rows), total)
	// Without figures, 已完成征收0.00亩 would read as nothing acquired.
	if recorded == 0 {
		line += fmt.Sprintf("截至%s各地块征收进度暂无数据。", c.o.AsOf.Label())
	} else {
		line += fmt.Sprintf("截至%s已完成征收%.2f亩，占%.1f%%", c.o.AsOf.Label(), done, done/total*100)
		var qual []string
		if older > 0 {
			qual = append(qual, fmt.Sprintf("其中%d个地块按此前期间数据计", older))
		}
		if n := len(g.Rows) - recorded; n > 0 {
			qual = append(qual, fmt.Sprintf("%d个地块暂无数据", n))
		}
		if len(qual) > 0 {
			line += "（" + strings.Join(qual, "，") + "）"
		}
		line += "。"
	}
	part.Lines = append(part.Lines, line)
	return part
}

// PeriodGap is how many of the numbered indicators have no figure of a
// period: the warning given before a brief of that period is written.
type PeriodGap struct {
	Period  domain.Period
	Total   int           // numbered indicators
	Missing int           // of them, without a figure of Period
	Newest  domain.Period // the newest period with any figure, zero if none
}

// Most reports whether most indicators lack a figure of the period: a
// brief of it would say little, and the user is told before it is written.
func (g PeriodGap) Most() bool { return g.Missing*2 > g.Total }

// Behind reports whether the newest figures are of an earlier period.
func (g PeriodGap) Behind() bool { return !g.Newest.IsZero() && g.Newest.Before(g.Period) }

// Text is the warning: 所选期间1-12月，20项主要指标中19项尚无该期数据（最新数据为1-9月）。
func (g PeriodGap) Text() string {
	w := fmt.Sprintf("所选期间%s，%d项主要指标中%d项尚无该期数据", g.Period.Label(), g.Total, g.Missing)
	if g.Behind() {
		w += fmt.Sprintf("（最新数据为%s）", g.Newest.Label())
	}
	return w + "。"
}

// PeriodGapOf counts the numbered indicators none of whose rows has a
// figure of exactly asOf (an earlier figure is no figure of asOf).
func PeriodGapOf(r *domain.Review, asOf domain.Period) PeriodGap {
	has := map[int]bool{}
	for _, it := range r.Plan.Items {
		if it.Kind != domain.KindIndicator {
			continue
		}
		a, ok := r.Latest(it, asOf)
		has[it.IndicatorNo] = has[it.IndicatorNo] || (ok && a.Period == asOf)
	}
	g := PeriodGap{Period: asOf, Total: len(has)}
	for _, ok := range has {
		if !ok {
			g.Missing++
		}
	}
	g.Newest, _ = r.Newest()
	return g
}
