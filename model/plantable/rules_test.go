package plantable

import (
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// TestBareNumbers: a number alone is read by the 目标 header and the
// indicator's nature, or left for the reviewer.
func TestBareNumbers(t *testing.T) {
	for _, tc := range []struct {
		name, header, unit, cell string
		read                     string // "" when it needs review
	}{
		{"地区生产总值", "目标", "", "7", "增长7%"},
		{"地区生产总值", "目标", "%", "7左右", "增长7%左右"},
		{"固定资产投资", "预期目标", "", "10%以上", "增长10%以上"},
		{"城乡居民人均可支配收入", "目标", "", "6.5", "增长6.5%"},
		{"外贸出口", "目标", "", "3", "增长3%"},
		{"工业用电量", "2024年目标增长(%)", "", "5", "增长5%"},
		{"高新技术产业增加值占规上工业比重", "目标", "", "68", "68%"},
		{"城镇化率", "目标", "", "73.5左右", "73.5%左右"},
		{"研发经费支出占GDP比重", "目标", "%", "3.3以上", "3.3%以上"},
		{"森林覆盖率", "目标", "‰", "5", "5‰"},
		{"工业投资增速", "目标", "", "8", "增长8%"},
		{"新开工项目", "目标", "个", "400", "400个"},
		{"新开工项目", "目标", "", "400", ""},                       // a count or a rate? not said
		{"营商环境便利度", "目标", "", "7", ""},                       // neither a flow nor a ratio
		{"研发经费支出占GDP比重", "2024年目标增长(%)", "", "3.3", ""},      // header and name disagree
		{"污水处理率", "目标", "%", "达到95", "达到95%"},                // the row's unit completes a target
		{"单位地区生产总值能耗下降", "年度目标", "%", "3", "下降3%"},           // the name says down
		{"单位生产总值能耗降低", "2020年目标增长(%)", "%", "3左右", "下降3%左右"}, // whatever the heading
		{"城镇新增就业", "2020年目标增长(%)", "万人", "100以上", "100万人以上"}, // a count of the new, in its unit
		{"地区生产总值", "目标", "", "力争增长7%", "增长7%"},
		{"地区生产总值", "目标", "", "增长6-7%", ""},
		{"地区生产总值", "目标", "", "", ""},
	} {
		h := readHeader([]string{"指标名称", tc.header}, 0)
		it := Item{Kind: domain.KindIndicator, Name: tc.name, TargetText: tc.cell, Unit: tc.unit}
		if it.Unit == "" {
			it.Unit = h.unit
		}
		readTarget(&it, h, ref{7, tc.header, "B"})
		got := it.Read
		if it.NeedsReview {
			got = ""
			if !strings.HasPrefix(it.Reason, "第7行“"+tc.header+"”列（B列）") {
				t.Errorf("%s %q: reason %q does not name the cell", tc.name, tc.cell, it.Reason)
			}
		} else if it.Target == nil {
			t.Errorf("%s %q: no target and no review", tc.name, tc.cell)
		}
		if got != tc.read {
			t.Errorf("%s under %s, %q (%s): read %q (%s), want %q", tc.name, tc.header, tc.cell, tc.unit, got, it.Reason, tc.read)
		}
	}
}

// TestBadSheets: what stops a plan is said in Chinese with the row and
// column; what only the reviewer can decide is marked, not guessed.
func TestBadSheets(t *testing.T) {
	head := []string{"序号", "指标名称", "预期目标", "单位", "责任单位"}
	for _, tc := range []struct {
		name    string
		rows    [][]string
		err     string   // the file is refused
		problem string   // a problem in the draft
		reason  []string // the first item needing review says these
	}{
		{name: "no target column", rows: [][]string{{"指标名称", "数值"}, {"地区生产总值", "6"}},
			err: "第1行有“指标名称”列，但没有“目标”或“预期目标”列"},
		{name: "no header", rows: [][]string{{"地区生产总值", "增长6%"}}, err: "找不到表头"},
		{name: "unreadable target", rows: [][]string{{"2024年计划"}, head, {"1", "地区生产总值", "增长6至7%", "", "市发改局"}},
			reason: []string{"第3行", "“预期目标”列（C列）", "增长6至7%", "无法识别"}},
		{name: "qualitative outside the vocabulary", rows: [][]string{head, {"1", "营商环境", "明显好转", "", ""}},
			reason: []string{"第2行", "C列", "明显好转", "不是目标语法中的定性用语", "标为定性（由审阅人判断）"}},
		{name: "qualitative phrase", rows: [][]string{head, {"1", "营商环境", "持续改善", "", ""}}},
		{name: "duplicate in a section", rows: [][]string{head, {"一、综合发展"}, {"1", "地区生产总值", "增长6%"},
			{"2", "固定资产投资", "增长5%"}, {"3", "地区生产总值", "增长7%"}},
			problem: "“一、综合发展”中“地区生产总值”重复：第3行和第5行"},
		{name: "same name in two sections is fine", rows: [][]string{head, {"一、综合发展"}, {"1", "地区生产总值", "增长6%"},
			{"二、其他"}, {"2", "地区生产总值", "增长7%"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "表.xlsx")
			write(t, file, xlsxOf(t, map[string][][]string{"表": tc.rows}, "表"))
			d, err := Read(file, readFile(t, file))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.problem != "" {
				if len(d.Problems) != 1 || d.Problems[0] != tc.problem {
					t.Errorf("problems %q, want %q", d.Problems, tc.problem)
				}
			} else if len(d.Problems) > 0 {
				t.Errorf("problems %q", d.Problems)
			}
			if tc.reason != nil {
				if d.Pending() != 1 {
					t.Fatalf("pending %d: %+v", d.Pending(), d.Items)
				}
				for _, w := range tc.reason {
					if !strings.Contains(d.Items[0].Reason, w) {
						t.Errorf("reason %q lacks %q", d.Items[0].Reason, w)
					}
				}
			}
		})
	}
}
