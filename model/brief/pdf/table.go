package pdf

import (
	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/cjk"
)

// table draws a table: caption, header row repeated on every page it
// spans, group heading rows kept with the row after them, and data rows
// that move whole to the next page when they do not fit — or, if a row is
// taller than a page, split between lines, never through one.
func (r *renderer) table(t *brief.Table) {
	ws := make([]float64, len(t.Columns))
	sum := 0.0
	for _, c := range t.Columns {
		sum += c.Width
	}
	status := -1
	for i, c := range t.Columns {
		ws[i] = contentW * c.Width / sum
		if c.Title == "状态" {
			status = i
		}
	}
	lh := lineH(tablePt)
	r.font("B", 10.5)
	// Caption, header, a group heading and a row or two must fit, or the
	// table starts on the next page.
	r.ensure(lineH(10.5) + 45)
	r.text((pageW-r.width(t.Caption))/2, r.y+lineH(10.5)*0.78, t.Caption)
	r.y += lineH(10.5) + 1
	r.tableHeader(t, ws)
	entries := r.tableEntries(t, ws, status)
	tail := tailStart(entries)
	for k, e := range entries {
		if k == tail && k > 0 {
			// The table's last rows go to a page together: a page that
			// holds one leftover row reads as a mistake.
			h := 0.0
			for _, x := range entries[tail:] {
				h += x.h
			}
			if r.y+h > pageH-marginB && h <= pageH-marginB-(marginT+4)-(lh+2*cellPad)-2 {
				r.newPage()
				r.tableHeader(t, ws)
			}
		}
		e.draw()
	}
	r.y += 3
}

// keepTail is how many of a table's last rows are kept on one page.
const keepTail = 3

// entry is one drawn line of a table: a group heading, a data row or a
// note row, with the height it takes when it does not break.
type entry struct {
	kind int // heading, row or note
	h    float64
	draw func()
}

const (
	heading = iota
	dataRow
	note
)

// tableEntries lists the table's headings, rows and notes in order.
func (r *renderer) tableEntries(t *brief.Table, ws []float64, status int) []entry {
	lh := lineH(tablePt)
	var out []entry
	for _, g := range t.Groups {
		if g.Title != "" {
			out = append(out, entry{kind: heading, h: lh + 2*cellPad, draw: func() { r.groupHeading(t, ws, g.Title) }})
		}
		for _, row := range g.Rows {
			_, n := r.rowLines(ws, status, row)
			h := float64(n)*lh + 2*cellPad
			if status >= 0 {
				h = max(h, lh*2+1+2*cellPad-1)
			}
			out = append(out, entry{kind: dataRow, h: h, draw: func() {
				r.where = row.ID
				if row.ID == "" && len(row.Cells) > 0 && len(t.Columns) > 0 {
					// A row of no item (a unit's counts in the
					// appendix) is named by its first cell.
					r.where = t.Columns[0].Title + "“" + row.Cells[0] + "”"
				}
				r.tableRow(t, ws, status, row)
			}})
		}
		if g.Note != "" {
			r.font("", tablePt)
			n := len(cjk.Wrap(g.Note, contentW-2*cellPad, r.width))
			out = append(out, entry{kind: note, h: float64(n)*lh + 2*cellPad, draw: func() {
				r.where = g.Title
				r.noteRow(t, ws, g.Note)
			}})
		}
	}
	return out
}

// tailStart is the index of the entry where the table's last keepTail
// rows begin, taking in a group heading right above them.
func tailStart(entries []entry) int {
	rows := 0
	for k := len(entries) - 1; k >= 0; k-- {
		if entries[k].kind == dataRow {
			rows++
		}
		if rows == keepTail {
			if k > 0 && entries[k-1].kind == heading {
				return k - 1
			}
			return k
		}
	}
	return 0
}

// groupHeading draws a group's heading row, kept with at least one row
// under it.
func (r *renderer) groupHeading(t *brief.Table, ws []float64, title string) {
	lh := lineH(tablePt)
	h := lh + 2*cellPad
	if r.y+h+lh*4+2*cellPad > pageH-marginB {
		r.newPage()
		r.tableHeader(t, ws)
	}
	r.pdf.SetFillColor(240, 240, 240)
	r.pdf.SetDrawColor(120, 120, 120)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Rect(marginL, r.y, contentW, h, "FD")
	r.font("B", tablePt)
	r.text(marginL+cellPad, r.y+cellPad+lh*0.78, title)
	r.y += h
}

