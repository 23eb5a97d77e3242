package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/rounds"
)

// The round view's two tables: units and the chosen unit's items, their
// cells and the columns' widths.

// The tables' columns, in order.
var (
	// 逾期 is two columns, each after the count it is part of: returns
	// that came in late, and missing items past the due date. One count of
	// both read as more overdue than missing.
	roundUnitColumns = []string{"单位", "项目", "已报", "逾期报送", "未报", "逾期未报", "最近报送"}
	// An item's return time is its unit's (最近报送) but for a unit that
	// returned in parts; a late one says （逾期报送）. Left out, the name
	// and why have room on a 1024 px screen.
	roundItemColumns = []string{"灯号", "编号", "名称", "情况"}
)

const (
	ucUnit = iota
	ucItems
	ucReturned
	ucLateReturned
	ucMissing
	ucLateMissing
	ucLast
)

const (
	icLight = iota
	icID
	icName
	icWhy
)

// rows are the selected unit's items.
func (v *roundView) rows() []rounds.ItemRow {
	if v.unit < 0 || v.unit >= len(v.units) {
		return nil
	}
	return v.units[v.unit].Rows
}

func (v *roundView) newUnitTable() *escTable {
	t := newEscTable(
		func() (int, int) { return len(v.units), len(roundUnitColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(v.units) {
				return
			}
			l := o.(*widget.Label)
			text, imp := v.unitCell(v.units[id.Row], id.Col)
			bold := id.Row == v.unit
			if l.Text != text || l.Importance != imp || l.TextStyle.Bold != bold {
				l.Text, l.Importance, l.TextStyle.Bold = text, imp, bold
				l.Alignment = fyne.TextAlignLeading
				if id.Col != ucUnit && id.Col != ucLast {
					l.Alignment = fyne.TextAlignTrailing
				}
				l.Refresh()
			}
		}, v.close)
	headers(&t.Table, roundUnitColumns)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.units) || id.Row == v.unit {
			return
		}
		v.unit = id.Row
		v.showUnit()
	}
	return t
}

// unitCell is one cell of the unit table, and its colour: items missing
// past the due date in red, missing or returned late in orange.
func (v *roundView) unitCell(u rounds.UnitRow, col int) (string, widget.Importance) {
	switch col {
	case ucUnit:
		return u.Unit, widget.MediumImportance
	case ucItems:
		return strconv.Itoa(u.Items), widget.MediumImportance
	case ucReturned:
		return strconv.Itoa(u.Returned), widget.MediumImportance
	case ucMissing:
		if u.Missing > 0 {
			return strconv.Itoa(u.Missing), widget.WarningImportance
		}
		return "0", widget.MediumImportance
	case ucLateReturned:
		if u.LateReturned > 0 {
			return strconv.Itoa(u.LateReturned), widget.WarningImportance
		}
		return "0", widget.MediumImportance
	case ucLateMissing:
		if u.LateMissing > 0 {
			return strconv.Itoa(u.LateMissing), widget.DangerImportance
		}
		return "0", widget.MediumImportance
	}
	if u.LastReturn == "" {
		return "—", widget.MediumImportance
	}
	return u.LastReturn, widget.MediumImportance
}

func (v *roundView) newItemTable() *escTable {
	t := newEscTable(
		func() (int, int) { return len(v.rows()), len(roundItemColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(l, newBadge())
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			rows := v.rows()
			if id.Row < 0 || id.Row >= len(rows) {
				return
			}
			c := o.(*fyne.Container)
			l, b := c.Objects[0].(*widget.Label), c.Objects[1].(*badge)
			r := rows[id.Row]
			if id.Col == icLight {
				l.Hide()
				b.Show()
				b.setLight(r.Light)
				return
			}
			b.Hide()
			l.Show()
			if text := itemCell(r, id.Col); l.Text != text {
				l.SetText(text)
			}
		}, v.close)
	headers(&t.Table, roundItemColumns)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.rows()) {
			return
		}
		v.item = id.Row
		v.jump.Enable()
		v.showWhy()
	}
	return t
}

// itemCell is one text cell of the item table.
func itemCell(r rounds.ItemRow, col int) string {
	switch col {
	case icID:
		return r.ItemID
	case icName:
		return r.Name
	}
	return lightWhy(r)
}

// headers gives a table a header row of the columns' titles.
func headers(t *widget.Table, titles []string) {
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(titles) {
			o.(*widget.Label).SetText(tr(titles[id.Col]))
		}
	}
}

// measure sets the columns' widths for what they show: the numbers and
// times as wide as their widest (in bold, as the unit chosen shows), the
// names and reasons sharing the rest.
func (v *roundView) measure() {
	v.unitWidths = make([]float32, len(roundUnitColumns))
	for c, title := range roundUnitColumns {
		w := cellWidth(tr(title), true)
		for _, u := range v.units {
			text, _ := v.unitCell(u, c)
			w = max(w, cellWidth(text, true))
		}
		v.unitWidths[c] = w
	}
	v.unitWidths[ucUnit] = -v.unitWidths[ucUnit] // flexible
	v.itemWidths = make([]float32, len(roundItemColumns))
	for c, title := range roundItemColumns {
		w := cellWidth(tr(title), true)
		if c == icLight {
			w = max(w, cellWidth(tr("绿")+"  ", false), cellWidth(tr("黄")+"  ", false), cellWidth(tr("蓝")+"  ", false), cellWidth(tr("红")+"  ", false))
		}
		for _, u := range v.units {
			for _, r := range u.Rows {
				if c != icLight {
					w = max(w, cellWidth(itemCell(r, c), false))
				}
			}
		}
		v.itemWidths[c] = w
	}
	// Flexible; the reason weighs more than the name, which the reviewer
	// knows by its ID and which the detail pane shows whole.
	v.itemWidths[icName], v.itemWidths[icWhy] = -v.itemWidths[icName], -1.5*v.itemWidths[icWhy]
	for _, c := range v.fits {
		c.Refresh() // lays the tables out at the new widths
	}
}

// cellWidth is how wide a table cell must be to show s whole.
func cellWidth(s string, bold bool) float32 {
	w := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
	return w + 2*theme.InnerPadding() + 4
}
