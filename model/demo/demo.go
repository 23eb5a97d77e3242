// Package demo is infrastructure for measuring: it makes synthetic plans of any size, with a year of monthly
// figures and notes, so that costs can be measured at 100, 1,000 and
// 10,000 items (planreview gen-demo, and the benchmarks). The numbers are
// made up; the shapes are the real plan's: items of every target kind.
package demo

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// shape is one kind of item with a target of its kind.
type shape struct {
	kind    domain.Kind
	target  string
	measure domain.Measure
	name    string
}

// kinds are the shapes items cycle through, as the bundled plan has them.
var kinds = []shape{
	{domain.KindIndicator, "增长6%左右", domain.Rate, "地区生产总值"},
	{domain.KindIndicator, "95%以上", domain.Level, "地表水水体比例"},
	{domain.KindIndicator, "控制在5%以内", domain.Level, "城镇调查失业率"},
	{domain.KindCommitment, "400个", domain.Cumulative, "新开工产业项目"},
	{domain.KindCommitment, "380亿元以上", domain.Cumulative, "交通投资"},
	{domain.KindCommitment, "下降4%以上", domain.Rate, "能耗强度"},
	{domain.KindCommitment, "达到90%", domain.Level, "政务服务通办率"},
	{domain.KindCommitment, "增加3万人左右", domain.Cumulative, "人才资源"},
	{domain.KindMilestone, "", "", "试点创建"},
	{domain.KindParcel, "", domain.Cumulative, "旧城改造地块"},
}

// Plan is a generated plan: its dataset file (as seeds/ holds the real
// one), and the figures and notes to record on it.
type Plan struct {
	Dataset []byte
	Actuals []domain.Actual
	Notes   []Note
}

// Note is a generated note.
type Note struct {
	ItemID string
	Period domain.Period
	Body   string
}

// Generate makes a plan of n items for 2023 with twelve monthly figures
// each and a note on every third item; seed makes it reproducible.
func Generate(n int, seed int64) (Plan, error) { return GenerateYear(n, 2023, seed) }

// GenerateYear is Generate for another plan year.
func GenerateYear(n, year int, seed int64) (Plan, error) {
	rng := rand.New(rand.NewSource(seed))
	var items []map[string]any
	var out Plan
	for i := 0; i < n; i++ {
		k := kinds[i%len(kinds)]
		it, tg, parcelArea, err := demoItem(i, k, rng)
		if err != nil {
			return Plan{}, err
		}
		items = append(items, it)
		id, name := it["id"].(string), it["name"].(string)
		out.Actuals = append(out.Actuals, yearOfFigures(id, k, tg, parcelArea, year, rng)...)
		if i%3 == 0 {
			out.Notes = append(out.Notes, Note{ItemID: id, Period: domain.Period{Year: year, Month: 9},
				Body: fmt.Sprintf("演示备注：%s进度与计划基本一致，部分子项受审批影响略有滞后（第%d条）。", name, i/3+1)})
		}
	}
	var err error
	out.Dataset, err = json.Marshal(planFile(n, year, items))
	return out, err
}

// demoItem is the i-th item of the plan file, with its parsed target and,
// for a parcel, its area (drawn from rng).
func demoItem(i int, k shape, rng *rand.Rand) (map[string]any, domain.Target, float64, error) {
	id := fmt.Sprintf("D-%05d", i+1)
	name := fmt.Sprintf("%s（第%d项）", k.name, i+1)
	quote := fmt.Sprintf("演示数据：%s，目标%s。", name, k.target)
	it := map[string]any{"id": id, "kind": k.kind, "name": name, "source_quote": quote}
	switch k.kind {
	case domain.KindIndicator:
		it["section"] = "C1"
		it["indicator_no"] = i + 1
	case domain.KindParcel:
		it["section"] = "A2"
	default:
		it["section"] = fmt.Sprintf("S%d", i%10+1)
	}
	target := k.target
	var parcelArea float64
	if k.kind == domain.KindParcel {
		parcelArea = math.Round((5+rng.Float64()*100)*100) / 100
		target = fmt.Sprintf("%.2f亩", parcelArea)
		it["area_mu"] = parcelArea
		it["seq"] = i + 1
		it["boundaries"] = map[string]string{"east": "东路", "south": "南路", "west": "西路", "north": "北路"}
		it["interest_type"] = "旧城区改建"
		it["implementers"] = []string{"城投集团"}
	}
	var tg domain.Target
	if target != "" {
		var err error
		if tg, err = domain.ParseTarget(target); err != nil {
			return nil, tg, 0, err
		}
		it["target_text"] = target
		it["target"] = tg
		it["measure"] = k.measure
	}
	return it, tg, parcelArea, nil
}

