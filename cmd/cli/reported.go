package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// An execution report's results (reported_actual of a draft) kept: as
// the year's figures of the plan drafted from it (plan import
// --record-reported), or as 上年完成 of the next year's plan
// (record-prior --from).

// reMonths is a reported period from January: 1-12月, 1-6月.
var reMonths = regexp.MustCompile(`^1-([0-9]{1,2})月$`)

// reportedFigure is a reported result as `record` would take it for an
// item whose target is t: the figure in the target's terms (a reduction
// 下降4.6% on a growth target is -4.6) and the last month it covers; or
// why it cannot be recorded.
func reportedFigure(r *plantable.DraftReported, t *domain.Target) (text string, month int, why string) {
	month = 12
	if p := strings.TrimSpace(r.Period); p != "" {
		m := reMonths.FindStringSubmatch(p)
		if m == nil {
			return "", 0, "报告期“" + p + "”不是从1月起的累计"
		}
		month, _ = strconv.Atoi(m[1])
		if month < 1 || month > 12 {
			return "", 0, "报告期“" + p + "”无法识别"
		}
	}
	if r.Value == nil {
		return "", 0, "报告的“" + r.Text + "”不是数值"
	}
	if t == nil || !t.HasValue() {
		return "", 0, "该项没有数值目标"
	}
	v := *r.Value
	switch {
	case r.Basis == t.Basis:
	case r.Basis == domain.BasisGrowth && t.Basis == domain.BasisReduction,
		r.Basis == domain.BasisReduction && t.Basis == domain.BasisGrowth:
		v = -v
	case r.Basis == domain.BasisLevel && t.Basis == domain.BasisShare:
	default:
		return "", 0, fmt.Sprintf("报告的“%s”与目标“%s”口径不同", r.Text, t.String())
	}
	text = strconv.FormatFloat(v, 'f', -1, 64)
	if _, err := domain.ParseActual(text, *t); err != nil {
		return "", 0, err.Error()
	}
	return text, month, ""
}

// reportSource is where the figures came from, as figures and history
// name it.
func reportSource(f plantable.DraftFile, file string) string {
	name := f.Source.File
	if name == "" {
		name = filepath.Base(file)
	}
	return "执行情况报告（" + name + "）"
}

// reportedFigures are the draft's readable results as figures of the plan
// of the given year, and the unreadable ones as lines to list. The draft's
// items keep their IDs in the plan (plantable.PlanFile).
func reportedFigures(f plantable.DraftFile, year int, source string) ([]domain.Actual, []string) {
	var out []domain.Actual
	var skipped []string
	for _, it := range f.Items {
		r := it.ReportedActual
		if r == nil {
			continue
		}
		text, month, why := reportedFigure(r, it.Target)
		if why != "" {
			skipped = append(skipped, fmt.Sprintf("%s %s：%s，未记录", it.ID, it.Name, why))
			continue
		}
		v, _ := strconv.ParseFloat(text, 64)
		out = append(out, domain.Actual{ItemID: it.ID, Period: domain.Period{Year: year, Month: month}, Value: v, Source: source})
	}
	return out, skipped
}

// runRecordPriorFrom is `record-prior --from DRAFT.json`: each full-year
// result of last year's execution report recorded as 上年完成 on the item
// of this plan with the same name (normalised as pairing normalises it),
// in one transaction; --dry-run lists and writes nothing.
func runRecordPriorFrom(env Env, st *store.Store, a args) error {
	if len(a.pos) != 0 {
		return usage("record-prior --from 不接受其他参数“%s”", a.pos[0])
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	file := a.get("from")
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("无法读取“%s”：%w", file, err)
	}
	f, err := plantable.ReadDraftFile(data)
	if err != nil {
		return fmt.Errorf("“%s”：%w", filepath.Base(file), err)
	}
	plan := st.Plan()
	byName := map[string][]domain.Item{}
	for _, it := range plan.Items {
		k := domain.NormaliseName(it.Name)
		byName[k] = append(byName[k], it)
	}
	var rows []store.PriorRow
	var matched, unmatched, unreadable []string
	reported := 0
	for _, di := range f.Items {
		r := di.ReportedActual
		if r == nil {
			continue
		}
		reported++
		cands := byName[domain.NormaliseName(di.Name)]
		if len(cands) != 1 {
			why := "本计划没有同名项目"
			if len(cands) > 1 {
				why = fmt.Sprintf("本计划有%d个同名项目，请用 record-prior 逐项录入", len(cands))
			}
			unmatched = append(unmatched, fmt.Sprintf("%s（报告%s）：%s", di.Name, r.Text, why))
			continue
		}
		it := cands[0]
		if it.Kind == domain.KindMilestone {
			unreadable = append(unreadable, fmt.Sprintf("%s → %s：重点事项，没有数值", di.Name, it.ID))
			continue
		}
		text, month, why := reportedFigure(r, &it.Target)
		if why == "" && month != 12 {
			why = "报告的是" + r.Period + "，不是全年"
		}
		if why != "" {
			unreadable = append(unreadable, fmt.Sprintf("%s → %s：%s", di.Name, it.ID, why))
			continue
		}
		rows = append(rows, store.PriorRow{ItemID: it.ID, Text: text})
		matched = append(matched, fmt.Sprintf("%s %s ← %s（%s）", it.ID, it.DisplayName(), r.Text, domain.FigureText(it.Target, mustFloat(text))))
	}
	if reported == 0 {
		return fmt.Errorf("“%s”中没有报告的实际完成情况（reported_actual），未录入任何上年完成：请用计划执行情况报告起草的草稿（planreview plan draft 报告 --json）", filepath.Base(file))
	}
	w := env.Stdout
	fmt.Fprintf(w, "《%s》（%s）：报告%d项，匹配%d项，未匹配%d项，无法读取%d项。\n", plan.Title, plan.ID, reported, len(matched), len(unmatched), len(unreadable))
	list := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(w, "%s（%d项）：\n", title, len(lines))
		for _, l := range lines {
			fmt.Fprintln(w, "  "+l)
		}
	}
	list("匹配", matched)
	list("未匹配", unmatched)
	list("无法读取（未录入）", unreadable)
	if a.has("dry-run") {
		fmt.Fprintln(w, "试录入：未写入。")
		return nil
	}
	if len(rows) == 0 {
		return fmt.Errorf("没有可录入的上年完成，未写入")
	}
	if err := st.RecordPriors(rows, reportSource(f, file), by); err != nil {
		return err
	}
	fmt.Fprintf(w, "已录入%d项上年完成，来源：%s。\n", len(rows), reportSource(f, file))
	return nil
}

func mustFloat(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
