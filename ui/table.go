package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// The table's columns: the width each gets when there is room, and the
// narrowest it may become before the table scrolls sideways instead (a
// name still shows five characters, a target such as 增长6%左右 whole).
// The 编号 and 状态 columns are measured: see idColumnWidth and
// statusColumnWidth.
var columns = []struct {
	title string
	width float32
	min   float32
}{
	{"编号", 66, 66}, {"名称", 160, 96}, {"目标", 112, 96}, {"最新实际", 104, 88}, {"状态", 104, 104}, {"进度", 80, 72},
	{"上年完成", 120, 96}, // the last, and only with itemTable.showPrior
}

func (t *itemTable) buildTable() {
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), t.columnCount() },
		func() fyne.CanvasObject {
			l := widget.NewLabel("") // fitted to the cell by setCellText
			p := widget.NewProgressBar()
			return container.NewStack(l, newBadge(), p)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(t.rows) {
				return
			}
			t.updateCell(t.rows[id.Row], sortColumn(id.Col), o.(*fyne.Container))
			t.hooks.traceRow(o, id.Col, t.rows[id.Row].ID)
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewButton("", nil)
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		text := tr(columns[id.Col].title)
		if sortColumn(id.Col) == t.sortCol {
			if t.sortDesc {
				text += " ▼"
			} else {
				text += " ▲"
			}
		}
		if b.Text != text {
			b.SetText(text)
		}
		col := sortColumn(id.Col)
		b.OnTapped = func() { t.sortBy(col) }
	}
	for i, c := range columns[:t.columnCount()] { // until fitColumns lays the table out
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.OnUnselected = func(widget.TableCellID) { t.hooks.trace("highlight none") }
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(t.rows) {
			return
		}
		t.selectedCol = id.Col
		t.hooks.trace("highlight %s", t.rows[id.Row].ID)
		if it := t.rows[id.Row].ID; it != t.selected { // not a highlight following the pane
			t.selected = it
			t.hooks.picked(it)
		}
	}
}

// idColumnWidth is the 编号 column's width: its usual 66 or, for a plan
// with longer IDs than the bundled one's (A1-13a, a generated D-00005, a
// province's city-prefixed IDs), as wide as the longest, so no ID is cut.
func (t *itemTable) idColumnWidth() float32 {
	longest := ""
	for _, it := range t.plan.Items {
		if len(it.ID) > len(longest) {
			longest = it.ID
		}
	}
	th := t.app.Settings().Theme()
	w := fyne.MeasureText(longest, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width +
		2*th.Size(theme.SizeNameInnerPadding) + 2
	return float32(math.Max(float64(columns[colID].width), math.Ceil(float64(w))))
}

// statusColumnWidth is as wide as the longest status badge in the
// interface's language (慢于序时进度, Missed deadline), so no status is
// cut to its first character.
func (t *itemTable) statusColumnWidth() float32 {
	th := t.app.Settings().Theme()
	size := th.Size(theme.SizeNameText) - 1 // the badge's text size
	var longest float32
	for _, c := range domain.Codes {
		longest = max(longest, fyne.MeasureText(tr(c.Label()), size, fyne.TextStyle{}).Width)
	}
	w := longest + 12 + th.Size(theme.SizeNameInnerPadding) // the badge's margin, a gap before the next column
	return float32(math.Max(float64(columns[colStatus].min), math.Ceil(float64(w))))
}

// sortBy sorts by a column; a second tap reverses the order.
func (t *itemTable) sortBy(col sortColumn) {
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, false
	}
	t.hooks.filtered()
}

func (t *itemTable) updateCell(it domain.Item, col sortColumn, c *fyne.Container) {
	l := c.Objects[0].(*widget.Label)
	b := c.Objects[1].(*badge)
	p := c.Objects[2].(*widget.ProgressBar)
	l.Show()
	b.Hide()
	p.Hide()
	s := t.statuses[it.ID]
	switch col {
	case colID:
		t.setCellText(l, c, it.ID)
	case colName:
		name := it.Name
		if it.Group != "" {
			name = it.Group + "：" + it.Name
		}
		t.setCellText(l, c, name)
	case colTarget:
		t.setCellText(l, c, domain.TargetWords(it)) // plan wording, like the targets, stays Chinese
	case colLatest:
		t.setCellText(l, c, t.latestText(it))
	case colStatus:
		l.Hide()
		b.Show()
		b.set(s)
	case colProgress:
		if math.IsNaN(s.Completion) {
			t.setCellText(l, c, "—")
			return
		}
		l.Hide()
		p.Show()
		p.Max = 1
		p.SetValue(math.Min(1, math.Max(0, s.Completion)))
		done := s.Completion
		p.TextFormatter = func() string { return fmt.Sprintf("%.0f%%", done*100) }
		p.Refresh()
	case colPrior:
		t.setCellText(l, c, t.priorText(it))
	}
}

