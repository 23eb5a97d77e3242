package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestTableTextsFitTheirCells: at the columns' narrowest the long names and
// targets end in "…" and fit their cells; short ones are left whole; and
// what a cell shows always starts the text it stands for.
func TestTableTextsFitTheirCells(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectNav("all")
	pad := theme.InnerPadding()
	var cut, whole int
	for row := 0; row < 12 && row < len(u.rows); row++ {
		it := u.rows[row]
		for col, full := range map[int]string{0: it.ID, 1: groupedName(it.Group, it.Name)} {
			cell := u.table.CreateCell().(*fyne.Container)
			cell.Resize(fyne.NewSize(columns[col].width, 40))
			u.updateCell(it, col, cell)
			l := cell.Objects[0].(*widget.Label)
			w := fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{}).Width
			if w > cell.Size().Width-2*pad {
				t.Errorf("%s col %d: %q is %.0f wide in a %.0f cell", it.ID, col, l.Text, w, cell.Size().Width)
			}
			switch {
			case l.Text == full:
				whole++
			case strings.HasSuffix(l.Text, "…") && strings.HasPrefix(full, strings.TrimSuffix(l.Text, "…")):
				cut++
			default:
				t.Errorf("%s col %d shows %q for %q", it.ID, col, l.Text, full)
			}
		}
	}
	if cut == 0 || whole == 0 {
		t.Errorf("%d texts cut and %d whole: the test no longer covers both", cut, whole)
	}
	if got := u.fitText("嘉兴", 0); got != "嘉兴" {
		t.Errorf("a cell with no width yet changed the text to %q", got)
	}
}

func groupedName(group, name string) string {
	if group != "" {
		return group + "：" + name
	}
	return name
}
