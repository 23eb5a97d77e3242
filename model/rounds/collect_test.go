package rounds

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// sharedRound is the bundled 2023 plan with 地区生产总值 (A1-01) led by
// 市发展改革委 and co-operated on by 市统计局, and a 1-9月 round: each
// unit's workbook, as round start writes it, by unit.
func sharedRound(t *testing.T) (*store.Store, map[string][]byte) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "plan.db"), store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-01"}, Lead: "市发展改革委", With: []string{"市统计局"}, NewUnits: true}, "张三"); err != nil {
		t.Fatal(err)
	}
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 9}, "2023-10-10")
	if err != nil {
		t.Fatal(err)
	}
	rev, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	files, err := sheet.RoundFiles(rev, rp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveRound(rp, "张三"); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		for _, u := range []string{"市发展改革委", "市统计局"} {
			if strings.Contains(f.Name, u) {
				out[u] = f.Data
			}
		}
	}
	return st, out
}

// filled is a unit's workbook with a figure typed in A1-01's 实际值 cell,
// saved as Excel would.
func filled(t *testing.T, data []byte, value any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet.RoundFillSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == "A1-01" {
			f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("H%d", i+1), value)
			f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("K%d", i+1), "王五")
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Two units of one batch report A1-01: both figures are new to the
// database (both 新增 in the preview), but the checker foresees what the
// write decides — the second figure, if it differs, is held for the
// reviewer, or with Overwrite recorded over the first; the same figure
// counts as returned — and says so before anything is written.
func TestCollectBatchOfTwoUnitsOnOneItem(t *testing.T) {
	for _, tc := range []struct {
		name         string
		stats        float64
		mode         Mode
		second       store.Collected
		want         float64
		conflicts    int
		statsReturns store.ReturnState
		write, hold  int // foreseen for the second file
		settles      int
	}{
		{"different, held", 5.5, Hold, store.Collected{Held: 1}, 5.8, 1, store.ReturnPending, 0, 1, 0},
		{"different, overwrite", 5.5, Overwrite, store.Collected{Corrected: 1}, 5.5, 0, store.ReturnWritten, 1, 0, 1},
		{"the same", 5.8, Hold, store.Collected{Unchanged: 1}, 5.8, 0, store.ReturnUnchanged, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, books := sharedRound(t)
			k := NewChecker(st)
			checked := []Checked{
				k.Check("发改委.xlsx", filled(t, books["市发展改革委"], 5.8)),
				k.Check("统计局.xlsx", filled(t, books["市统计局"], tc.stats)),
			}
			for _, c := range checked {
				if c.Refused != nil || c.Preview == nil || c.Preview.Count(sheet.New) != 1 {
					t.Fatalf("%s: %+v", c.File, c)
				}
			}
			if _, ok := checked[0].Earlier(checked[0].Preview.Rows[0]); ok || checked[0].WillWrite(tc.mode) != 1 {
				t.Errorf("the first file meets an earlier figure: %+v", checked[0])
			}
			second := checked[1]
			e, ok := second.Earlier(second.Preview.Rows[0])
			if !ok || e.Unit.Full != "市发展改革委" || e.Shown != "增长5.8%" || e.Same != (tc.stats == 5.8) {
				t.Errorf("earlier figure %+v %v", e, ok)
			}
			if second.WillWrite(tc.mode) != tc.write || second.WillHold(tc.mode) != tc.hold || len(second.Settles(tc.mode)) != tc.settles {
				t.Errorf("foreseen: write %d hold %d settles %v", second.WillWrite(tc.mode), second.WillHold(tc.mode), second.Settles(tc.mode))
			}
			if fresh := Check(st, "统计局.xlsx", filled(t, books["市统计局"], tc.stats)); fresh.BatchHeld()+fresh.BatchSame() != 0 {
				t.Errorf("a file checked alone meets a batch: %+v", fresh)
			}
			outs, err := Collect(st, checked, "张三", tc.mode)
			if err != nil {
				t.Fatal(err)
			}
			if outs[0].Collected != (store.Collected{New: 1}) || outs[1].Collected != tc.second || outs[1].Unit.Full != "市统计局" {
				t.Errorf("outcomes %+v %+v", outs[0], outs[1])
			}
			as, _ := st.Actuals()
			if len(as) != 1 || as[0].Value != tc.want {
				t.Errorf("figures %+v, want A1-01 %v", as, tc.want)
			}
			cs, _ := st.Conflicts("R1")
			if len(cs) != tc.conflicts {
				t.Errorf("conflicts %+v", cs)
			}
			rets, _ := st.RoundReturns(domain.Round{ID: "R1"})
			for _, r := range rets {
				if r.Unit == "市统计局" && r.State != tc.statsReturns {
					t.Errorf("市统计局's return %s, want %s", r.State, tc.statsReturns)
				}
			}
		})
	}
}