// latestText is the newest figure at asOf, short: 5.8%, with its period
// only when it is older than the as-of period: 6.2%（1-6月）.
func (t *itemTable) latestText(it domain.Item) string {
	a, ok := t.review.Latest(it, t.asOf)
	if !ok {
		return "—"
	}
	when := ""
	if a.Period != t.asOf {
		when = paren(periodLabel(a.Period))
	}
	if a.Outcome != "" {
		return tr(domain.OutcomeLabel(a.Outcome)) + when
	}
	return t.review.FigureOf(it, a) + when
}

// column is how a table column is sized: its width when there is room,
// the narrowest it may become before the table scrolls sideways instead,
// and its share of the room beyond every column's width.
type column struct {
	width, min, grow float32
}

// fitColumns is a layout for a table. With room to spare it shares the
// width beyond the columns' usual widths among the columns that grow (the
// item table's 名称 and 目标), so on a wide screen names are not cut while
// the other columns stay compact; on a narrow one every column gives up
// the same share of what it can spare; below the minimums the columns
// keep them and the table scrolls sideways, so no column (the item
// table's 状态 and 进度) is squeezed to a character.
type fitColumns struct {
	t    *widget.Table
	gap  float32 // between two columns: the theme's padding
	cols []column
}

// itemColumns are the item table's columns, with 编号 as wide as the
// plan's longest ID and 状态 as wide as the longest badge.
func (t *itemTable) itemColumns() []column {
	out := make([]column, t.columnCount())
	for i, c := range columns[:t.columnCount()] {
		out[i] = column{width: c.width, min: c.min}
	}
	out[colID] = column{width: t.idColumnWidth(), min: t.idColumnWidth()}
	status := t.statusColumnWidth()
	out[colStatus] = column{width: max(columns[colStatus].width, status), min: status}
	out[colName].grow, out[colTarget].grow = 0.6, 0.4
	return out
}

// widths are the columns' widths for a table width wide.
func (f fitColumns) widths(width float32) []float32 {
	var sumPref, sumMin float32
	for _, c := range f.cols {
		sumPref += c.width
		sumMin += c.min
	}
	avail := width - f.gap*float32(len(f.cols)-1) - 4
	out := make([]float32, len(f.cols))
	for i, c := range f.cols {
		switch {
		case avail >= sumPref:
			out[i] = c.width + (avail-sumPref)*c.grow
		case avail > sumMin:
			out[i] = c.min + (c.width-c.min)*(avail-sumMin)/(sumPref-sumMin)
		default:
			out[i] = c.min
		}
	}
	if avail < sumMin {
		f.fillView(out, width)
	}
	return out
}

// fillView widens the growing columns among those in view, when the
// table must scroll sideways anyway, so that they end at the view's edge:
// the room otherwise left beside the last of them goes to the names. A
// column counts as in view when all but its last few pixels of padding
// are, so a badge column a little short of room is not pushed out of
// view to widen the names.
func (f fitColumns) fillView(out []float32, width float32) {
	var used, grow float32
	last := -1
	for i, w := range out {
		if used+w-2*f.gap > width-4 {
			break
		}
		used += w + f.gap
		grow += f.cols[i].grow
		last = i
	}
	spare := width - 4 - (used - f.gap)
	if grow == 0 || spare <= 0 {
		return
	}
	for i := 0; i <= last; i++ {
		out[i] += spare * f.cols[i].grow / grow
	}
}

func (f fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for i, w := range f.widths(size.Width) {
		f.t.SetColumnWidth(i, float32(math.Floor(float64(w))))
	}
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (f fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}
