package cli

import (
	"encoding/json"
	"fmt"
	"time"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/store"
)

// selectLatest makes current the plan with the newest change in history:
// the one last worked on, found in what the workspace already records,
// so the command line keeps no state of its own. With one plan it is
// that one.
func selectLatest(st *store.Store) error {
	id, err := st.LatestPlan()
	if err != nil || id == "" {
		return err
	}
	return st.SelectPlan(id)
}

// planJSON is one plan as `plans --json` prints it; docs/CLI.md.
type planJSON struct {
	ID             string `json:"id"`
	City           string `json:"city"`
	Year           int    `json:"year"`
	Title          string `json:"title"`
	SourceDocument string `json:"source_document"`
	Items          int    `json:"items"`
	Figures        int    `json:"figures"`
	Notes          int    `json:"notes"`
	LastChange     string `json:"last_change"` // RFC 3339; "" when none
	Current        bool   `json:"current"`     // the plan commands work on without --plan
}

func runPlans(env Env, st *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("plans 不接受参数“%s”", a.pos[0])
	}
	infos, err := st.Plans()
	if err != nil {
		return err
	}
	out := make([]planJSON, 0, len(infos))
	for _, pi := range infos {
		last := ""
		if !pi.LastChange.IsZero() {
			last = pi.LastChange.Format(time.RFC3339)
		}
		out = append(out, planJSON{pi.ID, pi.City, pi.Year, pi.Title, pi.SourceDocument, pi.Items, pi.Figures,
			pi.Notes, last, pi.ID == st.Plan().ID})
	}
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	w := env.Stdout
	fmt.Fprintf(w, "  %s %s %s %s %s %s %s\n", cjk.Pad("编号", 20), cjk.Pad("城市", 10), cjk.Pad("年度", 6),
		cjk.Pad("项目", 6), cjk.Pad("实际值", 8), cjk.Pad("最后修改", 18), "标题")
	for _, p := range out {
		mark, last := " ", "—"
		if p.Current {
			mark = "*"
		}
		if p.LastChange != "" {
			t, _ := time.Parse(time.RFC3339, p.LastChange)
			last = t.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "%s %s %s %s %s %s %s %s\n", mark, cjk.Pad(p.ID, 20), cjk.Pad(p.City, 10), cjk.Pad(fmt.Sprint(p.Year), 6),
			cjk.Pad(fmt.Sprint(p.Items), 6), cjk.Pad(fmt.Sprint(p.Figures), 8), cjk.Pad(last, 18), p.Title)
	}
	fmt.Fprintln(w, "* 为当前计划（不加 --plan 时各命令所用的计划：最近修改的一个）。")
	return nil
}
