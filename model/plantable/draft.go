// Package plantable is infrastructure: it reads an office's own plan table
// (.xlsx or .csv, through model/sheet) into draft plan items — the main
// indicators with their sections and sub-items, and the 重点工作 sheet's
// tasks — and writes the fill-in template. A draft is not a plan: every
// target the grammar cannot read is left for the reviewer (NeedsReview),
// never guessed. The rules are in docs/STATUS.md, “从表格读入计划”.
package plantable

import "cn.planreview/planreview/model/domain"

// Item is one row of the table as understood.
type Item struct {
	Sheet string
	Line  int // the sheet's row number, 1-based
	Kind  domain.Kind
	// Section is the category the row stands under (一、综合发展, 规模);
	// empty when the table has none.
	Section string
	Seq     string // 序号 as written
	Name    string
	// Parent is the name of the row a # or 其中 row belongs to.
	Parent     string
	TargetText string // the target as written in the cell
	// Read is the text handed to the grammar: TargetText, or a bare number
	// completed by the rules (7 under a 增长 header → 增长7%).
	Read   string
	Target *domain.Target // nil when not read, or a milestone
	// Qualitative: a target with no number (稳中提质), judged by the
	// reviewer; Target is then domain.BasisQualitative.
	Qualitative bool
	Unit        string
	Nature      string   // 属性: 预期性 or 约束性
	Owners      []string // 责任单位, one per unit
	Deadline    string   // 完成时限 as written (tasks)
	// Measure is the 计量方式 column read (累计, 时点, 速度), which a plan
	// exported by Fill carries; "" to decide by the target.
	Measure domain.Measure
	Source  string // 原文/备注; for an item drafted from a document, its verbatim quote
	// Start and End are the byte offsets of Source in Draft.Text when the
	// item was drafted from a document (model/plandraft), so the window can
	// show the quote in its place; both 0 for a row of a table file.
	Start, End int
	// Reported is the result an execution report prints beside the row
	// (实际完成, 全年实绩); nil when the document reports none.
	Reported *Reported
	// Parcel holds a 房屋征收计划表 row's columns (Kind parcel).
	Parcel *domain.Parcel
	// Kept is what a plan's own workbook (Fill) carries for the row beyond
	// an office's columns; nil for a row without any.
	Kept        *Kept
	NeedsReview bool
	Reason      string // why it needs review, naming row and column
}

// Kept is what a plan exported as a workbook carries back (the 编号, 同一指标,
// 上级, 主题 and 注 columns), so export and import give the same plan.
type Kept struct {
	ID     string // the item's ID (A1-05, B1-03); "" to number it by the table
	SameAs string // the 附件1 indicator a commitment repeats
	Parent string // the item a 其中 line belongs to, by ID
	Topic  string // the body paragraph's lead phrase
	Note   string // a footnote (注：…)
}

// Reported is a result as an execution report prints it. Value and Basis
// are set only where the grammar reads the text (增长4.8% → 4.8, growth;
// 下降4.6% → 4.6, reduction, written positive as targets are); 待省反馈,
// 年度指标 or 预计较难完成 keep only their words.
type Reported struct {
	Text   string // as printed
	Value  *float64
	Basis  domain.Basis
	Period string // the months it covers as the report names them: 1-12月, 1-6月
}

// Genre is what kind of document a draft was read from, as guessed.
type Genre string

// The genres a draft knows.
const (
	GenreTable     Genre = "table"     // an office's plan table (.xlsx/.csv), or a document that is only a table
	GenreNotice    Genre = "notice"    // a 下达计划的通知: body sections, annex tables
	GenreTaskTable Genre = "tasktable" // a 重点工作责任分解 table: tasks as sentences with 责任单位
	GenreReport    Genre = "report"    // a 计划执行情况 report: targets with what was achieved
)

// Draft is what a table gives: its items in order, and the problems that
// stop a plan being made from it (duplicate names) beside the items that
// only need the reviewer's word.
type Draft struct {
	File     string
	Items    []Item
	Problems []string
	// Genre is the kind of document the draft came from; Year the plan's
	// year as given or found in it (0 when neither).
	Genre Genre
	Year  int
	// Text is the whole table as text, sheet by sheet, a row a line with
	// cells between tabs: the notice of a plan made from it, where every
	// item's source can be looked up.
	Text string
}

// Pending counts the items that wait for the reviewer.
func (d Draft) Pending() int {
	n := 0
	for _, it := range d.Items {
		if it.NeedsReview {
			n++
		}
	}
	return n
}
