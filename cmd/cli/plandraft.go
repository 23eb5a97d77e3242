package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// runPlanDraft is `plan draft FILE`: a plan document (通知, 政府工作报告
// task table, 计划执行情况报告; .txt .html .docx .xlsx .csv) read and
// drafted, every item with its quote. It changes nothing: the preview, or
// with --json the draft file that `plan import` takes once the reviewer
// has confirmed it.
func runPlanDraft(env Env, a args) error {
	if len(a.pos) != 2 {
		return usage("plan draft 需要一个文件名（.txt、.html、.docx、.xlsx 或 .csv）")
	}
	file := a.pos[1]
	year := 0
	if a.has("year") {
		y, err := strconv.Atoi(strings.TrimSpace(a.get("year")))
		if err != nil || y < 2000 || y > 2100 {
			return usage("--year 是四位数字的计划年度（如 --year 2024），收到“%s”", a.get("year"))
		}
		year = y
	}
	city := strings.TrimSpace(a.get("city"))
	info, err := os.Stat(file)
	if err != nil {
		return fmt.Errorf("无法读取“%s”：%w", file, err)
	}
	if info.Size() > docread.MaxFileSize {
		// Refused before it is read, named by its real size.
		return docread.TooLarge(file, info.Size())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("无法读取“%s”：%w", file, err)
	}
	doc, err := docread.Read(file, data)
	if err != nil {
		return err
	}
	d, err := plandraft.FromDocument(doc, plandraft.Options{City: city, Year: year})
	if err != nil {
		return err
	}
	if year == 0 {
		year = d.Year
	}
	f := plantable.NewDraftFile(d, plantable.DraftSource{File: doc.Name, Format: string(doc.Format),
		Encoding: doc.Encoding, Kind: d.Genre, Year: year, City: city}, year)
	if a.has("json") {
		out, err := f.Marshal()
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(out)
		return err
	}
	printDraft(env, f, file)
	return nil
}

// genreLabel is a draft's kind of document in Chinese.
func genreLabel(g plantable.Genre) string {
	switch g {
	case plantable.GenreNotice:
		return "下达计划的通知"
	case plantable.GenreTaskTable:
		return "重点工作责任分解表"
	case plantable.GenreReport:
		return "计划执行情况报告"
	case plantable.GenreTable:
		return "计划表"
	}
	return "文档"
}

// formatLabel is a document's format in Chinese.
func formatLabel(f string) string {
	switch docread.Format(f) {
	case docread.FormatText:
		return "文本"
	case docread.FormatHTML:
		return "网页"
	case docread.FormatDocx:
		return "Word文档"
	case docread.FormatSheet:
		return "表格"
	case docread.FormatPaste:
		return "粘贴的文本"
	}
	return f
}

func printDraft(env Env, f plantable.DraftFile, file string) {
	w := env.Stdout
	src := f.Source
	enc := ""
	if src.Encoding != "" {
		enc = "，" + src.Encoding
	}
	year := "年度未知"
	if src.Year != 0 {
		year = fmt.Sprintf("%d年", src.Year)
	}
	pending := f.Pending()
	fmt.Fprintf(w, "文件：%s（%s%s）　类型：%s　%s\n", src.File, formatLabel(src.Format), enc, genreLabel(src.Kind), year)
	fmt.Fprintf(w, "起草%d项，待确认%d项。\n\n", len(f.Items), len(pending))
	fmt.Fprintf(w, "%s %s %s %s %s %s\n", cjk.Pad("编号", 7), cjk.Pad("名称", 26), cjk.Pad("目标（原文 → 理解）", 34),
		cjk.Pad("报告的实际", 12), cjk.Pad("责任单位", 20), "原文位置")
	section := ""
	for _, it := range f.Items {
		if it.SectionTitle != section {
			section = it.SectionTitle
			fmt.Fprintf(w, "【%s】\n", section)
		}
		target := it.TargetText
		switch {
		case it.NeedsReview:
			target += " → 待确认"
		case it.Target != nil:
			target += " → " + it.Target.String()
		case it.Kind == domain.KindMilestone:
			target = strings.TrimSpace(target + "（重点事项，按完成情况判断）")
		case it.Kind == domain.KindParcel && it.Parcel != nil:
			target = fmt.Sprintf("%.2f亩", it.Parcel.AreaMu)
		}
		reported := ""
		if it.ReportedActual != nil {
			reported = it.ReportedActual.Text
		}
		fmt.Fprintf(w, "%s %s %s %s %s 第%d行\n", cjk.Pad(it.ID, 7), cjk.Pad(cut(it.Name, 26), 26), cjk.Pad(cut(target, 34), 34),
			cjk.Pad(cut(reported, 12), 12), cjk.Pad(cut(strings.Join(it.Responsible, "、"), 20), 20), it.Line)
	}
	if len(pending) > 0 {
		fmt.Fprintf(w, "\n待确认（%d项）：\n", len(pending))
		for _, p := range pending {
			fmt.Fprintln(w, "  "+p)
		}
	}
	for _, p := range f.Problems {
		fmt.Fprintln(w, "问题："+p)
	}
	fmt.Fprintf(w, "\n确认方法：planreview plan draft %s --json > 草稿.json，在草稿中改正 target_text、把已核对的项 needs_review 改为 false，再 planreview plan import 草稿.json --city 城市 --year 年度。\n",
		quoteArg(file))
}

