package sheet

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Reading a round workbook back (round collect): what its hidden sheet
// says it is, and the rows the unit filled, each with its key.

// Return is a filled round workbook as read.
type Return struct {
	File     string
	RoundID  string
	PlanID   string
	UnitID   int64
	UnitName string
	Period   string // as stored: 2023-09
	Rows     []ReturnRow
}

// ReturnRow is one filled row of the 填报 sheet.
type ReturnRow struct {
	Line                               int // the sheet's row number
	Key, ID                            string
	Value, Progress, Source, By, Phone string
	Formula                            bool // the 实际值 cell holds a formula
}

// ReadReturn reads a round workbook; one that is not (no 回执信息 sheet, no
// 填报 sheet, its columns gone) is refused with what is missing.
func ReadReturn(file string, data []byte) (Return, error) {
	base := filepath.Base(file)
	ret := Return{File: base}
	// The messages are read in the window and at the command line alike:
	// they say what the official can do, not which command to type, and
	// never pass on a library's English.
	switch ext := strings.ToLower(filepath.Ext(file)); ext {
	case ".xlsx":
	case ".xls", ".et":
		return ret, fmt.Errorf("“%s”是 %s 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入", base, ext)
	default:
		return ret, fmt.Errorf("“%s”不是 .xlsx 工作簿：填报表须按原格式保存为 .xlsx", base)
	}
	if len(data) > MaxFileSize {
		return ret, fmt.Errorf("“%s”过大（%.1f MB），最多%d MB", base, float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return ret, fmt.Errorf("“%s”已损坏或不是 .xlsx 工作簿：请让填报单位重新保存为 .xlsx 后发回", base)
	}
	defer f.Close()
	info, err := f.GetRows(RoundKeySheet)
	if err != nil || len(info) < 5 {
		return ret, fmt.Errorf("“%s”不是本程序生成的填报表：缺少“%s”表：请用“发起填报”生成的填报表填写", base, RoundKeySheet)
	}
	field := map[string]string{}
	for _, r := range info {
		if len(r) >= 2 {
			field[strings.TrimSpace(r[0])] = strings.TrimSpace(r[1])
		}
	}
	ret.RoundID, ret.PlanID, ret.UnitName, ret.Period = field["轮次"], field["计划"], field["单位"], field["期间"]
	if ret.UnitID, err = strconv.ParseInt(field["单位编号"], 10, 64); err != nil || ret.RoundID == "" || ret.PlanID == "" {
		return ret, fmt.Errorf("“%s”的“%s”表被改动过（轮次、计划或单位缺失），无法识别", base, RoundKeySheet)
	}
	rows, err := newFigureReader(f).rows(RoundFillSheet)
	if err != nil || len(rows) == 0 {
		return ret, fmt.Errorf("“%s”缺少“%s”表", base, RoundFillSheet)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"编号", "实际值", "进展情况", "来源", "填报人", "联系电话", "行键"} {
		if _, ok := col[need]; !ok {
			return ret, fmt.Errorf("“%s”的“%s”表缺少“%s”列：请勿删改表头", base, RoundFillSheet, need)
		}
	}
	get := func(r []string, name string) string {
		if i := col[name]; i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	valueCol, _ := excelize.ColumnNumberToName(col["实际值"] + 1)
	for i, r := range rows[1:] {
		line := i + 2
		row := ReturnRow{Line: line, Key: get(r, "行键"), ID: get(r, "编号"), Value: get(r, "实际值"),
			Progress: get(r, "进展情况"), Source: get(r, "来源"), By: get(r, "填报人"), Phone: get(r, "联系电话")}
		if formula, _ := f.GetCellFormula(RoundFillSheet, fmt.Sprintf("%s%d", valueCol, line)); formula != "" {
			row.Formula = true
		}
		if row.Value == "" && row.Progress == "" && !row.Formula {
			continue // not filled: nothing reported for that item
		}
		ret.Rows = append(ret.Rows, row)
	}
	return ret, nil
}

// ImportTable is a return's filled rows as an import reads a table (编号,
// 期间, 实际值, 来源, 备注, 填报人), so a figure goes through the same grammar,
// checks and preview as `import`. Each row stays at its line and each
// column at its letter in the 填报 sheet, so a problem names the cell the
// unit sees; 进展情况 becomes the note, the phone number goes with the
// reporter's name, and the period (no column of the sheet) goes in a
// column past the last.
func (ret Return) ImportTable(periodLabel string) Table {
	const id, value, note, source, by, period = 0, 7, 8, 9, 10, 13
	row := func() []string { return make([]string, period+1) }
	head := row()
	head[id], head[value], head[note], head[source], head[by], head[period] = "编号", "实际值", "备注", "来源", "填报人", "期间"
	t := Table{Name: RoundFillSheet, Rows: [][]string{head}}
	for _, r := range ret.Rows {
		for len(t.Rows) < r.Line-1 {
			t.Rows = append(t.Rows, nil)
		}
		who := r.By
		if r.Phone != "" {
			who = strings.TrimSpace(who + " " + r.Phone)
		}
		cells := row()
		cells[id], cells[value], cells[note], cells[source], cells[by], cells[period] = r.ID, r.Value, r.Progress, r.Source, who, periodLabel
		t.Rows = append(t.Rows, cells)
	}
	return t
}
