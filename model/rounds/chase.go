package rounds

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
)

// ChaseSheet is the sheet of the 催报清单 workbook.
const ChaseSheet = "催报清单"

// ChaseHeader is the 催报清单's header row.
var ChaseHeader = []string{"责任单位", "编号", "名称", "截止日期", "逾期天数", "联系人", "联系电话", "催报情况", "说明"}

// ChaseWorkbook writes the units' missing items as a workbook, one row
// each, with the unit's last known contact (blank when it never returned
// anything), 催报情况 left for the clerk to fill in while phoning round,
// and 说明 saying when only the figure is owed (只报了进展情况，未填实际值).
func ChaseWorkbook(round domain.Round, asOf time.Time, units []UnitRow) ([]byte, error) {
	due, err := DueDate(round)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", ChaseSheet); err != nil {
		return nil, err
	}
	head := make([]any, len(ChaseHeader))
	for i, h := range ChaseHeader {
		head[i] = h
	}
	if err := f.SetSheetRow(ChaseSheet, "A1", &head); err != nil {
		return nil, err
	}
	days := domain.DaysOverdue(due, asOf)
	n := 2
	for _, u := range units {
		for _, r := range u.Rows {
			if !r.Owed() {
				continue
			}
			row := []any{u.Unit, r.ItemID, r.Name, round.Due, days, u.Person, u.Phone, "", ""}
			if r.TextOnly {
				// The figure is owed, not the return: say so, in the
				// column after the clerk's own.
				row[len(row)-1] = domain.TextOnlyWhy
			}
			cell, err := excelize.CoordinatesToCellName(1, n)
			if err != nil {
				return nil, err
			}
			if err := f.SetSheetRow(ChaseSheet, cell, &row); err != nil {
				return nil, err
			}
			n++
		}
	}
	for _, w := range []struct {
		from, to string
		width    float64
	}{{"A", "A", 18}, {"C", "C", 30}, {"D", "H", 12}, {"I", "I", 26}} {
		if err := f.SetColWidth(ChaseSheet, w.from, w.to, w.width); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("无法生成催报清单：%w", err)
	}
	return buf.Bytes(), nil
}
