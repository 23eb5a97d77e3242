package plantable

import (
	"regexp"
	"strings"

	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/tablehead"
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

// ownColumns are the columns the plan's own workbook (Fill) adds to an
// office's table, read before the shared vocabulary: there 编号 is the
// item's ID, where an office's table means a 序号 by it.
var ownColumns = map[string]role{
	"编号": colID, "同一指标": colSameAs, "上级": colParentID, "主题": colTopic, "注": colNote,
	"计量方式": colMeasure,
}

// roles is what each column of the shared vocabulary (model/tablehead)
// holds in a plan table. A column not here (增速 under a result, 四至范围
// in one cell) is not read.
var roles = map[tablehead.Column]role{
	tablehead.ColCategory: colCategory, tablehead.ColSeq: colSeq, tablehead.ColName: colName,
	tablehead.ColTarget: colTarget, tablehead.ColUnit: colUnit, tablehead.ColAttr: colNature,
	tablehead.ColOwner: colOwners, tablehead.ColNote: colSource, tablehead.ColTask: colTask,
	tablehead.ColDeadline: colDeadline, tablehead.ColActual: colActual,
	tablehead.ColParcel: colParcel, tablehead.ColArea: colArea, tablehead.ColPurpose: colInterest,
	tablehead.ColAgent: colImplementers, tablehead.ColEast: colEast, tablehead.ColSouth: colSouth,
	tablehead.ColWest: colWest, tablehead.ColNorth: colNorth,
}

// roleOf is the role of a header cell c (after sheet.Norm, spaces
// removed): the plan workbook's own columns, then the shared vocabulary,
// then, more leniently than a document's table is read, 目标 anywhere in
// the cell (完成目标, 预期目标值) and a cell ending in 实绩.
func roleOf(c string) (role, bool) {
	if ro, ok := ownColumns[c]; ok {
		return ro, true
	}
	if ro, ok := roles[tablehead.ColumnOf(c)]; ok {
		return ro, true
	}
	if strings.Contains(c, "目标") {
		return colTarget, true
	}
	if strings.HasSuffix(c, "实绩") {
		return colActual, true
	}
	return 0, false
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
		ro, ok := roleOf(c)
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
