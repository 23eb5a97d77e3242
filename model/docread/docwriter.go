package docread

import (
	"strings"
	"unicode"

	"cn.planreview/planreview/model/tablehead"
)

// writer builds a Document's Text and Blocks from a document that has its
// own structure (a web page, a .docx, a spreadsheet): a paragraph is one
// line, a table row one line with its cells between tabs.
type writer struct {
	sb        strings.Builder
	blocks    []Block
	chrome    bool // leave out lines of a portal's chrome (web pages)
	lastPara  int  // index in blocks of the last paragraph, or -1
	afterPara bool // nothing but blank space since that paragraph
}

func newWriter() *writer { return &writer{lastPara: -1} }

// para writes one paragraph; its spaces are collapsed, as a browser shows
// them.
func (w *writer) para(s string) {
	s = collapse(s)
	if s == "" || w.chrome && IsChrome(s) {
		return
	}
	start := w.sb.Len()
	w.sb.WriteString(s)
	w.blocks = append(w.blocks, Block{Start: start, End: w.sb.Len()})
	w.sb.WriteByte('\n')
	w.lastPara = len(w.blocks) - 1
	w.afterPara = true
}

// collapse makes runs of white space one space, as HTML shows text; around
// Chinese the space goes (a line broken inside a word in the source).
func collapse(s string) string {
	// HTML collapses ASCII white space only: a full-width space (表1　2024)
	// or &nbsp; is kept inside a line, trimmed at its ends.
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' })
	for len(f) > 0 && strings.TrimSpace(f[0]) == "" {
		f = f[1:]
	}
	for len(f) > 0 && strings.TrimSpace(f[len(f)-1]) == "" {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return ""
	}
	f[0] = strings.TrimLeftFunc(f[0], unicode.IsSpace)
	f[len(f)-1] = strings.TrimRightFunc(f[len(f)-1], unicode.IsSpace)
	out := f[0]
	for _, p := range f[1:] {
		out = joinSpaced(out, p)
	}
	return out
}

// joinSpaced joins two runs of a line: a space between Latin words and
// figures, none between Chinese (joinCell), except that a space a writer
// put between a figure and Chinese is kept out too.
func joinSpaced(a, b string) string {
	j := joinCell(a, b)
	if j == a+b && isASCIIEnd(a) && isASCIIStart(b) {
		return a + " " + b
	}
	return j
}

func isASCIIEnd(s string) bool   { return s != "" && s[len(s)-1] < 0x80 }
func isASCIIStart(s string) bool { return s != "" && s[0] < 0x80 }

// gcell is a table grid's cell: its text, and whether it is written here
// (origin) or repeated from a merged cell.
type gcell struct {
	text   string
	origin bool
}

// grid writes a table given as a grid, merged cells already repeated. Its
// header is found by the vocabulary among its first rows; rows above the
// header (a title spanning the table) name it.
func (w *writer) grid(g [][]gcell, name string) {
	t := Table{Name: name}
	blockStart := -1
	for _, row := range g {
		r := Row{Cells: make([]string, len(row)), Start: -1}
		var parts []string
		for i, c := range row {
			r.Cells[i] = c.text
			if !c.origin {
				if r.Merged == nil {
					r.Merged = make([]bool, len(row))
				}
				r.Merged[i] = true
			}
			if c.origin && c.text != "" {
				parts = append(parts, c.text)
			}
		}
		if len(parts) == 0 || w.chrome && IsChrome(strings.Join(parts, " ")) {
			continue
		}
		start := w.sb.Len()
		if blockStart < 0 {
			blockStart = start
		}
		w.sb.WriteString(strings.Join(parts, "\t"))
		r.Start, r.End = start, w.sb.Len()
		w.sb.WriteByte('\n')
		t.Rows = append(t.Rows, oneCellIfCategory(r))
	}
	if len(t.Rows) == 0 {
		return
	}
	findHeader(&t)
	if t.Name == "" && w.afterPara && w.lastPara == len(w.blocks)-1 && w.lastPara >= 0 {
		b := w.blocks[w.lastPara]
		if s := w.sb.String()[b.Start:b.End]; runeLen(s) <= 60 {
			t.Name = s
		}
	}
	end := t.Rows[len(t.Rows)-1].End
	w.blocks = append(w.blocks, Block{Start: blockStart, End: end, Table: &t})
	w.afterPara = false
}

// oneCellIfCategory makes a row whose one written cell spans the table
// (一、综合发展) a one-cell row, as a category row rebuilt from text is.
func oneCellIfCategory(r Row) Row {
	first := r.Cells[0]
	if first == "" || len(r.Cells) < 2 {
		return r
	}
	for i, c := range r.Cells[1:] {
		if c != "" && !(c == first && r.Merged != nil && r.Merged[i+1]) {
			return r
		}
	}
	return Row{Cells: []string{first}, Start: r.Start, End: r.End}
}

// findHeader finds a real table's header among its first five rows; rows
// above it are titles. A header followed by a row of sub-column names
// (绝对值 | 增速 under 全年实绩) is two rows.
func findHeader(t *Table) {
	for h := 0; h < len(t.Rows) && h < 5; h++ {
		if !isHeaderRow(t.Rows[h].Cells) {
			continue
		}
		if h > 0 && t.Name == "" {
			t.Name = t.Rows[0].Cells[0]
		}
		if h > 0 && t.Rows[h].Merged != nil {
			// A cell spanning down from a title row into the header: the
			// header row is where its words now stand, so its span reaches
			// back over them and the cell is the header's own.
			r := t.Rows[h]
			r.Start = t.Rows[0].Start
			r.Merged = nil
			t.Rows[h] = r
		}
		t.Rows = t.Rows[h:]
		t.HeaderRows = 1
		if len(t.Rows) > 1 && writtenSubs(t.Rows[1]) {
			t.HeaderRows = 2
		}
		for _, c := range t.Rows[0].Cells {
			t.Columns = append(t.Columns, tablehead.ColumnOf(c))
		}
		return
	}
}

// writtenSubs is a row whose own cells (not merged from above) name only
// sub-columns.
func writtenSubs(r Row) bool {
	n := 0
	for i, c := range r.Cells {
		if c == "" || r.Merged != nil && r.Merged[i] {
			continue
		}
		if tablehead.ColumnOf(c) != tablehead.ColSub {
			return false
		}
		n++
	}
	return n > 0
}

func (w *writer) document(name string, f Format, enc string) Document {
	return Document{Name: name, Format: f, Encoding: enc, Text: w.sb.String(), Blocks: w.blocks}
}
