package docread

import (
	"strings"
	"unicode/utf8"

	"cn.planreview/planreview/model/tablehead"
)

// Tables rebuilt from lines of text come in three shapes:
//
//   - separated: one row per line, cells between | (or ｜) or tabs, as a
//     web page or a Markdown copy gives them;
//   - tab-led: a Word table flattened one cell per line, each cell's first
//     line beginning with a tab, a cell's further lines not, rows ended by
//     a blank line (the notice's 附件1 and 附件2);
//   - bare: one cell per line with nothing to mark rows (a web page's
//     table copied as text, the execution report's 表1), where the header's
//     cell count gives the column count and blank lines stand for blank
//     cells.
//
// Each starts at a header found by its names (vocabulary.go).

// textTable is a table found in the lines: the table and the index of the
// first line after it.
type textTable struct {
	table Table
	first int // index of the header's first line
	next  int
}

// tableAt tries each shape at line i.
func tableAt(ls []line, i int) (textTable, bool) {
	l := ls[i]
	if l.blank() {
		return textTable{}, false
	}
	if cells, ok := separatedCells(l); ok && isHeaderRow(texts(cells)) {
		return separatedTable(ls, i, cells), true
	}
	if l.tabLed() {
		if t, ok := tabLedTable(ls, i); ok {
			return t, true
		}
		return textTable{}, false
	}
	if tablehead.ColumnOf(l.text()) != tablehead.ColNone {
		return bareTable(ls, i)
	}
	return textTable{}, false
}

func texts(cs []cell) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.text
	}
	return out
}

