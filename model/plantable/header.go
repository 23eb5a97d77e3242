package plantable

import (
	"regexp"
	"strings"

	"cn.planreview/planreview/model/sheet"
)

// role is what a column holds.
type role int

const (
	colCategory role = iota
	colSeq
	colName
	colTarget
	colUnit
	colNature
	colOwners
	colSource
	colTask
	colDeadline
	colMeasure
	colActual
	// What a plan's own workbook (Fill) carries back: the item's ID, the
	// indicator a commitment repeats, the item a 其中 line belongs to, the
	// paragraph's lead phrase and a footnote.
	colID
	colSameAs
	colParentID
	colTopic
	colNote
	// A 房屋征收计划表 (附件2) sheet's columns.
	colParcel
	colEast
	colSouth
	colWest
	colNorth
	colArea
	colInterest
	colImplementers
	numRoles
)

// headerNames are the headers offices write, after sheet.Norm and with
// spaces removed. 目标 is matched by the word anywhere in the cell, since
// it comes as 预期目标, 2024年目标, 2019年目标增长(%).
var headerNames = map[string]role{
	"类别": colCategory, "分类": colCategory, "指标类别": colCategory,
	"序号":   colSeq,
	"指标名称": colName, "指标": colName,
	"单位": colUnit, "计量单位": colUnit,
	"属性": colNature, "指标属性": colNature,
	"责任单位": colOwners, "牵头单位": colOwners, "责任部门": colOwners, "牵头部门": colOwners,
	"原文/备注": colSource, "原文": colSource, "备注": colSource, "说明": colSource,
	"任务": colTask, "重点工作": colTask, "工作任务": colTask,
	"完成时限": colDeadline, "时限": colDeadline, "完成时间": colDeadline,
	"计量方式": colMeasure,
	"实际完成": colActual, "完成情况": colActual, "实际完成情况": colActual, "全年完成": colActual,
	"执行情况": colActual, "完成值": colActual,
	"编号": colID, "同一指标": colSameAs, "上级": colParentID, "主题": colTopic, "注": colNote,
	"地块名称": colParcel, "东至": colEast, "南至": colSouth, "西至": colWest, "北至": colNorth,
	"面积": colArea, "面积(亩)": colArea, "面积（亩）": colArea, "征收面积(亩)": colArea,
	"公共利益类型": colInterest, "实施主体": colImplementers,
}

// headerRows is how far down a header is looked for: a title, a date
// line and a unit line often stand above it.
const headerRows = 10

// header is a found header row and what it says about the table.
type header struct {
	row  int // 0-based
	cols [numRoles]int
	// From the 目标 header: 增长 in it makes a bare number a growth rate;
	// a unit in brackets, (%) or （亿元）, is the unit of every row.
	growth bool
	unit   string
	label  string // the 目标 header as written, for reasons
	// period is the months the 实际完成 / 全年实绩 column covers (1-12月).
	period string
}

var reHeaderUnit = regexp.MustCompile(`\(([^()]+)\)$`)

// readHeader reads one row as a header.
func readHeader(row []string, r int) header {
	h := header{row: r}
	for i := range h.cols {
		h.cols[i] = -1
	}
	for j, cell := range row {
		c := strings.Join(strings.Fields(sheet.Norm(cell)), "")
		if c == "" {
			continue
		}
		ro, ok := headerNames[c]
		if !ok && strings.Contains(c, "目标") {
			ro, ok = colTarget, true
		}
		if !ok && strings.HasSuffix(c, "实绩") {
			ro, ok = colActual, true // 全年实绩, 上半年实绩, 1-6月实绩
		}
		if !ok || h.cols[ro] >= 0 {
			continue
		}
		h.cols[ro] = j
		if ro == colActual {
			h.period = ReportedPeriod(c)
		}
		if ro == colTarget {
			h.label = c // as written but for spaces and line breaks, which a reason cannot show
			h.growth = strings.Contains(c, "增长") || strings.Contains(c, "增速")
			if m := reHeaderUnit.FindStringSubmatch(c); m != nil {
				h.unit = m[1]
			}
		}
	}
	return h
}

// findHeader finds the first row in the top rows of t with the target
// column and the key column (指标名称 for indicators, 任务 for tasks).
// keyOnly reports a row that has the key column but no 目标, for a clear
// message.
func findHeader(rows [][]string, key role) (h header, ok bool, keyOnly int) {
	keyOnly = -1
	for i := 0; i < len(rows) && i < headerRows; i++ {
		h := readHeader(rows[i], i)
		if h.cols[key] < 0 {
			continue
		}
		if h.cols[colTarget] >= 0 {
			return h, true, -1
		}
		if keyOnly < 0 {
			keyOnly = i
		}
	}
	return header{}, false, keyOnly
}
