package plandraft

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/tablehead"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/sheet"
)

// table drafts a table block by what its header says it holds:
//   - 地块名称 / 四至范围 / 土地面积: a 房屋征收计划表, a parcel a row;
//   - 任务 without 目标: a 重点工作 table whose task cell is a sentence
//     holding the target, read as prose, with the row's 责任单位;
//   - 指标名称 with 目标: indicators through plantable's rules, with the
//     result of an execution report (实际完成, 全年实绩) as Reported.
//
// A table with no header recognised yields nothing.
func (d *drafter) table(b docread.Block) {
	t := b.Table
	if t.HeaderRows == 0 || t.HeaderRows >= len(t.Rows) {
		return
	}
	d.tables++
	t = d.baseYearColumns(t)
	cols := columns(t)
	switch {
	case cols.has(tablehead.ColParcel) || cols.has(tablehead.ColBounds) && cols.has(tablehead.ColArea):
		d.parcels(t, cols)
	case cols.has(tablehead.ColTask) && !cols.has(tablehead.ColTarget):
		d.tasks++
		d.taskRows(t, cols)
	case cols.has(tablehead.ColTask) && cols.has(tablehead.ColTarget) && !cols.has(tablehead.ColName):
		d.tasks++
		d.taskTargets(t, cols)
	case cols.has(tablehead.ColName) && cols.has(tablehead.ColTarget):
		if cols.has(tablehead.ColActual) {
			d.reports++
		}
		d.indicators(t, cols)
	}
}

// baseYearColumns: a result column whose header names a year before the
// one the targets are for (2018年完成 beside 2019年目标, or before the
// plan's year when no target header names one) is the base the targets
// grow from, not a result of this plan; it is read as a remark. The
// document's table is not changed: the copy is.
func (d *drafter) baseYearColumns(t *docread.Table) *docread.Table {
	header := func(i int) string {
		var h string
		for r := 0; r < t.HeaderRows && r < len(t.Rows); r++ {
			if i < len(t.Rows[r].Cells) {
				h += t.Rows[r].Cells[i]
			}
		}
		return h
	}
	yearOf := func(h string) int {
		if m := reYear.FindStringSubmatch(h); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
		return 0
	}
	var out *docread.Table
	copyOnce := func() {
		if out == nil {
			cp := *t
			cp.Columns = append([]tablehead.Column(nil), t.Columns...)
			out = &cp
		}
	}
	hasTarget := false
	for _, c := range t.Columns {
		hasTarget = hasTarget || c == tablehead.ColTarget
	}
	if !hasTarget && d.year != 0 {
		// 指标名称 | 单位 | 2024年 | 属性: a column headed by the plan's
		// year alone holds its targets.
		for i, c := range t.Columns {
			if m := reYearOnly.FindStringSubmatch(tablehead.Normalize(header(i))); c == tablehead.ColNone && m != nil {
				if n, _ := strconv.Atoi(m[1]); n == d.year {
					copyOnce()
					out.Columns[i] = tablehead.ColTarget
					t = out
					break
				}
			}
		}
	}
	target := d.year
	for i, c := range t.Columns {
		if c == tablehead.ColTarget {
			if y := yearOf(header(i)); y != 0 {
				target = y
				break
			}
		}
	}
	for i, c := range t.Columns {
		if c != tablehead.ColActual {
			continue
		}
		if y := yearOf(header(i)); y != 0 && target != 0 && y < target {
			copyOnce()
			out.Columns[i] = tablehead.ColNote
		}
	}
	if out == nil {
		return t
	}
	return out
}

// reYearOnly is a header naming a year and nothing else: 2024年, 2024年度.
var reYearOnly = regexp.MustCompile(`^(20[0-9]{2})年度?$`)

// colIndex is where each kind of column is (the first of each).
type colIndex map[tablehead.Column][]int

func columns(t *docread.Table) colIndex {
	c := colIndex{}
	for i, k := range t.Columns {
		c[k] = append(c[k], i)
	}
	return c
}

func (c colIndex) has(k tablehead.Column) bool { return len(c[k]) > 0 }

// cell is row r's cell of column kind k (the first such column).
func (c colIndex) cell(r docread.Row, k tablehead.Column) string {
	if !c.has(k) || c[k][0] >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[c[k][0]])
}

