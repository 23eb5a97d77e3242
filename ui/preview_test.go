package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func TestImportPreviewShowsNotesAndWhatWasTyped(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 720}, {Width: 1366, Height: 768}} {
		u, st := newTestUI(t)
		u.win.Resize(size)
		f := filepath.Join(t.TempDir(), "前三季度.csv")
		os.WriteFile(f, []byte("指标编号,指标名称,期间,实际值,来源,备注\n"+
			"A1-01,地区生产总值,2023-09,5.8,市统计局,受外需影响\n"+
			"A1-99,不存在的指标,2023-09,很好,,\n"+
			"B1-01,,1-9月,,,仅备注一条\n"+
			"A1-02,一般公共预算收入,十三月,4.2,,\n"), 0o644)
		preview := u.previewImport(f)
		dlg := u.win.Canvas().Overlays().Top()
		shown := texts(dlg)
		for _, want := range []string{"备注2条", "受外需影响", "仅备注一条", "仅添加备注",
			"A1-99", "不存在的指标", "十三月"} {
			if !strings.Contains(shown, want) {
				t.Errorf("%v: the preview does not show %q:\n%s", size, want, shown)
			}
		}
		if strings.Contains(shown, "planreview") {
			t.Errorf("%v: the preview gives a command line:\n%s", size, shown)
		}
		// Every column header is wholly inside the table: none is cut.
		table := find(dlg, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Table); return ok })
		d := fyne.CurrentApp().Driver()
		right := d.AbsolutePositionForObject(table).X + table.Size().Width
		for _, c := range previewColumns {
			h := find(table, func(o fyne.CanvasObject) bool { l, ok := o.(*widget.Label); return ok && l.Text == c.title })
			if h == nil {
				t.Errorf("%v: no header %s on screen", size, c.title)
				continue
			}
			if end := d.AbsolutePositionForObject(h).X + h.Size().Width; end > right || h.Size().Width < c.min {
				t.Errorf("%v: header %s ends at %.0f, %.0f wide; the table ends at %.0f", size, c.title, end, h.Size().Width, right)
			}
		}
		if preview == nil || !preview.button.Disabled() {
			t.Errorf("%v: a file with problems can be imported", size)
		}
		if as, _ := st.Actuals(); len(as) != 0 {
			t.Errorf("a preview wrote %+v", as)
		}
	}
}
