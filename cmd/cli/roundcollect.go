package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// round collect: the returned workbooks of a round, each checked against
// the round it says it belongs to and written in its own transaction, or
// refused with the reason and nothing written from it.

func runRoundCollect(env Env, st *store.Store, a args) error {
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	if len(a.pos) < 2 {
		return usage("round collect 需要填报表文件或文件夹")
	}
	files, err := returnFiles(a.pos[1:])
	if err != nil {
		return err
	}
	refused := 0
	for _, file := range files {
		if err := collectOne(env, st, a, file, by); err != nil {
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

// returnFiles lists the files named, a folder standing for its .xlsx
// files (not the ~$ lock files Excel and WPS leave beside an open one).
func returnFiles(args []string) ([]string, error) {
	var out []string
	for _, p := range args {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到“%s”", p)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var in []string
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") && !strings.HasPrefix(e.Name(), "~$") {
				in = append(in, filepath.Join(p, e.Name()))
			}
		}
		if len(in) == 0 {
			return nil, fmt.Errorf("文件夹“%s”中没有 .xlsx 文件", p)
		}
		sort.Strings(in)
		out = append(out, in...)
	}
	return out, nil
}

// collectOne checks one returned workbook and, unless --dry-run, writes it.
func collectOne(env Env, st *store.Store, a args, file, by string) error {
	base := filepath.Base(file)
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("无法读取“%s”：%w", base, err)
	}
	ret, err := sheet.ReadReturn(file, data)
	if err != nil {
		return err
	}
	plan := st.Plan()
	if ret.PlanID != plan.ID {
		return fmt.Errorf("“%s”是计划“%s”的填报表，不是当前计划（%s）的；请用 --plan %s", base, ret.PlanID, plan.ID, ret.PlanID)
	}
	round, keys, err := st.RoundKeys(ret.RoundID, ret.UnitID)
	if err != nil {
		return fmt.Errorf("“%s”：%w", base, err)
	}
	if ret.Period != round.Period.String() {
		return fmt.Errorf("“%s”写明的期间（%s）与轮次 %s 的期间（%s）不符：回执信息被改动过", base, ret.Period, round.ID, round.Period.Label())
	}
	unit, err := unitByID(st, ret.UnitID)
	if err != nil {
		return fmt.Errorf("“%s”：%w", base, err)
	}
	fmt.Fprintf(env.Stdout, "文件：%s　单位：%s　轮次：%s（%d年%s，截止%s）　填写%d行\n", base, unit.Full, round.ID,
		round.Period.Year, round.Period.Label(), round.Due, len(ret.Rows))
	var problems []string
	for _, r := range ret.Rows {
		item, ok := keys[r.Key]
		switch {
		case r.Key == "":
			problems = append(problems, fmt.Sprintf("第%d行没有行键（隐藏的“行键”列被清空或该行是新增的）：请勿增加行或清除行键", r.Line))
		case !ok:
			problems = append(problems, fmt.Sprintf("第%d行的行键不属于%s在本轮次的填报表（被改动，或从其他单位的表中复制）", r.Line, unit.Full))
		case r.ID != item:
			problems = append(problems, fmt.Sprintf("第%d行的编号被改为“%s”，该行原为 %s：请勿修改编号", r.Line, r.ID, item))
		}
		if r.Formula {
			problems = append(problems, fmt.Sprintf("第%d行“实际值”是公式：请填写数值（可复制后“选择性粘贴—数值”）", r.Line))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("“%s”有%d处问题，未写入任何数据：\n%s", base, len(problems), strings.Join(problems, "\n"))
	}
	if len(ret.Rows) == 0 {
		fmt.Fprintln(env.Stdout, "没有填写任何一行，无需写入。")
		return nil
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	locked, err := lockedPeriods(st)
	if err != nil {
		return err
	}
	p, err := sheet.Plan(r, []sheet.Table{ret.ImportTable(round.Period.Label())}, base, locked)
	if err != nil {
		return err
	}
	printPreview(env, p)
	if probs := p.Problems(); len(probs) > 0 {
		return fmt.Errorf("“%s”有%d处问题，未写入任何数据：\n%s", base, len(probs), strings.Join(probs, "\n"))
	}
	if n := p.Count(sheet.Corrects); n > 0 && !a.has("overwrite") {
		return fmt.Errorf("“%s”有%d条与已录入的实际值不同（见上表“更正”）；核实后要以填报为准时加 --overwrite", base, n)
	}
	writes := p.Writes()
	if a.has("dry-run") {
		fmt.Fprintf(env.Stdout, "试收取：没有问题，将写入%d条（未写入）。\n", len(writes))
		return nil
	}
	if len(writes) == 0 {
		fmt.Fprintln(env.Stdout, "填报的数据与已录入的一致，没有需要写入的内容。")
		return nil
	}
	if err := st.ImportReturn(p.Imports(), unit.Full, base, by); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已写入：新增%d条，更正%d条。修改记录中注明“由%s填报（%s）”。\n",
		p.Count(sheet.New), p.Count(sheet.Corrects), unit.Full, base)
	return nil
}

func unitByID(st *store.Store, id int64) (domain.Unit, error) {
	units, err := st.Units()
	if err != nil {
		return domain.Unit{}, err
	}
	for _, u := range units {
		if u.ID == id {
			return u, nil
		}
	}
	return domain.Unit{}, fmt.Errorf("本计划没有编号为 %d 的责任单位", id)
}
