package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// previewRow is one row of `plan import --dry-run --json`: the item
// fields of `list --json` (Row) as the new plan would hold them, and
// what the table said and whether the reviewer must still decide.
type previewRow struct {
	Sheet        string         `json:"sheet"`
	Line         int            `json:"line"`
	ID           string         `json:"id"`
	Kind         domain.Kind    `json:"kind"`
	Section      string         `json:"section"`
	SectionTitle string         `json:"section_title"`
	IndicatorNo  int            `json:"indicator_no,omitempty"`
	Group        string         `json:"group,omitempty"`
	Name         string         `json:"name"`
	TargetText   string         `json:"target_text"` // as written in the table
	Target       *domain.Target `json:"target"`      // as understood; null when not read
	Hedge        string         `json:"hedge,omitempty"`
	Deadline     string         `json:"deadline,omitempty"`
	Parent       string         `json:"parent,omitempty"`
	SourceQuote  string         `json:"source_quote"`
	Unit         string         `json:"unit,omitempty"`
	Nature       string         `json:"nature,omitempty"`
	Owners       []string       `json:"owners,omitempty"`
	Qualitative  bool           `json:"qualitative,omitempty"`
	NeedsReview  bool           `json:"needs_review"`
	Reason       string         `json:"reason,omitempty"`
}

// runPlanImport makes a plan from a file: an office's table, or a plan
// file (JSON, as plan export writes it), told apart by planForm. For a
// table it prints the preview, refuses (creating nothing) while any row
// has a problem or waits for the reviewer, and otherwise creates the
// plan in one transaction. The new plan has the newest change, so later
// commands work on it without --plan.
func runPlanImport(env Env, st *store.Store, a args) error {
	if len(a.pos) != 2 {
		return usage("plan import 需要一个文件名")
	}
	file := a.pos[1]
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("无法读取“%s”：%w", file, err)
	}
	form, err := planForm(file, data)
	if err != nil {
		return err
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	if a.has("record-reported") && form != formDraftFile {
		return usage("--record-reported 只用于计划执行情况报告起草的草稿（planreview plan draft 报告 --json 所得的 .json）")
	}
	switch form {
	case formPlanFile:
		return importPlanFile(env, st, a, file, data, by)
	case formDraftFile:
		return importDraftFile(env, st, a, file, data, by)
	}
	city := strings.TrimSpace(a.get("city"))
	if city == "" {
		return usage("请用 --city 写明计划所属的城市或区县（如 --city 嘉兴市）")
	}
	year, err := strconv.Atoi(strings.TrimSpace(a.get("year")))
	if err != nil || year < 2000 || year > 2100 {
		return usage("请用 --year 写明计划年度（四位数字，如 --year 2024），收到“%s”", a.get("year"))
	}
	d, err := plantable.Read(file, data)
	if err != nil {
		return fmt.Errorf("%w（可用 planreview plan template 生成计划模板）", err)
	}
	if err := settle(&d, a); err != nil {
		return err
	}
	lay := plantable.Lay(d, year)
	rows := preview(d, lay)
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
	} else {
		printPlanPreview(env, d, rows)
	}
	problems := append(append([]string{}, d.Problems...), lay.Problems...)
	for _, r := range rows {
		if r.NeedsReview {
			problems = append(problems, "工作表“"+r.Sheet+"”"+r.Reason)
		}
	}
	if clash, err := samePlan(st, city, year); err != nil {
		return err
	} else if clash != "" {
		problems = append(problems, clash)
	}
	if len(problems) > 0 {
		return fmt.Errorf("有%d处问题，未创建计划：\n%s", len(problems), strings.Join(problems, "\n"))
	}
	meta := plantable.Meta{City: city, Year: year, Title: a.get("title")}
	dataset, err := plantable.PlanFile(d, meta)
	if err != nil {
		return err
	}
	return createPlan(env, st, a, store.NewPlan{Dataset: dataset, Notice: d.Text, SourceDocument: filepath.Base(file),
		City: city, Year: year}, len(d.Items), by)
}

// createPlan creates the plan checked beforehand, or with --dry-run says
// it would.
func createPlan(env Env, st *store.Store, a args, np store.NewPlan, items int, by string) error {
	if a.has("dry-run") {
		id := plantable.PlanID(np.City, np.Year)
		if p, err := domain.ParsePlanFile(np.Dataset); err == nil {
			id = p.ID
		}
		fmt.Fprintf(env.Stdout, "试导入：没有问题，将创建计划 %s（%d项，未创建）。\n", id, items)
		return nil
	}
	info, err := st.CreatePlan(np, by)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已创建《%s》（编号 %s，%s %d年，%d项），并设为当前计划。\n",
		info.Title, info.ID, info.City, info.Year, info.Items)
	return printPairing(env, st, info.ID)
}

