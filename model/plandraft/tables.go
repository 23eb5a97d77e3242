package plandraft

import (
	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/sheet"
)

// table drafts a table block: an indicator table through plantable's own
// rules (指标名称 and 目标 columns), each row quoted by its place in the
// text.
func (d *drafter) table(b docread.Block) {
	d.tables++
	t := b.Table
	dr, err := plantable.FromTables(d.doc.Name, []sheet.Table{t.Sheet()})
	if err != nil {
		return // not an indicator table
	}
	for _, it := range dr.Items {
		r := it.Line - 1
		if r < 0 || r >= len(t.Rows) {
			continue
		}
		row := t.Rows[r]
		it.Sheet, it.Line = d.doc.Name, d.line(row.Start)
		it.Source, it.Start, it.End = d.text[row.Start:row.End], row.Start, row.End
		d.add(it)
	}
}
