package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// runPlan is `plan SUB …`: the commands on whole plans.
func runPlan(env Env, st *store.Store, a args) error {
	if len(a.pos) == 0 {
		return usage("plan 需要子命令：template、draft、import、export、remove")
	}
	switch a.pos[0] {
	case "template":
		return runPlanTemplate(env, st, a)
	case "draft":
		return runPlanDraft(env, a)
	case "import":
		return runPlanImport(env, st, a)
	case "export":
		return runPlanExport(env, st, a)
	case "remove":
		return runPlanRemove(env, st, a)
	}
	return usage("plan 的子命令“%s”未知，可用：template、draft、import、export、remove", a.pos[0])
}

// runPlanTemplate writes the fill-in workbook for a new plan, its
// example rows taken from the plan in the database.
func runPlanTemplate(env Env, st *store.Store, a args) error {
	if len(a.pos) > 1 {
		return usage("plan template 不接受参数“%s”（文件名用 -o）", a.pos[1])
	}
	return writeWorkbook(env, a, func() ([]byte, error) { return plantable.Template(st.Plan()) },
		"已生成计划模板：%s（工作表 主要指标、重点工作，各有一行填写说明和一行示例）\n")
}

// runPlanExport writes a plan's definition: the plan file as stored
// (.json), or the template's form filled with its items (.xlsx), which
// plan import reads back as the same items — next year's plan to edit.
func runPlanExport(env Env, st *store.Store, a args) error {
	if len(a.pos) != 2 {
		return usage("plan export 需要计划编号（planreview plans 列出全部计划）")
	}
	if err := st.SelectPlan(a.pos[1]); err != nil {
		return err
	}
	out := a.get("o")
	switch strings.ToLower(filepath.Ext(out)) {
	case ".json":
		data, err := st.PlanFile()
		if err != nil {
			return err
		}
		if err := store.WriteFileAtomic(out, data); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已导出计划数据文件：%s（%d项）\n", out, len(st.Plan().Items))
		return nil
	case ".xlsx":
		return writeWorkbook(env, a, func() ([]byte, error) { return plantable.Fill(st.Plan()) },
			fmt.Sprintf("已导出计划表：%%s（%d项，可改后用 plan import 建立下一年的计划）\n", len(st.Plan().Items)))
	}
	return usage("请用 -o 指定 .json 或 .xlsx 文件名")
}

// runPlanRemove removes a plan only with --yes; without, it says what
// would go, so the figures lost are seen before they are.
func runPlanRemove(env Env, st *store.Store, a args) error {
	if len(a.pos) != 2 {
		return usage("plan remove 需要计划编号（planreview plans 列出全部计划）")
	}
	id := a.pos[1]
	infos, err := st.Plans()
	if err != nil {
		return err
	}
	for _, pi := range infos {
		if pi.ID != id || a.has("yes") {
			continue
		}
		fmt.Fprintf(env.Stdout, "将删除《%s》（%s，%s %d年）：%d个项目、%d个实际值、%d条备注；删除前会先备份整个数据库。\n",
			pi.Title, pi.ID, pi.City, pi.Year, pi.Items, pi.Figures, pi.Notes)
		return fmt.Errorf("未删除：确认删除请加 --yes")
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	r, err := st.RemovePlan(id, by)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已删除《%s》（%s）及其%d个实际值、%d条备注。删除前的备份：%s\n",
		r.Plan.Title, r.Plan.ID, r.Figures, r.Notes, r.Backup)
	return nil
}
