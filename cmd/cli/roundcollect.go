package cli

import (
	"fmt"

	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// round collect: the returned workbooks of a round, each checked against
// the round it says it belongs to and written in its own transaction, or
// refused with the reason and nothing written from it. The checks and the
// writing are model/rounds' (the window's 导入回执 uses them too); this
// prints them.

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
	refused := 0
	for _, file := range files {
		if err := collectOne(env, st, file, by, mode, a.has("dry-run")); err != nil {
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

// collectOne checks one returned workbook, prints what it would do and,
// unless dry, writes it; the error is why it was refused.
func collectOne(env Env, st *store.Store, file, by string, mode rounds.Mode, dry bool) error {
	c := rounds.CheckFile(st, file)
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
	if mode == rounds.Hold {
		if err := c.CorrectionsRefusal(); err != nil {
			return err
		}
	}
	writes := len(c.Preview.Imports())
	if dry {
		fmt.Fprintf(env.Stdout, "试收取：没有问题，将写入%d条（未写入）。\n", writes)
		return nil
	}
	out, err := rounds.Collect(st, []rounds.Checked{c}, by, mode)
	if err != nil {
		return err
	}
	o := out[0]
	if o.Refused != nil {
		return o.Refused
	}
	if o.Written == 0 {
		fmt.Fprintln(env.Stdout, "填报的数据与已录入的一致，没有需要写入的内容。")
		return nil
	}
	fmt.Fprintf(env.Stdout, "已写入：新增%d条，更正%d条。修改记录中注明“由%s填报（%s）”。\n", o.New, o.Corrected, o.Unit.Full, o.File)
	return nil
}
