package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// A 催报清单.pdf that cannot name every missing item says they are in the
// workbook; writeChase then writes that workbook beside it, under the
// same name, holding every missing item. One that names them all writes
// the PDF alone.
func TestChasePDFWritesTheWorkbookItNames(t *testing.T) {
	st, err := store.Open(tempDB(t), store.Options{Bundle: bundle})
	must(t, err)
	defer st.Close()
	round := domain.Round{ID: "R2", Period: domain.Period{Year: 2023, Month: 9}, Due: "2023-10-10"}
	asOf := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
	rows := func(units, items int) []rounds.UnitRow {
		out := make([]rounds.UnitRow, units)
		for i := range out {
			out[i].Unit = fmt.Sprintf("测试单位%02d", i+1)
			for k := 0; k < items; k++ {
				r := rounds.ItemRow{ItemID: fmt.Sprintf("B%d-%02d", i, k), Name: "新开工亿元以上产业项目"}
				if k%4 == 3 {
					r.ReturnedAt = "2023-10-09 10:00" // returned: not on the list
				}
				out[i].Rows = append(out[i].Rows, r)
			}
		}
		return out
	}
	for _, tc := range []struct {
		units, items int
		book         bool
	}{{3, 4, false}, {60, 8, true}} {
		dir := t.TempDir()
		out := filepath.Join(dir, "催报清单.pdf")
		var errb bytes.Buffer
		env := Env{Stderr: &errb}
		must(t, writeChase(env, st, out, round, asOf, rows(tc.units, tc.items)))
		if _, err := os.Stat(out); err != nil {
			t.Fatal(err)
		}
		book := filepath.Join(dir, "催报清单.xlsx")
		_, err := os.Stat(book)
		if tc.book != (err == nil) {
			t.Fatalf("%d units × %d items: workbook written %v, want %v (%s)", tc.units, tc.items, err == nil, tc.book, errb.String())
		}
		if !tc.book {
			continue
		}
		f, err := excelize.OpenFile(book)
		must(t, err)
		got, err := f.GetRows(rounds.ChaseSheet)
		f.Close()
		must(t, err)
		if want := tc.units*tc.items*3/4 + 1; len(got) != want {
			t.Errorf("workbook has %d rows, want %d (header and every missing item)", len(got), want)
		}
		if errb.String() == "" {
			t.Error("no word on stderr that the PDF is shortened")
		}
	}
}
