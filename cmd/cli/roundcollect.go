package cli

import (
	"fmt"

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
	checked := make([]rounds.Checked, 0, len(files))
	for _, file := range files {
		checked = append(checked, rounds.CheckFile(st, file))
	}
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
		printPreview(env, *c.Preview)
	}
	if c.Refused != nil {
		return c.Refused
	}
	if c.Rows == 0 {
		fmt.Fprintln(env.Stdout, "没有填写任何一行，无需写入。")
		return nil
	}
	if o == nil {
		figures, held := c.Preview.Count(sheet.New), 0
		if mode == rounds.Hold {
			held = c.Corrections()
		} else {
			figures += c.Corrections()
		}
		fmt.Fprintf(env.Stdout, "试收取：没有问题，将写入%d条（未写入）。\n", figures)
		if held > 0 {
			fmt.Fprintf(env.Stdout, "其中%d条与已录入的实际值不同（见上表“更正”），收取时将留待裁定，不覆盖；要以填报为准可加 --overwrite。\n", held)
		}
		return nil
	}
	if o.Refused != nil {
		return o.Refused
	}
	if o.Writes() == 0 && o.Held == 0 {
		fmt.Fprintln(env.Stdout, "填报的数据与已录入的一致：记为已报送，实际值无需更改。")
		return nil
	}
	fmt.Fprintf(env.Stdout, "已写入：新增%d条，更正%d条。修改记录中注明“由%s填报（%s）”。\n", o.New, o.Corrected, o.Unit.Full, o.File)
	if o.Held > 0 {
		fmt.Fprintf(env.Stdout, "%d条与已录入的实际值不同，未覆盖，留待裁定：用 planreview round conflicts 查看，round resolve 裁定。\n", o.Held)
	}
	return nil
}
