package sheet

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// The columns an import understands, by their Chinese headers.
type column int

const (
	colID column = iota
	colName
	colPeriod
	colValue
	colSource
	colDate
	colNote
	colBy
	numColumns
)

var headers = map[string]column{
	"指标编号": colID, "编号": colID, "项目编号": colID,
	"指标名称": colName, "名称": colName, "项目名称": colName, "任务名称": colName,
	"期间": colPeriod, "统计期间": colPeriod, "时间": colPeriod,
	"实际值": colValue, "实际完成值": colValue, "完成值": colValue,
	"来源": colSource, "数据来源": colSource,
	"来源日期": colDate, "发布日期": colDate,
	"备注": colNote, "说明": colNote,
	"填报人": colBy,
}

var columnNames = [numColumns]string{"指标编号", "指标名称", "期间", "实际值", "来源", "来源日期", "备注", "填报人"}

// Change says what a row would do.
type Change string

// Changes.
const (
	New      Change = "new"     // no figure recorded for that item and period
	Same     Change = "same"    // the same figure is recorded: nothing to do
	Corrects Change = "changed" // replaces a different recorded figure
)

// Row is one data row of the file, as understood.
type Row struct {
	Line     int // the sheet's row number, 1-based
	ItemID   string
	ItemName string
	Text     string // the value as typed
	// The item and period as typed, for a row whose item or period
	// could not be read: the preview shows what the user wrote.
	TypedID, TypedName, TypedPeriod string
	Actual                          domain.Actual
	Note                            string
	Change                          Change
	Old                             string // the recorded figure a correction replaces, in words
	Shown                           string // the figure as understood, in words: 增长5.8%
	Status                          domain.Status
	Problems                        []string
}

// Preview is what an import would do, shown before anything is written.
type Preview struct {
	File      string
	Sheet     string
	HeaderRow int
	Rows      []Row
}

// Problems lists every row's problems.
func (p Preview) Problems() []string {
	var out []string
	for _, r := range p.Rows {
		out = append(out, r.Problems...)
	}
	return out
}

// Writes lists the rows that would change the database: new figures and
// corrections (and notes).
func (p Preview) Writes() []Row {
	var out []Row
	for _, r := range p.Rows {
		if len(r.Problems) == 0 && (r.Change != Same || r.Note != "") {
			out = append(out, r)
		}
	}
	return out
}

// Imports is what Writes asks the store to write: each row's figure when
// it changes, and its note with the row's period.
func (p Preview) Imports() []store.Import {
	var rows []store.Import
	for _, w := range p.Writes() {
		imp := store.Import{NoteOn: w.ItemID, Note: w.Note, NotePeriod: w.Actual.Period}
		if w.Text != "" && w.Change != Same {
			a := w.Actual
			imp.Actual = &a
		}
		rows = append(rows, imp)
	}
	return rows
}

// Count counts rows by change.
func (p Preview) Count(c Change) int {
	n := 0
	for _, r := range p.Rows {
		if r.Change == c && len(r.Problems) == 0 {
			n++
		}
	}
	return n
}

