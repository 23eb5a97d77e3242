// Package cli is the planreview command line, a front end beside the
// window: list, record, note, history, check and the rest. It works on a
// store and the domain's one status function; the program's main hands it
// the arguments and the bundled plan.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"
	"strings"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// Env is what a command runs with: its streams, and the clock and
// environment lookups tests replace.
type Env struct {
	// Bundle is the plan the program ships: a new database is made from it.
	Bundle         store.Bundle
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Getenv         func(string) string
}

// usageError is a mistake in how a command was typed (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usage(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

type command struct {
	name    string
	args    string
	summary string
	flags   flagSpec
	run     func(env Env, st *store.Store, a args) error
	noStore bool // runs without an open store (check opens the file itself); gets nil
	reads   bool // only reads: no start-up backup (see store.Options.NoBackup)
	// writesSub names the sub-commands of a reading command that write
	// (plan import), and so take the start-up backup.
	writesSub []string
	review    bool // computes statuses: figures load while the plan does (store.Options.Prefetch)
}

var commands []command

func init() {
	commands = []command{
		{name: "list", reads: true, review: true, args: "[--as-of 期间] [--json] [--kind 类型] [--section 部分] [--unit 责任单位]",
			summary: "列出全部项目：目标、最新实际值、状态及原因",
			flags:   flagSpec{"as-of": true, "json": false, "kind": true, "section": true, "unit": true}, run: runList},
		{name: "show", reads: true, review: true, args: "编号 [--as-of 期间]", summary: "查看一个项目：目标的理解、原文、状态、实际值、备注",
			flags: flagSpec{"as-of": true}, run: runShow},
		{name: "record", args: "编号 期间 实际值 [--source 来源] [--date 来源日期] [--by 填报人]",
			summary: "录入或更正一个期间的实际值（重点事项填 已完成/推进中/未完成）",
			flags:   flagSpec{"source": true, "date": true, "by": true}, run: runRecord},
		{name: "unrecord", args: "编号 期间 [--by 操作人]", summary: "删除一个期间的实际值",
			flags: flagSpec{"by": true}, run: runUnrecord},
		{name: "note", args: "编号 内容 [--period 期间] [--by 填写人]", summary: "添加备注",
			flags: flagSpec{"period": true, "by": true}, run: runNote},
		{name: "note-edit", args: "备注号 内容 [--by 修改人]", summary: "修改备注",
			flags: flagSpec{"by": true}, run: runNoteEdit},
		{name: "note-delete", args: "备注号 [--by 操作人]", summary: "删除备注",
			flags: flagSpec{"by": true}, run: runNoteDelete},
		{name: "set-status", args: "编号 期间 状态代码 --reason 理由 [--by 认定人]",
			summary: "人工认定状态（须写明理由）", flags: flagSpec{"reason": true, "by": true}, run: runSetStatus},
		{name: "clear-status", args: "编号 期间 [--by 操作人]", summary: "取消人工认定",
			flags: flagSpec{"by": true}, run: runClearStatus},
		{name: "set-target", args: "编号 目标 [--reason 依据] [--by 录入人]",
			summary: "录入计划未写明的目标（如 按省下达目标安排 的指标）",
			flags:   flagSpec{"reason": true, "by": true}, run: runSetTarget},
		{name: "clear-target", args: "编号 [--by 操作人]", summary: "删除录入的目标",
			flags: flagSpec{"by": true}, run: runClearTarget},
		{name: "pair", args: "编号 上年编号|--none [--prior-plan 上年计划编号] [--by 操作人]",
			summary: "把本计划的项目与上年计划的项目配对（名称不同时），或 --none 设为不配对；可撤销",
			flags:   flagSpec{"none": false, "prior-plan": true, "by": true}, run: runPair},
		{name: "pairs", reads: true, args: "[--unmatched] [--json]", summary: "列出本计划各项目与上年计划项目的配对（--unmatched 只列未配对的）",
			flags: flagSpec{"unmatched": false, "json": false}, run: runPairs},
		{name: "assign", args: "编号…|--section 部分 --lead 牵头单位 [--with 协办单位…] [--new-unit] [--clear] [--by 操作人]",
			summary: "指定项目的责任单位（牵头、协办），可按部分批量指定；未知单位须先 unit add 或加 --new-unit；可撤销",
			flags:   flagSpec{"section": true, "lead": true, "with": true, "new-unit": false, "clear": false, "by": true}, run: runAssign},
		{name: "units", reads: true, args: "[--json]", summary: "列出本计划的责任单位及其牵头、协办项目数",
			flags: flagSpec{"json": false}, run: runUnits},
		{name: "unit", args: "add 全称 [--short 简称] | rename 单位 [--full 新全称] [--short 新简称] | remove 单位 [--by 操作人]",
			summary: "编辑责任单位名单（删除仍有项目的单位会被拒绝）；可撤销",
			flags:   flagSpec{"short": true, "full": true, "by": true}, run: runUnit},
		{name: "round", args: "start --period 期间 --due 截止日期 -o 文件夹 [--by 发起人] | collect 文件…|文件夹 [--dry-run] [--overwrite] [--by 收取人] | status [--round 轮次] [--as-of 日期] [--json] [-o 催报清单.xlsx] | conflicts [--round 轮次] [--json] | resolve 编号 --unit 单位|--recorded [--round 轮次] [--by 裁定人]",
			summary: "发起填报：为每个有项目的责任单位生成一个填报工作簿（只含本单位项目，回执可识别）；收取填报：逐个文件核对后写入，有问题的文件不写入，与已录入的不一致的数值不覆盖、留待裁定（--overwrite 以填报为准）；待裁定：列出不一致的填报与已录入的数值；裁定：采用某单位的填报或保留已录入的，可撤销；填报进度：各单位已报、未报、逾期及各项目的催报灯（蓝临近截止、黄进度偏慢、红逾期或未完成、绿正常），-o 写出催报清单",
			flags:   flagSpec{"period": true, "due": true, "o": true, "by": true, "dry-run": false, "overwrite": false, "round": true, "as-of": true, "json": false, "unit": true, "recorded": false}, run: runRound},
		{name: "record-prior", args: "编号 上年完成值 --source 来源 [--by 填报人] | --from 草稿.json [--dry-run] [--by 填报人]",
			summary: "录入上年完成情况（工作区中没有上年计划时，如取自计划执行情况报告）；--from 把执行情况报告草稿中报告的全年实绩按名称录入",
			flags:   flagSpec{"source": true, "by": true, "from": true, "dry-run": false}, run: runRecordPrior},
		{name: "unrecord-prior", args: "编号 [--by 操作人]", summary: "删除录入的上年完成情况",
			flags: flagSpec{"by": true}, run: runUnrecordPrior},
		{name: "lock", args: "期间 [--reason 说明] [--by 锁定人]", summary: "简报报出后锁定期间，锁定后该期间不能修改",
			flags: flagSpec{"reason": true, "by": true}, run: runLock},
		{name: "unlock", args: "期间 --reason 理由 [--by 解锁人]", summary: "解锁期间（须写明理由）",
			flags: flagSpec{"reason": true, "by": true}, run: runUnlock},
		{name: "undo", args: "[--by 操作人]", summary: "撤销本人最近一次修改（撤销本身也记入修改记录）",
			flags: flagSpec{"by": true}, run: runUndo},
		{name: "history", reads: true, args: "[编号] [--json]", summary: "查看修改记录（谁、何时、改前、改后）",
			flags: flagSpec{"json": false}, run: runHistory},
		{name: "export", reads: true, review: true, args: "-o 文件.pdf|文件.docx [--as-of 期间] [--parts 部分] [--date 2024-01-15] [--unit 编制单位] [--by 审阅人] [--marking 内部资料] [--no-notes]",
			summary: "生成执行情况简报（.pdf 为PDF，.docx 为可编辑的Word公文格式）",
			flags: flagSpec{"o": true, "as-of": true, "parts": true, "date": true, "unit": true, "by": true,
				"marking": true, "no-notes": false}, run: runExport},
		{name: "import", args: "文件.xlsx|文件.csv [--dry-run] [--overwrite] [--by 导入人]",
			summary: "从Excel或CSV导入实际值：先列出预览和问题，有问题则不导入",
			flags:   flagSpec{"dry-run": false, "overwrite": false, "by": true}, run: runImport},
		{name: "template", reads: true, args: "-o 文件.xlsx", summary: "生成供各部门填报的Excel模板",
			flags: flagSpec{"o": true}, run: runTemplate},
		{name: "plans", reads: true, args: "[--json]", summary: "列出工作区中的全部计划（编号、城市、年度、标题、项目数、实际值数、最后修改）",
			flags: flagSpec{"json": false}, run: runPlans},
		{name: "plan", reads: true, writesSub: []string{"import"},
			args:    "template -o 文件.xlsx | draft 文件.txt|.html|.docx|.xlsx|.csv [--city 城市] [--year 年度] [--json] | import 草稿.json [--city 城市] [--year 年度] [--title 标题] [--record-reported] [--dry-run] | import 文件.xlsx|文件.csv --city 城市 --year 年度 [--title 标题] [--set '行=目标'] [--qualitative 行] [--dry-run] [--json] | import 计划.json [--city 城市] [--year 年度] [--title 标题] [--dry-run] | export 编号 -o 文件.json|文件.xlsx | remove 编号 [--yes]",
			summary: "新计划的填写模板；从计划文件（通知、任务分解表、执行情况报告）起草计划草稿（每项附原文）；从确认后的草稿、表格或计划数据文件创建计划（先预览，有问题不创建；待确认的行可用 --set、--qualitative 确认）；导出计划定义；删除计划（先备份）",
			flags: flagSpec{"o": true, "city": true, "year": true, "title": true, "dry-run": false, "json": false,
				"yes": false, "by": true, "set": true, "qualitative": true, "record-reported": false}, run: runPlan},
		{name: "verify", reads: true, review: true, args: "简报.pdf|简报.docx",
			summary: "核验简报：与当前数据一致，或列出此后有变的项目及修改人、时间", run: runVerify},
		{name: "export-xlsx", reads: true, review: true, args: "-o 文件.xlsx [--as-of 期间]", summary: "导出计划表和全部实际值、备注为Excel工作簿",
			flags: flagSpec{"o": true, "as-of": true}, run: runExportXLSX},
		{name: "backup", args: "-o 文件.db", summary: "把数据库备份到一个文件（一致的快照，写后检查）",
			flags: flagSpec{"o": true}, run: runBackup},
		{name: "restore", args: "备份文件.db", summary: "用备份替换数据库（先检查备份，当前数据库另存为备份）",
			flags: flagSpec{}, run: runRestore, noStore: true},
		{name: "backups", args: "", summary: "列出自动备份及其内容",
			flags: flagSpec{}, run: runBackups, noStore: true},
		{name: "gen-demo", args: "--items N [--years Y] -o 文件.db", summary: "生成任意规模的演示计划（含每月实际值和备注），用于测量性能；多个年度各写一个文件（文件-2023.db等）",
			flags: flagSpec{"items": true, "years": true, "o": true}, run: runGenDemo, noStore: true},
		{name: "check", args: "", summary: "检查数据库完整性与计划数据的一致性",
			flags: flagSpec{}, run: runCheck, noStore: true},
	}
}

