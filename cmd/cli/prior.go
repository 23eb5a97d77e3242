package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// Last year beside this year: pair, pairs, record-prior, unrecord-prior,
// and the 上年目标 / 上年完成 lines of show and fields of list --json.

// RowPrior is 上年完成 as list --json prints it (docs/CLI.md).
type RowPrior struct {
	Plan        string   `json:"plan,omitempty"`    // the previous plan, when the result is its own figure
	ItemID      string   `json:"item_id,omitempty"` // the paired item of that plan
	Period      string   `json:"period"`
	Label       string   `json:"period_label"`
	Value       *float64 `json:"value"`
	Outcome     string   `json:"outcome,omitempty"`
	Text        string   `json:"text"`                   // the figure in words: 增长6.3%
	StatusCode  string   `json:"status,omitempty"`       // its status in last year's plan
	StatusLabel string   `json:"status_label,omitempty"` // 完成
	Source      string   `json:"source,omitempty"`
	Typed       bool     `json:"typed"` // typed with record-prior, not the previous plan's figure
}

// rowPrior is the JSON of an item's 上年完成, nil when there is none.
func rowPrior(p domain.Prior) *RowPrior {
	switch {
	case p.HasActual:
		r := &RowPrior{Plan: p.PlanID, ItemID: p.Item.ID, Period: p.Actual.Period.String(), Label: p.Actual.Period.Label(),
			Outcome: string(p.Actual.Outcome), Text: p.Figure, StatusCode: string(p.Status.Code), StatusLabel: p.Status.Label,
			Source: p.Actual.Source}
		if p.Actual.Outcome == "" {
			v := p.Actual.Value
			r.Value = &v
		}
		return r
	case p.Typed != nil:
		v := p.Typed.Value
		return &RowPrior{Period: p.Typed.Period.String(), Label: p.Typed.Period.Label(), Value: &v, Text: p.Figure,
			Source: p.Typed.Source, Typed: true}
	}
	return nil
}

// showPrior writes the 上年目标 and 上年完成 lines of show.
func showPrior(w io.Writer, st *store.Store, it domain.Item) error {
	priors, err := st.Priors(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	p, ok := priors[it.ID]
	prev, hasPrev, err := st.PreviousPlan()
	if err != nil {
		return err
	}
	switch {
	case ok && p.Paired:
		fmt.Fprintf(w, "上年目标：%s（%s %s %s，%s）\n", orNone(p.Target()), prev.ID, p.Item.ID, p.Item.DisplayName(), p.How.Label())
	case ok && p.How == domain.PairNone:
		fmt.Fprintln(w, "上年目标：不配对（审阅人认定上年计划无对应项目）")
	case hasPrev:
		fmt.Fprintf(w, "上年目标：未配对（可用 planreview pair %s 上年编号 与上年计划 %s 的项目配对）\n", it.ID, prev.ID)
	}
	switch {
	case ok && p.HasActual:
		fmt.Fprintf(w, "上年完成：%s %s，%s——%s\n", p.Actual.Period.Label(), p.Figure, p.Status.Label, p.Status.Reason)
	case ok && p.Typed != nil:
		fmt.Fprintf(w, "上年完成：%s年 %s（审阅人录入，来源：%s，%s录入）\n", fmt.Sprint(p.Typed.Period.Year), p.Figure, p.Typed.Source, p.Typed.By)
	case hasPrev || ok:
		fmt.Fprintln(w, "上年完成：暂无（上年计划无全年数据）")
	default:
		fmt.Fprintf(w, "上年完成：暂无（工作区中没有上年计划；可用 planreview record-prior %s 数值 --source 来源 录入）\n", it.ID)
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

func runPair(env Env, st *store.Store, a args) error {
	none := a.has("none")
	n, what := 2, "编号和上年项目编号两个参数（或 编号 --none）"
	if none {
		n, what = 1, "一个编号（--none 表示不配对）"
	}
	by, _, err := begin(env, st, a, n, what, noPeriod)
	if err != nil {
		return err
	}
	it, err := st.Plan().Lookup(a.pos[0])
	if err != nil {
		return err
	}
	if none {
		if err := st.UnpairPrior(it.ID, by); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已设为不配对：%s %s 在上年计划中无对应项目。\n", it.ID, it.DisplayName())
		return nil
	}
	pit, err := st.PairPrior(it.ID, a.get("prior-plan"), a.pos[1], by)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已配对：%s %s ← 上年 %s %s（上年目标：%s）\n", it.ID, it.DisplayName(), pit.ID, pit.DisplayName(),
		orNone(domain.Prior{Item: pit, Paired: true}.Target()))
	// Two items of this year may rest on one of last year's (an indicator
	// split in two), but more often the second is a slip: say so, since
	// the pairing itself gives no sign.
	pairs, err := st.Pairs()
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if p.PriorItemID == pit.ID && p.ItemID != it.ID && p.How != domain.PairNone {
			fmt.Fprintf(env.Stdout, "提示：上年 %s 也与本计划 %s 配对；如有误，可用 planreview pair 编号 上年编号 改配，或 planreview undo 撤销。\n",
				pit.ID, p.ItemID)
		}
	}
	return nil
}

// pairRow is one item of `pairs --json`.
type pairRow struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	How         string `json:"how"` // name, reviewer, none, or "" for unmatched
	PriorPlan   string `json:"prior_plan,omitempty"`
	PriorItem   string `json:"prior_item,omitempty"`
	PriorName   string `json:"prior_name,omitempty"`
	PriorTarget string `json:"prior_target,omitempty"`
}