func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func norm(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFF01 - 0x21
		case r == 0x3000 || r == '\u00a0':
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// findHeader finds the header row in the first ten rows of a table.
func findHeader(t Table) (row int, cols [numColumns]int, ok bool) {
	for i := 0; i < len(t.Rows) && i < 10; i++ {
		for c := range cols {
			cols[c] = -1
		}
		for j, cell := range t.Rows[i] {
			if c, known := headers[strings.ReplaceAll(norm(cell), " ", "")]; known && cols[c] < 0 {
				cols[c] = j
			}
		}
		if (cols[colID] >= 0 || cols[colName] >= 0) && cols[colPeriod] >= 0 && cols[colValue] >= 0 {
			return i, cols, true
		}
	}
	return 0, cols, false
}

// Plan reads the tables of a file into a preview against the review:
// which item each row means, the value as understood, what it would change
// and the status it would give, and every row's problems. locked reports
// periods whose figures may not change. A file-level problem (no header,
// merged cells in the data, nothing to read) is an error.
func Plan(r *domain.Review, tables []Table, file string, locked func(domain.Period) bool) (Preview, error) {
	empty := true
	for _, t := range tables {
		for _, row := range t.Rows {
			for _, c := range row {
				if norm(c) != "" {
					empty = false
				}
			}
		}
	}
	if empty {
		return Preview{}, fmt.Errorf("“%s”中没有任何内容（工作表是空的）", file)
	}
	for _, t := range tables {
		hr, cols, ok := findHeader(t)
		if !ok {
			continue
		}
		for _, m := range t.Merged {
			// A merged title above the header is fine; merged cells in the
			// data would hide which row a figure belongs to.
			if mergedEndRow(m) > hr+1 {
				return Preview{}, fmt.Errorf("工作表“%s”的单元格%s是合并单元格：请取消合并、每行填写完整后再导入", t.Name, m)
			}
		}
		p := Preview{File: file, Sheet: t.Name, HeaderRow: hr + 1}
		p.Rows = planRows(r, t, hr, cols, locked)
		return p, nil
	}
	return Preview{}, &HeaderError{File: file}
}

// HeaderError is a file with no header row in its first 10 rows. It does
// not say how to get a template: the command line and the window each add
// their own way.
type HeaderError struct{ File string }

func (e *HeaderError) Error() string {
	return fmt.Sprintf("“%s”的前10行中找不到表头：需要“指标编号”或“指标名称”、“期间”、“实际值”三列", e.File)
}

// mergedEndRow reads the last row number of a range like "B3:B4".
func mergedEndRow(rng string) int {
	_, end, _ := strings.Cut(rng, ":")
	start := end
	i := strings.IndexAny(start, "0123456789")
	if i < 0 {
		return 0
	}
	var n int
	fmt.Sscanf(start[i:], "%d", &n)
	return n
}

func planRows(r *domain.Review, t Table, hr int, cols [numColumns]int, locked func(domain.Period) bool) []Row {
	rr := rowReader{r: r, plan: r.Plan, cols: cols, locked: locked, seen: map[string]int{}}
	var rows []Row
	var extra []domain.Actual
	for i := hr + 1; i < len(t.Rows); i++ {
		raw := t.Rows[i]
		if rr.cell(raw, colID) == "" && rr.cell(raw, colName) == "" && rr.cell(raw, colValue) == "" && rr.cell(raw, colPeriod) == "" {
			continue // a blank row
		}
		if rr.cell(raw, colValue) == "" && rr.cell(raw, colNote) == "" {
			continue // a template row nobody filled in
		}
		row, changes := rr.read(raw, i+1)
		if changes {
			extra = append(extra, row.Actual)
		}
		rows = append(rows, row)
	}
	// The status each row would give, with every figure of the file in.
	after := r.With(extra)
	for i := range rows {
		if it, ok := r.Plan.Item(rows[i].ItemID); ok && len(rows[i].Problems) == 0 {
			rows[i].Status = after.Status(it, rows[i].Actual.Period)
			if rows[i].Text != "" {
				rows[i].Shown = r.FigureOf(it, rows[i].Actual)
			}
		}
	}
	return rows
}

// rowReader reads the rows of one table against the plan: which item,
// which period, which figure, and what it changes.
type rowReader struct {
	r      *domain.Review
	plan   *domain.Plan
	cols   [numColumns]int
	locked func(domain.Period) bool
	seen   map[string]int // item|period → the line that gave it first
}

func (rr *rowReader) cell(row []string, c column) string {
	if rr.cols[c] < 0 || rr.cols[c] >= len(row) {
		return ""
	}
	return norm(row[rr.cols[c]])
}

// text is a cell of free prose (备注, 来源, 填报人) as its writer typed it,
// only trimmed: full-width punctuation is how Chinese is written, and
// folding it to ASCII (as cell does for IDs, periods and figures) would
// store "总体平稳,稳中有进" for "总体平稳，稳中有进".
func (rr *rowReader) text(row []string, c column) string {
	if rr.cols[c] < 0 || rr.cols[c] >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[rr.cols[c]])
}

// bad adds a problem with a cell of row.
func (rr *rowReader) bad(row *Row, c column, format string, a ...any) {
	where := fmt.Sprintf("第%d行“%s”列（%s列）", row.Line, columnNames[c], colLetter(rr.cols[c]))
	row.Problems = append(row.Problems, where+"："+fmt.Sprintf(format, a...))
}

// read reads one filled-in row at line; changes says whether its figure
// is new or corrects one.
func (rr *rowReader) read(raw []string, line int) (Row, bool) {
	row := Row{Line: line, Text: rr.cell(raw, colValue), Note: rr.text(raw, colNote),
		TypedID: rr.cell(raw, colID), TypedName: rr.cell(raw, colName), TypedPeriod: rr.cell(raw, colPeriod)}
	it, found := rr.item(raw, &row)
	p, perr := parsePeriodCell(rr.cell(raw, colPeriod), rr.plan.Year)
	if perr != nil {
		rr.bad(&row, colPeriod, "%v", perr)
	}
	row.Actual = domain.Actual{Period: p, Source: rr.text(raw, colSource), SourceDate: rr.cell(raw, colDate), By: rr.text(raw, colBy)}
	if !found {
		row.Change = New
		return row, false
	}
	rr.figure(&row, it, perr == nil)
	return row, rr.change(&row, it)
}