// Run runs one command line and returns the exit code: 0 done, 1 failed,
// 2 typed wrong. Errors go to stderr in Chinese; a failed command has
// changed nothing.
func Run(argv []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	argv = commandFirst(argv)
	if argv[0] == "help" || argv[0] == "-h" || argv[0] == "--help" {
		printHelp(env.Stdout)
		return 0
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == argv[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "错误：未知命令“%s”。可用命令：%s\n", argv[0], commandNames())
		return 2
	}
	spec := flagSpec{"db": true}
	if !cmd.noStore {
		spec["plan"] = true // every command on a plan: which one
	}
	for k, v := range cmd.flags {
		spec[k] = v
	}
	a, err := parseArgs(argv[1:], spec)
	if err != nil {
		err = usageError{err.Error()}
	} else {
		err = runCommand(cmd, env, a)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "错误：%v\n", err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "用法：planreview %s %s\n", cmd.name, cmd.args)
			return 2
		}
		return 1
	}
	return 0
}

func runCommand(cmd *command, env Env, a args) error {
	path := a.get("db")
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return fmt.Errorf("找不到用户数据目录：%w（可用 --db 指定数据库文件）", err)
		}
	}
	if cmd.noStore {
		a.opts["db"] = path
		return cmd.run(env, nil, a)
	}
	reads := cmd.reads
	if len(a.pos) > 0 && slices.Contains(cmd.writesSub, a.pos[0]) {
		reads = false
	}
	if a.has("plan") && strings.TrimSpace(a.get("plan")) == "" {
		return usage("--plan 需要计划编号（planreview plans 列出全部计划）")
	}
	st, err := store.Open(path, store.Options{Bundle: env.Bundle, Now: env.Now, NoBackup: reads, Prefetch: cmd.review,
		Plan: strings.TrimSpace(a.get("plan"))})
	if err != nil {
		return err
	}
	defer st.Close()
	if !a.has("plan") {
		if err := selectLatest(st); err != nil {
			return err
		}
	}
	if _, err := st.StartBackup(); err != nil {
		fmt.Fprintln(env.Stderr, "警告：启动时的自动备份未能完成："+err.Error())
	}
	return cmd.run(env, st, a)
}

