package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// planFileForm is what a file given to plan import holds.
type planFileForm int

const (
	formTable     planFileForm = iota // an office's table, .xlsx or .csv
	formPlanFile                      // a plan file: JSON with a top-level "plan"
	formDraftFile                     // a draft file (plan draft --json): JSON with a top-level "source"
)

// planForm tells the forms plan import reads apart: JSON by its top-level
// key — "plan" for a plan file (docs/PLAN-FORMAT.md), "source" for a
// draft drafted from a document (plan draft --json) — and anything else as
// a table. A new JSON form is one more case here.
func planForm(file string, data []byte) (planFileForm, error) {
	body := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(body) == 0 || body[0] != '{' {
		return formTable, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return 0, fmt.Errorf("“%s”不是有效的JSON：%v", filepath.Base(file), err)
	}
	switch {
	case top["plan"] != nil:
		return formPlanFile, nil
	case top["source"] != nil:
		return formDraftFile, nil
	}
	return 0, fmt.Errorf("“%s”是JSON，但没有顶层“plan”键：plan import 读入 plan export -o 文件.json 导出的计划数据文件（docs/PLAN-FORMAT.md）、plan draft --json 写出的草稿（顶层“source”），或 .xlsx/.csv 计划表", filepath.Base(file))
}

// importPlanFile creates a plan from a plan file. --city and --year, when
// given, override the file's: a plan exported for 2023 becomes 2024's,
// its deadlines moved to the same months of 2024, its ID made afresh
// (plantable.PlanID) and its title rewritten unless --title says one.
// Everything else — items, IDs, targets, links, parcels — is the file's.
func importPlanFile(env Env, st *store.Store, a args, file string, data []byte, by string) error {
	if _, err := domain.ParsePlanFile(data); err != nil {
		return fmt.Errorf("“%s”：%w", filepath.Base(file), err)
	}
	var f domain.PlanFile
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("“%s”：%w", filepath.Base(file), err)
	}
	city, year := f.Plan.City, f.Plan.Year
	if c := strings.TrimSpace(a.get("city")); c != "" {
		city = c
	}
	if a.has("year") {
		y, err := strconv.Atoi(strings.TrimSpace(a.get("year")))
		if err != nil || y < 2000 || y > 2100 {
			return usage("请用 --year 写明计划年度（四位数字，如 --year 2024），收到“%s”", a.get("year"))
		}
		year = y
	}
	if city == "" {
		return usage("计划数据文件没有写城市：请用 --city 写明（如 --city 嘉兴市）")
	}
	moved := city != f.Plan.City || year != f.Plan.Year
	if moved {
		retarget(&f, city, year)
	}
	if t := strings.TrimSpace(a.get("title")); t != "" {
		f.Plan.Title = t
	}
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	p, err := domain.ParsePlanFile(out)
	if err != nil {
		return fmt.Errorf("“%s”改为%s %d年后：%w", filepath.Base(file), city, year, err)
	}
	fmt.Fprintf(env.Stdout, "计划数据文件：%s　《%s》%s %d年，%d项\n", filepath.Base(file), p.Title, city, year, len(p.Items))
	if clash, err := samePlan(st, city, year); err != nil {
		return err
	} else if clash != "" {
		return fmt.Errorf("未创建计划：%s", clash)
	}
	return createPlan(env, st, a, store.NewPlan{Dataset: out, SourceDocument: filepath.Base(file), City: city, Year: year},
		len(p.Items), by)
}

// retarget makes a plan file another city's or year's: a new ID, the
// title's city and year replaced, deadlines moved into the year. What
// speaks of the old plan's adoption (issued, approved_by, and for another
// city the issuer and notice) is dropped rather than left untrue.
func retarget(f *domain.PlanFile, city string, year int) {
	old := f.Plan
	f.Plan.ID, f.Plan.City, f.Plan.Year = plantable.PlanID(city, year), city, year
	f.Plan.Issued, f.Plan.ApprovedBy = "", ""
	if old.City != city {
		f.Plan.Issuer, f.Plan.Notice = "", ""
	}
	title := strings.ReplaceAll(old.Title, strconv.Itoa(old.Year)+"年", strconv.Itoa(year)+"年")
	if old.City != "" && old.City != city {
		title = strings.ReplaceAll(title, old.City, city)
	}
	if title == old.Title && (old.Year != year || old.City != city) {
		title = fmt.Sprintf("%d年%s国民经济和社会发展计划", year, city)
	}
	f.Plan.Title = title
	for i, it := range f.Items {
		if it.Deadline == "" {
			continue
		}
		if p, err := domain.ParsePeriod(it.Deadline, old.Year); err == nil {
			f.Items[i].Deadline = fmt.Sprintf("%d-%02d", year, p.Month)
		}
	}
}
