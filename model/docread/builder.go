package docread

import "cn.planreview/planreview/model/tablehead"

// builder assembles a table rebuilt from text: header rows, then body rows
// with category rows as one cell, blank cells of fill-down columns
// repeated from the row above.
type builder struct {
	cols      []tablehead.Column
	header    []Row
	rows      []Row
	sentences bool // a column of sentences: long lines do not end the table
	lastData  int  // index in rows of the last full data row, or -1
}

func newBuilder(h []cell) *builder {
	b := &builder{lastData: -1}
	b.header = []Row{makeRow(h)}
	for _, c := range h {
		col := tablehead.ColumnOf(c.text)
		b.cols = append(b.cols, col)
		if col.LongText() {
			b.sentences = true
		}
	}
	return b
}

// makeRow is a row of cells; its span covers the cells with words.
func makeRow(cs []cell) Row {
	r := Row{Cells: make([]string, len(cs)), Start: -1}
	for i, c := range cs {
		r.Cells[i] = c.text
		if c.text == "" {
			continue
		}
		if r.Start < 0 || c.start < r.Start {
			r.Start = c.start
		}
		if c.end > r.End {
			r.End = c.end
		}
	}
	if r.Start < 0 {
		r.Start = 0
	}
	return r
}

// subHeader adds a second header row of sub-columns. Aligned with the
// first (a separated or tab-led row with its blanks) it is taken cell by
// cell; a bare list of sub-column names is shared out among the columns
// that group (全年实绩 → 绝对值 | 增速), each repeated over its subs.
func (b *builder) subHeader(subs []cell) {
	top := b.header[0]
	if len(subs) == len(top.Cells) {
		second := makeRow(subs)
		second.Merged = make([]bool, len(subs))
		top.Merged = make([]bool, len(subs))
		for k := range subs {
			switch {
			case subs[k].text == "":
				second.Cells[k] = top.Cells[k]
				second.Merged[k] = true
			case top.Cells[k] == "" && k > 0:
				top.Cells[k] = top.Cells[k-1]
				top.Merged[k] = true
				b.cols[k] = b.cols[k-1]
			}
		}
		b.header = []Row{top, second}
		return
	}
	var groups []int
	for k, c := range b.cols {
		if c == tablehead.ColActual {
			groups = append(groups, k)
		}
	}
	if len(groups) == 0 {
		for k, c := range b.cols {
			if c.Groups() {
				groups = append(groups, k)
			}
		}
	}
	if len(groups) == 0 {
		return
	}
	per := len(subs) / len(groups)
	if per == 0 || len(subs)%len(groups) != 0 {
		groups, per = groups[len(groups)-1:], len(subs)
	}
	inGroup := map[int]bool{}
	for _, g := range groups {
		inGroup[g] = true
	}
	var t, s Row
	var cols []tablehead.Column
	next := 0
	for k, name := range top.Cells {
		if !inGroup[k] {
			t.Cells = append(t.Cells, name)
			t.Merged = append(t.Merged, false)
			s.Cells = append(s.Cells, name)
			s.Merged = append(s.Merged, true)
			cols = append(cols, b.cols[k])
			continue
		}
		for p := range per {
			t.Cells = append(t.Cells, name)
			t.Merged = append(t.Merged, p > 0)
			s.Cells = append(s.Cells, subs[next].text)
			s.Merged = append(s.Merged, false)
			cols = append(cols, b.cols[k])
			next++
		}
	}
	t.Start, t.End = top.Start, top.End
	sub := makeRow(subs)
	s.Start, s.End = sub.Start, sub.End
	b.cols = cols
	b.header = []Row{t, s}
}

// row adds a body row. A row with only its first cell written and that
// cell a category (一、综合发展) is a one-cell category row; pad fills a
// short row with blank cells to the header's width.
func (b *builder) row(cs []cell, pad bool) {
	n := len(b.cols)
	for len(cs) > 1 && cs[len(cs)-1].text == "" && len(cs) > n {
		cs = cs[:len(cs)-1]
	}
	written := 0
	for _, c := range cs {
		if c.text != "" {
			written++
		}
	}
	if written == 0 {
		return
	}
	if cs[0].text != "" && written == 1 && (len(cs) == 1 && !pad || isCategory(cs[0].text)) {
		r := makeRow(cs[:1])
		b.rows = append(b.rows, r)
		if isCategory(cs[0].text) || isCategoryWord(cs[0].text) {
			b.lastData = -1
		}
		return
	}
	for pad && len(cs) < n {
		cs = append(cs, cell{})
	}
	r := makeRow(cs)
	if len(r.Cells) == n {
		if b.lastData >= 0 {
			above := b.rows[b.lastData]
			for k, col := range b.cols {
				if col.FillsDown() && r.Cells[k] == "" && above.Cells[k] != "" {
					if r.Merged == nil {
						r.Merged = make([]bool, n)
					}
					r.Cells[k] = above.Cells[k]
					r.Merged[k] = true
				}
			}
		}
		b.lastData = len(b.rows)
	}
	b.rows = append(b.rows, r)
}

func (b *builder) done(first, next int) textTable {
	t := Table{HeaderRows: len(b.header), Columns: b.cols}
	t.Rows = append(append(t.Rows, b.header...), b.rows...)
	return textTable{table: t, first: first, next: next}
}

// span is where the table's words are: from its header to its last row.
func (t Table) span() (start, end int) {
	start = -1
	for _, r := range t.Rows {
		if r.End == 0 {
			continue
		}
		if start < 0 || r.Start < start {
			start = r.Start
		}
		if r.End > end {
			end = r.End
		}
	}
	if start < 0 {
		start = 0
	}
	return start, end
}
