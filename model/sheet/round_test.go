package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
)

func sampleRound() RoundSheet {
	return RoundSheet{PlanID: "plan-2024-x", PlanTitle: "2024年某市计划", RoundID: "R1", Period: domain.Period{Year: 2024, Month: 9},
		Due: "2024-10-10", UnitID: 3, UnitFull: "市商务局",
		Rows: []RoundRow{{Key: "00112233aabbccdd", ID: "A1-06", Name: "社会消费品零售总额", Role: "牵头", Target: "增长6.5%", Last: "—", Status: "暂无数据", Schedule: "—"}}}
}

// A round workbook reads back as what was written: the round, plan, unit
// and period of its hidden sheet; unfilled rows give nothing.
func TestRoundWorkbookReadsBack(t *testing.T) {
	data, err := RoundWorkbook(sampleRound())
	if err != nil {
		t.Fatal(err)
	}
	ret, err := ReadReturn("2024年1-9月_市商务局_填报.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if ret.RoundID != "R1" || ret.PlanID != "plan-2024-x" || ret.UnitID != 3 || ret.UnitName != "市商务局" || ret.Period != "2024-09" || len(ret.Rows) != 0 {
		t.Errorf("read back %+v", ret)
	}
	// The 填报 sheet is protected: the cover must not promise sorting
	// (Excel and WPS refuse to sort locked cells), and must say what the
	// unit may do.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cover, err := f.GetRows(RoundCoverSheet)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, row := range cover {
		text.WriteString(strings.Join(row, "") + "\n")
	}
	for _, want := range []string{"只填白色单元格", "不要增加、删除行，也不要调整行的顺序或排序"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("cover lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "可以调整") {
		t.Errorf("cover still promises reordering:\n%s", text.String())
	}
	for _, tc := range []struct{ name, want string }{
		{"x.xls", "是 .xls 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入"},
		{"x.ET", "是 .et 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入"},
		{"x.ods", "不是 .xlsx 工作簿"},
		{"x.xlsx", "已损坏或不是 .xlsx 工作簿：请让填报单位重新保存为 .xlsx"},
	} {
		_, err := ReadReturn(tc.name, []byte("not a workbook"))
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "zip") {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// FuzzReadReturn: any bytes are read or refused with a message, never a
// panic; what is read has a round, a plan and a unit.
func FuzzReadReturn(f *testing.F) {
	data, err := RoundWorkbook(sampleRound())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	// Returns with a figure in a number format: percent, thousands, a
	// date, a custom code showing % without scaling.
	for _, c := range formattedCells {
		if c.numFmt != 0 || c.custom != "" {
			f.Add(formattedReturn(f, c))
		}
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		ret, err := ReadReturn("x.xlsx", b)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty message")
			}
			return
		}
		if ret.RoundID == "" || ret.PlanID == "" {
			t.Fatalf("read without round or plan: %+v", ret)
		}
	})
}