// growthColumn is a plan annex's 增长(%) column beside its 2022年计划 column
// (指标名称 | 单位 | 2021年预计 | 2022年计划 | 增长(%)): where a row fills it,
// the growth is the row's target and the planned figure only shows its
// size. -1 when the table has none, or when 增长 stands under a result
// heading (全年实绩 | 绝对值 | 增速 — a report's).
func growthColumn(t *docread.Table, cols colIndex) int {
	if t.HeaderRows != 1 || cols.has(tablehead.ColActual) || !cols.has(tablehead.ColTarget) {
		return -1
	}
	for _, i := range cols[tablehead.ColSub] {
		h := tablehead.Normalize(t.Rows[0].Cells[i])
		if strings.Contains(h, "增长") || strings.Contains(h, "增速") || strings.Contains(h, "增幅") {
			return i
		}
	}
	return -1
}

// reBareGrowth is a growth cell: a number with at most % and a suffix.
var reBareGrowth = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)[%％]?(左右|以上|以内|以下)?$`)

// reSeqName is a 序号 written into the name cell: 1.地区生产总值.
var reSeqName = regexp.MustCompile(`^([0-9]{1,3})\s*[.．、]\s*`)

// reNoteMark is a footnote mark after a name: 地区生产总值(注).
var reNoteMark = regexp.MustCompile(`\s*[（(]注[0-9]*[)）]$`)

// indicators reads an indicator table through plantable.FromTables,
// which knows the 指标名称/目标 layout (categories, # and 其中 rows, bare
// numbers by the header and the indicator's nature). The table is handed
// over with a 序号 column taken out of the names (1.地区生产总值), and a
// numbered row with no target whose next rows are unnumbered — a group
// such as 14.家庭可支配收入（按三口之家计算） — with those rows marked as
// its sub-rows.
func (d *drafter) indicators(t *docread.Table, cols colIndex) {
	name := cols[tablehead.ColName][0]
	header := append([]string{"序号"}, plantableHeader(t)...)
	rows := [][]string{header}
	orig := []int{-1}
	data := t.Rows[t.HeaderRows:]
	growth := growthColumn(t, cols)
	for i, r := range data {
		cells := append([]string{""}, r.Cells...)
		if growth >= 0 && growth < len(r.Cells) {
			// 2022年计划 193 | 增长(%) 7左右: the growth is the target.
			if m := reBareGrowth.FindStringSubmatch(strings.TrimSpace(r.Cells[growth])); m != nil {
				if tc := cols[tablehead.ColTarget][0]; tc+1 < len(cells) {
					cells[tc+1] = "增长" + m[1] + "%" + m[2]
				}
			}
		}
		if name+1 < len(cells) {
			seq := cols.cell(r, tablehead.ColSeq)
			switch {
			case strings.HasPrefix(seq, "#") || strings.HasPrefix(seq, "其中"):
				cells[name+1] = "#" + cells[name+1] // a sub-item marked in the 序号 column
			case seq != "":
				cells[0] = seq
			}
			if m := reSeqName.FindStringSubmatch(cells[name+1]); m != nil && len(r.Cells) > 1 {
				cells[0], cells[name+1] = m[1], cells[name+1][len(m[0]):]
			}
			cells[name+1] = reNoteMark.ReplaceAllString(cells[name+1], "")
			if cells[0] == "" && len(r.Cells) > 1 && groupAbove(data, i, cols) {
				cells[name+1] = "#" + cells[name+1]
			}
		}
		rows = append(rows, cells)
		orig = append(orig, t.HeaderRows+i)
	}
	dr, err := plantable.FromTables(d.doc.Name, []sheet.Table{{Name: t.Name, Rows: rows}})
	if err != nil {
		return
	}
	period := d.period(t, cols)
	for _, it := range dr.Items {
		if it.Line-1 <= 0 || it.Line-1 >= len(orig) {
			continue
		}
		r := t.Rows[orig[it.Line-1]]
		it.Sheet, it.Line = d.doc.Name, d.line(r.Start)
		it.Source, it.Start, it.End = d.text[r.Start:r.End], r.Start, r.End
		if it.NeedsReview {
			// plantable names its own sheet's row and column; the reviewer
			// needs the document's line.
			it.Reason = reSheetRef.ReplaceAllString(it.Reason, fmt.Sprintf("第%d行“$1”列", it.Line))
		}
		bareCompleted(&it)
		if it.Target != nil && it.Target.Basis == domain.BasisQualitative && !it.NeedsReview {
			// A drafted plan proposes; a target with no number (稳中提质)
			// is the reviewer's to confirm before it is judged.
			review(&it, fmt.Sprintf("第%d行“%s”", it.Line, it.Name), "定性目标“"+it.TargetText+"”，由审阅人判断，请确认")
		}
		it.Reported = d.reported(t, r, cols, it, period)
		d.add(it)
	}
}

// reSheetRef is how plantable names a cell in a reason: 第5行“预期目标”列（D列）.
var reSheetRef = regexp.MustCompile(`^第[0-9]+行“([^”]*)”列（[A-Z]+列）`)

// bareCompleted: a target cell that is a bare number (3.5%, 7左右) was
// completed by plantable from the indicator's name (a flow grows, a ratio
// is a level). The reading is proposed, not decided: the item waits for
// the reviewer. A name that is itself a rate of change (居民消费价格涨幅)
// reads its percentage as the level of that rate.
func bareCompleted(it *item) {
	text := strings.ReplaceAll(domain.StripHedge(it.TargetText), " ", "")
	if it.Target == nil || it.NeedsReview || text == "" || !reBareCell.MatchString(text) {
		return
	}
	if rateName(it.Name) {
		if t, err := domain.ParseTarget(text); err == nil {
			it.Target, it.Read, it.Unit = &t, text, t.Unit
		}
	}
	review(it, fmt.Sprintf("第%d行“%s”", it.Line, it.Name),
		fmt.Sprintf("目标只有数值“%s”，按指标名称读作“%s”，请确认", it.TargetText, it.Read))
}

// reBareCell is a target cell that is a number alone: 3.5%, 7左右, 95%以上.
var reBareCell = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?%?(?:左右|及以上|以上|以内|及以下|以下)?$`)

