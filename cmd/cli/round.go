package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// round start: a reporting round's workbooks, one per unit with items.

func runRound(env Env, st *store.Store, a args) error {
	if len(a.pos) == 0 {
		return usage("需要子命令 start、collect、status、conflicts 或 resolve")
	}
	switch a.pos[0] {
	case "start":
		return runRoundStart(env, st, a)
	case "collect":
		return runRoundCollect(env, st, a)
	case "status":
		return runRoundStatus(env, st, a)
	case "conflicts":
		return runRoundConflicts(env, st, a)
	case "resolve":
		return runRoundResolve(env, st, a)
	}
	return usage("round 的子命令是 start、collect、status、conflicts 或 resolve，不是“%s”", a.pos[0])
}

func runRoundStart(env Env, st *store.Store, a args) error {
	if len(a.pos) != 1 {
		return usage("round start 不接受参数“%s”", a.pos[1])
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	if !a.has("period") || !a.has("due") || a.get("o") == "" {
		return usage("round start 需要 --period 期间、--due 截止日期 和 -o 文件夹")
	}
	p, err := period(st, a.get("period"), "--period")
	if err != nil {
		return err
	}
	dir := a.get("o")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("文件夹“%s”不存在：请先建好，再用 -o 指定", dir)
	}
	rp, err := st.PlanRound(p, a.get("due"))
	if err != nil {
		return err
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	files, err := sheet.RoundFiles(r, rp)
	if err != nil {
		return err
	}
	// Refuse before anything is stored if a workbook would overwrite one
	// already there: it may be a return.
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.Name)); err == nil {
			return fmt.Errorf("文件夹中已有“%s”，未发起填报：请换一个空文件夹", f.Name)
		}
	}
	round, err := st.SaveRound(rp, by)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := store.WriteFileAtomic(filepath.Join(dir, f.Name), f.Data); err != nil {
			return fmt.Errorf("已记录填报轮次 %s，但写入“%s”失败：%w（可用 planreview undo 撤销这次发起后重试）", round.ID, f.Name, err)
		}
	}
	fmt.Fprintf(env.Stdout, "已发起%d年%s填报（轮次 %s），截止%s，共%d个单位：\n", p.Year, p.Label(), round.ID, round.Due, len(files))
	for _, f := range files {
		fmt.Fprintf(env.Stdout, "  %s（%d项）\n", filepath.Join(dir, f.Name), f.Items)
	}
	return nil
}
