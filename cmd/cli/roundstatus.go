package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// round status: who is late. Per unit of a round, the items it was sent,
// returned, missing and late; per item its chase light and why; with -o,
// the 催报清单 of the missing items, a workbook or a one-page PDF. The work is model/rounds';
// this file reads the flags and prints.

func runRoundStatus(env Env, st *store.Store, a args) error {
	if len(a.pos) != 1 {
		return usage("round status 不接受参数“%s”", a.pos[1])
	}
	round, err := chosenRound(st, a)
	if err != nil {
		return err
	}
	asOf := env.Now()
	if s := a.get("as-of"); s != "" {
		// As the window's 截至 box reads it: 2024/10/15, 2024年10月15日 too.
		if asOf, err = domain.ParseDay(s); err != nil {
			return usage("--as-of“%s”无法识别：请写作 2024-10-15 或 2024年10月15日", s)
		}
	}
	units, err := rounds.Status(st, round, asOf)
	if err != nil {
		return err
	}
	if out := a.get("o"); out != "" {
		if err := writeChase(env, st, out, round, asOf, units); err != nil {
			return err
		}
		// On stderr, as the other notes here, so --json stays JSON.
		owing, pairs := 0, 0
		for _, u := range units {
			if u.Missing > 0 {
				owing++
				pairs += u.Missing
			}
		}
		fmt.Fprintf(env.Stderr, "已写入催报清单：%s（%d个单位未报%d项次）\n", out, owing, pairs)
	}
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(units)
	}
	fmt.Fprintf(env.Stdout, "轮次 %s：%d年%s，截止%s，截至%s\n", round.ID, round.Period.Year, round.Period.Label(), round.Due, asOf.Format("2006-01-02"))
	// 逾期 is two columns, each after the count it is part of, as in the
	// window: returned after the due date, and still missing past it; one
	// count of both read as more overdue than missing.
	// 牵头已报 counts a 协办 unit's items its lead returned (rule 21), so
	// that 已报 + 未报 + 牵头已报 are the unit's items.
	fmt.Fprintf(env.Stdout, "%s %s %s %s %s %s %s %s\n", cjk.Pad("单位", 16), cjk.Pad("项目", 4), cjk.Pad("已报", 4), cjk.Pad("逾期报送", 8),
		cjk.Pad("未报", 4), cjk.Pad("逾期未报", 8), cjk.Pad("牵头已报", 8), "最近报送")
	for _, u := range units {
		fmt.Fprintf(env.Stdout, "%s %s %s %s %s %s %s %s\n", cjk.Pad(u.Unit, 16), cjk.Pad(fmt.Sprint(u.Items), 4), cjk.Pad(fmt.Sprint(u.Returned), 4),
			cjk.Pad(fmt.Sprint(u.LateReturned), 8), cjk.Pad(fmt.Sprint(u.Missing), 4), cjk.Pad(fmt.Sprint(u.LateMissing), 8),
			cjk.Pad(fmt.Sprint(u.ByLead), 8), orDash(u.LastReturn))
		for _, r := range u.Rows {
			fmt.Fprintf(env.Stdout, "  %s %s %s %s\n", cjk.Pad(r.LightLabel, 2), cjk.Pad(r.ItemID, 7), cjk.Pad(r.Name, 24), r.Why)
		}
	}
	return nil
}

// writeChase writes the 催报清单: a one-page PDF when the name ends in
// .pdf, else the workbook. A PDF that cannot name every missing item
// refers to the workbook, written beside it (rounds.WriteChasePDF); a
// workbook already there is never replaced, and stderr says which name
// was used instead.
func writeChase(env Env, st *store.Store, out string, round domain.Round, asOf time.Time, units []rounds.UnitRow) error {
	if !strings.EqualFold(filepath.Ext(out), ".pdf") {
		data, err := rounds.ChaseWorkbook(round, asOf, units)
		if err != nil {
			return err
		}
		return store.WriteFileAtomic(out, data)
	}
	w, err := rounds.WriteChasePDF(st.Plan().Title, round, asOf, units, out)
	if err != nil {
		return err
	}
	if len(w.Missing) > 0 {
		fmt.Fprintln(env.Stderr, "提示："+pdf.MissingTextIn(w.Missing, "催报清单"))
	}
	if w.Book != "" {
		fmt.Fprintf(env.Stderr, "提示：催报清单一页容纳不下全部未报项目，另有%d项只列在工作簿“%s”中。\n", w.Omitted, w.Book)
		if w.Renamed {
			fmt.Fprintf(env.Stderr, "提示：“%s”已存在，未覆盖；工作簿另存为“%s”。\n",
				strings.TrimSuffix(out, filepath.Ext(out))+".xlsx", w.Book)
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
