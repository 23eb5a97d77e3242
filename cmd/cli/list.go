package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// Row is one item as `list --json` prints it. Scripts rely on these
// names; docs/CLI.md describes them.
type Row struct {
	ID           string         `json:"id"`
	Kind         domain.Kind    `json:"kind"`
	Section      string         `json:"section"`
	SectionTitle string         `json:"section_title"`
	Topic        string         `json:"topic,omitempty"`
	IndicatorNo  int            `json:"indicator_no,omitempty"`
	Group        string         `json:"group,omitempty"`
	Name         string         `json:"name"`
	TargetText   string         `json:"target_text"`
	Target       *domain.Target `json:"target"`
	Hedge        string         `json:"hedge,omitempty"`
	Deadline     string         `json:"deadline,omitempty"`
	SameAs       string         `json:"same_as,omitempty"`
	Parent       string         `json:"parent,omitempty"`
	SourceQuote  string         `json:"source_quote"`
	Actual       *RowActual     `json:"actual"`
	Status       RowStatus      `json:"status"`
	Parcel       *domain.Parcel `json:"parcel,omitempty"`
	// PriorTarget is 上年目标, the paired item's target in last year's
	// plan ("" when unpaired); PriorActual is 上年完成 (null if none).
	PriorTarget string    `json:"prior_target"`
	PriorActual *RowPrior `json:"prior_actual"`
	// LeadUnit and WithUnits are the item's 责任单位 by full name.
	LeadUnit  string   `json:"lead_unit"`
	WithUnits []string `json:"with_units"`
	units     domain.ItemUnits

	shown  string        // the figure in words, for the text table
	status domain.Status // for the summary's counts
}

// RowActual is the latest figure at the as-of period.
type RowActual struct {
	Period     string   `json:"period"`
	Label      string   `json:"period_label"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit,omitempty"`
	Outcome    string   `json:"outcome,omitempty"`
	Source     string   `json:"source,omitempty"`
	SourceDate string   `json:"source_date,omitempty"`
	By         string   `json:"by"`
}

// RowStatus is the status and why.
type RowStatus struct {
	Code       domain.Code `json:"code"`
	Label      string      `json:"label"`
	Reason     string      `json:"reason"`
	Manual     bool        `json:"manual"`
	Early      bool        `json:"early"` // judged on the figure of an earlier period (actual.period)
	Completion *float64    `json:"completion,omitempty"`
}

// rows computes every item's row at asOf, through the model's status
// function.
func rows(st *store.Store, asOf domain.Period) ([]Row, error) {
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return nil, err
	}
	priors, err := st.Priors(domain.DefaultTolerance())
	if err != nil {
		return nil, err
	}
	idx, assigned, err := loadUnitIndex(st)
	if err != nil {
		return nil, err
	}
	p := st.Plan()
	var out []Row
	for _, it := range p.Items {
		sec, _ := p.Section(it.Section)
		row := Row{ID: it.ID, Kind: it.Kind, Section: it.Section, SectionTitle: sec.Title, Topic: it.Topic,
			IndicatorNo: it.IndicatorNo, Group: it.Group, Name: it.Name, TargetText: it.TargetText,
			Hedge: it.Hedge, SameAs: it.SameAs, Parent: it.Parent, SourceQuote: it.SourceQuote, Parcel: it.Parcel}
		if it.Kind != domain.KindMilestone {
			t := it.Target
			if et, ok, _ := r.EffectiveTarget(it); ok {
				t = et
			}
			row.Target = &t
		}
		if !it.Deadline.IsZero() {
			row.Deadline = it.Deadline.String()
		}
		if a, ok := r.Latest(it, asOf); ok {
			row.shown = r.FigureOf(it, a)
			ra := &RowActual{Period: a.Period.String(), Label: a.Period.Label(), Outcome: string(a.Outcome),
				Source: a.Source, SourceDate: a.SourceDate, By: a.By}
			if a.Outcome == "" {
				v := a.Value
				ra.Value, ra.Unit = &v, it.Target.Unit
			}
			row.Actual = ra
		}
		s := r.Status(it, asOf)
		row.Status = RowStatus{Code: s.Code, Label: s.Label, Reason: s.Reason, Manual: s.Manual, Early: s.Early}
		row.status = s
		if !math.IsNaN(s.Completion) {
			c := math.Round(s.Completion*10000) / 10000
			row.Status.Completion = &c
		}
		if pr, ok := priors[it.ID]; ok {
			row.PriorTarget, row.PriorActual = pr.Target(), rowPrior(pr)
		}
		row.units = assigned[it.ID]
		row.LeadUnit, row.WithUnits = idx.names(row.units)
		if row.WithUnits == nil {
			row.WithUnits = []string{}
		}
		out = append(out, row)
	}
	return out, nil
}

