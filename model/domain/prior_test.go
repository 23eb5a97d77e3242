package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormaliseName(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		// 口径 notes and units in brackets go with their brackets.
		{"实际利用外资（部口径）", "实际利用外资"},
		{"地区生产总值（按可比价计算）", "地区生产总值"},
		{"家庭可支配收入（按三口之家计算）：10-50万元群体比例", "家庭可支配收入：10-50万元群体比例"},
		{"一般公共预算收入（亿元）", "一般公共预算收入"},
		{"城镇新增就业(万人)", "城镇新增就业"},
		{"规上工业增加值【现价】", "规上工业增加值"},
		{"社会消费品零售总额（含网络零售）", "社会消费品零售总额"},
		// Full-width and half-width, spaces, quote marks, letter case.
		{"Ｒ＆Ｄ经费支出占ＧＤＰ比重", "R&D经费支出占GDP比重"},
		{"r&d 经费支出占 gdp 比重", "R&D经费支出占GDP比重"},
		{"新增省级以上“专精特新”企业", "新增省级以上专精特新企业"},
		{"居民人均可支配收入\u3000增长", "居民人均可支配收入增长"},
		// Other brackets keep their content, in either bracket style.
		{"未来社区镇（街道）创建全覆盖", "未来社区镇(街道)创建全覆盖"},
	} {
		if NormaliseName(tt.a) != NormaliseName(tt.b) {
			t.Errorf("NormaliseName(%q) = %q, NormaliseName(%q) = %q: want equal", tt.a, NormaliseName(tt.a), tt.b, NormaliseName(tt.b))
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"低碳试点镇（街道）", "低碳试点镇"},               // 街道 is what is counted
		{"知名品牌首店（中国首店、浙江首店和嘉兴首店）", "知名品牌首店"}, // so are these
		{"人才资源总量", "人才资源"},                   // 总量 kept: see NormaliseName
		{"城镇新增就业", "农村新增就业"},
	} {
		if NormaliseName(tt.a) == NormaliseName(tt.b) {
			t.Errorf("NormaliseName(%q) = NormaliseName(%q) = %q: want different", tt.a, tt.b, NormaliseName(tt.a))
		}
	}
}

func FuzzNormaliseName(f *testing.F) {
	for _, s := range []string{"实际利用外资（部口径）", "（", "）（（", "Ｒ＆Ｄ", "a（按）b(c", "【】", "家庭可支配收入（按三口之家计算）：比例"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormaliseName(s)
		if !utf8.ValidString(s) {
			return
		}
		if NormaliseName(n) != n {
			t.Fatalf("%q: not idempotent: %q then %q", s, n, NormaliseName(n))
		}
		if strings.ContainsAny(n, " \t（）【】“”") {
			t.Fatalf("%q: %q keeps a space, bracket or quote mark", s, n)
		}
	})
}

