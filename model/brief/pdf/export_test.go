package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/seeds"

	"golang.org/x/image/font/sfnt"

	"cn.planreview/planreview/assets"
	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (scripts/test.sh installs poppler-utils and qpdf)", tool)
		}
	}
}

func p(m int) domain.Period { return domain.Period{Year: 2023, Month: m} }

// The notes, long and short, full of punctuation and numbers: they must
// come back from the PDF character for character.
var (
	longNote = "部分项目因用地审批、环评批复等前置手续延后开工，涉及12个项目、总投资约86.5亿元；" +
		"市发展改革委已会同自然资源和规划局建立“一项目一专班”机制，预计四季度集中开工，" +
		"全年可完成390个左右（完成率97.5%），与目标仍有约10个的差距。"
	punctNote = "（1）数据来源：《嘉兴统计月报》2023年第9期，2023-10-20发布；（2）口径：规上工业≥2000万元；" +
		"（3）同比增速−0.4%→+1.2%，环比+0.3个百分点！？"
)

func seed(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "简报 测试", "plan.db"), store.Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, a := range []domain.Actual{
		{ItemID: "A1-01", Period: p(6), Value: 6.2}, {ItemID: "A1-01", Period: p(9), Value: 5.8},
		{ItemID: "A1-02", Period: p(9), Value: 4.2}, {ItemID: "A1-05", Period: p(9), Value: 9.1},
		{ItemID: "A1-12", Period: p(9), Value: 0.3}, {ItemID: "A1-20", Period: p(9), Value: 27.5},
		{ItemID: "B1-01", Period: p(9), Value: 270}, {ItemID: "B1-06", Period: p(9), Value: 301.5},
		{ItemID: "M3-01", Period: p(9), Outcome: domain.OutcomeInProgress},
		{ItemID: "A2-01", Period: p(9), Value: 30.5},
		{ItemID: "A1-01", Period: p(12), Value: 6.3}, {ItemID: "A1-02", Period: p(12), Value: 3.9},
		{ItemID: "B1-01", Period: p(12), Value: 398.25},
	} {
		if _, err := st.RecordActual(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []struct {
		id, body string
		period   domain.Period
	}{{"B1-01", longNote, p(9)}, {"A1-02", punctNote, p(9)}, {"A1-05", "短备注。", domain.Period{}}} {
		if _, err := st.AddNote(n.id, n.period, n.body, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// reviewAndNotes is what a brief is drawn from: the store's review and
// every note.
func reviewAndNotes(tb testing.TB, st *store.Store) (*domain.Review, []domain.Note) {
	tb.Helper()
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		tb.Fatal(err)
	}
	notes, err := st.Notes("")
	if err != nil {
		tb.Fatal(err)
	}
	return r, notes
}

func export(t *testing.T, st *store.Store, o brief.Options) (string, []byte, pdf.Report) {
	t.Helper()
	r, notes := reviewAndNotes(t, st)
	var buf bytes.Buffer
	rep, err := pdf.Export(r, notes, o, &buf)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "简报 "+o.AsOf.String()+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes(), rep
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// flat removes white space, so text wrapped over several lines (or table
// cells) compares with the text as written.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

func opts(m int) brief.Options {
	return brief.Options{AsOf: p(m), Date: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC),
		Unit: "市人大财经委", Reviewer: "张三", Marking: "内部资料", Notes: true}
}

func TestBriefReadsBackAsWritten(t *testing.T) {
	need(t, "pdftotext", "pdffonts", "qpdf")
	st := seed(t)
	path, _, rep := export(t, st, opts(9))
	text := pdftotext(t, path)
	ft := flat(text)
	for _, want := range []string{
		"2023年嘉兴市国民经济和社会发展计划", "执行情况简报", "截至2023年9月（前三季度）", "编制单位：市人大财经委",
		"审阅人：张三", "日期：2023年10月25日", "内部资料",
		"年度计划确定的20项主要指标中，截至前三季度，2项符合或好于预期、快于序时进度（其中控制在目标内1项），3项滞后或超出控制目标，15项暂无数据或目标待定，详见表1。",
		"一、总体情况", "二、主要指标完成情况", "三、需关注事项", "四、重点工作推进情况", "五、房屋征收计划",
		"表1", "主要指标完成情况（2023年1-9月）", "注：地区生产总值增长率按可比价格计算。",
		"第1页/共" + itoa(rep.Pages) + "页",
	} {
		if !strings.Contains(ft, flat(want)) {
			t.Errorf("brief lacks %q", want)
		}
	}
	// Each row's status label, next to its row.
	for _, row := range []struct{ name, label string }{
		{"1.地区生产总值", "符合预期"}, {"2.一般公共预算收入", "低于预期"}, {"5.固定资产投资", "低于预期"},
		{"12.居民消费价格涨幅", "控制在目标内"}, {"20.设区城市PM2.5年均浓度", "超出控制目标"},
		{"新开工亿元以上产业项目", "慢于序时进度"}, {"交通投资", "快于序时进度"}, {"设立湾北新区", "推进中"},
		{"1.城北板块2、3号地块", "慢于序时进度"},
	} {
		i := strings.Index(ft, row.name)
		if i < 0 || !strings.Contains(ft[i:min(len(ft), i+300)], row.label) {
			t.Errorf("row %s: label %s not found beside it", row.name, row.label)
		}
	}
	// Every note, character for character, including the long one that
	// wraps over several lines of a narrow cell.
	for _, n := range []string{longNote, punctNote, "短备注。"} {
		if !strings.Contains(ft, flat(n)) {
			t.Errorf("note did not come back whole: %q", n)
		}
	}
	// No line of the brief starts with closing punctuation.
	for _, line := range strings.Split(text, "\n") {
		l := strings.TrimSpace(line)
		if l != "" && strings.ContainsRune("，。、；：）》」", []rune(l)[0]) {
			t.Errorf("a line starts with punctuation: %q", l)
		}
	}
	fonts, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	if !regexp.MustCompile(`prsans\s+CID TrueType\s+Identity-H\s+yes`).Match(fonts) {
		t.Errorf("font not embedded:\n%s", fonts)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	if len(rep.Missing) != 0 || rep.Pages < 5 {
		t.Errorf("report %+v", rep)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestBriefAtOtherPeriods(t *testing.T) {
	need(t, "pdftotext")
	st := seed(t)
	path, _, _ := export(t, st, opts(12))
	ft := flat(pdftotext(t, path))
	for _, want := range []string{"2023年全年", // Three indicators have only 1-9月 figures: counted as such,
		// never as year-end results.
		"年度计划确定的20项主要指标中，1项完成全年目标，1项未完成或不及预期，" +
			"3项按1-9月数据判断（控制在目标内1项、超出控制目标1项、低于预期1项），15项暂无数据或目标待定，详见表1。",
		"以下5项滞后、未完成或超出控制目标（其中3项尚无1-12月数据，按此前数据判断），按计划文本顺序排列。",
		"截至1-12月已完成征收30.50亩，占5.9%（其中1个地块按此前期间数据计，7个地块暂无数据）。",
		"398.25个", "基本完成"} {
		if !strings.Contains(ft, flat(want)) {
			t.Errorf("全年 brief lacks %q", want)
		}
	}
	if strings.Contains(ft, flat(longNote)) {
		t.Error("a 1-9月 note must not appear in the 全年 brief")
	}
	if !strings.Contains(ft, "短备注。") {
		t.Error("a note without a period belongs in every brief")
	}
	o := opts(6)
	o.Parts = []string{brief.PartSummary, brief.PartIndicators}
	o.Notes = false
	o.Marking = ""
	path, _, _ = export(t, st, o)
	ft = flat(pdftotext(t, path))
	if !strings.Contains(ft, "截至2023年6月（上半年）") || strings.Contains(ft, "需关注事项") || strings.Contains(ft, "短备注") ||
		strings.Contains(ft, "内部资料") {
		t.Errorf("上半年 brief with two parts and no notes:\n%s", ft)
	}
}

func TestSameDataSameBytes(t *testing.T) {
	st := seed(t)
	_, a, _ := export(t, st, opts(9))
	_, b, _ := export(t, st, opts(9))
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of the same data and date differ")
	}
	o := opts(9)
	o.Date = o.Date.AddDate(0, 0, 1)
	_, c, _ := export(t, st, o)
	if bytes.Equal(a, c) {
		t.Fatal("a different brief date must change the file")
	}
}

func TestMissingCharactersAreReported(t *testing.T) {
	need(t, "pdftotext")
	st := seed(t)
	if _, err := st.AddNote("A1-01", p(9), "数据见附表😀。", "张三"); err != nil {
		t.Fatal(err)
	}
	path, _, rep := export(t, st, opts(9))
	if len(rep.Missing) == 0 || rep.Missing[0].Char != '😀' || rep.Missing[0].Where != "A1-01" {
		t.Fatalf("missing character not reported: %+v", rep.Missing)
	}
	if msg := pdf.MissingText(rep.Missing); !strings.Contains(msg, "U+1F600") || !strings.Contains(msg, "A1-01") {
		t.Errorf("message %q", msg)
	}
	if !strings.Contains(flat(pdftotext(t, path)), "数据见附表〓。") {
		t.Error("the missing character is not marked with 〓")
	}
}

// rareChar is an ideograph the window's font has and the brief's lacks:
// one outside GB2312 and 通用规范汉字表.
func rareChar(t *testing.T) rune {
	t.Helper()
	window, err := sfnt.Parse(assets.UIFontRegular)
	if err != nil {
		t.Fatal(err)
	}
	regular, _ := assets.BriefFonts()
	brief, err := sfnt.Parse(regular)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for c := rune(0x9FA5); c >= 0x4E00; c-- {
		w, _ := window.GlyphIndex(&buf, c)
		b, _ := brief.GlyphIndex(&buf, c)
		if w != 0 && b == 0 {
			return c
		}
	}
	t.Fatal("the brief's font has every ideograph of the window's")
	return 0
}

// TestRareCharactersAreMarkedAndNamed: a character outside the standard
// set official documents use is printed as 〓 and named with where it is,
// so the reviewer can reword it; the rest of the note is printed as typed.
func TestRareCharactersAreMarkedAndNamed(t *testing.T) {
	need(t, "pdftotext")
	c := rareChar(t)
	st := seed(t)
	if _, err := st.AddNote("A1-01", p(9), "联络人：王"+string(c)+"，电话见附表。", "张三"); err != nil {
		t.Fatal(err)
	}
	path, _, rep := export(t, st, opts(9))
	if len(rep.Missing) != 1 || rep.Missing[0].Char != c || rep.Missing[0].Where != "A1-01" {
		t.Fatalf("reported missing: %+v, want %q in A1-01", rep.Missing, c)
	}
	if msg := pdf.MissingText(rep.Missing); !strings.Contains(msg, fmt.Sprintf("U+%04X", c)) {
		t.Errorf("message %q does not name U+%04X", msg, c)
	}
	if !strings.Contains(flat(pdftotext(t, path)), "联络人：王〓，电话见附表。") {
		t.Errorf("the note with %q (U+%04X) is not printed with 〓 in its place", c, c)
	}
}
