package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/ui/envlocale"
)

// TestTableTextsFitTheirCells: at the columns' narrowest the long names and
// targets end in "…" and fit their cells; short ones are left whole; and
// what a cell shows always starts the text it stands for.
func TestTableTextsFitTheirCells(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectNav(navTo(navAll))
	pad := theme.InnerPadding()
	var cut, whole int
	for row := 0; row < 12 && row < len(u.items.rows); row++ {
		it := u.items.rows[row]
		for col, full := range map[sortColumn]string{colID: it.ID, colName: groupedName(it.Group, it.Name)} {
			cell := u.items.table.CreateCell().(*fyne.Container)
			cell.Resize(fyne.NewSize(columns[col].width, 40))
			u.items.updateCell(it, col, cell)
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
	if got := u.items.fitText("嘉兴", 0); got != "嘉兴" {
		t.Errorf("a cell with no width yet changed the text to %q", got)
	}
}

func groupedName(group, name string) string {
	if group != "" {
		return group + "：" + name
	}
	return name
}

// TestLongIDsAreNotCut: a plan whose IDs are longer than the bundled
// one's (a generated D-00005) gets an 编号 column wide enough for them.
func TestLongIDsAreNotCut(t *testing.T) {
	envlocale.Fix()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(nil))
	if err := SetLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(demo.BenchDB(t, 100), store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	u, err := New(a, w, st)
	if err != nil {
		t.Fatal(err)
	}
	if u.items.idColumnWidth() <= columns[0].width {
		t.Fatalf("编号 column %.0f wide for IDs like %s", u.items.idColumnWidth(), u.plan.Items[0].ID)
	}
	cell := u.items.table.CreateCell().(*fyne.Container)
	cell.Resize(fyne.NewSize(u.items.idColumnWidth(), 40))
	for _, it := range u.plan.Items[:20] {
		u.items.updateCell(it, 0, cell)
		if got := cell.Objects[0].(*widget.Label).Text; got != it.ID {
			t.Errorf("ID %s shown as %q", it.ID, got)
		}
	}
}
