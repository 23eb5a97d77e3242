package plandraft

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
)

// FuzzFromDocument: any text drafts without panic, and every item quotes
// the text at its own offsets.
func FuzzFromDocument(f *testing.F) {
	for _, s := range []string{
		"一、扩大内需\n新开工亿元以上产业项目400个，新建项目开工率三季度达到100%，力争固定资产投资增长10%。",
		"一、民生\n确保生产安全事故起数、死亡人数同比下降20%左右。抓好2个省级低碳试点县、3个低碳试点镇（街道）和17个低碳试点村（社区）。",
		"各位代表：\n确定的27项主要指标中,19项完成全年目标,8项不及预期,详见表1。",
		"一、\n争取秀洲至海宁、海盐至海宁市域铁路纳入国家轨道交通相关规划。储备投资超10亿元重大项目1000个以上。",
		"嘉政发〔2023〕1号\n附件1\n增长6%左右",
		"序号 | 指标名称 | 预期目标 | 实际完成 |\n1 | 地区生产总值 | 增长6.5%左右 | 预计7.3%左右 |\n# | 制造业投资 | 15 | 待省反馈 |",
		"序号 | 主要工作任务 | 责任单位 |\n1 | 城镇新增就业11万人,调查失业率控制在5%以内。 | 市人力社保局、市统计局 |",
		"序号\t地块名称\t四至范围\t土地面积（亩）\t公共利益类型\t实施主体\n1\t城北地块\t东至甲路、南至乙路\t62.10\t旧城区改建\t嘉城集团", "一、a\n新增床位500张，增长1倍。", "\xff一、\n1", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		dr, err := FromDocument(textDoc("fuzz.txt", text), Options{})
		if err != nil {
			if strings.TrimSpace(text) != "" {
				t.Fatalf("error on non-blank text %q: %v", text, err)
			}
			return
		}
		for _, it := range dr.Items {
			if it.Start < 0 || it.End > len(text) || it.Start > it.End || text[it.Start:it.End] != it.Source {
				t.Fatalf("item %q: quote %q not at %d:%d", it.Name, it.Source, it.Start, it.End)
			}
			if it.Name == "" {
				t.Fatalf("item without a name from %q", text)
			}
		}
		// Read as the program reads text, with tables rebuilt.
		if pasted, err := FromDocument(docread.Paste(text), Options{}); err == nil {
			for _, it := range pasted.Items {
				if it.Start < 0 || it.End > len(pasted.Text) || it.Start > it.End || pasted.Text[it.Start:it.End] != it.Source {
					t.Fatalf("pasted item %q: quote %q not at %d:%d", it.Name, it.Source, it.Start, it.End)
				}
			}
		}
		// A document's blocks may be anything a reader gives: out of range
		// ones are skipped, not trusted.
		doc := docread.Document{Text: text, Blocks: []docread.Block{{Start: -1, End: len(text) + 5}, {Start: 0, End: len(text)}}}
		if _, err := FromDocument(doc, Options{Year: 2024}); err != nil && strings.TrimSpace(text) != "" {
			t.Fatal(err)
		}
	})
}
