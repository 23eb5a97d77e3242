package plandraft

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// draftFile drafts a testdata file read as the program reads text.
func draftFile(t *testing.T, name string, opt Options) (plantable.Draft, string) {
	t.Helper()
	text := readFile(t, "testdata/"+name)
	dr, err := FromDocument(docread.Paste(text), opt)
	if err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, dr)
	return dr, text
}

// checkQuotes: every item quotes the draft's text at its offsets.
func checkQuotes(t *testing.T, dr plantable.Draft) {
	t.Helper()
	flat := squeeze(dr.Text)
	for _, it := range dr.Items {
		if it.Start < 0 || it.End > len(dr.Text) || dr.Text[it.Start:it.End] != it.Source || !strings.Contains(flat, squeeze(it.Source)) {
			t.Errorf("%s: quote %q is not the text at %d:%d", it.Name, it.Source, it.Start, it.End)
		}
	}
}

// row is what a test expects of one drafted item.
type row struct {
	name, target string // target as the grammar understood it (Target.String)
	owners       string // 责任单位 joined by 、
	reported     string // Reported.Text
	value        float64
	basis        domain.Basis
	review       bool
}

// find is the first item whose name holds want.
func find(items []plantable.Item, want string) (plantable.Item, bool) {
	for _, it := range items {
		if it.Name == want {
			return it, true
		}
	}
	for _, it := range items {
		if strings.Contains(it.Name, want) {
			return it, true
		}
	}
	return plantable.Item{}, false
}

func checkRows(t *testing.T, items []plantable.Item, rows []row) {
	t.Helper()
	found := 0
	for _, w := range rows {
		it, ok := find(items, w.name)
		if !ok {
			t.Errorf("%s: not drafted", w.name)
			continue
		}
		got := ""
		if it.Target != nil {
			got = it.Target.String()
		}
		bad := got != w.target || it.NeedsReview != w.review
		if w.owners != "" && strings.Join(it.Owners, "、") != w.owners {
			bad = true
		}
		if w.reported != "" {
			r := it.Reported
			switch {
			case r == nil:
				bad = true
			case r.Text != w.reported || r.Basis != w.basis || (r.Value == nil) != (w.basis == "") || r.Value != nil && *r.Value != w.value:
				bad = true
			}
		}
		if bad {
			t.Errorf("%s: got target %q owners %v reported %+v review %v (%s), want %+v", w.name, got, it.Owners, it.Reported, it.NeedsReview, it.Reason, w)
			continue
		}
		found++
	}
	t.Logf("%d of %d rows drafted as expected", found, len(rows))
}

// TestTaskTable: the Jiaxing 2024 重点工作责任分解 — rows 1–10, targets
// written as sentences, with their 责任单位.
func TestTaskTable(t *testing.T) {
	dr, _ := draftFile(t, "jiaxing-2024-work-report-task-table.txt", Options{City: "嘉兴", Year: 2024})
	if dr.Genre != plantable.GenreTaskTable {
		t.Errorf("genre %q, want task table", dr.Genre)
	}
	checkRows(t, dr.Items, []row{
		{name: "地区生产总值", target: "增长率 ≈ 6%", owners: "市发展改革委"},
		{name: "规上工业增加值", target: "增长率 ≥ 6%", owners: "市经信局"},
		{name: "服务业增加值", target: "增长率 ≥ 6%", owners: "市发展改革委"},
		{name: "固定资产投资", target: "增长率 ≥ 6%", owners: "市发展改革委"},
		{name: "社会消费品零售总额", target: "增长率 ≥ 5.5%", owners: "市商务局"},
		{name: "研发投入强度", target: "≥ 3.55%", owners: "市科技局"},
		{name: "一般公共预算收入", target: "增长率 ≈ 6%", owners: "市财政局"},
		{name: "城乡居民收入", target: "增速 ≈ 经济增长", owners: "市发展改革委"},
		{name: "居民消费价格指数涨幅", target: "≈ 3%", owners: "市发展改革委"},
		{name: "城镇新增就业", target: "≥ 11万人", owners: "市人力社保局"},
		{name: "调查失业率", target: "≤ 5%", owners: "市人力社保局"},
	})
	// Row 12 names five units, one after a line break in its cell.
	doc := docread.Paste(readFile(t, "testdata/jiaxing-2024-work-report-task-table.txt"))
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			if len(r.Cells) == 3 && r.Cells[0] == "12" {
				if got := splitOwners(r.Cells[2]); len(got) != 5 {
					t.Errorf("row 12 owners %q, want 5 units", got)
				}
			}
		}
	}
	for _, it := range dr.Items {
		if it.Kind == domain.KindCommitment && it.Seq == "" {
			t.Errorf("%s: no 序号", it.Name)
		}
	}
}

