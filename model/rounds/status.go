package rounds

import (
	"fmt"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// ItemRow is one item a unit was sent in a round: its chase light, the
// light's Chinese label and why, and when the unit returned it. The JSON
// names are those of `planreview round status --json`.
type ItemRow struct {
	ItemID     string       `json:"item"`
	Name       string       `json:"name"`
	Light      domain.Light `json:"light"`
	LightLabel string       `json:"light_label"`
	Why        string       `json:"why"`
	ReturnedAt string       `json:"returned_at,omitempty"`
	// TextOnly is a row that came back with 进展情况 and no 实际值 for
	// an item that takes a figure (domain.ReturnedText): ReturnedAt says
	// when, but the figure is still owed and the item stays on the
	// 催报清单.
	TextOnly bool `json:"text_only,omitempty"`
	Late     bool `json:"late"`
	// ByLead is, for an item the unit only co-operates on (协办) and did
	// not return itself, the lead unit whose figure the round has: the
	// item is settled for this unit, neither missing nor late nor on the
	// 催报清单 (STATUS.md rule 21). Empty otherwise.
	ByLead string `json:"by_lead,omitempty"`
	// Status is Review.Status's code at the round's period, which the
	// light was read from: the window words its why in its own language.
	Status domain.Code `json:"-"`
}

// Returned tells whether the unit's figure for the item came in: a row
// with words only is not its figure.
func (r ItemRow) Returned() bool { return r.ReturnedAt != "" && !r.TextOnly }

// Owed tells whether the unit is still to be chased for the item: it
// neither returned the figure nor co-operates on an item whose lead did.
func (r ItemRow) Owed() bool { return !r.Returned() && r.ByLead == "" }

// ByLeadWhy is why a 协办 item the lead unit returned is settled:
// 牵头单位已报送（市发展改革委）.
func ByLeadWhy(lead string) string { return "牵头单位已报送（" + lead + "）" }

// UnitRow is one unit of a round: how many items it was sent, returned,
// missing and late (returned after the due date, or still missing past
// it), its latest return, and the items one by one.
type UnitRow struct {
	Unit       string `json:"unit"`
	Items      int    `json:"items"`
	Returned   int    `json:"returned"`
	Missing    int    `json:"missing"`
	Late       int    `json:"late"`
	LastReturn string `json:"last_return,omitempty"`
	// Person and Phone are who last filled in the unit's workbook in any
	// round of the plan (store.UnitContacts): whom the clerk phones.
	Person string    `json:"person,omitempty"`
	Phone  string    `json:"phone,omitempty"`
	Rows   []ItemRow `json:"rows"`

	// LateMissing and LateReturned split Late: items still missing past
	// the due date (逾期未报) and items returned after it (逾期报送). Late
	// alone read "未报19项，逾期23项", more overdue than missing.
	LateMissing  int `json:"late_missing"`
	LateReturned int `json:"late_returned"`
	// ByLead counts the 协办 items settled by their lead unit's return
	// (ItemRow.ByLead): Items = Returned + Missing + ByLead.
	ByLead int `json:"by_lead"`
}

// timeLayout is how return times are shown: to the minute, as a clerk
// notes a phone call.
const timeLayout = "2006-01-02 15:04"

// DueDate reads a round's due date (stored as 2023-10-10).
func DueDate(r domain.Round) (time.Time, error) {
	d, err := time.Parse("2006-01-02", r.Due)
	if err != nil {
		return time.Time{}, fmt.Errorf("轮次%s的截止日期“%s”无法识别", r.ID, r.Due)
	}
	return d, nil
}

// Status works out who is late in a round as of a day: a row per unit the
// round was sent to, in unit order, over the items its workbook held
// (store.RoundItems), whatever is assigned since. A return held for the
// reviewer (its figure differs from the recorded one) counts as returned,
// with why "已报送，待裁定（与…不一致）". A return collected after asOf
// had not come in as of that day: it counts for nothing, not even as the
// unit's last return. A row with 进展情况 only is not the figure
// (domain.ReturnOf): the item is still missing, why 只报了进展情况，未填实际值.
func Status(st *store.Store, round domain.Round, asOf time.Time) ([]UnitRow, error) {
	due, err := DueDate(round)
	if err != nil {
		return nil, err
	}
	all, err := st.Units()
	if err != nil {
		return nil, err
	}
	sentItems, err := st.RoundItems(round.ID)
	if err != nil {
		return nil, err
	}
	returns, err := st.RoundReturns(round)
	if err != nil {
		return nil, err
	}
	type unitItem struct {
		unit int64
		item string
	}
	got := map[unitItem]store.Return{}
	for _, r := range returns {
		if domain.CollectedBy(r.At, asOf) {
			got[unitItem{r.UnitID, r.ItemID}] = r
		}
	}
	rev, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return nil, err
	}
	held, err := heldWhy(st, rev, round)
	if err != nil {
		return nil, err
	}
	contacts, err := st.UnitContacts()
	if err != nil {
		return nil, err
	}
	sent := map[int64]bool{}
	for _, u := range round.Units {
		sent[u.UnitID] = true
	}
	// lead is, per item, the unit whose workbook held it as 牵头: a 协办
	// unit is not chased for what that unit returned.
	lead := map[string]int64{}
	for unit, refs := range sentItems {
		for _, ref := range refs {
			if ref.Role == domain.RoleLead {
				lead[ref.ItemID] = unit
			}
		}
	}
	names := map[int64]string{}
	for _, u := range all {
		names[u.ID] = u.Full
	}
	// Status per item is the same for every unit it is assigned to: work
	// it out once.
	codes := map[string]domain.Code{}
	dueEnd := due.AddDate(0, 0, 1) // returned any time on the due date is on time
	overdue := domain.DaysOverdue(due, asOf) > 0
	var out []UnitRow
	for _, u := range all {
		if !sent[u.ID] {
			continue
		}
		c := contacts[u.ID]
		row := UnitRow{Unit: u.Full, Person: c.Person, Phone: c.Phone, Rows: []ItemRow{}}
		var last time.Time
		for _, ref := range sentItems[u.ID] {
			it, ok := st.Plan().Item(ref.ItemID)
			if !ok {
				continue
			}
			row.Items++
			ret, hasRow := got[unitItem{u.ID, it.ID}]
			kind := domain.ReturnOf(it, hasRow, ret.HasFigure())
			returned := kind == domain.ReturnedFigure
			at := ret.At
			code, ok := codes[it.ID]
			if !ok {
				code = rev.Status(it, round.Period).Code
				codes[it.ID] = code
			}
			light, why := domain.ItemLight(due, asOf, kind, code)
			if returned && ret.State == store.ReturnPending {
				// The light read from the recorded figure says nothing of
				// the unit's differing one: never 绿 until the reviewer
				// has chosen; 黄 asks for their attention.
				light, why = domain.LightYellow, held[it.ID]
			}
			ir := ItemRow{ItemID: it.ID, Name: it.Name, Light: light, LightLabel: light.Label(), Why: why, Status: code}
			if hasRow && at.After(last) {
				last = at
			}
			if l, ok := lead[it.ID]; ok && !returned && ref.Role == domain.RoleWith && l != u.ID {
				if lr, ok := got[unitItem{l, it.ID}]; ok && domain.ReturnOf(it, true, lr.HasFigure()) == domain.ReturnedFigure {
					// The lead's figure is the round's: the item's light
					// is read from it, held or not, and nothing is owed.
					ir.Light, _ = domain.ItemLight(due, asOf, domain.ReturnedFigure, code)
					if lr.State == store.ReturnPending {
						ir.Light = domain.LightYellow
					}
					ir.LightLabel, ir.Why, ir.ByLead = ir.Light.Label(), ByLeadWhy(names[l]), names[l]
					ir.ReturnedAt, ir.TextOnly = "", false
					row.ByLead++
					row.Rows = append(row.Rows, ir)
					continue
				}
			}
			if returned {
				row.Returned++
				ir.ReturnedAt = at.Format(timeLayout)
				ir.Late = !time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC).Before(dueEnd)
			} else {
				if hasRow {
					ir.ReturnedAt, ir.TextOnly = at.Format(timeLayout), true
				}
				row.Missing++
				ir.Late = overdue
			}
			if ir.Late {
				row.Late++
				if returned {
					row.LateReturned++
					ir.Why += "（逾期报送）"
				} else {
					row.LateMissing++
				}
			}
			row.Rows = append(row.Rows, ir)
		}
		if !last.IsZero() {
			row.LastReturn = last.Format(timeLayout)
		}
		out = append(out, row)
	}
	return out, nil
}

// heldWhy is, for each item of the round with returns held for the
// reviewer, why a held return shows as it does: 已报送，待裁定（与已录入的增长5.8%不一致）.
func heldWhy(st *store.Store, rev *domain.Review, round domain.Round) (map[string]string, error) {
	cs, err := st.Conflicts(round.ID)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, c := range cs {
		it, _ := st.Plan().Item(c.ItemID)
		with := "已录入的数值"
		if rec := c.Recorded; rec != nil {
			with = "已录入的" + rev.FigureOf(it, rec.Actual)
			if rec.Unit != "" {
				with = rec.Unit + "填报的" + rev.FigureOf(it, rec.Actual)
			}
		}
		out[c.ItemID] = "已报送，待裁定（与" + with + "不一致）"
	}
	return out, nil
}
