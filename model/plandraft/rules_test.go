package plandraft

import (
	"strings"
	"testing"
)

// TestClauseRules: one sentence of body text each, and what it drafts —
// kind, name, target text, deadline, and whether it waits for the
// reviewer — one line per item. The rules are docs/IMPORT.md's.
func TestClauseRules(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // kind|name|target text|deadline|review
	}{
		{"name before number", "新开工亿元以上产业项目400个。",
			[]string{"commitment|新开工亿元以上产业项目|400个||false"}},
		{"deadline in the name", "新建项目开工率三季度达到100%。",
			[]string{"commitment|新建项目开工率|达到100%|三季度末|false"}},
		{"hedge carried to the next clause", "力争服务业增加值增长5%以上、生产性服务业占服务业增加值比重提高到55%。",
			[]string{"commitment|服务业增加值|力争增长5%以上||false", "commitment|生产性服务业占服务业增加值比重|力争提高到55%||false"}},
		{"verbs of doing cut", "确保完成交通投资380亿元以上，其中铁路和轨道投资完成100亿元以上。",
			[]string{"commitment|交通投资|确保380亿元以上||false", "commitment|铁路和轨道投资|确保100亿元以上||false"}},
		{"counts before their nouns", "抓好2个省级低碳试点县、3个低碳试点镇和17个低碳试点村。",
			[]string{"commitment|省级低碳试点县|2个||false", "commitment|低碳试点镇|3个||false", "commitment|低碳试点村|17个||false"}},
		{"list shares its verb", "新增高新技术企业500家、省科技型中小企业1200家。",
			[]string{"commitment|新增高新技术企业|500家||false", "commitment|新增省科技型中小企业|1200家||false"}},
		{"size class in a name", "储备投资超10亿元重大项目1000个以上。",
			[]string{"commitment|储备投资超10亿元重大项目|1000个以上||true"}},
		{"size classes alone", "大力培育亿元、10亿元、50亿元楼宇。", nil},
		{"shared target split", "确保生产安全事故起数、死亡人数同比下降20%左右。",
			[]string{"commitment|生产安全事故起数|确保同比下降20%左右||true", "commitment|生产安全事故死亡人数|确保同比下降20%左右||false"}},
		{"shared target, names complete, 均 not in the name", "生产安全事故死亡人数、亿元GDP生产安全事故死亡率均下降10%以上。",
			[]string{"commitment|生产安全事故死亡人数|下降10%以上||true", "commitment|亿元GDP生产安全事故死亡率|下降10%以上||false"}},
		{"shared target, a later name measured otherwise keeps its words", "PM2.5平均浓度、臭氧浓度同比下降5%。",
			[]string{"commitment|PM2.5平均浓度|同比下降5%||true", "commitment|臭氧浓度|同比下降5%||false"}},
		{"target set above, 任务 without 目标", "单位地区生产总值能耗完成省下达任务。",
			[]string{"commitment|单位地区生产总值能耗|完成省下达任务||true"}},
		{"a refused target is drafted, never taken for a size class", "居民消费价格涨幅控制在3.5%左右。",
			[]string{"commitment|居民消费价格涨幅|控制在3.5%左右||true"}},
		{"a unit the grammar lacks, after a level verb", "单位地区生产总值能耗下降到0.38吨标准煤/万元以下。",
			[]string{"commitment|单位地区生产总值能耗|下降到0.38吨标准煤/万元以下||true"}},
		{"a level verb stays out of the name", "PM2.5平均浓度下降到30微克/立方米以下。",
			[]string{"commitment|PM2.5平均浓度|下降到30微克/立方米以下||false"}},
		{"names and figures respectively", "城镇居民人均可支配收入和农村居民人均可支配收入分别增长6%和7.5%。",
			[]string{"commitment|城镇居民人均可支配收入|增长6%||false", "commitment|农村居民人均可支配收入|增长7.5%||false"}},
		{"a higher aim is no item of its own", "地区生产总值增长6%以上、力争7%。",
			[]string{"commitment|地区生产总值|增长6%以上||true"}},
		{"going down to a level is a ceiling", "PM2.5年均浓度下降到35微克/立方米。",
			[]string{"commitment|PM2.5年均浓度|下降到35微克/立方米||false"}},
		{"和…同步 is 与…同步", "居民收入增长和经济增长同步。",
			[]string{"commitment|居民收入|和经济增长同步||false"}},
		{"a list number is no part of the name", "（一）地区生产总值增长6%左右。",
			[]string{"commitment|地区生产总值|增长6%左右||false"}},
		{"a target with no name takes the one before, for review", "全年完成工业投资100亿元，同比增长10%以上。",
			[]string{"commitment|工业投资|100亿元||false", "commitment|工业投资|同比增长10%以上||true"}},
		{"a figure after 分别 with no name is drafted, not dropped", "城乡居民人均可支配收入分别增长6%、7%。",
			[]string{"commitment|城乡居民人均可支配收入|增长6%||false", "commitment|城乡居民人均可支配收入|7%||true"}},
		{"a hedge between name and target is the target's", "进出口总额力争增长5%，努力实现稳中提质。",
			[]string{"commitment|进出口总额|力争增长5%||false"}},
		{"突破 is the target's verb", "高新技术企业总数突破1000家。",
			[]string{"commitment|高新技术企业总数|1000家||false"}},
		{"a range with a long dash", "地区生产总值增长6.5%—7%。",
			[]string{"commitment|地区生产总值|增长6.5%—7%||true"}},
		{"relative target", "确保普惠型小微企业贷款增速高于各项贷款增速。",
			[]string{"commitment|普惠型小微企业贷款增速|确保高于各项贷款增速||false"}},
		{"bare percentage of a flow", "固定资产投资8%。",
			[]string{"commitment|固定资产投资|8%||true"}},
		{"bare percentage of a ratio", "森林覆盖率保持在60%以上。",
			[]string{"commitment|森林覆盖率|60%以上||false"}},
		{"unit the grammar lacks", "新增床位500张。",
			[]string{"commitment|新增床位|500张||true"}},
		{"range", "社会消费品零售总额增长6%-7%。",
			[]string{"commitment|社会消费品零售总额|增长6%-7%||true"}},
		{"qualitative", "城乡居民收入稳步提高。",
			[]string{"commitment|城乡居民收入|稳步提高||true"}},
		{"names and dates are no quantities", "深入推进“551”工程，建设G60科创走廊，庆祝建市40周年，PM2.5浓度持续下降。",
			[]string{"commitment|PM2.5浓度|持续下降||true"}},
		{"remark in brackets", "新增城市绿地100公顷（含口袋公园20个）。",
			[]string{"commitment|新增城市绿地|100公顷||false"}},
		{"milestone by 争创", "积极争创省级以上重点实验室。",
			[]string{"milestone|省级以上重点实验室|积极争创||false"}},
		{"milestone split", "力争下沙至长安线、机场接线工程早日开工。",
			[]string{"milestone|下沙至长安线早日开工|力争||true", "milestone|机场接线工程早日开工|力争||false"}},
		{"milestone with a deadline first", "6月底前建成市第一人民医院新院区。",
			[]string{"milestone|建成市第一人民医院新院区||6月底|false"}},
		{"continuing action is no milestone", "深入实施“碧水行动”，持续推进“污水零直排区”创建。", nil},
		{"concrete action", "开展服务企业专项行动，帮助企业解决发展难题。",
			[]string{"milestone|开展服务企业专项行动|||false"}},
		{"last year's result", "全县去年地区生产总值增长6.8%。", nil},
		{"an earlier year's result", "2022年全市实现地区生产总值4015亿元，增长6.1%。", nil},
		{"compared with last year", "全市生产总值比上年增长8%。",
			[]string{"commitment|生产总值|增长8%||false"}},
		{"on last year's base", "在上年基础上新增高新技术企业100家。",
			[]string{"commitment|新增高新技术企业|100家||false"}},
		{"summary sentence", "确定的27项主要指标中,19项完成全年目标,8项不及预期。", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			dr, err := FromDocument(textDoc("t.txt", "一、正文\n"+c.text), Options{Year: 2023})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range dr.Items {
				got = append(got, strings.Join([]string{string(it.Kind), it.Name, it.TargetText, it.Deadline, boolText(it.NeedsReview)}, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s\ngot:\n%s\nwant:\n%s", c.text, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestBodyWithoutSections: a notice whose body has no numbered sections
// drafts its body; the 一、 of an annex's category rows is not taken for
// the first body section.
func TestBodyWithoutSections(t *testing.T) {
	text := "某市人民政府关于下达2024年计划的通知\n新增城镇就业1.2万人，新开工项目300个。\n附件1\n一、综合发展\n地区生产总值\n增长6%\n"
	dr, err := FromDocument(textDoc("t.txt", text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(dr.Items) != 2 || dr.Items[0].Name != "新增城镇就业" || dr.Items[1].Name != "新开工项目" {
		t.Errorf("items %+v, want the body's two", dr.Items)
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