// separatedCells splits a line at | ｜ or inner tabs; ok when it has two
// cells or more. Leading and trailing pipes are a border, not cells.
func separatedCells(l line) ([]cell, bool) {
	s := l.text()
	seps := "|｜"
	if !strings.ContainsAny(s, seps) {
		if !strings.Contains(s, "\t") {
			return nil, false
		}
		seps = "\t"
	}
	var out []cell
	pos := l.cs
	for {
		j := strings.IndexAny(s, seps)
		part := s
		if j >= 0 {
			part = s[:j]
		}
		out = append(out, trimCell(part, pos))
		if j < 0 {
			break
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		pos += j + w
		s = s[j+w:]
	}
	if seps != "\t" {
		if len(out) > 0 && out[0].text == "" {
			out = out[1:]
		}
		if len(out) > 0 && out[len(out)-1].text == "" {
			out = out[:len(out)-1]
		}
	}
	return out, len(out) >= 2
}

// trimCell is part (at byte offset pos of the text) without its spaces.
func trimCell(part string, pos int) cell {
	lead := len(part) - len(strings.TrimLeft(part, " \t\u3000\u00a0"))
	t := strings.TrimRight(part[lead:], " \t\u3000\u00a0")
	if t == "" {
		return cell{start: pos + lead, end: pos + lead}
	}
	return cell{text: t, start: pos + lead, end: pos + lead + len(t)}
}

// ruleLine is a Markdown table's |---|:---:| line.
func ruleLine(cs []cell) bool {
	for _, c := range cs {
		if strings.Trim(c.text, "-:= ") != "" || c.text == "" {
			return false
		}
	}
	return true
}

func separatedTable(ls []line, i int, header []cell) textTable {
	b := newBuilder(header)
	j := i + 1
	// A second header row of sub-columns: | | 绝对值 | 增速 |.
	if j < len(ls) {
		if cs, ok := separatedCells(ls[j]); ok && subRow(texts(cs)) {
			b.subHeader(cs)
			j++
		}
	}
	for j < len(ls) {
		l := ls[j]
		if l.blank() {
			k := nextNonBlank(ls, j)
			if k < 0 {
				break
			}
			if _, ok := tableLineCells(ls[k]); !ok {
				break
			}
			j = k
			continue
		}
		cs, ok := tableLineCells(l)
		if !ok {
			break
		}
		j++
		if ruleLine(cs) {
			continue
		}
		b.row(cs, true)
	}
	return b.done(i, j)
}

// tableLineCells are the cells of a line inside a separated table: a line
// of two cells or more, or a line between borders with one cell — a
// category row (| 一、经济发展 |) continues the table rather than end it,
// so the rows under it stay rows.
func tableLineCells(l line) ([]cell, bool) {
	if cs, ok := separatedCells(l); ok {
		return cs, true
	}
	s := strings.TrimSpace(l.text())
	for _, b := range []string{"|", "｜"} {
		if len(s) > 2*len(b) && strings.HasPrefix(s, b) && strings.HasSuffix(s, b) {
			cs, _ := separatedCells(l)
			if len(cs) == 1 && cs[0].text != "" {
				return cs, true
			}
		}
	}
	return nil, false
}

func nextNonBlank(ls []line, j int) int {
	for ; j < len(ls); j++ {
		if !ls[j].blank() {
			return j
		}
	}
	return -1
}

// subRow is a second header row: its named cells are all sub-columns.
func subRow(cells []string) bool {
	n := 0
	for _, c := range cells {
		if c == "" {
			continue
		}
		if tablehead.ColumnOf(c) != tablehead.ColSub {
			return false
		}
		n++
	}
	return n > 0
}

// maxColumns is the widest header looked for: plan tables have up to a
// dozen columns; an execution report's with sub-columns, twenty.
const maxColumns = 40

// tabLedTable reads a Word table flattened one cell per line.
func tabLedTable(ls []line, i int) (textTable, bool) {
	// A header begins with a column's name (指标名称, 序号) and is not
	// wider than maxColumns: checked before the row is read, so that a
	// long run of tab-led lines that is no table costs one look per line,
	// not a read to its end.
	if tablehead.ColumnOf(ls[i].text()) == tablehead.ColNone {
		return textTable{}, false
	}
	header, j, _ := tabLedRow(ls, i, true, maxColumns+1)
	if len(header) > maxColumns || !isHeaderRow(texts(header)) {
		return textTable{}, false
	}
	b := newBuilder(header)
	if j < len(ls) && ls[j].tabLed() {
		if cs, k, _ := tabLedRow(ls, j, true, maxColumns+1); subRow(texts(cs)) {
			b.subHeader(cs)
			j = k
		}
	}
	end := j
	for j < len(ls) {
		cs, k, stop := tabLedRow(ls, j, b.sentences, 0)
		if len(cs) > 0 {
			b.row(cs, false)
			end = k
		}
		if stop || k == j {
			break
		}
		j = k
	}
	return b.done(i, end), true
}

// tabLedRow reads one row from line j: tab-led lines start cells, other
// lines continue the cell above when a tab-led line follows them, and a
// blank line followed by a tab-led line ends the row. stop is set when the
// row met a line that ends the table; next is then where the table ends.
// With limit > 0 it stops once it has that many cells.
func tabLedRow(ls []line, j int, sentences bool, limit int) (cells []cell, next int, stop bool) {
	blankSeen := false
	for ; j < len(ls); j++ {
		if limit > 0 && len(cells) >= limit {
			return cells, j, true
		}
		l := ls[j]
		switch {
		case l.tabLed() && l.blank() && len(cells) > 0 && blankSeen:
			return cells, j, false
		case l.tabLed() && l.blank() && (len(cells) > 0 || j+1 < len(ls) && ls[j+1].tabLed()):
			// A lone tab is a blank cell (a merged one, flattened).
			cells = append(cells, cell{start: l.cs, end: l.cs})
		case l.blank():
			blankSeen = true
			continue
		case l.tabLed():
			if endsTable(l.text(), sentences) {
				return cells, j, true
			}
			if blankSeen && len(cells) > 0 {
				return cells, j, false
			}
			cells = append(cells, cell{text: l.text(), start: l.cs, end: l.ce})
		default:
			k := nextNonBlank(ls, j+1)
			if len(cells) == 0 || endsTable(l.text(), sentences) || k < 0 || !ls[k].tabLed() {
				return cells, j, true
			}
			c := &cells[len(cells)-1]
			if c.text == "" {
				c.start = l.cs
			}
			c.text = joinCell(c.text, l.text())
			c.end = l.ce
		}
		blankSeen = false
	}
	return cells, j, true
}

// bareTable reads a table printed one cell per line without marks: the
// header is the run of lines that are all column names; after it, each
// line is a cell, filled into rows of the header's width, and each blank
// line beyond the header's own spacing is a blank cell.
func bareTable(ls []line, i int) (textTable, bool) {
	var header []cell
	var gaps []int
	j, gap := i, 0
	for ; j < len(ls); j++ {
		l := ls[j]
		if l.blank() {
			gap++
			continue
		}
		if tablehead.ColumnOf(l.text()) == tablehead.ColNone {
			break
		}
		if len(header) > 0 {
			gaps = append(gaps, gap)
		}
		header = append(header, cell{text: l.text(), start: l.cs, end: l.ce})
		gap = 0
	}
	if !isHeaderRow(texts(header)) {
		return textTable{}, false
	}
	spacing := 0
	for k, g := range gaps {
		if k == 0 || g < spacing {
			spacing = g
		}
	}
	// Sub-column names after the header's own: 全年实绩 over 绝对值 | 增速.
	first, subs := header, []cell(nil)
	for k, c := range header {
		if tablehead.ColumnOf(c.text) == tablehead.ColSub && k >= 2 {
			first, subs = header[:k], header[k:]
			break
		}
	}
	b := newBuilder(first)
	if len(subs) > 0 {
		b.subHeader(subs)
	}
	n := len(b.cols)
	var cur []cell
	flush := func() {
		if len(cur) > 0 {
			b.row(cur, true)
			cur = nil
		}
	}
	end := j
	gap = 0
	for ; j < len(ls); j++ {
		l := ls[j]
		if l.blank() {
			gap++
			continue
		}
		s := l.text()
		if endsTable(s, b.sentences) || gap-spacing > n {
			break
		}
		if len(cur) > 0 {
			for e := gap - spacing; e > 0; e-- {
				cur = append(cur, cell{start: l.start, end: l.start})
				if len(cur) == n {
					flush()
					break
				}
			}
		}
		gap = 0
		switch {
		case len(cur) == 0 && (isCategory(s) || isCategoryWord(s) && nextIsRowStart(ls, j)):
			b.row([]cell{{text: s, start: l.cs, end: l.ce}}, false)
		default:
			if len(cur) > 0 && rowStart.MatchString(s) {
				flush()
			}
			cur = append(cur, cell{text: s, start: l.cs, end: l.ce})
			if len(cur) == n {
				flush()
			}
		}
		end = j + 1
	}
	flush()
	return b.done(i, end), true
}

func nextIsRowStart(ls []line, j int) bool {
	k := nextNonBlank(ls, j+1)
	return k >= 0 && rowStart.MatchString(ls[k].text())
}