// cut shortens s to n display columns with an ellipsis.
func cut(s string, n int) string {
	if cjk.Width(s) <= n {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && cjk.Width(string(r))+1 > n {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"") {
		return "'" + s + "'"
	}
	return s
}

// importDraftFile creates a plan from a draft file (plan draft --json,
// confirmed by the reviewer): refused, creating nothing, while any item
// is still marked needs_review or a target does not read.
func importDraftFile(env Env, st *store.Store, a args, file string, data []byte, by string) error {
	f, err := plantable.ReadDraftFile(data)
	if err != nil {
		return fmt.Errorf("“%s”：%w", filepath.Base(file), err)
	}
	city := strings.TrimSpace(a.get("city"))
	if city == "" {
		city = strings.TrimSpace(f.Source.City)
	}
	if city == "" {
		return usage("请用 --city 写明计划所属的城市或区县（如 --city 嘉兴市）")
	}
	year := f.Source.Year
	if a.has("year") || year == 0 {
		year, err = strconv.Atoi(strings.TrimSpace(a.get("year")))
		if err != nil || year < 2000 || year > 2100 {
			return usage("请用 --year 写明计划年度（四位数字，如 --year 2024），收到“%s”", a.get("year"))
		}
	}
	if p := f.Pending(); len(p) > 0 {
		return fmt.Errorf("草稿还有%d项待确认，未创建计划（核对后把该项的 needs_review 改为 false，目标写在 target_text）：\n%s", len(p), strings.Join(p, "\n"))
	}
	d, err := f.Draft()
	if err != nil {
		return fmt.Errorf("“%s”%w，未创建计划", filepath.Base(file), err)
	}
	var problems []string
	if clash, err := samePlan(st, city, year); err != nil {
		return err
	} else if clash != "" {
		problems = append(problems, clash)
	}
	dataset, err := plantable.PlanFile(d, plantable.Meta{City: city, Year: year, Title: a.get("title")})
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return fmt.Errorf("有%d处问题，未创建计划：\n%s", len(problems), strings.Join(problems, "\n"))
	}
	source := f.Source.File
	if source == "" {
		source = filepath.Base(file)
	}
	np := store.NewPlan{Dataset: dataset, Notice: f.Text, SourceDocument: source, City: city, Year: year}
	if a.has("record-reported") {
		if err := withReported(env, &np, f, d, file, year); err != nil {
			return err
		}
	}
	return createPlan(env, st, a, np, len(d.Items), by)
}

// withReported adds to the plan about to be created the draft's readable
// reported results as its figures (plan import --record-reported), in
// the transaction that creates it, and lists those that cannot be.
func withReported(env Env, np *store.NewPlan, f plantable.DraftFile, d plantable.Draft, file string, year int) error {
	src := reportSource(f, file)
	figs, skipped := reportedFigures(f, year, src)
	if len(figs) == 0 && len(skipped) == 0 {
		return fmt.Errorf("“%s”中没有报告的实际完成情况（reported_actual），未创建计划：--record-reported 只用于计划执行情况报告起草的草稿", filepath.Base(file))
	}
	// The plan numbers its items as the draft laid out for this year.
	if lay := plantable.Lay(d, year); len(lay.Items) == len(f.Items) {
		for i := range figs {
			for j, it := range f.Items {
				if it.ID == figs[i].ItemID {
					figs[i].ItemID = lay.Items[j].ID
					break
				}
			}
		}
	}
	np.Figures, np.FiguresDetail = figs, src
	fmt.Fprintf(env.Stdout, "报告的实际完成：%d项记为%d年的数值（来源：%s）", len(figs), year, src)
	if len(skipped) > 0 {
		fmt.Fprintf(env.Stdout, "，%d项无法读取：\n  %s", len(skipped), strings.Join(skipped, "\n  "))
	}
	fmt.Fprintln(env.Stdout)
	return nil
}
