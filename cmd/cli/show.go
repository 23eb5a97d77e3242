package cli

import (
	"fmt"
	"io"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

func runShow(env Env, st *store.Store, a args) error {
	if err := needArgs(a, 1, "一个编号"); err != nil {
		return err
	}
	plan := st.Plan()
	it, err := plan.Lookup(a.pos[0])
	if err != nil {
		return err
	}
	p, err := asOf(st, a)
	if err != nil {
		return err
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	w := env.Stdout
	showItem(w, plan, r, it)
	if err := showUnits(w, st, it); err != nil {
		return err
	}
	if err := showPrior(w, st, it); err != nil {
		return err
	}
	s := r.Status(it, p)
	fmt.Fprintf(w, "\n状态（截至%s）：%s——%s\n", p.Label(), s.Label, s.Reason)
	showActuals(w, plan, r, it)
	if err := showHeld(w, st, r, it); err != nil {
		return err
	}
	notes, err := st.Notes(it.ID)
	if err != nil {
		return err
	}
	showNotes(w, notes)
	return nil
}

// showItem writes what the plan says of the item: kind, section, target
// as written and as understood, links to other items, the parcel's
// details and the notice's words.
func showItem(w io.Writer, plan *domain.Plan, r *domain.Review, it domain.Item) {
	sec, _ := plan.Section(it.Section)
	fmt.Fprintf(w, "%s %s\n", it.ID, it.DisplayName())
	fmt.Fprintf(w, "类型：%s　所属：%s", domain.KindLabel(it.Kind), sec.Title)
	if it.Topic != "" {
		fmt.Fprintf(w, "（%s）", it.Topic)
	}
	fmt.Fprintln(w)
	if it.Kind != domain.KindMilestone {
		fmt.Fprintf(w, "目标（原文）：%s%s\n", it.Hedge, it.TargetText)
		t, ok, why := r.EffectiveTarget(it)
		understood := t.String() + "，" + map[domain.Direction]string{domain.Higher: "越高越好", domain.Lower: "越低越好"}[t.Direction]
		if t.Basis == domain.BasisQualitative {
			understood = t.String() + "，由审阅人判断"
		}
		if !ok {
			understood = why
		}
		fmt.Fprintf(w, "目标（理解）：%s\n", understood)
		if !it.Deadline.IsZero() {
			fmt.Fprintf(w, "期限：%s末（%s）\n", domain.DeadlineName(it.Deadline), it.Deadline)
		}
	} else if it.Hedge != "" {
		fmt.Fprintf(w, "表述：%s\n", it.Hedge)
	}
	if it.SameAs != "" {
		fmt.Fprintf(w, "与附件1指标 %s 为同一指标，共用实际值。\n", it.SameAs)
	}
	if it.Parent != "" {
		fmt.Fprintf(w, "为 %s 的其中项。\n", it.Parent)
	}
	if it.Parcel != nil {
		pc := it.Parcel
		b := pc.Boundaries
		fmt.Fprintf(w, "四至：东至%s、南至%s、西至%s、北至%s\n面积：%s亩　公共利益类型：%s　实施主体：%s\n",
			b.East, b.South, b.West, b.North, domain.FormatNumber(pc.AreaMu), pc.InterestType, strings.Join(pc.Implementers, "、"))
	}
	fmt.Fprintf(w, "原文：%s\n", it.SourceQuote)
	if it.Note != "" {
		fmt.Fprintln(w, it.Note)
	}
}

// showActuals writes the item's figures, one a line with who entered it
// and where it comes from.
func showActuals(w io.Writer, plan *domain.Plan, r *domain.Review, it domain.Item) {
	fmt.Fprintln(w, "\n实际值：")
	as := r.Actuals(it)
	if len(as) == 0 {
		fmt.Fprintln(w, "  （尚未录入）")
	}
	for _, x := range as {
		v := domain.FormatNumber(x.Value)
		if x.Outcome != "" {
			v = domain.OutcomeLabel(x.Outcome)
		} else {
			tracked, _ := plan.Item(domain.TrackedID(it))
			v += tracked.Target.Unit
		}
		line := fmt.Sprintf("  %s　%s　%s录入", x.Period.Label(), v, x.By)
		if x.Source != "" {
			line += "　来源：" + x.Source
		}
		if x.SourceDate != "" {
			line += "（" + x.SourceDate + "）"
		}
		fmt.Fprintln(w, line)
	}
}

// showNotes writes the item's notes with their period, author and date.
func showNotes(w io.Writer, notes []domain.Note) {
	fmt.Fprintln(w, "\n备注：")
	if len(notes) == 0 {
		fmt.Fprintln(w, "  （无）")
	}
	for _, n := range notes {
		when := "全年"
		if !n.Period.IsZero() {
			when = n.Period.Label()
		}
		fmt.Fprintf(w, "  #%d［%s］%s（%s，%s）\n", n.ID, when, n.Body, n.Author, n.Updated.Format("2006-01-02"))
	}
}

// showHeld writes the returns held for the reviewer on the item's figures
// (every round): the recorded figure above is not the whole story until
// they are settled.
func showHeld(w io.Writer, st *store.Store, r *domain.Review, it domain.Item) error {
	rounds, err := st.Rounds()
	if err != nil {
		return err
	}
	tracked := domain.TrackedID(it)
	var lines []string
	for _, rd := range rounds {
		cs, err := st.Conflicts(rd.ID)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.ItemID != it.ID && c.ItemID != tracked {
				continue
			}
			x, _ := st.Plan().Item(c.ItemID)
			for _, cand := range c.Candidates {
				a := domain.Actual{ItemID: c.ItemID, Period: c.Period, Outcome: cand.Outcome}
				if cand.Value != nil {
					a.Value = *cand.Value
				}
				lines = append(lines, fmt.Sprintf("  %s　%s　%s填报（%s，轮次%s）", c.Period.Label(), r.FigureOf(x, a), cand.Unit, cand.File, rd.ID))
			}
		}
	}
	if len(lines) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n待裁定（%d个填报值与已录入的不同，用 planreview round conflicts 查看、round resolve 裁定）：\n", len(lines))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return nil
}