func commandNames() string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return strings.Join(names, "、")
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "计划审阅（Plan Review）：跟踪年度国民经济和社会发展计划的执行情况。")
	fmt.Fprintln(w, "\n用法：planreview 命令 [参数] [--db 数据库文件]")
	fmt.Fprintln(w, "\n命令：")
	for _, c := range commands {
		fmt.Fprintf(w, "  %s %s\n      %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\n计划：除 check、backups、restore、gen-demo 外，各命令可加 --plan 编号 选择计划（默认为最近修改的计划；planreview plans 列出全部）。")
	fmt.Fprintln(w, "期间："+strings.TrimPrefix(domain.PeriodFormatsHelp, "可用格式："))
	fmt.Fprintln(w, "实际值："+strings.TrimPrefix(domain.ValueFormatsHelp, "请输入数字，"))
	fmt.Fprintln(w, "数据库默认位于用户数据目录（Windows 为 %APPDATA%\\PlanReview），首次运行时由内置计划创建。")
}

// reviewer is who a change is recorded as: --by, else PLANREVIEW_USER,
// else the system account's name.
func reviewer(env Env, a args) (string, error) {
	if by := strings.TrimSpace(a.get("by")); by != "" || a.has("by") {
		if by == "" {
			return "", usage("--by 不能为空")
		}
		return by, nil
	}
	if by := strings.TrimSpace(env.Getenv("PLANREVIEW_USER")); by != "" {
		return by, nil
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name, nil
		}
		if u.Username != "" {
			return u.Username, nil
		}
	}
	return "", usage("请用 --by 写明填报人姓名")
}

