package plantable

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
)

// explainMark opens the template's explanatory row; the reader skips any
// row that has a cell starting with it, so the template reads back as it
// comes, explanation and all.
const explainMark = "【填写说明】"

// The template's sheets and columns: the fill-in form, which the
// reader's header names all match.
var (
	indicatorCols = []string{"类别", "序号", "指标名称", "预期目标", "单位", "属性", "责任单位", "原文/备注"}
	indicatorHelp = []string{explainMark + "一、综合发展 等类别名称，同一类别可只填第一行", "1",
		"一行一个指标；分项在名称前加 # 或“其中：”", "按计划原文填写，如 增长6%左右、95%以上、控制在3%以内；定性目标如 稳中提质 照填",
		"可不填；只填数字时请填写（%、亿元、个）", "预期性 或 约束性", "多个单位用“、”分隔", "计划原文或说明"}
	taskCols = []string{"任务", "目标", "责任单位", "完成时限", "原文"}
	taskHelp = []string{explainMark + "一行一项重点工作", "有数量的写数量（如 400个）；完成即可的事项可不填",
		"多个单位用“、”分隔", "如 2024年9月底", "计划原文"}
)

// Template writes the fill-in workbook for a new plan: 主要指标 and 重点工作,
// each with its explanatory row and an example row from p (the bundled
// plan), so an office sees its own kind of row filled in.
func Template(p *domain.Plan) ([]byte, error) {
	ind, task := examples(p)
	return workbook([]sheetRows{{"主要指标", indicatorCols, indicatorHelp, [][]string{ind}},
		{"重点工作", taskCols, taskHelp, [][]string{task}}})
}

// sheetRows is one sheet of the template form: header, explanatory row,
// then rows.
type sheetRows struct {
	name       string
	cols, help []string
	rows       [][]string
}

// workbook writes sheets in the template's form: a bold header, the
// grey explanatory row, and the rows as text (a 序号 of 1 stays "1").
func workbook(sheets []sheetRows) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DEE4EC"}}})
	if err != nil {
		return nil, err
	}
	grey, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "666666", Italic: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		for r, vals := range append([][]string{s.cols, s.help}, s.rows...) {
			row := make([]any, len(vals))
			for j, v := range vals {
				row[j] = v
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				return nil, err
			}
		}
		last, _ := excelize.ColumnNumberToName(len(s.cols))
		f.SetCellStyle(s.name, "A1", last+"1", bold)
		f.SetCellStyle(s.name, "A2", last+"2", grey)
		f.SetColWidth(s.name, "A", last, 22)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// examples picks the plan's first indicator and its first task with a
// deadline (else its first commitment), written as an office would.
func examples(p *domain.Plan) (ind, task []string) {
	title := map[string]string{}
	for _, s := range p.Sections {
		title[s.ID] = s.Title
	}
	var commit *domain.Item
	for i := range p.Items {
		it := &p.Items[i]
		switch {
		case ind == nil && it.Kind == domain.KindIndicator:
			ind = []string{title[it.Section], strconv.Itoa(it.IndicatorNo), it.DisplayName(),
				it.Hedge + it.TargetText, it.Target.Unit, "", "", it.SourceQuote}
		case task == nil && it.Kind == domain.KindCommitment && !it.Deadline.IsZero():
			task = []string{it.Name, it.TargetText, "", fmt.Sprintf("%d年%d月底", it.Deadline.Year, it.Deadline.Month), it.SourceQuote}
		case commit == nil && it.Kind == domain.KindCommitment:
			commit = it
		}
	}
	if task == nil && commit != nil {
		task = []string{commit.Name, commit.TargetText, "", "", commit.SourceQuote}
	}
	return ind, task
}
