package plandraft

import (
	"sort"

	"cn.planreview/planreview/model/domain"
)

// The word lists the rules below read. Each list says what its words do;
// docs/IMPORT.md gives the rules with examples.

// leadWords are the verbs that may stand right before a target's number
// and belong to the target: the grammar's own lead verbs
// (domain.LeadWords: 增长10%, 达到100%, 控制在5%以内) and the level leads below.
var leadWords = sortLongestFirst(append(domain.LeadWords(), levelLeadList...))

// levelLeads go down or up to a level (下降到0.38吨标准煤/万元以下): the
// grammar reads the level without them (≤ 0.38…), and the target text keeps
// them. They mark a target, so the number after them is never a size
// class inside a name.
var levelLeadList = []string{"下降到", "下降至", "降低到", "降低至", "降到", "降至", "减少到", "增加到", "提升到", "提升至"}

// downLeads go down to a level: its figure is a ceiling (≤).
var downLeads = map[string]bool{"下降到": true, "下降至": true, "降低到": true, "降低至": true, "降到": true, "降至": true, "减少到": true}

var levelLeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range levelLeadList {
		m[w] = true
	}
	return m
}()

// hedgeWords open a clause and say how firm the commitment is
// (domain.HedgeWords); they are carried into the target text (力争增长10%),
// where plantable reads the hedge, and on to the clauses after them in the
// same sentence (力争A增长5%以上、B提高到55% — both 力争).
var hedgeWords = sortLongestFirst(domain.HedgeWords())

// dropWords open a clause without saying what is counted: time and place
// (全年, 全市), and verbs of doing (组织实施, 举办, 发放, 完成). They are cut
// from an item's name: 举办系列促消费活动100场以上 → 系列促消费活动.
var dropWords = sortLongestFirst([]string{
	"全年", "年内", "今年", "年度", "全市", "全区", "全县", "其中", "同时", "进一步", "累计",
	"突出抓好", "组织实施", "大力实施", "深入实施", "抓好", "组织", "实施", "举办", "发放",
	"完成", "实现", "推动", "推进", "建设", "打造", "开展", "给予", "加快", "加大", "全力",
	"努力", "全省", "全州", "全旗",
})

// keepWords are verbs that say what is counted (新增 enterprises are not
// all enterprises): they stay in a name, and a name after a 、 that has
// none takes the one before it (新增A500家、B1200家 → 新增B).
var keepWords = sortLongestFirst([]string{
	"新开工", "新增", "新建", "创建", "建成", "引进", "培育", "整治提升", "腾退", "淘汰", "储备",
})

// tailWords close a name before its number without being part of it:
// 铁路和轨道投资完成100亿元 → 铁路和轨道投资.
var tailWords = sortLongestFirst([]string{"完成", "实现", "达", "为", "要", "将", "的", "同比", "比上年", "较上年", "比去年",
	"保持在", "维持在", "稳定在", "控制在", "保持", "达到", "增长",
	// A、B均下降10%, A和B分别增长6%和7%: words about the list, not the name.
	"均", "分别", "都",
	// 高新技术企业总数突破1000家: the target's verb.
	"突破", "超过"})

// countUnits count things; a count may stand before what it counts
// (抓好2个省级低碳试点县). An amount before a noun (10亿元楼宇, 超10亿元重大项目)
// is a size class, part of a name, never a target.
var countUnits = map[string]bool{
	"个": true, "家": true, "家（次）": true, "家(次)": true, "项": true, "所": true, "座": true,
	"场": true, "件": true, "户": true, "套": true, "辆": true, "条": true, "次": true, "人": true, "万人": true,
}

// notQuantity are words right after a number that make it a date, an
// ordinal or a name, not a quantity: 2023年, 20周年, 1号, 90后.
var notQuantity = sortLongestFirst([]string{
	"年", "月", "日", "号", "届", "周年", "周岁", "周", "批", "期", "轮", "后", "强", "大", "点", "时", "分", "小时", "天", "岁",
})

// connectors join two counted things: 3个A和17个B.
var connectors = sortLongestFirst([]string{"和", "及", "与", "以及"})

// adverbs may open a milestone clause before its verb; a milestone that
// opens with one of modWords (深入实施…行动) continues what already runs,
// and is not a new, checkable outcome.
var modWords = sortLongestFirst([]string{
	"深入", "大力", "持续", "深化", "全面", "扎实", "继续", "进一步", "不断", "着力", "加快", "积极", "有序", "纵深",
})

func sortLongestFirst(words []string) []string {
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	return words
}

// prefixOf is the first word of words that s starts with.
func prefixOf(s string, words []string) string {
	for _, w := range words {
		if len(s) >= len(w) && s[:len(w)] == w {
			return w
		}
	}
	return ""
}

// suffixOf is the first word of words that s ends with.
func suffixOf(s string, words []string) string {
	for _, w := range words {
		if len(s) >= len(w) && s[len(s)-len(w):] == w {
			return w
		}
	}
	return ""
}
