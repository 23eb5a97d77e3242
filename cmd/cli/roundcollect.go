package cli

import (
	"fmt"
	"slices"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// round collect: the returned workbooks of a round, each checked against
// the round it says it belongs to and written in its own transaction, or
// refused with the reason and nothing written from it. The checks and the
// writing are model/rounds' (the window's 导入回执 uses them too); this
// prints them. All files are checked first, then written as one batch
// (one automatic backup before it).

func runRoundCollect(env Env, st *store.Store, a args) error {
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	if len(a.pos) < 2 {
		return usage("round collect 需要填报表文件或文件夹")
	}
	files, err := rounds.Files(a.pos[1:])
	if err != nil {
		return err
	}
	mode := rounds.Hold
	if a.has("overwrite") {
		mode = rounds.Overwrite
	}
	checked := rounds.CheckFiles(st, files)
	var outs []rounds.Outcome
	if !a.has("dry-run") {
		if outs, err = rounds.Collect(st, checked, by, mode); err != nil {
			return err
		}
	}
	refused := 0
	for i, c := range checked {
		var o *rounds.Outcome
		if outs != nil {
			o = &outs[i]
		}
		if err := printCollected(env, c, o, mode); err != nil {
			refused++
			fmt.Fprintf(env.Stdout, "未写入：%s\n\n", err)
			continue
		}
		fmt.Fprintln(env.Stdout)
	}
	held := 0
	var heldIn []string // the rounds holding them, for the hint
	for i, o := range outs {
		held += o.Held
		if id := checked[i].Round.ID; o.Held > 0 && !slices.Contains(heldIn, id) {
			heldIn = append(heldIn, id)
		}
	}
	if held > 0 && len(files) > 1 {
		fmt.Fprintf(env.Stdout, "本次共%d条填报与已录入的实际值不同，留待裁定（轮次 %s）：planreview round conflicts 查看，round resolve 裁定。\n", held, strings.Join(heldIn, "、"))
	}
	if refused > 0 {
		return fmt.Errorf("%d个文件中%d个未写入（原因见上）", len(files), refused)
	}
	return nil
}

// printCollected prints what a checked workbook would do and, when it was
// written (o not nil), what it did; the error is why it was refused.
func printCollected(env Env, c rounds.Checked, o *rounds.Outcome, mode rounds.Mode) error {
	if c.Known() {
		fmt.Fprintf(env.Stdout, "文件：%s　单位：%s　轮次：%s（%d年%s，截止%s）　填写%d行\n", c.File, c.Unit.Full, c.Round.ID,
			c.Round.Period.Year, c.Round.Period.Label(), c.Round.Due, c.Rows)
	}
	if c.Preview != nil {
		printReturnPreview(env, c, mode)
	}
	if c.Refused != nil {
		return c.Refused
	}
	if c.Rows == 0 {
		fmt.Fprintln(env.Stdout, "没有填写任何一行，无需写入。")
		return nil
	}
	if o == nil {
		printForeseen(env, c, mode)
		return nil
	}
	if o.Refused != nil {
		return o.Refused
	}
	figures := o.New + o.Corrected
	switch {
	case o.Writes() == 0 && o.Held == 0:
		fmt.Fprintln(env.Stdout, "填报的数据与已录入的一致：记为已报送，实际值无需更改。")
		return nil
	case figures == 0 && o.Notes == 0:
		fmt.Fprintf(env.Stdout, "没有写入数值：%d条待裁定。\n", o.Held)
	case figures == 0 && o.Held > 0:
		fmt.Fprintf(env.Stdout, "没有写入数值：%d条待裁定；只写入了进展情况%d条。修改记录中注明“由%s填报（%s）”。\n", o.Held, o.Notes, o.Unit.Full, o.File)
	case figures == 0:
		fmt.Fprintf(env.Stdout, "只写入了进展情况%d条，数值无需更改。修改记录中注明“由%s填报（%s）”。\n", o.Notes, o.Unit.Full, o.File)
	default:
		notes := ""
		if o.Notes > 0 {
			notes = fmt.Sprintf("，进展情况%d条", o.Notes)
		}
		fmt.Fprintf(env.Stdout, "已写入：新增%d条，更正%d条%s。修改记录中注明“由%s填报（%s）”。\n", o.New, o.Corrected, notes, o.Unit.Full, o.File)
	}
	for _, s := range c.Settles(mode) {
		fmt.Fprintln(env.Stdout, s)
	}
	if o.Held > 0 {
		fmt.Fprintf(env.Stdout, "%d条与已录入的实际值不同，未覆盖，留待裁定：用 planreview round conflicts --round %s 查看，round resolve 编号 --round %s 裁定。\n", o.Held, c.Round.ID, c.Round.ID)
	}
	return nil
}

// printForeseen says what collecting a checked file would do, given the
// files before it in the batch: the figures it would write and the ones
// it would hold, or with --overwrite which unit's figure would stand.
func printForeseen(env Env, c rounds.Checked, mode rounds.Mode) {
	w := env.Stdout
	figures, held, notes := c.WillWrite(mode), c.WillHold(mode), 0
	for _, r := range c.Preview.Rows {
		if strings.TrimSpace(r.Note) != "" {
			notes++
		}
	}
	switch {
	case figures > 0:
		fmt.Fprintf(w, "试收取：没有问题，将写入%d条（未写入）。\n", figures)
	case held > 0:
		fmt.Fprintf(w, "试收取：没有问题，但不会写入数值：%d条将留待裁定（未写入）。\n", held)
	case notes > 0:
		fmt.Fprintf(w, "试收取：没有问题，没有新的数值，只写入进展情况%d条（未写入；与已有的相同的不重复写入）。\n", notes)
	default:
		fmt.Fprintln(w, "试收取：没有问题，填报的数值与已录入的一致，无需写入。")
	}
	if n := c.Corrections(); n > 0 && mode == rounds.Hold {
		fmt.Fprintf(w, "其中%d条与已录入的实际值不同（见上表“待裁定”），收取时将留待裁定，不覆盖；要以填报为准可加 --overwrite。\n", n)
	}
	if n := c.BatchHeld(); n > 0 && mode == rounds.Hold {
		fmt.Fprintf(w, "%d条与本批中先收取的单位填报的不同（见上表“待裁定”），收取时将留待裁定，不覆盖。\n", n)
	}
	for _, s := range c.Settles(mode) {
		fmt.Fprintln(w, s)
	}
}

// printReturnPreview is the import's preview (printPreview) for a return:
// a figure differing from the recorded one is, unless --overwrite, not a
// correction but held for the reviewer, and gives no status yet.
func printReturnPreview(env Env, c rounds.Checked, mode rounds.Mode) {
	w, p := env.Stdout, *c.Preview
	fmt.Fprintf(w, "文件：%s　工作表：%s　表头在第%d行，数据%d行\n", p.File, p.Sheet, p.HeaderRow, len(p.Rows))
	fmt.Fprintf(w, "%s %s %s %s %s %s %s\n", cjk.Pad("行", 5), cjk.Pad("编号", 7), cjk.Pad("名称", 24), cjk.Pad("期间", 7),
		cjk.Pad("数值", 14), cjk.Pad("变化", 32), "将得状态")
	for _, r := range p.Rows {
		change, status := map[sheet.Change]string{sheet.New: "新增", sheet.Same: "无变化", sheet.Corrects: "更正：" + r.Old + " → " + r.Shown}[r.Change], r.Status.Label
		if r.Change == sheet.Corrects && mode == rounds.Hold {
			change, status = "待裁定：已录入"+r.Old, "不覆盖，由审阅人裁定"
		}
		// A figure new to the database that an earlier file of the batch
		// reports too: held if it differs, unless --overwrite.
		if e, ok := c.Earlier(r); ok && r.Text != "" {
			switch {
			case e.Same:
				change = "无变化（与" + e.Unit.Full + "填报的一致）"
			case mode == rounds.Hold:
				change, status = "待裁定：与"+e.Unit.Full+"填报的"+e.Shown+"不同", "不覆盖，由审阅人裁定"
			default:
				change = "更正：" + e.Shown + " → " + r.Shown + "（" + e.Unit.Full + "填报的）"
			}
		}
		if len(r.Problems) > 0 {
			change, status = "有问题", strings.Join(r.Problems, "；")
		}
		// The change is never cut: a held row says with whom it differs.
		period := ""
		if !r.Actual.Period.IsZero() {
			period = r.Actual.Period.Label()
		}
		fmt.Fprintf(w, "%s %s %s %s %s %s %s\n", cjk.Pad(fmt.Sprint(r.Line), 5), cjk.Pad(r.ItemID, 7), cjk.Pad(r.ItemName, 24),
			cjk.Pad(period, 7), cjk.Pad(r.Shown, 14), cjk.Pad(change, max(32, cjk.Width(change))), status)
	}
}
