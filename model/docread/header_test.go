package docread

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/tablehead"
)

// An execution report's table with 全年实绩 over 绝对值 | 增速, in each
// shape a text gives it.
func TestTwoRowHeader(t *testing.T) {
	wantHeader := [][]string{
		{"指标名称", "预期目标", "全年实绩", "全年实绩", "备注"},
		{"指标名称", "预期目标", "绝对值", "增速", "备注"},
	}
	wantCols := []tablehead.Column{tablehead.ColName, tablehead.ColTarget, tablehead.ColActual, tablehead.ColActual, tablehead.ColNote}
	wantRows := [][]string{
		{"一、综合发展"},
		{"1.地区生产总值", "增长6%左右", "3456.7亿元", "5.8%", ""},
		{"2.一般公共预算收入", "增长5%", "301.2亿元", "-1.2%", "受减税影响"},
	}
	cases := []struct{ name, text string }{
		{"pipes", `表2　2024年主要指标执行情况
| 指标名称 | 预期目标 | 全年实绩 | | 备注 |
| | | 绝对值 | 增速 | |
|---|---|---|---|---|
| 一、综合发展 | | | | |
| 1.地区生产总值 | 增长6%左右 | 3456.7亿元 | 5.8% | |
| 2.一般公共预算收入 | 增长5% | 301.2亿元 | -1.2% | 受减税影响 |
以上数据为快报数。`},
		{"bare", `表2　2024年主要指标执行情况

指标名称

预期目标

全年实绩

备注

绝对值

增速

一、综合发展




1.地区生产总值

增长6%左右

3456.7亿元

5.8%


2.一般公共预算收入

增长5%

301.2亿元

-1.2%

受减税影响

注：数据为快报数。`},
		{"tab-led", "表2　2024年主要指标执行情况\n\n\t指标名称\n\t预期目标\n\t全年实绩\n\t\n\t备注\n\n\t\n\t\n\t绝对值\n\t增速\n\t\n\n" +
			"\t一、综合发展\n\n\t1.地区生产总值\n\t增长6%左右\n\t3456.7亿元\n\t5.8%\n\t\n\n" +
			"\t2.一般公共预算收入\n\t增长5%\n\t301.2亿元\n\t-1.2%\n\t受减税影响\n\n注：数据为快报数。\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Paste(c.text)
			checkOffsets(t, d)
			ts := tables(d)
			if len(ts) != 1 {
				t.Fatalf("%d tables", len(ts))
			}
			tb := ts[0]
			if tb.HeaderRows != 2 {
				t.Fatalf("HeaderRows %d, rows %v", tb.HeaderRows, tb.Rows)
			}
			if tb.Name != "表2　2024年主要指标执行情况" {
				t.Errorf("caption %q", tb.Name)
			}
			if !equalCols(tb.Columns, wantCols) {
				t.Errorf("columns %v", tb.Columns)
			}
			for i, w := range wantHeader {
				if strings.Join(tb.Rows[i].Cells, "|") != strings.Join(w, "|") {
					t.Errorf("header row %d = %q, want %q", i, tb.Rows[i].Cells, w)
				}
			}
			body := tb.Rows[2:]
			if len(body) != len(wantRows) {
				t.Fatalf("%d rows: %v", len(body), body)
			}
			for i, w := range wantRows {
				if strings.Join(body[i].Cells, "|") != strings.Join(w, "|") {
					t.Errorf("row %d = %q, want %q", i, body[i].Cells, w)
				}
			}
			last := d.Blocks[len(d.Blocks)-1]
			if last.Table != nil || !strings.Contains(d.Slice(last.Start, last.End), "快报数") {
				t.Errorf("the line after the table is not a paragraph")
			}
		})
	}
}

