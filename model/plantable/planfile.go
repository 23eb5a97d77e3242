package plantable

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// Meta is what a table does not say about its plan: whose it is and for
// which year.
type Meta struct {
	City  string
	Year  int
	Title string // "" for 2024年嘉兴国民经济和社会发展计划
}

// PlanID is the ID a plan made from a table gets: plan-<year>-<the first
// 8 hex digits of the city's SHA-256>. It is stable (the same city and
// year always give it, so a second import clashes instead of doubling)
// and safe in file names and on the command line; pinyin would read
// better but needs a dictionary the app does not carry.
func PlanID(city string, year int) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(city)))
	return fmt.Sprintf("plan-%d-%s", year, hex.EncodeToString(sum[:4]))
}

// PlanFile turns a draft the reviewer has nothing left to decide on into
// the plan file domain.ParsePlanFile reads (seeds/README.md). IDs follow
// the bundled plan's scheme, in table order: A1-01… for indicators (a #
// or 其中 row takes its parent's number and a letter), B<n>-01… for tasks
// with a number and M<n>-01… for milestones, n being the task's section.
// The table's text goes with it as the notice (Draft.Text), so every
// item's source can be checked.
func PlanFile(d Draft, m Meta) ([]byte, error) {
	if len(d.Problems) > 0 {
		return nil, fmt.Errorf("“%s”有%d个问题，不能生成计划：%s", d.File, len(d.Problems), strings.Join(d.Problems, "；"))
	}
	if n := d.Pending(); n > 0 {
		var why []string
		for _, it := range d.Items {
			if it.NeedsReview {
				why = append(why, "工作表“"+it.Sheet+"”"+it.Reason)
			}
		}
		return nil, fmt.Errorf("“%s”还有%d项待审阅，不能生成计划：%s", d.File, n, strings.Join(why, "；"))
	}
	city := strings.TrimSpace(m.City)
	if city == "" || m.Year < 2000 || m.Year > 2100 {
		return nil, fmt.Errorf("请写明计划所属的城市和年度（年度为四位数字）")
	}
	if len(d.Items) == 0 {
		return nil, fmt.Errorf("“%s”中没有计划项目", d.File)
	}
	title := strings.TrimSpace(m.Title)
	if title == "" {
		title = fmt.Sprintf("%d年%s国民经济和社会发展计划", m.Year, city)
	}
	l := Lay(d, m.Year)
	if len(l.Problems) > 0 {
		return nil, fmt.Errorf("“%s”有%d个问题，不能生成计划：%s", d.File, len(l.Problems), strings.Join(l.Problems, "；"))
	}
	out := domain.PlanFile{Sections: l.Sections, Items: l.Items}
	out.Plan.ID, out.Plan.Title, out.Plan.Revision = PlanID(city, m.Year), title, 1
	out.Plan.Year, out.Plan.City, out.Plan.Notice = m.Year, city, d.File
	for _, it := range l.Items {
		// 附件2's total is its parcels' areas: nothing else states it.
		out.Plan.ParcelTotalMu += it.AreaMu
	}
	out.Plan.ParcelTotalMu = math.Round(out.Plan.ParcelTotalMu*100) / 100
	if id, ok := l.byName["地区生产总值"]; ok {
		// 与经济增长同步 is held against GDP growth, as in the bundled plan.
		out.Plan.Refs = map[string]string{"经济增长": id}
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	// The file must be one the app will take: checked here, not at the
	// first start that reads it.
	if _, err := domain.ParsePlanFile(data); err != nil {
		return nil, err
	}
	return data, nil
}

// Layout is a draft as a plan: each item placed (Items[i] is d.Items[i]),
// the sections, and what stops the plan being made beyond the draft's own
// problems (a 完成时限 outside the year). A preview shows it before the
// reviewer has decided everything; PlanFile writes it once they have.
type Layout struct {
	Sections []domain.Section
	Items    []Placed
	Problems []string
	byName   map[string]string
}

// Lay places a draft's items for a plan of the given year.
func Lay(d Draft, year int) Layout {
	b := newBuilder()
	var problems []string
	for _, it := range d.Items {
		if err := b.add(it, year); err != nil {
			problems = append(problems, err.Error())
		}
	}
	problems = append(problems, b.keepIDs(d.Items)...)
	return Layout{Sections: b.sections, Items: b.items, Problems: problems, byName: b.byName}
}

// Placed is one draft item as the plan will hold it: its ID, section and
// links, in the plan file's terms.
type Placed = domain.PlanFileItem

// tableText writes tables as Draft.Text: 【sheet】, then each non-blank row
// with its cells between tabs and its trailing blanks left out.
func tableText(tables []sheet.Table) string {
	var b strings.Builder
	for _, t := range tables {
		fmt.Fprintf(&b, "【%s】\n", t.Name)
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = strings.Join(strings.Fields(sheet.Norm(c)), " ")
			}
			line := strings.TrimRight(strings.Join(cells, "\t"), "\t")
			if line != "" {
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}