func runPairs(env Env, st *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("pairs 不接受参数“%s”", a.pos[0])
	}
	prev, items, err := st.PriorItems()
	if err != nil {
		return err
	}
	if prev.ID == "" {
		fmt.Fprintf(env.Stderr, "提示：工作区中没有《%s》的上年计划，各项目均未配对；上年完成可用 record-prior 录入。\n", st.Plan().Title)
	}
	priors, err := st.Priors(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	var out []pairRow
	unmatched := 0
	for _, it := range st.Plan().Items {
		p := priors[it.ID]
		r := pairRow{ID: it.ID, Name: it.DisplayName(), How: string(p.How)}
		if p.Paired {
			r.PriorPlan, r.PriorItem, r.PriorName, r.PriorTarget = p.PlanID, p.Item.ID, p.Item.DisplayName(), p.Target()
		} else if p.How != domain.PairNone {
			r.How = ""
			unmatched++
		}
		if a.has("unmatched") && r.How != "" {
			continue
		}
		out = append(out, r)
	}
	if a.has("json") {
		if out == nil {
			out = []pairRow{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	w := env.Stdout
	if prev.ID != "" {
		fmt.Fprintf(w, "上年计划：%s（%s，%d项）　本计划%d项，未配对%d项\n", prev.Title, prev.ID, len(items), len(st.Plan().Items), unmatched)
	}
	for _, r := range out {
		how := map[string]string{"": "未配对", "name": "按名称", "reviewer": "审阅人", "none": "不配对"}[r.How]
		line := fmt.Sprintf("%s %s %s", cjk.Pad(r.ID, 8), cjk.Pad(r.Name, 30), cjk.Pad(how, 8))
		if r.PriorItem != "" {
			line += fmt.Sprintf("← %s %s", r.PriorItem, r.PriorName)
		}
		fmt.Fprintln(w, line)
	}
	return nil
}

func runRecordPrior(env Env, st *store.Store, a args) error {
	if a.has("from") {
		return runRecordPriorFrom(env, st, a)
	}
	by, _, err := begin(env, st, a, 2, "编号和上年完成值两个参数", noPeriod)
	if err != nil {
		return err
	}
	it, err := st.Plan().Lookup(a.pos[0])
	if err != nil {
		return err
	}
	r, err := st.RecordPrior(it.ID, a.pos[1], a.get("source"), by)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已保存：%s 上年（%d年）完成 %s，来源：%s。\n", it.ID, r.Period.Year,
		domain.FigureText(it.Target, r.Value), r.Source)
	if p, ok, err := st.PreviousPlan(); err == nil && ok {
		fmt.Fprintf(env.Stdout, "提示：上年计划 %s 在工作区中；该项目若已配对且上年计划有全年数据，以上年计划的数据为准。\n", p.ID)
	}
	return nil
}

func runUnrecordPrior(env Env, st *store.Store, a args) error {
	by, _, err := begin(env, st, a, 1, "一个编号", noPeriod)
	if err != nil {
		return err
	}
	it, err := st.Plan().Lookup(a.pos[0])
	if err != nil {
		return err
	}
	if err := st.DeletePrior(it.ID, by); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已删除 %s 录入的上年完成（修改记录中保留原值）。\n", it.ID)
	return nil
}

// printPairing says, after a plan is created beside last year's, how many
// of its items were paired by name and where to pair the rest.
func printPairing(env Env, st *store.Store, id string) error {
	if err := st.SelectPlan(id); err != nil {
		return err
	}
	prev, ok, err := st.PreviousPlan()
	if err != nil || !ok {
		return err
	}
	pairs, err := st.Pairs()
	if err != nil {
		return err
	}
	n, all := len(pairs), len(st.Plan().Items)
	fmt.Fprintf(env.Stdout, "已按名称与上年计划《%s》（%s）配对%d项", prev.Title, prev.ID, n)
	if n < all {
		fmt.Fprintf(env.Stdout, "，%d项未配对：planreview pairs --unmatched 列出，planreview pair 编号 上年编号 配对", all-n)
	}
	fmt.Fprintln(env.Stdout, "。")
	return nil
}
