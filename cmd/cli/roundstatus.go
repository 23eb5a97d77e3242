package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// round status: who is late. Per unit of a round, the items it was sent,
// returned, missing and late; per item its chase light (domain.ItemLight)
// and why; with -o, the 催报清单 workbook of the missing items.

type roundItemRow struct {
	ItemID     string `json:"item"`
	Name       string `json:"name"`
	Light      string `json:"light"`
	LightLabel string `json:"light_label"`
	Why        string `json:"why"`
	ReturnedAt string `json:"returned_at,omitempty"`
	Late       bool   `json:"late"`
}

type roundUnitRow struct {
	Unit       string         `json:"unit"`
	Items      int            `json:"items"`
	Returned   int            `json:"returned"`
	Missing    int            `json:"missing"`
	Late       int            `json:"late"`
	LastReturn string         `json:"last_return,omitempty"`
	Rows       []roundItemRow `json:"rows"`
}

func runRoundStatus(env Env, st *store.Store, a args) error {
	if len(a.pos) != 1 {
		return usage("round status 不接受参数“%s”", a.pos[1])
	}
	rounds, err := st.Rounds()
	if err != nil {
		return err
	}
	if len(rounds) == 0 {
		return fmt.Errorf("本计划还没有发起填报：请先用 planreview round start")
	}
	round := rounds[len(rounds)-1]
	if id := a.get("round"); id != "" {
		found := false
		for _, r := range rounds {
			if r.ID == id {
				round, found = r, true
			}
		}
		if !found {
			return fmt.Errorf("本计划没有填报轮次“%s”", id)
		}
	}
	asOf := env.Now()
	if s := a.get("as-of"); s != "" {
		if asOf, err = time.Parse("2006-01-02", s); err != nil {
			return usage("--as-of“%s”无法识别：请写作 2024-10-15", s)
		}
	}
	due, err := time.Parse("2006-01-02", round.Due)
	if err != nil {
		return err
	}
	units, err := roundStatus(st, round, due, asOf)
	if err != nil {
		return err
	}
	if out := a.get("o"); out != "" {
		if err := writeChaseList(st, out, round, due, asOf, units); err != nil {
			return err
		}
	}
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(units)
	}
	fmt.Fprintf(env.Stdout, "轮次 %s：%d年%s，截止%s，截至%s\n", round.ID, round.Period.Year, round.Period.Label(), round.Due, asOf.Format("2006-01-02"))
	fmt.Fprintf(env.Stdout, "%s %s %s %s %s %s\n", cjk.Pad("单位", 16), cjk.Pad("项目", 4), cjk.Pad("已报", 4), cjk.Pad("未报", 4), cjk.Pad("逾期", 4), "最近报送")
	for _, u := range units {
		fmt.Fprintf(env.Stdout, "%s %s %s %s %s %s\n", cjk.Pad(u.Unit, 16), cjk.Pad(fmt.Sprint(u.Items), 4), cjk.Pad(fmt.Sprint(u.Returned), 4),
			cjk.Pad(fmt.Sprint(u.Missing), 4), cjk.Pad(fmt.Sprint(u.Late), 4), orDash(u.LastReturn))
		for _, r := range u.Rows {
			fmt.Fprintf(env.Stdout, "  %s %s %s %s\n", cjk.Pad(r.LightLabel, 2), cjk.Pad(r.ItemID, 7), cjk.Pad(r.Name, 24), r.Why)
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

// roundStatus works out each unit's rows. The items a unit answers for
// are read from today's assignment, as round start chose them.
func roundStatus(st *store.Store, round domain.Round, due, asOf time.Time) ([]roundUnitRow, error) {
	all, err := st.Units()
	if err != nil {
		return nil, err
	}
	assigned, err := st.ItemUnits()
	if err != nil {
		return nil, err
	}
	returns, err := st.RoundReturns(round)
	if err != nil {
		return nil, err
	}
	got := map[[2]string]time.Time{}
	for _, r := range returns {
		got[[2]string{r.Unit, r.ItemID}] = r.At
	}
	rev, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return nil, err
	}
	sent := map[int64]bool{}
	for _, u := range round.Units {
		sent[u.UnitID] = true
	}
	dueEnd := due.AddDate(0, 0, 1) // returned any time on the due date is on time
	var out []roundUnitRow
	for _, u := range all {
		if !sent[u.ID] {
			continue
		}
		row := roundUnitRow{Unit: u.Full, Rows: []roundItemRow{}}
		var last time.Time
		for _, it := range st.Plan().Items {
			if it.SameAs != "" || !assigned[it.ID].Has(u.ID) {
				continue
			}
			row.Items++
			at, returned := got[[2]string{u.Full, it.ID}]
			light, why := domain.ItemLight(due, asOf, returned, rev.Status(it, round.Period).Code)
			ir := roundItemRow{ItemID: it.ID, Name: it.Name, Light: string(light), LightLabel: light.Label(), Why: why}
			if returned {
				row.Returned++
				ir.ReturnedAt = at.Format("2006-01-02 15:04")
				ir.Late = !time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC).Before(dueEnd)
				if at.After(last) {
					last = at
				}
			} else {
				row.Missing++
				ir.Late = domain.DaysOverdue(due, asOf) > 0
			}
			if ir.Late {
				row.Late++
				if returned {
					ir.Why += "（逾期报送）"
				}
			}
			row.Rows = append(row.Rows, ir)
		}
		if !last.IsZero() {
			row.LastReturn = last.Format("2006-01-02 15:04")
		}
		out = append(out, row)
	}
	return out, nil
}

// ChaseSheet is the sheet of the 催报清单 workbook.
const ChaseSheet = "催报清单"

// writeChaseList writes the units' missing items, one row each, with the
// contact columns left blank for the clerk to fill in while phoning.
func writeChaseList(st *store.Store, path string, round domain.Round, due, asOf time.Time, units []roundUnitRow) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", ChaseSheet); err != nil {
		return err
	}
	head := []any{"责任单位", "编号", "名称", "截止日期", "逾期天数", "联系人", "联系电话", "催报情况"}
	if err := f.SetSheetRow(ChaseSheet, "A1", &head); err != nil {
		return err
	}
	n := 2
	for _, u := range units {
		for _, r := range u.Rows {
			if r.ReturnedAt != "" {
				continue
			}
			row := []any{u.Unit, r.ItemID, r.Name, round.Due, domain.DaysOverdue(due, asOf)}
			cell, _ := excelize.CoordinatesToCellName(1, n)
			if err := f.SetSheetRow(ChaseSheet, cell, &row); err != nil {
				return err
			}
			n++
		}
	}
	f.SetColWidth(ChaseSheet, "A", "A", 18)
	f.SetColWidth(ChaseSheet, "C", "C", 30)
	f.SetColWidth(ChaseSheet, "D", "H", 12)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	if err := store.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return fmt.Errorf("无法写入“%s”：%w", path, err)
	}
	return nil
}