func (r *renderer) tableHeader(t *brief.Table, ws []float64) {
	r.font("B", tablePt)
	lh := lineH(tablePt)
	lines := make([][]string, len(ws))
	n := 1
	for i, c := range t.Columns {
		lines[i] = cjk.Wrap(c.Title, ws[i]-2*cellPad, r.width)
		n = max(n, len(lines[i]))
	}
	h := float64(n)*lh + 2*cellPad
	r.pdf.SetFillColor(222, 228, 236)
	r.pdf.SetDrawColor(120, 120, 120)
	r.pdf.SetLineWidth(0.2)
	x := marginL
	for i := range ws {
		r.pdf.Rect(x, r.y, ws[i], h, "FD")
		for j, l := range lines[i] {
			r.text(x+(ws[i]-r.width(l))/2, r.y+cellPad+lh*float64(j)+lh*0.78, l)
		}
		x += ws[i]
	}
	r.y += h
}

// rowLines wraps a row's cells (the status column is a badge, not text)
// and gives the number of lines of the tallest.
func (r *renderer) rowLines(ws []float64, status int, row brief.Row) ([][]string, int) {
	r.font("", tablePt)
	cells := make([][]string, len(ws))
	n := 1
	for i := range ws {
		if i == status {
			continue
		}
		text := ""
		if i < len(row.Cells) {
			text = row.Cells[i]
		}
		cells[i] = cjk.Wrap(text, ws[i]-2*cellPad, r.width)
		n = max(n, len(cells[i]))
	}
	return cells, n
}

func (r *renderer) tableRow(t *brief.Table, ws []float64, status int, row brief.Row) {
	lh := lineH(tablePt)
	cells, n := r.rowLines(ws, status, row)
	badgeH := lh*2 + 1 // a badge is at most two lines
	if status >= 0 {
		n = max(n, 1)
	}
	headerH := lh + 2*cellPad
	usable := pageH - marginB - (marginT + 4) - headerH - 2
	from := 0
	for from < n {
		fit := int((pageH - marginB - r.y - 2*cellPad) / lh)
		rest := n - from
		rowFits := float64(rest)*lh+2*cellPad <= pageH-marginB-r.y && (from > 0 || status < 0 || r.y+badgeH+2*cellPad <= pageH-marginB)
		if !rowFits {
			if float64(rest)*lh+2*cellPad <= usable || fit < 1 {
				// The row fits on a page of its own: move it whole.
				r.newPage()
				r.tableHeader(t, ws)
				continue
			}
		}
		take := min(rest, max(fit, 1))
		h := float64(take)*lh + 2*cellPad
		if from == 0 && status >= 0 {
			h = max(h, badgeH+2*cellPad-1)
		}
		r.pdf.SetDrawColor(120, 120, 120)
		r.pdf.SetLineWidth(0.2)
		x := marginL
		for i := range ws {
			// Reset the pen each cell: a badge drawn in the row before
			// leaves its colour set.
			r.pdf.SetDrawColor(120, 120, 120)
			r.pdf.SetLineWidth(0.2)
			r.pdf.Rect(x, r.y, ws[i], h, "D")
			if i == status {
				if from == 0 {
					r.badge(row.Status, x+cellPad, r.y+cellPad, ws[i]-2*cellPad)
				}
			} else {
				r.font("", tablePt)
				for j := from; j < from+take && j < len(cells[i]); j++ {
					r.text(x+cellPad, r.y+cellPad+lh*float64(j-from)+lh*0.78, cells[i][j])
				}
			}
			x += ws[i]
		}
		r.y += h
		from += take
		if from < n {
			r.newPage()
			r.tableHeader(t, ws)
		}
	}
}

// noteRow is a row spanning the table: the items of a group without
// figures, named together.
func (r *renderer) noteRow(t *brief.Table, ws []float64, note string) {
	r.font("", tablePt)
	lh := lineH(tablePt)
	lines := cjk.Wrap(note, contentW-2*cellPad, r.width)
	for len(lines) > 0 {
		fit := int((pageH - marginB - r.y - 2*cellPad) / lh)
		if fit < 1 {
			r.newPage()
			r.tableHeader(t, ws)
			continue
		}
		take := min(fit, len(lines))
		h := float64(take)*lh + 2*cellPad
		r.pdf.SetDrawColor(120, 120, 120)
		r.pdf.SetLineWidth(0.2)
		r.pdf.Rect(marginL, r.y, contentW, h, "D")
		r.pdf.SetTextColor(70, 70, 70)
		for i, l := range lines[:take] {
			r.text(marginL+cellPad, r.y+cellPad+lh*float64(i)+lh*0.78, l)
		}
		r.pdf.SetTextColor(0, 0, 0)
		r.y += h
		lines = lines[take:]
		if len(lines) > 0 {
			r.newPage()
			r.tableHeader(t, ws)
		}
	}
}
