package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// BenchmarkCollectPreview is 导入回执 on a folder of 50 units' returns over
// a generated plan of 1,000 items, every row filled: each workbook read
// and checked, and the preview's 50 blocks of rows built and laid out in
// the dialog at 1366×768. Nothing is written.
func BenchmarkCollectPreview(b *testing.B) {
	const units, items = 50, 1000
	u := benchUI(b, items)
	u.prefs.SetString(prefUnit, "市人大财经委")
	per := map[int][]string{}
	for i, it := range u.plan.Items {
		per[i%units] = append(per[i%units], it.ID)
	}
	for k := 0; k < units; k++ {
		as := store.Assignment{Items: per[k], Lead: fmt.Sprintf("第%d责任单位", k+1), NewUnits: true}
		if _, err := u.st.AssignUnits(as, "基准"); err != nil {
			b.Fatal(err)
		}
	}
	u.changed("")
	rp, err := u.st.PlanRound(domain.Period{Year: u.plan.Year, Month: 9}, fmt.Sprintf("%d-10-10", u.plan.Year))
	if err != nil {
		b.Fatal(err)
	}
	files, err := sheet.RoundFiles(u.review, rp)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := u.st.SaveRound(rp, "基准"); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, f := range files {
		benchReturn(b, u, f, filepath.Join(dir, f.Name))
	}
	b.ResetTimer()
	stop := demo.TrackPeakHeap(b)
	for b.Loop() {
		d := u.collectReturns()
		d.add([]string{dir})
		if len(d.entries) != len(files) {
			b.Fatalf("%d of %d returns listed", len(d.entries), len(files))
		}
		d.dlg.Resize(fyne.NewSize(1250, 690)) // laid out as on screen
		d.close()
	}
	stop()
}

// benchReturn fills every row of a unit's workbook as the unit would: a
// milestone's outcome, any other item a figure.
func benchReturn(b *testing.B, u *UI, rf sheet.RoundFile, path string) {
	if err := os.WriteFile(path, rf.Data, 0o644); err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheet.RoundFillSheet)
	for i, r := range rows[1:] {
		it, ok := u.plan.Item(r[0])
		if !ok {
			b.Fatalf("row %v", r)
		}
		v := "12.5"
		if it.Kind == domain.KindMilestone {
			v = "推进中"
		}
		f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("H%d", i+2), v)
		f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("K%d", i+2), "王五")
	}
	if err := f.Save(); err != nil {
		b.Fatal(err)
	}
}
