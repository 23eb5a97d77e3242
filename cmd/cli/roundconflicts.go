package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// round conflicts / round resolve: the returned figures collect held
// because they differ from the one recorded (by hand, or from another
// unit's return), and the reviewer's choice among them. Nothing is
// overwritten until the reviewer picks.

// conflictJSON is one conflict as `round conflicts --json` gives it.
type conflictJSON struct {
	Round      string          `json:"round"`
	Item       string          `json:"item"`
	Name       string          `json:"name"`
	Period     string          `json:"period"`
	Recorded   *recordedJSON   `json:"recorded,omitempty"`
	Candidates []candidateJSON `json:"candidates"`
}

type recordedJSON struct {
	Figure string `json:"figure"`
	Source string `json:"source,omitempty"`
	By     string `json:"by,omitempty"`
	Unit   string `json:"unit,omitempty"` // the unit whose return it came from
	File   string `json:"file,omitempty"`
	At     string `json:"at"`
}

type candidateJSON struct {
	Unit   string `json:"unit"`
	Figure string `json:"figure"`
	Person string `json:"person,omitempty"`
	Phone  string `json:"phone,omitempty"`
	Source string `json:"source,omitempty"`
	File   string `json:"file"`
	At     string `json:"at"`
}

// chosenRound is the round --round names, or the latest.
func chosenRound(st *store.Store, a args) (domain.Round, error) {
	all, err := st.Rounds()
	if err != nil {
		return domain.Round{}, err
	}
	if len(all) == 0 {
		return domain.Round{}, fmt.Errorf("本计划还没有发起填报：请先用 planreview round start")
	}
	id := a.get("round")
	if id == "" {
		return all[len(all)-1], nil
	}
	for _, r := range all {
		if r.ID == id {
			return r, nil
		}
	}
	return domain.Round{}, fmt.Errorf("本计划没有填报轮次“%s”", id)
}

func conflictsJSON(st *store.Store, r *domain.Review, cs []store.Conflict) []conflictJSON {
	out := make([]conflictJSON, 0, len(cs))
	for _, c := range cs {
		it, _ := st.Plan().Item(c.ItemID)
		j := conflictJSON{Round: c.RoundID, Item: c.ItemID, Name: it.Name, Period: c.Period.Label(), Candidates: []candidateJSON{}}
		if rec := c.Recorded; rec != nil {
			j.Recorded = &recordedJSON{Figure: r.FigureOf(it, rec.Actual), Source: rec.Actual.Source, By: rec.Actual.By,
				Unit: rec.Unit, File: rec.File, At: rec.At.Format("2006-01-02 15:04")}
		}
		for _, x := range c.Candidates {
			a := domain.Actual{Outcome: x.Outcome}
			if x.Value != nil {
				a.Value = *x.Value
			}
			j.Candidates = append(j.Candidates, candidateJSON{Unit: x.Unit, Figure: r.FigureOf(it, a), Person: x.Person, Phone: x.Phone,
				Source: x.Source, File: x.File, At: x.At.Format("2006-01-02 15:04")})
		}
		out = append(out, j)
	}
	return out
}

// pendingConflicts is the conflicts of the round --round names or,
// without it, of every round, oldest first: a return to an older round of
// a period is held there too, and must not go unseen because a newer
// round was started.
func pendingConflicts(st *store.Store, a args) ([]domain.Round, []store.Conflict, error) {
	var rounds []domain.Round
	if a.get("round") != "" {
		r, err := chosenRound(st, a)
		if err != nil {
			return nil, nil, err
		}
		rounds = []domain.Round{r}
	} else {
		all, err := st.Rounds()
		if err != nil {
			return nil, nil, err
		}
		if len(all) == 0 {
			return nil, nil, fmt.Errorf("本计划还没有发起填报：请先用 planreview round start")
		}
		rounds = all
	}
	var cs []store.Conflict
	for _, r := range rounds {
		rc, err := st.Conflicts(r.ID)
		if err != nil {
			return nil, nil, err
		}
		cs = append(cs, rc...)
	}
	return rounds, cs, nil
}

