package plantable

import (
	"fmt"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// Settling a row is the reviewer's word on a 待确认 row, given in the
// preview instead of in the workbook: a target typed in the grammar's
// terms, or the mark 定性（由审阅人判断）. The row keeps what the table
// wrote (TargetText, and the source quote made from it); the plan holds
// what the reviewer settled.

// Key names a row as the preview and `plan import --set` do: the sheet's
// name and the row's number, 主要指标:12.
func (it Item) Key() string { return fmt.Sprintf("%s:%d", it.Sheet, it.Line) }

// Find is the index of the row key names (主要指标:12, or the sheet's
// first four characters as the preview prints them: 重点工作:7).
func (d Draft) Find(key string) (int, error) {
	key = strings.TrimSpace(strings.ReplaceAll(key, "：", ":"))
	for i, it := range d.Items {
		if it.Key() == key || short(it.Sheet)+fmt.Sprint(it.Line) == key {
			return i, nil
		}
	}
	var keys []string
	for _, it := range d.Items {
		if it.NeedsReview {
			keys = append(keys, it.Key())
		}
	}
	if len(keys) == 0 {
		return 0, fmt.Errorf("表格中没有行“%s”（行写作 工作表:行号，如 主要指标:12）", key)
	}
	return 0, fmt.Errorf("表格中没有行“%s”（行写作 工作表:行号；待确认的行：%s）", key, strings.Join(keys, "、"))
}

// short is a sheet's name cut to four characters with a colon, as the
// command line's preview prints it.
func short(s string) string {
	if r := []rune(s); len(r) > 4 {
		return string(r[:4]) + ":"
	}
	return s + ":"
}

// SetTarget settles row i with a target typed in the grammar's terms
// (增长6%左右, 1万套以上, or a qualitative phrase such as 稳中提质); a hedge
// typed in front (力争) is dropped, the table's own stays. The text is refused, with
// the grammar's reason, when it cannot be read; nothing changes then.
func (d *Draft) SetTarget(i int, text string) error {
	if i < 0 || i >= len(d.Items) {
		return fmt.Errorf("没有第%d项", i+1)
	}
	it := &d.Items[i]
	if err := settleable(*it); err != nil {
		return err
	}
	read := typedTarget(text)
	t, err := CheckTarget(text)
	if err != nil {
		return fmt.Errorf("工作表“%s”第%d行：%w", it.Sheet, it.Line, err)
	}
	it.Read = read
	if t.Basis == domain.BasisQualitative {
		it.settleQualitative(t)
		return nil
	}
	it.Target, it.Qualitative = &t, false
	if t.Unit != "" {
		it.Unit = t.Unit
	}
	it.NeedsReview, it.Reason = false, ""
	return nil
}

// MarkQualitative settles row i as a qualitative target, its words as the
// table wrote them: judged by the reviewer, never given a number. A
// target the grammar reads as a number cannot be marked (it would hide
// the number); nothing changes then.
func (d *Draft) MarkQualitative(i int) error {
	if i < 0 || i >= len(d.Items) {
		return fmt.Errorf("没有第%d项", i+1)
	}
	it := &d.Items[i]
	if err := settleable(*it); err != nil {
		return err
	}
	read := domain.StripHedge(strings.ReplaceAll(strings.TrimSpace(it.TargetText), " ", ""))
	t, err := domain.MarkQualitative(read)
	if err != nil {
		return fmt.Errorf("工作表“%s”第%d行：%w", it.Sheet, it.Line, err)
	}
	it.Read = read
	it.settleQualitative(t)
	return nil
}

// settleable says why a row cannot take a target, nil when it can: a
// milestone is judged by its progress, and a row without a name is for
// the table to complete.
func settleable(it Item) error {
	switch {
	case it.Kind == domain.KindMilestone:
		return fmt.Errorf("工作表“%s”第%d行是重点事项，按完成情况判断，没有目标可写", it.Sheet, it.Line)
	case it.Name == "":
		return fmt.Errorf("工作表“%s”第%d行没有名称，须在表格中补上后重新读入", it.Sheet, it.Line)
	}
	return nil
}

func typedTarget(text string) string {
	return domain.StripHedge(strings.ReplaceAll(strings.TrimSpace(text), " ", ""))
}

// CheckTarget reads a target as a reviewer types it to settle a row, a
// leading hedge (力争) dropped; the window checks each keystroke with it.
// The error says what the grammar accepts.
func CheckTarget(text string) (domain.Target, error) {
	t, err := domain.ParseTarget(typedTarget(text))
	if err != nil {
		return t, fmt.Errorf("%w。%s", err, TargetHelp)
	}
	return t, nil
}

// TargetHelp says what a typed target may be.
const TargetHelp = "可填写：增长6%左右、达到95%以上、控制在3%以内、400个、提高3个百分点、下降4%以上、与经济增长基本同步、按省下达目标安排，" +
	"或定性用语如 稳中提质、持续改善；都不合适时请标为" + domain.QualitativeMark