// item finds the row's item by its ID or, without one, by its name.
func (rr *rowReader) item(raw []string, row *Row) (domain.Item, bool) {
	if id := rr.cell(raw, colID); id != "" {
		x, err := rr.plan.Lookup(id)
		var none *domain.NoItemError
		switch {
		case errors.As(err, &none):
			rr.bad(row, colID, "没有编号为“%s”的项目（编号须与计划一致，可对照填报模板）", id)
		case err != nil:
			rr.bad(row, colID, "%v", err)
		default:
			if name := rr.cell(raw, colName); name != "" && name != norm(x.Name) && name != norm(x.DisplayName()) {
				rr.bad(row, colName, "名称“%s”与编号%s（%s）不符", name, x.ID, x.Name)
			}
			return x, true
		}
		return domain.Item{}, false
	}
	name := rr.cell(raw, colName)
	var matches []domain.Item
	for _, x := range rr.plan.Items {
		if norm(x.Name) == name || norm(x.DisplayName()) == name {
			matches = append(matches, x)
		}
	}
	switch {
	case len(matches) == 1:
		return matches[0], true
	case len(matches) > 1 && oneSeries(matches):
		// A body commitment repeating an indicator (same_as)
		// shares its figures: the name is not ambiguous.
		return rr.plan.Item(domain.TrackedID(matches[0]))
	case len(matches) > 1:
		var ids []string
		for _, m := range matches {
			ids = append(ids, m.ID)
		}
		rr.bad(row, colName, "名称“%s”有歧义，可能是%s：请填写“指标编号”", name, strings.Join(ids, "、"))
	default:
		rr.bad(row, colName, "找不到名称为“%s”的项目（名称须与计划一致，或填写“指标编号”）", name)
	}
	return domain.Item{}, false
}

// figure reads the row's value for it and checks it: the value itself,
// a locked period and a second row for the same item and period (these
// two only when the period could be read).
func (rr *rowReader) figure(row *Row, it domain.Item, periodOK bool) {
	row.ItemID, row.ItemName = it.ID, it.Name
	tracked, _ := rr.plan.Item(domain.TrackedID(it))
	row.Actual.ItemID = tracked.ID
	if row.Text != "" {
		if it.Kind == domain.KindMilestone {
			o, err := domain.ParseOutcome(row.Text)
			if err != nil {
				rr.bad(row, colValue, "%v", err)
			}
			row.Actual.Outcome = o
		} else {
			v, err := domain.ParseActual(row.Text, tracked.Target)
			if err != nil {
				rr.bad(row, colValue, "%v", err)
			}
			row.Actual.Value = v
		}
	}
	if len(row.Problems) == 0 && row.Text != "" {
		if err := domain.CheckActual(tracked, row.Actual, rr.plan.Year); err != nil {
			rr.bad(row, colValue, "%v", err)
		}
	}
	p := row.Actual.Period
	if periodOK && rr.locked != nil && rr.locked(p) {
		rr.bad(row, colPeriod, "%s已锁定（简报已报出），不能导入该期间的数据", p.Label())
	}
	key := tracked.ID + "|" + p.String()
	if first, dup := rr.seen[key]; dup && periodOK {
		rr.bad(row, colID, "与第%d行重复（同一项目、同一期间）", first)
	} else {
		rr.seen[key] = row.Line
	}
}

// change says what the row does to the item's figures and reports
// whether its figure is new or corrects one.
func (rr *rowReader) change(row *Row, it domain.Item) bool {
	row.Change = New
	if len(row.Problems) > 0 {
		return false
	}
	if row.Text == "" {
		row.Change = Same // a note only
	} else if old, ok := latestAt(rr.r, it, row.Actual.Period); ok {
		if domain.SameFigure(old, row.Actual) {
			row.Change = Same
		} else {
			row.Change = Corrects
			row.Old = rr.r.FigureOf(it, old)
		}
	}
	return row.Text != "" && row.Change != Same
}

// oneSeries reports whether the items all share one series of figures.
func oneSeries(items []domain.Item) bool {
	for _, x := range items[1:] {
		if domain.TrackedID(x) != domain.TrackedID(items[0]) {
			return false
		}
	}
	return true
}

// latestAt is the figure recorded for exactly that item and period.
func latestAt(r *domain.Review, it domain.Item, p domain.Period) (domain.Actual, bool) {
	for _, a := range r.Actuals(it) {
		if a.Period == p {
			return a, true
		}
	}
	return domain.Actual{}, false
}

// parsePeriodCell reads a period as typed, or as Excel shows a date it
// turned the typing into (2023/9/1, 2023-09-01, 9/1/23).
func parsePeriodCell(s string, year int) (domain.Period, error) {
	p, err := domain.ParsePeriod(s, year)
	if err == nil {
		return p, nil
	}
	for _, layout := range []string{"2006/1/2", "2006-01-02", "2006-1-2", "1/2/06", "01-02-06", "2006年1月2日", "2006/1", "Jan-06", "Jan-2006"} {
		if t, terr := time.Parse(layout, s); terr == nil {
			if t.Year() != year {
				return domain.Period{}, fmt.Errorf("期间“%s”不在计划年度%d年内", s, year)
			}
			return domain.Period{Year: year, Month: int(t.Month())}, nil
		}
	}
	return p, err
}