// settle applies the reviewer's word given on the command line to the
// draft's 待确认 rows: --set '主要指标:12=增长6%' a target in the
// grammar's terms, --qualitative 主要指标:13 the mark 定性（由审阅人判断）.
// Any word refused stops the import, naming the row and what is accepted.
func settle(d *plantable.Draft, a args) error {
	for _, kv := range a.all("set") {
		key, text, ok := strings.Cut(strings.ReplaceAll(kv, "＝", "="), "=")
		if !ok || strings.TrimSpace(text) == "" {
			return usage("--set 写作 '行=目标'，如 --set '主要指标:12=增长6%%左右'；收到“%s”", kv)
		}
		i, err := d.Find(key)
		if err != nil {
			return err
		}
		if err := d.SetTarget(i, text); err != nil {
			return err
		}
	}
	for _, key := range a.all("qualitative") {
		i, err := d.Find(key)
		if err != nil {
			return err
		}
		if err := d.MarkQualitative(i); err != nil {
			return err
		}
	}
	return nil
}

// samePlan names the plan the workspace already has for the city and
// year; 嘉兴 and 嘉兴市 are the same city.
func samePlan(st *store.Store, city string, year int) (string, error) {
	infos, err := st.Plans()
	if err != nil {
		return "", err
	}
	for _, pi := range infos {
		if pi.Year == year && domain.SameCity(pi.City, city) {
			return fmt.Sprintf("%s已有%d年的计划《%s》（编号 %s）：同一城市每年只有一个计划；要重建请先 plan remove %s --yes",
				pi.City, year, pi.Title, pi.ID, pi.ID), nil
		}
	}
	return "", nil
}

func preview(d plantable.Draft, lay plantable.Layout) []previewRow {
	title := map[string]string{}
	for _, s := range lay.Sections {
		title[s.ID] = s.Title
	}
	out := make([]previewRow, 0, len(d.Items))
	for i, it := range d.Items {
		pl := lay.Items[i]
		out = append(out, previewRow{Sheet: it.Sheet, Line: it.Line, ID: pl.ID, Kind: it.Kind, Section: pl.Section,
			SectionTitle: title[pl.Section], IndicatorNo: pl.IndicatorNo, Group: pl.Group, Name: it.Name,
			TargetText: it.TargetText, Target: it.Target, Hedge: pl.Hedge, Deadline: pl.Deadline, Parent: pl.Parent,
			SourceQuote: pl.SourceQuote, Unit: it.Unit, Nature: it.Nature, Owners: it.Owners,
			Qualitative: it.Qualitative, NeedsReview: it.NeedsReview, Reason: it.Reason})
	}
	return out
}

func printPlanPreview(env Env, d plantable.Draft, rows []previewRow) {
	w := env.Stdout
	fmt.Fprintf(w, "文件：%s　%d项（待确认%d项）\n", d.File, len(rows), d.Pending())
	fmt.Fprintf(w, "%s %s %s %s %s %s %s\n", cjk.Pad("行", 10), cjk.Pad("编号", 7), cjk.Pad("部分", 16),
		cjk.Pad("名称", 24), cjk.Pad("目标（原文 → 理解）", 34), cjk.Pad("单位", 8), "责任单位")
	for _, r := range rows {
		target := r.TargetText
		switch {
		case r.NeedsReview:
			target += " → 待确认"
		case r.Target != nil:
			target += " → " + r.Target.String()
		case r.Kind == domain.KindMilestone:
			target = "（重点事项，按完成情况判断）"
		}
		fmt.Fprintf(w, "%s %s %s %s %s %s %s\n", cjk.Pad(fmt.Sprintf("%s%d", short(r.Sheet), r.Line), 10), cjk.Pad(r.ID, 7),
			cjk.Pad(r.SectionTitle, 16), cjk.Pad(r.Name, 24), cjk.Pad(target, 34), cjk.Pad(r.Unit, 8), strings.Join(r.Owners, "、"))
	}
}

// short is a sheet's name cut to fit the 行 column.
func short(s string) string {
	if r := []rune(s); len(r) > 4 {
		return string(r[:4]) + ":"
	}
	return s + ":"
}
