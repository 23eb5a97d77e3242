package tablehead

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Column is what a table header cell names. The vocabulary is what
// Chinese plan documents print over their columns; a header is found by
// these names, and the number of header cells gives the column count of a
// table flattened one cell per line.
type Column string

// The columns a plan document's tables carry.
const (
	ColNone     Column = ""
	ColSeq      Column = "seq"         // 序号
	ColCategory Column = "category"    // 类别
	ColName     Column = "name"        // 指标名称, 指标
	ColTarget   Column = "target"      // 预期目标, 2023年目标, 2019年目标增长(%)
	ColActual   Column = "actual"      // 实际完成, 全年实绩, 上半年实绩
	ColSub      Column = "sub"         // 绝对值, 增速: a sub-column under an actual
	ColNote     Column = "note"        // 备注
	ColUnit     Column = "unit"        // 单位
	ColAttr     Column = "attr"        // 属性
	ColTask     Column = "task"        // 主要工作任务, 任务
	ColOwner    Column = "responsible" // 责任单位, 牵头单位
	ColDeadline Column = "deadline"    // 完成时限
	ColParcel   Column = "parcel"      // 地块名称
	ColBounds   Column = "bounds"      // 四至范围
	ColArea     Column = "area"        // 土地面积
	ColPurpose  Column = "purpose"     // 公共利益类型
	ColAgent    Column = "agent"       // 实施主体
	// A 房屋征收计划表's 四至 written one side a column, as the plan's own
	// workbook writes them.
	ColEast  Column = "east"  // 东至
	ColSouth Column = "south" // 南至
	ColWest  Column = "west"  // 西至
	ColNorth Column = "north" // 北至
)

var vocabulary = map[string]Column{
	"序号": ColSeq, "编号": ColSeq,
	"类别": ColCategory, "分类": ColCategory, "领域": ColCategory, "指标类别": ColCategory,
	"指标名称": ColName, "指标": ColName, "指标项": ColName, "名称": ColName, "主要指标": ColName,
	"目标": ColTarget, "预期目标": ColTarget, "计划目标": ColTarget, "年度目标": ColTarget,
	"全年目标": ColTarget, "目标值": ColTarget, "目标增长": ColTarget, "预期目标增长": ColTarget,
	// 2022年计划 in a plan's annex: the year's planned figure.
	"计划": ColTarget, "年度计划": ColTarget, "计划数": ColTarget, "计划值": ColTarget, "预期": ColTarget,
	"实际完成": ColActual, "完成情况": ColActual, "全年实绩": ColActual, "上半年实绩": ColActual,
	"前三季度实绩": ColActual, "一季度实绩": ColActual, "实绩": ColActual, "执行情况": ColActual,
	"完成值": ColActual, "实际完成情况": ColActual, "全年完成": ColActual,
	// 1-6月完成, 上半年完成, 前三季度完成: the period prefix goes first.
	"完成": ColActual, "累计完成": ColActual, "实际值": ColActual, "完成数": ColActual,
	"预计完成": ColActual, "预计全年完成": ColActual,
	"绝对值": ColSub, "增速": ColSub, "增长": ColSub, "增幅": ColSub, "同比增长": ColSub, "总量": ColSub,
	"备注": ColNote, "说明": ColNote, "原文": ColNote, "原文/备注": ColNote,
	// 完成进度 (27.3 of 50 → 54.6%) is a share of the year's target, no
	// result of its own: a column named so it is not read as one.
	"完成进度": ColNote, "进度": ColNote, "序时进度": ColNote,
	"单位": ColUnit, "计量单位": ColUnit,
	"属性": ColAttr, "指标属性": ColAttr,
	"主要工作任务": ColTask, "任务": ColTask, "工作任务": ColTask, "重点工作": ColTask,
	"主要任务": ColTask, "工作内容": ColTask, "任务内容": ColTask, "重点任务": ColTask,
	"重点工作任务": ColTask, "主要目标任务": ColTask, "工作举措": ColTask,
	"责任单位": ColOwner, "牵头单位": ColOwner, "配合单位": ColOwner, "责任部门": ColOwner,
	"牵头部门": ColOwner, "主要责任单位": ColOwner, "牵头责任单位": ColOwner,
	"完成时限": ColDeadline, "时间节点": ColDeadline, "完成时间": ColDeadline, "时限": ColDeadline,
	"地块名称": ColParcel, "四至范围": ColBounds, "土地面积": ColArea, "面积": ColArea, "征收面积": ColArea,
	"东至": ColEast, "南至": ColSouth, "西至": ColWest, "北至": ColNorth,
	"公共利益类型": ColPurpose, "实施主体": ColAgent,
}