func TestTextTables(t *testing.T) {
	cases := []struct {
		name string
		text string
		want [][]string // body rows of the one table; nil: no table
	}{
		{"no header, only paragraphs", "各位代表：\n\n一、2024年计划执行情况\n\n地区生产总值增长6%左右。\n", nil},
		{"a lone header word is a paragraph", "目标\n\n全年实现地区生产总值增长6%左右。\n", nil},
		{"pipes without borders, owners the same as above",
			"序号 | 任务 | 责任单位\n1 | 开工建设10个项目。 | 市发改委\n2 | 完成20个项目。 | \n\n3 | 新增就业11万人。 | 市人社局\n本表由市发改委汇总。\n",
			[][]string{{"1", "开工建设10个项目。", "市发改委"}, {"2", "完成20个项目。", "市发改委"}, {"3", "新增就业11万人。", "市人社局"}}},
		{"tabs between cells (pasted from a sheet)",
			"指标\t目标\t单位\n地区生产总值\t6\t%\n规上工业增加值\t7\t\n",
			[][]string{{"地区生产总值", "6", "%"}, {"规上工业增加值", "7", "%"}}},
		{"bare categories as short words",
			"指标名称\n预期目标\n规模\n1.地区生产总值\n增长6%\n效率\n2.全员劳动生产率\n增长7%\n",
			[][]string{{"规模"}, {"1.地区生产总值", "增长6%"}, {"效率"}, {"2.全员劳动生产率", "增长7%"}}},
		{"bare table ended by a long sentence",
			"指标名称\n\n预期目标\n\n1.地区生产总值\n\n增长6%\n\n今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，主要指标好于预期。\n",
			[][]string{{"1.地区生产总值", "增长6%"}}},
		{"bare: a numbered row starts a row even when the row above is short",
			"指标名称\n预期目标\n实际完成\n1.地区生产总值\n增长6%\n2.一般公共预算收入\n增长5%\n增长3%\n",
			[][]string{{"1.地区生产总值", "增长6%", ""}, {"2.一般公共预算收入", "增长5%", "增长3%"}}},
		{"pipe table: a bordered category row continues the table",
			"| 序号 | 指标名称 | 单位 | 2021年目标 |\n|---|---|---|---|\n| 一、经济发展 |\n| 1 | 地区生产总值增长 | % | 7左右 |\n\n| 二、民生福祉 |\n| 2 | 城镇新增就业 | 万人 | 5.5 |\n抄送：市委各部门。\n",
			[][]string{{"一、经济发展"}, {"1", "地区生产总值增长", "%", "7左右"}, {"二、民生福祉"}, {"2", "城镇新增就业", "万人", "5.5"}}},
		{"pipe table: an unbordered line still ends it",
			"| 序号 | 指标名称 | 目标 |\n| 1 | 地区生产总值 | 增长6% |\n一、其他事项\n| 2 | 城镇新增就业 | 1万人 |\n",
			[][]string{{"1", "地区生产总值", "增长6%"}}},
		{"half-year columns: 1-6月完成 a result, 完成进度 a remark",
			"| 指标 | 单位 | 年度目标 | 1-6月完成 | 完成进度 |\n| 地区生产总值 | 亿元 | 增长6% | 增长5.8% | — |\n",
			[][]string{{"地区生产总值", "亿元", "增长6%", "增长5.8%", "—"}}},
		{"CRLF line endings", "序号 | 主要工作任务 | 责任单位 |\r\n1 | 地区生产总值增长6%左右。 | 市发展改革委 |\r\n",
			[][]string{{"1", "地区生产总值增长6%左右。", "市发展改革委"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Paste(c.text)
			checkOffsets(t, d)
			ts := tables(d)
			if c.want == nil {
				if len(ts) != 0 {
					t.Fatalf("found a table: %v", ts[0].Rows)
				}
				if len(d.Blocks) == 0 {
					t.Fatal("no paragraphs")
				}
				return
			}
			if len(ts) != 1 {
				t.Fatalf("%d tables; blocks %v", len(ts), d.Blocks)
			}
			body := ts[0].Rows[ts[0].HeaderRows:]
			if len(body) != len(c.want) {
				t.Fatalf("%d rows %v, want %q", len(body), body, c.want)
			}
			for i, w := range c.want {
				if strings.Join(body[i].Cells, "|") != strings.Join(w, "|") {
					t.Errorf("row %d = %q, want %q", i, body[i].Cells, w)
				}
			}
		})
	}
}