// asOf is the --as-of period, or the latest month with any figure, or the
// plan year's end: the period a list is judged at.
func asOf(st *store.Store, a args) (domain.Period, error) {
	year := st.Plan().Year
	if a.has("as-of") {
		p, err := domain.ParsePeriod(a.get("as-of"), year)
		if err != nil {
			return p, usage("--as-of：%v", err)
		}
		return p, nil
	}
	as, err := st.Actuals()
	if err != nil {
		return domain.Period{}, err
	}
	p := domain.Period{Year: year, Month: 1}
	found := false
	for _, x := range as {
		if p.Before(x.Period) || !found {
			p, found = x.Period, true
		}
	}
	if !found {
		p.Month = 12
	}
	return p, nil
}

func needArgs(a args, n int, what string) error {
	if len(a.pos) != n {
		return usage("需要%s（收到%d个参数）", what, len(a.pos))
	}
	return nil
}

// reviewWithNotes loads what the brief and the workbook are computed from:
// the review (figures, manual statuses, entered targets) and every note.
func reviewWithNotes(st *store.Store) (*domain.Review, []domain.Note, error) {
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return nil, nil, err
	}
	notes, err := st.Notes("")
	return r, notes, err
}

// commandFirst puts the command first when the line opens with the
// options every command takes (planreview --db x.db unit add 市商务局, as
// people type a program's global options before its command); with no
// command at all (--db F --json, or nothing) it is list, the plan's state.
// With no arguments at all cmd/planreview opens the window instead.
func commandFirst(argv []string) []string {
	i := 0
	for i < len(argv) {
		name, _, withValue := strings.Cut(strings.TrimLeft(argv[i], "-"), "=")
		if !strings.HasPrefix(argv[i], "--") || (name != "db" && name != "plan") {
			break
		}
		if withValue {
			i++
		} else {
			i += 2
		}
	}
	if len(argv) > 0 && i == 0 {
		return argv // a command (or help) first, as usual
	}
	if i >= len(argv) || strings.HasPrefix(argv[i], "-") {
		return append([]string{"list"}, argv...)
	}
	out := append([]string{argv[i]}, argv[:i]...)
	return append(out, argv[i+1:]...)
}