func TestMatchPrior(t *testing.T) {
	plan := func(items ...Item) *Plan { return &Plan{Items: items} }
	ind := func(id, name string) Item { return Item{ID: id, Kind: KindIndicator, Name: name} }
	com := func(id, name string) Item { return Item{ID: id, Kind: KindCommitment, Name: name} }
	for _, tt := range []struct {
		name       string
		this, last *Plan
		want       string // ID→prior pairs, comma separated
	}{
		{"same names", plan(ind("A1-01", "地区生产总值"), ind("A1-02", "一般公共预算收入")),
			plan(ind("A1-01", "一般公共预算收入"), ind("A1-02", "地区生产总值")), "A1-01→A1-02,A1-02→A1-01"},
		{"口径 note and width", plan(ind("A1-09", "实际利用外资（部口径）"), ind("A1-10", "Ｒ＆Ｄ经费")),
			plan(ind("A1-08", "实际利用外资"), ind("A1-11", "R&D经费")), "A1-09→A1-08,A1-10→A1-11"},
		{"renamed: unmatched", plan(ind("A1-01", "全市生产总值")), plan(ind("A1-01", "地区生产总值")), ""},
		{"kind first", plan(ind("A1-05", "固定资产投资"), com("B1-03", "固定资产投资")),
			plan(com("B1-01", "固定资产投资"), ind("A1-05", "固定资产投资")), "A1-05→A1-05,B1-03→B1-01"},
		{"name only when the kind changed", plan(ind("A1-20", "新增上市公司")),
			plan(com("B2-04", "新增上市公司")), "A1-20→B2-04"},
		{"ambiguous last year", plan(com("B1-01", "新建项目")),
			plan(com("B1-01", "新建项目"), com("B3-01", "新建项目")), ""},
		{"ambiguous this year", plan(com("B1-01", "新建项目"), com("B3-01", "新建项目")),
			plan(com("B1-01", "新建项目")), ""},
		{"group distinguishes sub-rows",
			plan(Item{ID: "A1-14a", Kind: KindIndicator, Group: "家庭可支配收入（按三口之家计算）", Name: "比例"},
				Item{ID: "A1-13a", Kind: KindIndicator, Group: "居民收入", Name: "比例"}),
			plan(Item{ID: "A1-13a", Kind: KindIndicator, Group: "居民收入", Name: "比例"},
				Item{ID: "A1-14a", Kind: KindIndicator, Group: "家庭可支配收入", Name: "比例"}),
			"A1-14a→A1-14a,A1-13a→A1-13a"},
		{"no previous plan", plan(ind("A1-01", "地区生产总值")), nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range MatchPrior(tt.this, tt.last) {
				if p.How != PairByName {
					t.Errorf("%+v: how %q", p, p.How)
				}
				got = append(got, p.ItemID+"→"+p.PriorItemID)
			}
			if strings.Join(got, ",") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(got, ","), tt.want)
			}
		})
	}
}

func TestSameCity(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"嘉兴", "嘉兴市", true}, {"嘉兴市", " 嘉兴市", true}, {"嘉兴市", "桐乡市", false}, {"", "市", false}} {
		if got := SameCity(tt.a, tt.b); got != tt.want {
			t.Errorf("SameCity(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestPriorOf: the previous plan's full-year figure with its status wins
// over a typed result; a 1-9月 figure is no full-year result; a typed
// result shows with its source; an explicit 不配对 shows nothing.
func TestPriorOf(t *testing.T) {
	last := testPlan(t)
	last.ID = "last"
	this := testPlan(t)
	gdp, _ := this.Item("gdp")
	typed := &PriorResult{ItemID: "gdp", Text: "6.1", Value: 6.1, Period: Period{2022, 12}, Source: "执行情况报告"}
	full := NewReview(last, DefaultTolerance(), []Actual{{ItemID: "gdp", Period: Period{2023, 12}, Value: 6.3}}, nil, nil)
	nine := NewReview(last, DefaultTolerance(), []Actual{{ItemID: "gdp", Period: Period{2023, 9}, Value: 6.3}}, nil, nil)
	pair := &Pair{ItemID: "gdp", PriorItemID: "gdp", How: PairByName}
	for _, tt := range []struct {
		name         string
		pair         *Pair
		last         *Review
		typed        *PriorResult
		target, line string
	}{
		{"full year", pair, full, typed, "增长6%左右", "增长6.3%（完成）"},
		{"nine months: typed", pair, nine, typed, "增长6%左右", "增长6.1%（来源：执行情况报告）"},
		{"nine months, nothing typed", pair, nine, nil, "增长6%左右", ""},
		{"no previous plan", nil, nil, typed, "", "增长6.1%（来源：执行情况报告）"},
		{"not paired", &Pair{ItemID: "gdp", How: PairNone}, full, nil, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := PriorOf(gdp, tt.pair, tt.last, tt.typed)
			if p.Target() != tt.target || p.Result() != tt.line || p.HasResult() != (tt.line != "") {
				t.Errorf("got %q / %q, want %q / %q", p.Target(), p.Result(), tt.target, tt.line)
			}
		})
	}
}
