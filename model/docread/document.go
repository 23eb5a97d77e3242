// Package docread is infrastructure: it reads a plan document as people
// receive it — plain text (UTF-8 or GB18030), a saved web page, a Word
// .docx, a spreadsheet, or text pasted into the window — into one
// Document: the words a reader sees, in order, as paragraphs and tables.
// It decides nothing about plans; model/plandraft reads the plan out of a
// Document. Every offset is into Document.Text, so whatever is drafted
// from a document can point at its words.
package docread

import (
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/tablehead"
)

// Format is the kind of file a document came from.
type Format string

// The formats a document is read from.
const (
	FormatText  Format = "text"  // .txt, UTF-8 or GB18030
	FormatHTML  Format = "html"  // .html / .htm, a saved web page
	FormatDocx  Format = "docx"  // Word 2007+ document
	FormatSheet Format = "sheet" // .xlsx / .csv
	FormatPaste Format = "paste" // text pasted into the window
)

// Document is a document as read.
type Document struct {
	Name     string // the file's base name, or 粘贴的文本
	Format   Format
	Encoding string // the text encoding found: UTF-8, GB18030
	// Text is the document's words as a reader sees them, one paragraph
	// (or one table row, or one cell of a table flattened one cell per
	// line) per line, "\n" between lines. A drafted item's quote is cut
	// from it, so it is never rewritten beyond decoding and line endings.
	Text   string
	Blocks []Block // in document order, covering the text that matters
}

// Block is a run of the document: a paragraph, or a table.
type Block struct {
	Start, End int // byte offsets into Document.Text
	// Table is set when the block is a table, with one Row per table row;
	// nil for a paragraph.
	Table *Table
}

// Table is a table found in a document: a real one (HTML, docx, a sheet)
// or one rebuilt from lines (cells between | pipes, or one cell per line
// under a header whose names give the column count).
type Table struct {
	Name string // the sheet's name, or the caption line above the table (表1 …)
	Rows []Row
	// HeaderRows is how many of the first Rows are the header: 0 when no
	// header was recognised (a sheet or web table of other things), 1, or
	// 2 when sub-columns stand under a heading (全年实绩 → 绝对值 | 增速;
	// the heading is repeated over each of its sub-columns).
	HeaderRows int
	// Columns is what each column holds, from the header's names; nil
	// when HeaderRows is 0.
	Columns []tablehead.Column
}

// Row is one table row with where its words are in the text.
type Row struct {
	Cells      []string // trimmed cell texts; a merged cell repeated into each
	Start, End int      // byte offsets into Document.Text of the whole row
	// Merged marks the cells whose text was not written in this row but
	// repeated into it: a rowspan/colspan or vMerge/gridSpan copy, or —
	// in a table rebuilt from text — a blank in a column where blank
	// means "same as above" (责任单位, 实施主体, 公共利益类型; never a
	// target or a figure). Their words are in an earlier row's span. nil
	// when no cell is.
	Merged []bool
}

// Sheet is the table as model/sheet spells one, for readers that work on
// spreadsheets (model/plantable).
func (t Table) Sheet() sheet.Table {
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = r.Cells
	}
	return sheet.Table{Name: t.Name, Rows: rows}
}

// Slice is the document's text of a block or row span.
func (d Document) Slice(start, end int) string {
	if start < 0 || end > len(d.Text) || start > end {
		return ""
	}
	return d.Text[start:end]
}
