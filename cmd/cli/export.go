package cli

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

func runExport(env Env, st *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("export 不接受参数“%s”（文件名用 -o）", a.pos[0])
	}
	out := a.get("o")
	if out == "" {
		return usage("请用 -o 指定简报文件名（.pdf 或 .docx）")
	}
	format, err := brief.FormatFor(out)
	if err != nil {
		return usage("-o：%v", err)
	}
	p, err := asOf(st, a)
	if err != nil {
		return err
	}
	date := env.Now()
	if a.has("date") {
		d, err := time.ParseInLocation("2006-01-02", a.get("date"), time.Local)
		if err != nil {
			return usage("--date：日期“%s”应写成 2024-01-15 的形式", a.get("date"))
		}
		date = d
	}
	parts, err := parseParts(a.get("parts"))
	if err != nil {
		return err
	}
	who := a.get("by")
	if who == "" {
		who = env.Getenv("PLANREVIEW_USER")
	}
	unit := a.get("unit")
	if unit == "" {
		unit = env.Getenv("PLANREVIEW_UNIT")
	}
	r, notes, err := reviewWithNotes(st)
	if err != nil {
		return err
	}
	if g := brief.PeriodGapOf(r, p); g.Most() {
		fmt.Fprintln(env.Stderr, "提示："+g.Text())
	}
	priors, err := st.Priors(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	mark, err := st.LastChangeID()
	if err != nil {
		return err
	}
	units, err := st.Units()
	if err != nil {
		return err
	}
	assigned, err := st.ItemUnits()
	if err != nil {
		return err
	}
	o := brief.Options{AsOf: p, Date: date, Unit: unit, Reviewer: who,
		Marking: a.get("marking"), Parts: parts, Notes: !a.has("no-notes"), Priors: priors, HistoryMark: mark,
		Units: units, ItemUnits: assigned}
	var buf bytes.Buffer
	if format == brief.FormatWord {
		if err := docx.Export(r, notes, o, &buf); err != nil {
			return err
		}
		if err := store.WriteFileAtomic(out, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已生成简报（Word）：%s（截至%s）\n", out, p.Label())
		return nil
	}
	rep, err := pdf.Export(r, notes, o, &buf)
	if err != nil {
		return err
	}
	if err := store.WriteFileAtomic(out, buf.Bytes()); err != nil {
		return err
	}
	if len(rep.Missing) > 0 {
		fmt.Fprintln(env.Stderr, "警告："+pdf.MissingText(rep.Missing))
	}
	fmt.Fprintf(env.Stdout, "已生成简报：%s（截至%s，共%d页）\n", out, p.Label(), rep.Pages)
	return nil
}

// parseParts reads --parts: summary,indicators,concerns,work,parcels,units
// (or their Chinese names, or 1-6).
func parseParts(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	names := map[string]string{"总体情况": brief.PartSummary, "主要指标": brief.PartIndicators,
		"需关注事项": brief.PartConcerns, "重点工作": brief.PartWork, "房屋征收": brief.PartParcels,
		"按责任单位": brief.PartUnits, "责任单位": brief.PartUnits}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' }) {
		key := ""
		for i, k := range brief.AllParts {
			if f == k || f == fmt.Sprint(i+1) {
				key = k
			}
		}
		if k, ok := names[f]; ok {
			key = k
		}
		if key == "" {
			return nil, usage("--parts：“%s”无效，可选 %s（或 1-%d）", f, strings.Join(brief.AllParts, ","), len(brief.AllParts))
		}
		out = append(out, key)
	}
	return out, nil
}