func runList(env Env, st *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("list 不接受参数“%s”", a.pos[0])
	}
	p, err := asOf(st, a)
	if err != nil {
		return err
	}
	all, err := rows(st, p)
	if err != nil {
		return err
	}
	var unit domain.Unit
	if name := a.get("unit"); a.has("unit") {
		if unit, err = st.FindUnit(name); err != nil {
			return err
		}
	}
	var out []Row
	for _, r := range all {
		if k := a.get("kind"); k != "" && string(r.Kind) != k {
			continue
		}
		if unit.ID != 0 && !r.units.Has(unit.ID) {
			continue
		}
		if s := a.get("section"); s != "" && r.Section != s {
			continue
		}
		out = append(out, r)
	}
	if len(out) == 0 && unit.ID != 0 && !a.has("kind") && !a.has("section") {
		return fmt.Errorf("%s 不是任何项目的牵头或协办单位", unit.Label())
	}
	if len(out) == 0 && (a.has("kind") || a.has("section")) {
		return usage("没有符合条件的项目（--kind 可选 indicator、commitment、milestone、parcel；--section 可选 C1-C5、S1-S6、A2）")
	}
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if out == nil {
			out = []Row{}
		}
		return enc.Encode(out)
	}
	plan := st.Plan()
	fmt.Fprintf(env.Stdout, "%s 执行情况（截至%d年%s）\n", plan.Title, p.Year, p.Label())
	section, group := "", ""
	const nameW, targetW = 30, 26
	for _, r := range out {
		if r.Section != section {
			section = r.Section
			part := map[string]string{"C": "附件1 主要目标 ", "S": "重点工作 ", "A": "附件2 "}[r.Section[:1]]
			fmt.Fprintf(env.Stdout, "\n【%s%s】\n", part, r.SectionTitle)
			fmt.Fprintf(env.Stdout, "%s %s %s %s %s %s\n", cjk.Pad("编号", 7), cjk.Pad("名称", nameW), cjk.Pad("目标", targetW),
				cjk.Pad("实际", 16), cjk.Pad("状态", 14), "说明")
		}
		name := r.Name
		if r.Group != "" {
			// A 附件1 parent row (14.家庭可支配收入) heads its sub-rows.
			if r.Group != group {
				fmt.Fprintf(env.Stdout, "%s %s\n", cjk.Pad("", 7), r.Group)
			}
			name = "  " + r.Name
		}
		group = r.Group
		fmt.Fprintf(env.Stdout, "%s %s %s %s %s %s\n", cjk.Pad(r.ID, 7), cjk.Pad(name, nameW),
			cjk.Pad(r.TargetText, targetW), cjk.Pad(actualText(r), 16), cjk.Pad(r.Status.Label, 14), r.Status.Reason)
	}
	fmt.Fprintln(env.Stdout)
	fmt.Fprintln(env.Stdout, summaryLine(out))
	return nil
}

// actualText is the latest figure, short: 5.8%（1-9月）.
func actualText(r Row) string {
	if r.Actual == nil {
		return "—"
	}
	return r.shown + "（" + r.Actual.Label + "）"
}

// summaryLine counts the rows by status, a judgement on an earlier
// period's figure apart: 共113项：完成 3项，……，按1-9月数据符合预期 1项.
func summaryLine(rs []Row) string {
	t := domain.Tally{}
	for _, r := range rs {
		t.Add(r.status)
	}
	var parts []string
	for _, k := range t.Keys() {
		parts = append(parts, fmt.Sprintf("%s %d项", k.Label(), t[k]))
	}
	return fmt.Sprintf("共%d项：%s", len(rs), strings.Join(parts, "，"))
}