func runRoundConflicts(env Env, st *store.Store, a args) error {
	if len(a.pos) != 1 {
		return usage("round conflicts 不接受参数“%s”", a.pos[1])
	}
	rounds, cs, err := pendingConflicts(st, a)
	if err != nil {
		return err
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	rows := conflictsJSON(st, r, cs)
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if len(rows) == 0 {
		if len(rounds) == 1 {
			fmt.Fprintf(env.Stdout, "轮次 %s（%d年%s）没有待裁定的填报。\n", rounds[0].ID, rounds[0].Period.Year, rounds[0].Period.Label())
		} else {
			fmt.Fprintf(env.Stdout, "%d个填报轮次都没有待裁定的填报。\n", len(rounds))
		}
		return nil
	}
	for _, round := range rounds {
		var in []conflictJSON
		for _, c := range rows {
			if c.Round == round.ID {
				in = append(in, c)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(env.Stdout, "轮次 %s（%d年%s）有%d项填报与已录入的不一致，待裁定：\n", round.ID, round.Period.Year, round.Period.Label(), len(in))
		printConflicts(env, in)
		fmt.Fprintln(env.Stdout)
	}
	fmt.Fprintln(env.Stdout, "裁定：planreview round resolve 编号 --unit 单位（采用该单位的填报）或 --recorded（保留已录入的）；同一项目在几个轮次都有待裁定时加 --round 轮次")
	return nil
}

// printConflicts prints one round's conflicts: the recorded figure, then
// each held return.
func printConflicts(env Env, rows []conflictJSON) {
	for _, c := range rows {
		fmt.Fprintf(env.Stdout, "\n%s %s（%s）\n", c.Item, c.Name, c.Period)
		if rec := c.Recorded; rec != nil {
			from := ""
			if rec.Unit != "" {
				from = "，" + rec.Unit + "填报（" + rec.File + "）"
			}
			fmt.Fprintf(env.Stdout, "  %s %s %s %s %s%s\n", cjk.Pad("已录入", 16), cjk.Pad(rec.Figure, 14), cjk.Pad(orDash(rec.Source), 16),
				cjk.Pad(orDash(rec.By), 24), rec.At, from)
		} else {
			fmt.Fprintf(env.Stdout, "  %s —\n", cjk.Pad("已录入", 16))
		}
		for _, x := range c.Candidates {
			who := strings.TrimSpace(x.Person + " " + x.Phone)
			fmt.Fprintf(env.Stdout, "  %s %s %s %s %s（%s）\n", cjk.Pad(x.Unit, 16), cjk.Pad(x.Figure, 14), cjk.Pad(orDash(x.Source), 16), cjk.Pad(orDash(who), 24), x.At, x.File)
		}
	}
}

// resolveRound is the round a resolve of item is in: --round's, else the
// one round holding returns of the item, refused when several do (the
// reviewer says which), else the latest (whose refusal says there is
// nothing to resolve).
func resolveRound(st *store.Store, a args, item string) (domain.Round, error) {
	if a.get("round") != "" {
		return chosenRound(st, a)
	}
	rounds, cs, err := pendingConflicts(st, a)
	if err != nil {
		return domain.Round{}, err
	}
	var ids []string
	for _, c := range cs {
		if c.ItemID == item {
			ids = append(ids, c.RoundID)
		}
	}
	switch len(ids) {
	case 0:
		return rounds[len(rounds)-1], nil
	case 1:
		for _, r := range rounds {
			if r.ID == ids[0] {
				return r, nil
			}
		}
	}
	return domain.Round{}, usage("%s 在轮次 %s 都有待裁定的填报：请用 --round 指明裁定哪一轮次的", item, strings.Join(ids, "、"))
}

func runRoundResolve(env Env, st *store.Store, a args) error {
	if len(a.pos) != 2 {
		return usage("round resolve 需要一个项目编号：round resolve 编号 --unit 单位|--recorded")
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	if a.has("recorded") == (a.get("unit") != "") {
		return usage("round resolve 需要 --unit 单位（采用该单位的填报）或 --recorded（保留已录入的），二者选一")
	}
	round, err := resolveRound(st, a, a.pos[1])
	if err != nil {
		return err
	}
	pick := store.PickRecorded()
	if name := a.get("unit"); name != "" {
		u, err := st.FindUnit(name)
		if err != nil {
			return err
		}
		pick = store.PickUnit(u.ID)
	}
	detail, err := st.ResolveConflict(round.ID, a.pos[1], pick, by)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已裁定%s（轮次 %s）：%s（修改记录已注明，可用 planreview undo 撤销）\n", a.pos[1], round.ID, detail)
	return nil
}