// TestExecutionReport: the Tongxiang 2024 report — the rows of 表1 with
// target and result; nothing from the portal's chrome, the preamble or
// the “27项主要指标中,19项完成” sentence.
func TestExecutionReport(t *testing.T) {
	dr, text := draftFile(t, "tongxiang-2024-execution-report-opening.txt", Options{City: "桐乡"})
	if dr.Genre != plantable.GenreReport || dr.Year != 2024 {
		t.Errorf("genre %q year %d, want report 2024", dr.Genre, dr.Year)
	}
	checkRows(t, dr.Items, []row{
		{name: "地区生产总值", target: "增长率 ≈ 6.5%", reported: "增长4.8%", value: 4.8, basis: domain.BasisGrowth},
		{name: "全员劳动生产率", target: "", reported: "20.5万元/", review: true},
		{name: "一般公共预算收入", target: "增长率 ≥ 5%", reported: "下降4.6%", value: 4.6, basis: domain.BasisReduction},
		{name: "固定资产投资", target: "增长率 ≥ 8%", reported: "增长2.7%", value: 2.7, basis: domain.BasisGrowth},
	})
	table := strings.Index(text, "指标名称")
	for _, it := range dr.Items {
		if it.Kind != domain.KindIndicator || it.Start < table {
			t.Errorf("item outside 表1: %s %q", it.Kind, it.Source)
		}
		if it.Section != "一、综合发展" {
			t.Errorf("%s: section %q", it.Name, it.Section)
		}
	}
}

// TestDistrictReport: a district's report in another style — 全年实绩
// split into 绝对值 | 增速, a # sub-item, estimates and words for results,
// a summary sentence, and the next year's draft targets after it.
func TestDistrictReport(t *testing.T) {
	dr, text := draftFile(t, "xiuzhou-style-2023-execution-report.txt", Options{})
	if dr.Genre != plantable.GenreReport || dr.Year != 2023 {
		t.Errorf("genre %q year %d, want report 2023", dr.Genre, dr.Year)
	}
	checkRows(t, dr.Items, []row{
		{name: "地区生产总值", target: "增长率 ≥ 6.5%", reported: "增长5.9%", value: 5.9, basis: domain.BasisGrowth},
		{name: "规上工业增加值", target: "增长率 ≥ 8%", reported: "增长9.1%", value: 9.1, basis: domain.BasisGrowth},
		{name: "固定资产投资", target: "增长率 ≥ 10%", reported: "下降2.3%", value: 2.3, basis: domain.BasisReduction},
		{name: "制造业投资", target: "增长率 ≥ 15%", reported: "增长17.2%", value: 17.2, basis: domain.BasisGrowth},
		{name: "一般公共预算收入", target: "增长率 ≈ 5%", reported: "预计7.3%左右", value: 7.3, basis: domain.BasisGrowth},
		{name: "城镇新增就业人数", target: "≥ 1.2万人", reported: "1.35万人", value: 1.35, basis: domain.BasisLevel},
		{name: "城镇调查失业率", target: "≤ 5%", reported: "4.1%", value: 4.1, basis: domain.BasisLevel},
		{name: "居民消费价格涨幅", target: "≈ 3%", reported: "0.4%", value: 0.4, basis: domain.BasisLevel, review: true},
		{name: "单位GDP能耗", target: "待市下达目标", reported: "待省反馈"},
		{name: "空气质量", target: "定性：稳中提质", reported: "优良率88.2%", review: true},
	})
	if it, _ := find(dr.Items, "制造业投资"); it.Parent != "固定资产投资" {
		t.Errorf("# 制造业投资 parent %q, want 固定资产投资", it.Parent)
	}
	summary := strings.Index(text, "区人大批准的24项")
	next := strings.Index(text, "二、2024年")
	for _, it := range dr.Items {
		if it.Start < strings.Index(text, "表1") && it.End > 0 {
			t.Errorf("item from before 表1: %q", it.Source)
		}
		if it.Start <= summary && summary < it.End {
			t.Errorf("item from the summary sentence: %q", it.Source)
		}
		if it.Start > next && !it.NeedsReview {
			t.Errorf("%s: a 2024 target in a report on 2023 not left to the reviewer", it.Name)
		}
	}
}