// rateWords end the names of indicators that are themselves a rate of
// change: their bare percentage is that rate (the level of 涨幅), not a
// growth of it.
var rateWords = []string{"涨幅", "增幅", "增速", "增长率", "幅度"}

func rateName(name string) bool { return suffixOf(name, rateWords) != "" }

// groupAbove reports that the nearest numbered row above data[i] (with
// only unnumbered rows between) has no target: a group whose sub-rows
// these are.
func groupAbove(data []docread.Row, i int, cols colIndex) bool {
	for j := i - 1; j >= 0; j-- {
		r := data[j]
		if len(r.Cells) <= 1 {
			return false // a category row
		}
		if _, n := atoi(cols.cell(r, tablehead.ColSeq)); n || reSeqName.MatchString(cols.cell(r, tablehead.ColName)) {
			return cols.cell(r, tablehead.ColTarget) == ""
		}
	}
	return false
}

// reBoundary reads 四至范围: 东至…、南至…、西至…、北至….
var reBoundary = regexp.MustCompile(`([东南西北])至([^、，,；;]+)`)

// parcels reads a 房屋征收计划表: a parcel a numbered row, its area the
// target in 亩; the 总计 row yields nothing.
func (d *drafter) parcels(t *docread.Table, cols colIndex) {
	for _, r := range t.Rows[t.HeaderRows:] {
		seq := cols.cell(r, tablehead.ColSeq)
		n, ok := atoi(seq)
		name := cols.cell(r, tablehead.ColParcel)
		if !ok || name == "" {
			continue
		}
		it := item{Sheet: d.doc.Name, Line: d.line(r.Start), Kind: domain.KindParcel, Seq: seq,
			Name: name, Section: t.Name, Source: d.text[r.Start:r.End], Start: r.Start, End: r.End}
		p := &domain.Parcel{Seq: n, InterestType: cols.cell(r, tablehead.ColPurpose),
			Implementers: splitOwners(cols.cell(r, tablehead.ColAgent))}
		for _, m := range reBoundary.FindAllStringSubmatch(cols.cell(r, tablehead.ColBounds), -1) {
			switch m[1] {
			case "东":
				p.Boundaries.East = m[2]
			case "南":
				p.Boundaries.South = m[2]
			case "西":
				p.Boundaries.West = m[2]
			case "北":
				p.Boundaries.North = m[2]
			}
		}
		it.Parcel = p
		area := cols.cell(r, tablehead.ColArea)
		it.TargetText = area + "亩"
		if tg, err := domain.ParseTarget(it.TargetText); err == nil && tg.Basis == domain.BasisLevel {
			it.Target, it.Read, it.Unit, p.AreaMu = &tg, it.TargetText, tg.Unit, tg.Value
		} else {
			review(&it, d.where(Span{r.Start, r.End}), "土地面积“"+area+"”不是亩数")
		}
		d.add(it)
	}
}

