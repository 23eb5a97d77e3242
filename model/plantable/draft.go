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
	Target *domain.Target // nil when not read, qualitative, or a milestone
	// Qualitative: a target with no number (稳中提质), judged by the
	// reviewer; always NeedsReview until the domain can judge it.
	Qualitative bool
	Unit        string
	Nature      string   // 属性: 预期性 or 约束性
	Owners      []string // 责任单位, one per unit
	Deadline    string   // 完成时限 as written (tasks)
	// Measure is the 计量方式 column read (累计, 时点, 速度), which a plan
	// exported by Fill carries; "" to decide by the target.
	Measure     domain.Measure
	Source      string // 原文/备注
	NeedsReview bool
	Reason      string // why it needs review, naming row and column
}

// Draft is what a table gives: its items in order, and the problems that
// stop a plan being made from it (duplicate names) beside the items that
// only need the reviewer's word.
type Draft struct {
	File     string
	Items    []Item
	Problems []string
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