// A refused file in a batch is reported in its outcome and writes
// nothing; the others are written.
func TestCollectBatchWithARefusedFile(t *testing.T) {
	st, books := sharedRound(t)
	k := NewChecker(st)
	checked := []Checked{
		k.Check("发改委.xlsx", filled(t, books["市发展改革委"], "较快增长")),
		k.Check("统计局.xlsx", filled(t, books["市统计局"], 5.5)),
		k.Check("说明.docx", []byte("不是工作簿")),
	}
	if checked[0].Refused == nil || !strings.Contains(checked[0].Refused.Error(), "H列") || !checked[0].Known() {
		t.Errorf("text as a figure: %+v", checked[0].Refused)
	}
	if checked[2].Refused == nil || checked[2].Known() {
		t.Errorf("not a workbook: %+v", checked[2])
	}
	outs, err := Collect(st, checked, "张三", Hold)
	if err != nil {
		t.Fatal(err)
	}
	if outs[0].Refused == nil || outs[1].Refused != nil || outs[1].New != 1 || outs[2].Refused == nil {
		t.Errorf("outcomes: %+v", outs)
	}
	if rets, _ := st.RoundReturns(domain.Round{ID: "R1"}); len(rets) != 1 || rets[0].Unit != "市统计局" {
		t.Errorf("returns: %+v", rets)
	}
}

// A figure typed in a formatted cell is recorded as typed, not as the
// format shows it (5.4 in "0" is not 5; 0.05255 in "0.00%" is 5.255%);
// a date in the 实际值 cell is refused, as before.
func TestCollectFormattedFigure(t *testing.T) {
	for _, tc := range []struct {
		name   string
		value  float64
		numFmt int
		custom string
		want   float64 // 0: refused
	}{
		{"0", 5.4, 1, "", 5.4},
		{"0.0", 5.46, 0, "0.0", 5.46},
		{"#,##0", 12345.678, 3, "", 12345.678},
		{"0%", 0.052, 9, "", 5.2},
		{"0.00%", 0.05255, 10, "", 5.255},
		{`0.0"%"`, 5.2, 0, `0.0"%"`, 5.2},
		{"date", 45200, 14, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, books := sharedRound(t)
			data := filled(t, books["市发展改革委"], tc.value)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			style := &excelize.Style{NumFmt: tc.numFmt}
			if tc.custom != "" {
				style = &excelize.Style{CustomNumFmt: &tc.custom}
			}
			id, _ := f.NewStyle(style)
			rows, _ := f.GetRows(sheet.RoundFillSheet)
			for i, r := range rows {
				if len(r) > 0 && r[0] == "A1-01" {
					cell := fmt.Sprintf("H%d", i+1)
					if err := f.SetCellStyle(sheet.RoundFillSheet, cell, cell, id); err != nil {
						t.Fatal(err)
					}
				}
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
			c := Check(st, "发改委.xlsx", buf.Bytes())
			if tc.want == 0 {
				if c.Refused == nil || !strings.Contains(c.Refused.Error(), "H列") {
					t.Fatalf("a date as a figure: %v", c.Refused)
				}
				return
			}
			if _, err := Collect(st, []Checked{c}, "张三", Hold); err != nil || c.Refused != nil {
				t.Fatal(err, c.Refused)
			}
			as, _ := st.Actuals()
			if len(as) != 1 || as[0].Value != tc.want {
				t.Errorf("recorded %+v, want %v", as, tc.want)
			}
		})
	}
}