// taskRows reads a 重点工作 table: the task cell is prose (地区生产总值增长6%
// 左右。), drafted as the body is, each item with the row's 责任单位 and
// 完成时限.
func (d *drafter) taskRows(t *docread.Table, cols colIndex) {
	for _, r := range t.Rows[t.HeaderRows:] {
		task := cols.cell(r, tablehead.ColTask)
		if task == "" {
			continue
		}
		if c := cols.cell(r, tablehead.ColCategory); c != "" {
			d.section = c
		}
		span := Span{r.Start, r.End}
		if i := strings.Index(d.text[r.Start:r.End], task); i >= 0 {
			span = Span{r.Start + i, r.Start + i + len(task)}
		}
		from := len(d.items)
		for _, s := range Sentences(d.text[span.Start:span.End]) {
			d.sentence(Span{span.Start + s.Start, span.Start + s.End})
		}
		owners := rowOwners(r, cols)
		deadline := cols.cell(r, tablehead.ColDeadline)
		for i := from; i < len(d.items); i++ {
			d.items[i].Owners = owners
			d.items[i].Seq = cols.cell(r, tablehead.ColSeq)
			if deadline != "" && d.items[i].Deadline == "" {
				d.items[i].Deadline = deadline
			}
		}
	}
}

// rowOwners are the units of every owner column of a row, in the
// columns' order — 牵头单位 | 责任单位: the lead first, then the units that
// share the work — each once.
func rowOwners(r docread.Row, cols colIndex) []string {
	var out []string
	seen := map[string]bool{}
	for _, i := range cols[tablehead.ColOwner] {
		if i >= len(r.Cells) {
			continue
		}
		for _, o := range splitOwners(r.Cells[i]) {
			if !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	return out
}

func splitOwners(s string) []string { return domain.SplitUnitNames(s) }

func atoi(s string) (int, bool) {
	n := 0
	if s == "" || len(s) > 4 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// plantableHeader is the table's first header row as plantable reads it:
// each cell headed by its column's word in the one vocabulary
// (model/tablehead), so plantable reads the columns docread found — a
// column docread re-read (a base year's 2018年完成 as a remark, a bare
// 2024年 as the target) or named in a second header row included. A
// target header plantable reads as a target is kept as written, since
// plantable reads 增长 and a unit in it.
func plantableHeader(t *docread.Table) []string {
	h := append([]string(nil), t.Rows[0].Cells...)
	for i := range h {
		if i >= len(t.Columns) {
			break
		}
		if c := t.Columns[i]; c != tablehead.ColTarget || tablehead.ColumnOf(h[i]) != tablehead.ColTarget {
			h[i] = c.Heading()
		}
	}
	return h
}

// taskTargets reads a task table with a 目标 column (任务 | 目标 | 责任单位 |
// 完成时限) through plantable's 重点工作 rules: a target the grammar reads
// makes a commitment, one with no number a milestone, anything else waits
// for the reviewer.
func (d *drafter) taskTargets(t *docread.Table, cols colIndex) {
	rows := [][]string{plantableHeader(t)}
	rows = append(rows, t.Sheet().Rows[t.HeaderRows:]...)
	dr, err := plantable.FromTables(d.doc.Name, []sheet.Table{{Name: t.Name, Rows: rows}})
	if err != nil {
		return
	}
	for _, it := range dr.Items {
		r := it.Line - 2 + t.HeaderRows
		if it.Line < 2 || r >= len(t.Rows) {
			continue
		}
		row := t.Rows[r]
		it.Sheet, it.Line = d.doc.Name, d.line(row.Start)
		it.Source, it.Start, it.End = d.text[row.Start:row.End], row.Start, row.End
		if it.NeedsReview {
			it.Reason = reSheetRef.ReplaceAllString(it.Reason, fmt.Sprintf("第%d行“$1”列", it.Line))
		}
		if tg, err := domain.ParseTarget(domain.StripHedge(it.TargetText)); it.Kind == domain.KindMilestone && err == nil && tg.Basis == domain.BasisQualitative {
			// 稳中提质 has no number but is a target, not an outcome.
			it.Kind, it.Target, it.Read = domain.KindCommitment, &tg, domain.StripHedge(it.TargetText)
		}
		if it.Target != nil && it.Target.Basis == domain.BasisQualitative && !it.NeedsReview {
			review(&it, fmt.Sprintf("第%d行“%s”", it.Line, it.Name), "定性目标“"+it.TargetText+"”，由审阅人判断，请确认")
		}
		d.add(it)
	}
}