// headings are the word each column is headed with when a table is
// written for a reader of this vocabulary (model/plandraft hands a
// document's table to model/plantable with its columns so named, whatever
// its own header said).
var headings = map[Column]string{
	ColSeq: "序号", ColCategory: "类别", ColName: "指标名称", ColTarget: "目标",
	ColActual: "实际完成", ColSub: "增速", ColNote: "备注", ColUnit: "单位", ColAttr: "属性",
	ColTask: "任务", ColOwner: "责任单位", ColDeadline: "完成时限", ColParcel: "地块名称",
	ColBounds: "四至范围", ColArea: "土地面积", ColPurpose: "公共利益类型", ColAgent: "实施主体",
	ColEast: "东至", ColSouth: "南至", ColWest: "西至", ColNorth: "北至",
}

// Heading is the word c is headed with, one ColumnOf reads back as c; ""
// for ColNone.
func (c Column) Heading() string { return headings[c] }

// yearPrefix and periodPrefix are dropped before the vocabulary is looked
// up: 2023年目标 is a 目标, 1-6月实绩 an 实绩.
var (
	yearPrefix   = regexp.MustCompile(`^(19|20)\d\d年(度)?`)
	periodPrefix = regexp.MustCompile(`^(1-\d{1,2}月|\d{1,2}月|上半年|前三季度|一季度|全年)`)
)

// Normalize is a header cell as matched: without spaces (主 要 工 作 任 务),
// with full-width brackets and % made ASCII. It is for matching only; the
// cell's text is kept as written.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '％':
			r = '%'
		case r == '－' || r == '—' || r == '–' || r == '~' || r == '～':
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ColumnOf is the column a header cell names, or ColNone.
func ColumnOf(cell string) Column {
	s := Normalize(cell)
	if s == "" || utf8.RuneCountInString(s) > 40 {
		return ColNone
	}
	for range 3 {
		if c, ok := vocabulary[s]; ok {
			return c
		}
		// A bracketed remark or unit after the name: 土地面积(亩),
		// 四至范围(具体由人民政府依法确定征收范围), 目标增长(%).
		if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
			s = s[:i]
			continue
		}
		s = strings.TrimSuffix(s, "%")
		t := periodPrefix.ReplaceAllString(yearPrefix.ReplaceAllString(s, ""), "")
		if t == s {
			break
		}
		s = t
	}
	if c, ok := vocabulary[s]; ok {
		return c
	}
	// A period alone (1-9月, 前三季度 over 绝对值 | 增速) heads what was
	// done in it: a result.
	if rePeriodOnly.MatchString(yearPrefix.ReplaceAllString(Normalize(cell), "")) {
		return ColActual
	}
	return ColNone
}

// rePeriodOnly is a header naming only a part of the year.
var rePeriodOnly = regexp.MustCompile(`^(?:1-\d{1,2}月(?:份)?|上半年|前三季度|一季度|1-\d{1,2}月累计)$`)

// FillsDown is whether a blank cell of a column rebuilt from text means
// "the same as the row above" (a vertically merged cell flattened): the
// unit responsible, the category, the type — never a target, a figure or
// a remark, where blank means blank.
func (c Column) FillsDown() bool {
	switch c {
	case ColCategory, ColUnit, ColAttr, ColOwner, ColPurpose, ColAgent, ColDeadline:
		return true
	}
	return false
}

// LongText is whether a column holds sentences (a task's wording), so that
// a long sentence does not end a table that has one.
func (c Column) LongText() bool {
	switch c {
	case ColTask, ColBounds, ColNote:
		return true
	}
	return false
}

// Groups is whether a column can stand over sub-columns (全年实绩 over
// 绝对值 | 增速).
func (c Column) Groups() bool { return c == ColActual || c == ColTarget }
