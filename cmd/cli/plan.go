package cli

import (
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// runPlan is `plan SUB …`: the commands on whole plans. Only template
// exists so far; import, export and remove come with several plans in
// one workspace (issue 14).
func runPlan(env Env, st *store.Store, a args) error {
	if len(a.pos) == 0 {
		return usage("plan 需要子命令：template")
	}
	switch a.pos[0] {
	case "template":
		return runPlanTemplate(env, st, a)
	}
	return usage("plan 的子命令“%s”未知，可用：template", a.pos[0])
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