// yearOfFigures is twelve monthly figures for one item, drawn from rng
// around its target.
func yearOfFigures(id string, k shape, tg domain.Target, parcelArea float64, year int, rng *rand.Rand) []domain.Actual {
	var as []domain.Actual
	for m := 1; m <= 12; m++ {
		p := domain.Period{Year: year, Month: m}
		a := domain.Actual{ItemID: id, Period: p, Source: "演示数据"}
		switch {
		case k.kind == domain.KindMilestone:
			a.Outcome = domain.OutcomeInProgress
			if m == 12 && rng.Intn(2) == 0 {
				a.Outcome = domain.OutcomeDone
			}
		case k.kind == domain.KindParcel:
			a.Value = math.Round(math.Min(parcelArea, parcelArea*float64(m)/12*(0.7+rng.Float64()*0.5))*100) / 100
		case k.measure == domain.Cumulative:
			a.Value = math.Round(tg.Value*float64(m)/12*(0.8+rng.Float64()*0.4)*100) / 100
		default:
			a.Value = math.Round(tg.Value*(0.9+rng.Float64()*0.2)*100) / 100
		}
		as = append(as, a)
	}
	return as
}

// planFile is the plan file around the items: sections, and a header
// whose parcel total is the sum of the parcels' areas.
func planFile(n, year int, items []map[string]any) map[string]any {
	sections := []map[string]string{{"id": "C1", "part": "annex1", "title": "一、主要指标"},
		{"id": "A2", "part": "annex2", "title": "房屋征收计划表"}}
	for i := 1; i <= 10; i++ {
		sections = append(sections, map[string]string{"id": fmt.Sprintf("S%d", i), "part": "body",
			"title": fmt.Sprintf("%d、第%d方面重点工作", i, i)})
	}
	total := 0.0
	for _, it := range items {
		if a, ok := it["area_mu"].(float64); ok {
			total += a
		}
	}
	return map[string]any{
		"plan": map[string]any{"id": fmt.Sprintf("demo-%d", n), "title": fmt.Sprintf("%d年演示计划（%d项）", year, n), "revision": 1,
			"year": year, "city": "演示市", "issuer": "演示市人民政府", "approved_by": "演示", "issued": fmt.Sprintf("%d-03-01", year),
			"notice": "", "parcel_total_mu": math.Round(total*100) / 100, "refs": map[string]string{"经济增长": "D-00001"}},
		"sections": sections,
		"items":    items,
	}
}

// Write creates a database at path holding a generated plan of n items
// with its figures and notes, all in one transaction.
func Write(path string, n int, seed int64) error { return WriteYear(path, n, 2023, seed) }

// WriteYear is Write for another plan year.
func WriteYear(path string, n, year int, seed int64) error {
	p, err := GenerateYear(n, year, seed)
	if err != nil {
		return err
	}
	st, err := store.Open(path, store.Options{Bundle: store.Bundle{Dataset: p.Dataset}, NoBackup: true})
	if err != nil {
		return err
	}
	defer st.Close()
	return st.ImportActuals(importRows(p), "gen-demo", "演示")
}

// importRows are a generated plan's figures with its notes, as an import
// writes them.
func importRows(p Plan) []store.Import {
	notes := map[string]string{}
	for _, n := range p.Notes {
		notes[n.ItemID+n.Period.String()] = n.Body
	}
	rows := make([]store.Import, 0, len(p.Actuals))
	for i := range p.Actuals {
		a := &p.Actuals[i]
		rows = append(rows, store.Import{Actual: a, NoteOn: a.ItemID, Note: notes[a.ItemID+a.Period.String()], NotePeriod: a.Period})
	}
	return rows
}