// TestDistrictTaskTable: a district's task table with 牵头单位 split by
// 、 and ；, a 完成时限 column, 其中 and a list sharing its verb.
func TestDistrictTaskTable(t *testing.T) {
	dr, _ := draftFile(t, "nanhu-style-2024-task-table.txt", Options{})
	checkRows(t, dr.Items, []row{
		{name: "生产总值", target: "增长率 ≥ 6%", owners: "区发改局"},
		{name: "新开工亿元以上项目", target: "≥ 60个", owners: "区发改局、区经信局"},
		{name: "10亿元以上项目", target: "≥ 8个", owners: "区发改局、区经信局", review: true},
		{name: "新增规上工业企业", target: "≥ 80家", owners: "区经信局、区科技局"},
		{name: "新增高新技术企业", target: "≥ 50家", owners: "区经信局、区科技局"},
		{name: "老旧小区改造", target: "≥ 20个", owners: "区住建局"},
		{name: "农村居民人均可支配收入", target: "增长率 ≈ 7%", owners: "区农业农村局"},
		{name: "省级高新技术产业开发区", owners: "区科技局"},
	})
	if it, _ := find(dr.Items, "老旧小区改造"); it.Deadline != "6月底" {
		t.Errorf("老旧小区改造 deadline %q, want 6月底 (from 6月底前)", it.Deadline)
	}
	if len(dr.Items) != 8 {
		t.Errorf("%d items, want 8 (row 7 has no number and no milestone)", len(dr.Items))
	}
	if dr.Year != 2024 {
		t.Errorf("year %d", dr.Year)
	}
}

// TestOtherCityNotice: a notice in another city's wording — main targets
// stated in the preamble (left to the annex), 比上年, 年底前 with a year,
// a count before its noun, 力争 after 全年, 和 joining two counts, 5G,
// 保持在, a range, a unit the grammar lacks (1.2万), a qualitative
// target, a 工作回顾 section of results, a deadline opening a milestone.
func TestOtherCityNotice(t *testing.T) {
	dr, text := draftFile(t, "huzhou-style-2024-plan-notice.txt", Options{City: "某市"})
	if dr.Year != 2024 || dr.Genre != plantable.GenreNotice {
		t.Errorf("year %d genre %q", dr.Year, dr.Genre)
	}
	checkRows(t, dr.Items, []row{
		{name: "固定资产投资", target: "增长率 ≥ 8%"},
		{name: "新增充电桩", target: "≥ 500个"},
		{name: "老旧小区改造", target: "≥ 30个"},
		{name: "新增高新技术企业", target: "≥ 300家"},
		{name: "新增科技型中小企业", target: "≥ 800家"},
		{name: "建成5G基站", target: "≥ 3000个"},
		{name: "森林覆盖率", target: "≥ 60%"},
		{name: "社会消费品零售总额", target: "", review: true},
		{name: "新增就业", target: "", review: true},
		{name: "城乡居民收入", target: "定性：稳步提高", review: true},
		{name: "建成市第一人民医院新院区"},
		{name: "获批国家历史文化名城"},
		{name: "实施城乡供水一体化行动"},
		{name: "PM2.5平均浓度", target: "≤ 28微克/立方米"},
	})
	want := map[string]string{"新增充电桩": "年底", "建成市第一人民医院新院区": "6月底"}
	for name, dl := range want {
		if it, _ := find(dr.Items, name); it.Deadline != dl {
			t.Errorf("%s: deadline %q, want %q", name, it.Deadline, dl)
		}
	}
	if it, _ := find(dr.Items, "新增科技型中小企业"); plantable.HedgeOf(it.TargetText) != "力争" {
		t.Errorf("新增科技型中小企业: target text %q, want the 力争 of 全年力争", it.TargetText)
	}
	body := strings.Index(text, "一、着力扩大有效需求")
	back, next := strings.Index(text, "二、2023年工作回顾"), strings.Index(text, "三、着力保障改善民生")
	for _, it := range dr.Items {
		if it.Start < body {
			t.Errorf("%s: from the preamble", it.Name)
		}
		if it.Start > back && it.Start < next {
			t.Errorf("%s: a result of the year before drafted as a commitment", it.Name)
		}
		if strings.Contains(it.Name, "百千万") {
			t.Errorf("深入实施…行动 continues what runs: %s", it.Name)
		}
	}
	if len(dr.Items) != 14 {
		t.Errorf("%d items, want 14", len(dr.Items))
	}
}

