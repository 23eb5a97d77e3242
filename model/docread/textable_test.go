package docread

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"cn.planreview/planreview/model/tablehead"
)

func sample(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// tables is the document's table blocks in order.
func tables(d Document) []*Table {
	var out []*Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkOffsets holds a document to its promise: blocks in order inside the
// text, every row's span inside its table's, every cell written in a row
// found in that row's words (a cell of several lines with the line breaks
// left out), every merged cell found in an earlier row (a rowspan) or its own (a
// colspan).
func checkOffsets(t *testing.T, d Document) {
	t.Helper()
	prev := 0
	for bi, b := range d.Blocks {
		if b.Start < prev || b.End < b.Start || b.End > len(d.Text) {
			t.Fatalf("block %d [%d,%d) out of order or outside the text (%d bytes, previous end %d)", bi, b.Start, b.End, len(d.Text), prev)
		}
		prev = b.End
		if b.Table == nil {
			if strings.TrimSpace(d.Text[b.Start:b.End]) == "" {
				t.Errorf("block %d is an empty paragraph", bi)
			}
			continue
		}
		var seen []string
		for ri, r := range b.Table.Rows {
			if r.Start < b.Start || r.End > b.End || r.End < r.Start {
				t.Fatalf("table %d row %d [%d,%d) outside its block [%d,%d)", bi, ri, r.Start, r.End, b.Start, b.End)
			}
			span := squeeze(d.Text[r.Start:r.End])
			for ci, c := range r.Cells {
				if c == "" {
					continue
				}
				if r.Merged != nil && r.Merged[ci] {
					found := strings.Contains(span, squeeze(c)) // a colspan's copy
					for _, s := range seen {
						found = found || strings.Contains(s, squeeze(c))
					}
					if !found {
						t.Errorf("table %d row %d: merged cell %q is in no earlier row", bi, ri, c)
					}
					continue
				}
				if !strings.Contains(span, squeeze(c)) {
					t.Errorf("table %d row %d: cell %q not in the row's text %q", bi, ri, c, d.Text[r.Start:r.End])
				}
			}
			seen = append(seen, span)
		}
	}
}

var numbered = regexp.MustCompile(`^\d+\.`)

func TestNoticeAnnex1(t *testing.T) {
	d := Paste(sample(t, "jiaxing-2023-plan-notice.txt"))
	checkOffsets(t, d)
	ts := tables(d)
	if len(ts) != 2 {
		t.Fatalf("found %d tables, want the two annexes", len(ts))
	}
	a1 := ts[0]
	if a1.HeaderRows != 1 || strings.Join(a1.Rows[0].Cells, "|") != "指标名称|2023年目标" {
		t.Fatalf("附件1 header = %q (%d rows)", a1.Rows[0].Cells, a1.HeaderRows)
	}
	if want := []tablehead.Column{tablehead.ColName, tablehead.ColTarget}; !equalCols(a1.Columns, want) {
		t.Errorf("附件1 columns %v, want %v", a1.Columns, want)
	}
	var names, targets, categories []string
	indicators := 0
	for _, r := range a1.Rows[1:] {
		switch len(r.Cells) {
		case 1:
			categories = append(categories, r.Cells[0])
		case 2:
			if numbered.MatchString(r.Cells[0]) {
				indicators++
			}
			if r.Cells[1] != "" {
				names = append(names, r.Cells[0])
				targets = append(targets, r.Cells[1])
			}
		default:
			t.Errorf("附件1 row %q has %d cells", r.Cells, len(r.Cells))
		}
	}
	if indicators != 20 {
		t.Errorf("%d numbered indicators, want 20", indicators)
	}
	if len(targets) != 22 {
		t.Errorf("%d target rows, want 22: %q", len(targets), names)
	}
	if want := "一、综合发展|二、质量效益|三、创新驱动|四、民生福祉|五、资源环境"; strings.Join(categories, "|") != want {
		t.Errorf("categories %q", categories)
	}
	for _, c := range []struct{ name, target string }{
		{"1.地区生产总值(注)", "增长6%左右"},
		{"4.亿元GDP生产安全事故死亡率", "低于0.011人/亿元"},
		{"农村居民人均可支配收入", "与经济增长基本同步"},
		{"10-50万元群体比例", "提高3个百分点左右"},
		{"17.单位地区生产总值综合能耗", "按省下达目标安排"},
		{"20.设区城市PM2.5年均浓度", "控制在26微克/立方米及以下"},
	} {
		got := ""
		for i, n := range names {
			if n == c.name {
				got = targets[i]
			}
		}
		if got != c.target {
			t.Errorf("%s: target %q, want %q", c.name, got, c.target)
		}
	}
	// 14. is a group over two rows: its blank target stays blank.
	for _, r := range a1.Rows {
		if strings.HasPrefix(r.Cells[0], "14.") && (len(r.Cells) > 1 && r.Cells[1] != "") {
			t.Errorf("14.家庭可支配收入 got a target %q", r.Cells[1])
		}
	}
	if a1.Name != "主要目标" {
		t.Errorf("附件1 caption %q", a1.Name)
	}
	// The note after the table is a paragraph again.
	found := false
	for _, b := range d.Blocks {
		found = found || b.Table == nil && strings.HasPrefix(d.Slice(b.Start, b.End), "注：地区生产总值增长率")
	}
	if !found {
		t.Error("注： after 附件1 is not a paragraph")
	}
}

func equalCols(a, b []tablehead.Column) bool {
	return strings.Join(colStrings(a), ",") == strings.Join(colStrings(b), ",")
}

func colStrings(cs []tablehead.Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

func TestNoticeAnnex2(t *testing.T) {
	d := Paste(sample(t, "jiaxing-2023-plan-notice.txt"))
	a2 := tables(d)[1]
	if want := []tablehead.Column{tablehead.ColSeq, tablehead.ColParcel, tablehead.ColBounds, tablehead.ColArea, tablehead.ColPurpose, tablehead.ColAgent}; !equalCols(a2.Columns, want) {
		t.Fatalf("附件2 columns %v, want %v", a2.Columns, want)
	}
	if h := a2.Rows[0].Cells; h[3] != "土地面积（亩）" || h[4] != "公共利益类型" {
		t.Errorf("header cells over several lines: %q", h)
	}
	want := [][]string{
		{"1", "城北板块2、3号地块", "东至百墅路、南至朱冠浜和百家公寓、西至中环路南侧绿地、北至城北路", "62.10", "旧城区改建", "嘉城集团、南湖区"},
		{"2", "城北板块4号地块", "东至不锈钢设备总厂、南至不锈钢设备总厂、西至百墅路、北至城北路", "7.40", "旧城区改建", "嘉城集团、南湖区"},
		{"3", "城北板块5号地块", "东至太平桥港、南至朱冠浜、西至百墅路和4号地块、北至城北路和4号地块", "83.65", "旧城区改建", "嘉城集团、南湖区"},
		{"4", "城北板块城北路章基浜工业地块", "东至百绿公寓、南至恬园路、西至城北路、北至渡船桥港", "113.56", "旧城区改建", "嘉城集团、南湖区"},
		{"5", "城北板块老年公寓地块", "东至三元路、南至东升东路、西至太平桥港、北至朱冠浜", "78.21", "旧城区改建", "嘉城集团、南湖区"},
		{"6", "嘉服集团（原嘉兴学院北校区）地块", "东至越秀路、南至文昌路、西至牛桥港、北至双园路", "165.70", "旧城区改建", "嘉服集团、南湖区"},
		{"7", "老城板块2号（浙江经济房综合楼）地块", "东至少年路、南至干戈弄、西至已征收地块、北至平家弄", "1.11", "公共事业", "嘉城集团、南湖区"},
		{"8", "老城板块4号（中和街89号）地块", "东至已征收地块、南至中和街、西至少年路、北至五芳斋大楼", "1.58", "公共事业", "嘉城集团、南湖区"},
	}
	var parcels [][]string
	for _, r := range a2.Rows[1:] {
		if len(r.Cells) == 6 {
			parcels = append(parcels, r.Cells)
		}
	}
	if len(parcels) != len(want) {
		t.Fatalf("%d parcels, want %d", len(parcels), len(want))
	}
	for i := range want {
		if strings.Join(parcels[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("parcel %d:\n got %q\nwant %q", i+1, parcels[i], want[i])
		}
	}
	// The copy-to lines after the table are not rows.
	for _, r := range a2.Rows {
		if strings.Contains(strings.Join(r.Cells, ""), "抄送") {
			t.Errorf("抄送 read as a row: %q", r.Cells)
		}
	}
}

func TestTaskTable(t *testing.T) {
	d := Paste(sample(t, "jiaxing-2024-work-report-task-table.txt"))
	checkOffsets(t, d)
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	tb := ts[0]
	if want := []tablehead.Column{tablehead.ColSeq, tablehead.ColTask, tablehead.ColOwner}; !equalCols(tb.Columns, want) {
		t.Fatalf("columns %v, want %v", tb.Columns, want)
	}
	rows := tb.Rows[tb.HeaderRows:]
	if len(rows) != 16 {
		t.Fatalf("%d rows, want 16 (the sample is cut in row 16)", len(rows))
	}
	for i, r := range rows {
		if r.Cells[0] != strconv.Itoa(i+1) {
			t.Errorf("row %d numbered %q", i+1, r.Cells[0])
		}
	}
	cases := []struct {
		row         int
		task, owner string
	}{
		{1, "地区生产总值增长6%左右。", "市发展改革委"},
		{10, "城镇新增就业11万人,调查失业率控制在5%以内。", "市人力社保局"},
		{12, "", "市科技局、市教育局、南湖区政府、 秀洲区政府、海宁市政府"},
		{16, "", "市科技局、市经"},
	}
	for _, c := range cases {
		r := rows[c.row-1]
		if c.task != "" && r.Cells[1] != c.task || r.Cells[2] != c.owner {
			t.Errorf("row %d = %q", c.row, r.Cells)
		}
	}
}

func TestExecutionReportOpening(t *testing.T) {
	d := Paste(sample(t, "tongxiang-2024-execution-report-opening.txt"))
	checkOffsets(t, d)
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	tb := ts[0]
	if want := []tablehead.Column{tablehead.ColName, tablehead.ColTarget, tablehead.ColActual, tablehead.ColNote}; !equalCols(tb.Columns, want) {
		t.Fatalf("columns %v", tb.Columns)
	}
	if tb.Name != "1:2024年全市国民经济和社会发展主要指标完成情况" {
		t.Errorf("caption %q", tb.Name)
	}
	want := [][]string{
		{"一、综合发展"},
		{"1.地区生产总值", "增长6.5%左右", "增长4.8%", "1347.1亿元"},
		{"2.全员劳动生产率", "20.5万元/", "20.5万元/", ""},
		{"3.一般公共预算收入", "增长5%", "下降4.6%", "102.1亿元"},
		{"4.固定资产投资", "增长8%", "增长2.7%", "486.8亿元"},
		{"5.实际利用外资", "", "", ""},
	}
	got := tb.Rows[1:]
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if strings.Join(got[i].Cells, "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, got[i].Cells, want[i])
		}
	}
	// The page's chrome copied with the text stays in Text (never
	// rewritten) but is no block; the preamble is paragraphs.
	for _, b := range d.Blocks {
		for _, w := range []string{"首页", "政务公开", "索引号", "公开方式", "组配分类", "浏览次数"} {
			if strings.Contains(d.Slice(b.Start, b.End), w) {
				t.Errorf("chrome %q is in a block: %q", w, d.Slice(b.Start, b.End))
			}
		}
		if b.Table == nil && strings.Contains(d.Slice(b.Start, b.End), "1347.1") {
			t.Error("a table cell became a paragraph")
		}
	}
}
