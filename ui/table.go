package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model"
)

// The table's columns.
var columns = []struct {
	title string
	width float32
}{
	{"编号", 66}, {"名称", 160}, {"目标", 112}, {"最新实际", 104}, {"状态", 104}, {"进度", 80},
}

func (u *UI) buildTable() {
	u.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(u.rows), len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("") // fitted to the cell by setCellText
			p := widget.NewProgressBar()
			return container.NewStack(l, newBadge(), p)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(u.rows) {
				return
			}
			u.updateCell(u.rows[id.Row], id.Col, o.(*fyne.Container))
		})
	u.table.ShowHeaderColumn = false
	u.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewButton("", nil)
	}
	u.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		text := tr(columns[id.Col].title)
		if id.Col == u.sortCol {
			if u.sortDesc {
				text += " ▼"
			} else {
				text += " ▲"
			}
		}
		if b.Text != text {
			b.SetText(text)
		}
		col := id.Col
		b.OnTapped = func() { u.sortBy(col) }
	}
	for i, c := range columns { // until fitColumns lays the table out
		u.table.SetColumnWidth(i, c.width)
	}
	u.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(u.rows) {
			return
		}
		u.selectedCol = id.Col
		if it := u.rows[id.Row].ID; it != u.selected { // not a highlight following the pane
			u.selected = it
			u.showDetail(it)
		}
	}
}

// idColumnWidth is the 编号 column's width: its usual 66 or, for a plan
// with longer IDs than the bundled one's (A1-13a, a generated D-00005, a
// province's city-prefixed IDs), as wide as the longest, so no ID is cut.
func (u *UI) idColumnWidth() float32 {
	longest := ""
	for _, it := range u.plan.Items {
		if len(it.ID) > len(longest) {
			longest = it.ID
		}
	}
	th := u.app.Settings().Theme()
	w := fyne.MeasureText(longest, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width +
		2*th.Size(theme.SizeNameInnerPadding) + 2
	return float32(math.Max(float64(columns[0].width), math.Ceil(float64(w))))
}

// sortBy sorts by a column; a second tap reverses the order.
func (u *UI) sortBy(col int) {
	if u.sortCol == col {
		u.sortDesc = !u.sortDesc
	} else {
		u.sortCol, u.sortDesc = col, false
	}
	u.applyFilter()
}

func (u *UI) updateCell(it model.Item, col int, c *fyne.Container) {
	l := c.Objects[0].(*widget.Label)
	b := c.Objects[1].(*badge)
	p := c.Objects[2].(*widget.ProgressBar)
	l.Show()
	b.Hide()
	p.Hide()
	s := u.statuses[it.ID]
	switch col {
	case 0:
		u.setCellText(l, c, it.ID)
	case 1:
		name := it.Name
		if it.Group != "" {
			name = it.Group + "：" + it.Name
		}
		u.setCellText(l, c, name)
	case 2:
		if it.Kind == model.KindMilestone {
			u.setCellText(l, c, it.Hedge+"完成") // 争取完成: plan wording, like the targets, stays Chinese
		} else {
			u.setCellText(l, c, it.Hedge+it.TargetText)
		}
	case 3:
		u.setCellText(l, c, u.latestText(it))
	case 4:
		l.Hide()
		b.Show()
		b.set(s)
	case 5:
		if math.IsNaN(s.Completion) {
			u.setCellText(l, c, "—")
			return
		}
		l.Hide()
		p.Show()
		p.Max = 1
		p.SetValue(math.Min(1, math.Max(0, s.Completion)))
		done := s.Completion
		p.TextFormatter = func() string { return fmt.Sprintf("%.0f%%", done*100) }
		p.Refresh()
	}
}

// latestText is the newest figure at asOf, short: 5.8%, with its period
// only when it is older than the as-of period: 6.2%（1-6月）.
func (u *UI) latestText(it model.Item) string {
	a, ok := u.review.Latest(it, u.asOf)
	if !ok {
		return "—"
	}
	when := ""
	if a.Period != u.asOf {
		when = "（" + a.Period.Label() + "）"
	}
	if a.Outcome != "" {
		return tr(model.OutcomeLabel(a.Outcome)) + when
	}
	return u.review.FigureOf(it, a) + when
}

// fitColumns is a layout for the table: it gives the width beyond the
// columns' minimum to 名称 and 目标, so on a wide screen names are not cut
// while the other columns stay compact.
type fitColumns struct {
	t       *widget.Table
	idWidth float32 // the 编号 column: wide enough for the plan's longest ID
}

func (f fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var min float32
	for i, c := range columns {
		if i == 0 {
			c.width = f.idWidth
		}
		min += c.width
	}
	extra := size.Width - min - 24 // the scroll bar and cell padding
	if extra < 0 {
		extra = 0
	}
	for i, c := range columns {
		w := c.width
		switch i {
		case 0:
			w = f.idWidth
		case 1:
			w += extra * 0.6
		case 2:
			w += extra * 0.4
		}
		f.t.SetColumnWidth(i, w)
	}
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (f fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}