// TestPortalPageReport: a report saved from the portal as a web page
// (docread's HTML reader): 全年实绩 split into 绝对值 | 增速 with signed
// growth rates, the chrome and summary left out, the next year's target
// left to the reviewer.
func TestPortalPageReport(t *testing.T) {
	data := []byte(readFile(t, "testdata/tongxiang-portal-page.html"))
	doc, err := docread.Read("tongxiang-portal-page.html", data)
	if err != nil {
		t.Fatal(err)
	}
	dr, err := FromDocument(doc, Options{City: "桐乡"})
	if err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, dr)
	if dr.Genre != plantable.GenreReport || dr.Year != 2024 {
		t.Errorf("genre %q year %d", dr.Genre, dr.Year)
	}
	checkRows(t, dr.Items, []row{
		{name: "地区生产总值", target: "增长率 ≈ 6.5%", reported: "4.8%", value: 4.8, basis: domain.BasisGrowth},
		{name: "一般公共预算收入", target: "增长率 ≥ 5%", reported: "-4.6%", value: -4.6, basis: domain.BasisGrowth},
		{name: "税收收入", target: "增长率 ≥ 5%", reported: "-5.1%", value: -5.1, basis: domain.BasisGrowth},
	})
	n := 0
	for _, it := range dr.Items {
		if it.Kind == domain.KindIndicator {
			n++
			continue
		}
		if !it.NeedsReview || !strings.Contains(it.Reason, "2025年") {
			t.Errorf("%s: a 2025 target in a report on 2024 not left to the reviewer", it.Name)
		}
	}
	if n != 3 || len(dr.Items) != 4 {
		t.Errorf("%d indicators of %d items, want 3 of 4", n, len(dr.Items))
	}
}

// TestTaskTargetTable: a task table with its own 年度目标 column, cells
// between tabs, read through plantable's 重点工作 rules: commitments,
// a milestone whose target cell is its hedge, a relative and a
// qualitative target, and a unit the grammar lacks left for the reviewer.
func TestTaskTargetTable(t *testing.T) {
	dr, _ := draftFile(t, "jinhua-style-2024-task-targets.txt", Options{})
	checkRows(t, dr.Items, []row{
		{name: "新增城镇就业", target: "≥ 1.5万人", owners: "市人力社保局"},
		{name: "新建改建农村公路", target: "≥ 300公里", owners: "市交通运输局"},
		{name: "争创国家级文明城市", owners: "市委宣传部"},
		{name: "城乡居民收入", target: "增速 ≈ 经济增长", owners: "市发改委、市统计局"},
		{name: "空气质量优良率", target: "定性：稳中提质", owners: "市生态环境局", review: true},
		{name: "新增床位", owners: "市卫健委", review: true},
	})
	kinds := map[domain.Kind]int{}
	for _, it := range dr.Items {
		kinds[it.Kind]++
	}
	if kinds[domain.KindMilestone] != 1 || kinds[domain.KindCommitment] != 5 {
		t.Errorf("kinds %v, want 1 milestone and 5 commitments", kinds)
	}
	if it, _ := find(dr.Items, "新建改建农村公路"); it.Deadline != "2024年9月底" || plantable.HedgeOf(it.TargetText) != "力争" {
		t.Errorf("新建改建农村公路: deadline %q target %q", it.Deadline, it.TargetText)
	}
}

// TestWorkReportTargets: a 政府工作报告's targets, one list after
// “主要预期目标是：” with ；between, last year's results in the preamble,
// a relative target after 增长, a target the province sets in words the
// grammar lacks.
func TestWorkReportTargets(t *testing.T) {
	dr, text := draftFile(t, "work-report-style-2024-targets.txt", Options{})
	checkRows(t, dr.Items, []row{
		{name: "地区生产总值", target: "增长率 ≈ 6%"},
		{name: "一般公共预算收入", target: "增长率 ≥ 5%"},
		{name: "城乡居民人均可支配收入", target: "增速 ≈ 经济增长"},
		{name: "城镇新增就业", target: "≥ 10万人"},
		{name: "城镇调查失业率", target: "≤ 5.5%"},
		{name: "居民消费价格涨幅", target: "≈ 3%"},
		{name: "单位地区生产总值能耗", review: true},
		{name: "粮食产量", target: "≥ 100万吨"},
		{name: "重大项目", target: "≥ 300个"},
		{name: "投资", target: "≥ 1200亿元"},
	})
	if len(dr.Items) != 10 {
		t.Errorf("%d items, want 10", len(dr.Items))
	}
	body := strings.Index(text, "一、2024年")
	for _, it := range dr.Items {
		if it.Start < body {
			t.Errorf("%s: last year's result in the preamble drafted", it.Name)
		}
	}
}
