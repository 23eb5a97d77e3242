package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
)

var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

func p(m int) domain.Period { return domain.Period{Year: 2023, Month: m} }

// Notes long and short, full of punctuation, numbers and characters XML
// must escape: they must come back character for character.
var (
	longNote = "部分项目因用地审批、环评批复等前置手续延后开工，涉及12个项目、总投资约86.5亿元；" +
		"市发展改革委已会同自然资源和规划局建立“一项目一专班”机制，预计四季度集中开工，" +
		"全年可完成390个左右（完成率97.5%），与目标仍有约10个的差距。"
	punctNote = "（1）数据来源：《嘉兴统计月报》2023年第9期，2023-10-20发布；（2）口径：规上工业≥2000万元 & <5亿元；" +
		"（3）同比增速−0.4%→+1.2%，环比+0.3个百分点！？\"引号\" 'single'"
)

// seed is a real SQLite file with the bundled plan, figures of 1-9月 and
// notes of that period.
func seed(t testing.TB) *store.Store {
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

func opts(m int) brief.Options {
	return brief.Options{AsOf: p(m), Date: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC),
		Unit: "市人大财经委", Reviewer: "张三", Marking: "内部资料", Notes: true}
}

// build computes the brief and writes it as Word.
func build(t testing.TB, st *store.Store, o brief.Options) (brief.Brief, []byte) {
	t.Helper()
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	notes, err := st.Notes("")
	if err != nil {
		t.Fatal(err)
	}
	b := brief.Build(r, notes, o)
	var buf bytes.Buffer
	if err := docx.Write(b, &buf); err != nil {
		t.Fatal(err)
	}
	return b, buf.Bytes()
}

// expectedParas counts the paragraphs outside tables the brief should
// make: the title block, and per part its heading, sentences, the caption
// of its count table, each concern's heading, status and notes, and its
// table's caption.
func expectedParas(b brief.Brief) int {
	n := 2 + 1 + 1 // title, subtitle, period, date
	if b.Marking != "" {
		n++
	}
	if b.Unit != "" || b.Reviewer != "" {
		n++
	}
	for _, part := range b.Parts {
		n++
		for _, l := range part.Lines {
			n += strings.Count(l, "\n") + 1
		}
		if len(part.Bars) > 0 {
			n++
		}
		for _, c := range part.Items {
			n += 2 + len(c.Notes)
		}
		if part.Table != nil {
			n++
		}
	}
	return n
}

func parasOf(body docBody, style string) []string {
	var out []string
	for _, p := range body.Paras {
		if p.Style == style {
			out = append(out, p.Text)
		}
	}
	return out
}

func TestWordBriefReadsBackAsWritten(t *testing.T) {
	st := seed(t)
	b, data := build(t, st, opts(9))
	parts := unzip(t, data)
	body := readBody(t, parts["word/document.xml"])

	if got, want := len(body.Paras), expectedParas(b); got != want {
		t.Errorf("%d paragraphs outside tables, want %d", got, want)
	}
	if got := parasOf(body, "Title"); strings.Join(got, "|") != b.Title+"|"+b.Subtitle {
		t.Errorf("title paragraphs %q", got)
	}
	if got := parasOf(body, "Marking"); len(got) != 1 || got[0] != "内部资料" {
		t.Errorf("marking %q", got)
	}
	if got := parasOf(body, "Subtitle"); len(got) != 1 || got[0] != "截至2023年9月（前三季度）" {
		t.Errorf("period line %q", got)
	}
	if got := parasOf(body, "BriefMeta"); strings.Join(got, "|") != "编制单位：市人大财经委　　审阅人：张三|2023年10月25日" {
		t.Errorf("meta lines %q", got)
	}
	var headings []string
	for _, part := range b.Parts {
		headings = append(headings, part.Heading)
	}
	if got := parasOf(body, "Heading1"); strings.Join(got, "|") != strings.Join(headings, "|") {
		t.Errorf("headings %q, want %q", got, headings)
	}
	normal := strings.Join(parasOf(body, "Normal"), "\n")
	count := b.Parts[0].Lines[0]
	if !strings.HasPrefix(count, "年度计划确定的20项主要指标中") || !strings.Contains(normal, count) {
		t.Errorf("count line %q not a body paragraph of its own", count)
	}

	// A count table and 表1–表3, each with a caption.
	captions := parasOf(body, "TableCaption")
	if len(body.Tables) != 4 || len(captions) != 4 {
		t.Fatalf("%d tables, %d captions %q; want 4", len(body.Tables), len(captions), captions)
	}
	var tables []*brief.Table
	for _, part := range b.Parts {
		if part.Table != nil {
			tables = append(tables, part.Table)
		}
	}
	for i, bt := range tables {
		dt := body.Tables[i+1]
		if captions[i+1] != bt.Caption {
			t.Errorf("caption %q, want %q", captions[i+1], bt.Caption)
		}
		checkTable(t, bt, dt)
	}
	// Every note, character for character, in its own paragraph: in 表1/表2
	// under the reason, and under its concern.
	var all []string
	for _, p := range body.Paras {
		all = append(all, p.Text)
	}
	for _, tb := range body.Tables {
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				for _, p := range c.Paras {
					all = append(all, p.Text)
				}
			}
		}
	}
	for _, note := range []string{longNote, punctNote, "短备注。"} {
		n := 0
		for _, s := range all {
			if s == "备注："+note {
				n++
			}
		}
		if n == 0 {
			t.Errorf("note %q is not a paragraph of its own", note)
		}
	}
}

// checkTable holds a Word table to the brief's: a repeating header row of
// the column titles, group headings spanning all columns, every row's
// cells as the brief wrote them, no row splitting across pages, the
// status cell on its status's light shade.
func checkTable(t *testing.T, bt *brief.Table, dt docTable) {
	t.Helper()
	if dt.Style != "BriefTable" {
		t.Errorf("%s: table style %q", bt.Caption, dt.Style)
	}
	var want [][]string
	var fills []string
	status := -1
	var head []string
	for i, c := range bt.Columns {
		head = append(head, c.Title)
		if c.Title == "状态" {
			status = i
		}
	}
	want = append(want, head)
	fills = append(fills, "")
	for _, g := range bt.Groups {
		if g.Title != "" {
			want = append(want, []string{g.Title})
			fills = append(fills, "")
		}
		for _, r := range g.Rows {
			want = append(want, r.Cells)
			rgb, _ := domain.ToneColour(r.Status.Code.Tone())
			fills = append(fills, fmt.Sprintf("%02X%02X%02X", 255-(255-int(rgb.R))*30/100, 255-(255-int(rgb.G))*30/100, 255-(255-int(rgb.B))*30/100))
		}
		if g.Note != "" {
			want = append(want, []string{g.Note})
			fills = append(fills, "")
		}
	}
	if len(dt.Rows) != len(want) {
		t.Fatalf("%s: %d rows, want %d", bt.Caption, len(dt.Rows), len(want))
	}
	for i, r := range dt.Rows {
		if !r.CantSplit || r.Header != (i == 0) {
			t.Errorf("%s row %d: cantSplit %v header %v", bt.Caption, i, r.CantSplit, r.Header)
		}
		var got []string
		for _, c := range r.Cells {
			got = append(got, c.Text())
		}
		if strings.Join(got, "¦") != strings.Join(want[i], "¦") {
			t.Errorf("%s row %d:\n got %q\nwant %q", bt.Caption, i, got, want[i])
		}
		if len(r.Cells) == 1 && r.Cells[0].Span != len(bt.Columns) {
			t.Errorf("%s row %d spans %d columns", bt.Caption, i, r.Cells[0].Span)
		}
		if fills[i] != "" && r.Cells[status].Fill != fills[i] {
			t.Errorf("%s row %d: status shade %q, want %q", bt.Caption, i, r.Cells[status].Fill, fills[i])
		}
		if fills[i] != "" && luminance(t, r.Cells[status].Fill) < 0.7 {
			t.Errorf("%s row %d: shade %s too dark to print black text on in grey", bt.Caption, i, r.Cells[status].Fill)
		}
	}
}

// luminance is the grey a shade prints as, 0 black to 1 white.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		t.Fatalf("shade %q: %v", hex, err)
	}
	r, g, b := float64(v>>16&0xFF), float64(v>>8&0xFF), float64(v&0xFF)
	return (0.299*r + 0.587*g + 0.114*b) / 255
}

// style is a style of styles.xml as far as the layout asks: its East
// Asian font, size, first-line indent.
type style struct {
	EastAsia, ASCII, Size, FirstLineChars, Jc string
}

func readStyles(t *testing.T, data []byte) map[string]style {
	t.Helper()
	out := map[string]style{}
	d := xml.NewDecoder(bytes.NewReader(data))
	id := ""
	var cur style
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "style":
				id, cur = attr(e, "styleId"), style{}
			case "rFonts":
				cur.EastAsia, cur.ASCII = attr(e, "eastAsia"), attr(e, "ascii")
			case "sz":
				cur.Size = attr(e, "val")
			case "ind":
				cur.FirstLineChars = attr(e, "firstLineChars")
			case "jc":
				cur.Jc = attr(e, "val")
			}
		case xml.EndElement:
			if e.Name.Local == "style" {
				out[id] = cur
			}
		}
	}
	return out
}

// The 公文 layout: fonts and sizes of title, headings, body, tables; A4
// and the margins of GB/T 9704; the page number “— 1 —”; the fonts named
// as Chinese Windows installs them.
func TestWordBriefIsInOfficialDocumentLayout(t *testing.T) {
	st := seed(t)
	_, data := build(t, st, opts(9))
	parts := unzip(t, data)
	styles := readStyles(t, parts["word/styles.xml"])
	for _, c := range []struct {
		id   string
		want style
	}{
		{"Normal", style{"仿宋", "仿宋", "32", "200", "both"}},
		{"Title", style{"黑体", "黑体", "44", "0", "center"}},
		{"Heading1", style{"黑体", "黑体", "32", "200", ""}},
		{"Heading2", style{"楷体", "楷体", "32", "200", ""}},
		{"TableText", style{"宋体", "宋体", "24", "0", "left"}},
		{"TableHead", style{"黑体", "黑体", "24", "0", "center"}},
		{"Footer", style{"宋体", "宋体", "28", "0", "center"}},
	} {
		if got := styles[c.id]; got != c.want {
			t.Errorf("style %s: %+v, want %+v", c.id, got, c.want)
		}
	}
	fonts := string(parts["word/fontTable.xml"])
	for _, f := range []string{`w:name="仿宋"><w:altName w:val="FangSong"/>`, `w:name="黑体"><w:altName w:val="SimHei"/>`,
		`w:name="楷体"><w:altName w:val="KaiTi"/>`, `w:name="宋体"><w:altName w:val="SimSun"/>`} {
		if !strings.Contains(fonts, f) {
			t.Errorf("fontTable.xml lacks %s", f)
		}
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`,
		// 37, 26, 35, 28 mm in twips.
		`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`,
		`<w:footerReference w:type="default" r:id="rId4"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	foot := readBody(t, parts["word/footer1.xml"])
	if len(foot.Paras) != 2 || foot.Paras[0].Text != "— 1 —" || !strings.Contains(string(parts["word/footer1.xml"]), "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>") {
		t.Errorf("footer %+v: want — PAGE — with a PAGE field", foot.Paras)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/custom.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
}

// The same data, date and options give the same bytes; another date,
// other bytes.
func TestWordBriefIsDeterministic(t *testing.T) {
	st := seed(t)
	_, a := build(t, st, opts(9))
	_, b := build(t, st, opts(9))
	if !bytes.Equal(a, b) {
		t.Error("the same brief gave different bytes")
	}
	o := opts(9)
	o.Date = o.Date.AddDate(0, 0, 1)
	if _, c := build(t, st, o); bytes.Equal(a, c) {
		t.Error("another date gave the same bytes")
	}
}

// The brief's options apply as for the PDF: the parts chosen, no
// marking, no notes.
func TestWordBriefOptions(t *testing.T) {
	st := seed(t)
	o := opts(9)
	o.Parts = []string{brief.PartConcerns, brief.PartIndicators}
	o.Notes = false
	o.Marking = ""
	b, data := build(t, st, o)
	body := readBody(t, unzip(t, data)["word/document.xml"])
	if got := parasOf(body, "Heading1"); strings.Join(got, "|") != "一、主要指标完成情况|二、需关注事项" {
		t.Errorf("headings %q", got)
	}
	if got := parasOf(body, "Marking"); len(got) != 0 {
		t.Errorf("marking %q without a marking", got)
	}
	if len(body.Tables) != 1 {
		t.Errorf("%d tables, want 表1 only", len(body.Tables))
	}
	if got, want := len(body.Paras), expectedParas(b); got != want {
		t.Errorf("%d paragraphs, want %d", got, want)
	}
	if strings.Contains(string(unzip(t, data)["word/document.xml"]), "备注：") {
		t.Error("notes written though left out")
	}
	// The concerns are （一）… headings in 楷体 with the status on its shade.
	h2 := parasOf(body, "Heading2")
	if len(h2) == 0 || !strings.HasPrefix(h2[0], "（一）") {
		t.Errorf("concern headings %q", h2)
	}
	shaded := 0
	for _, p := range body.Paras {
		shaded += len(p.Fills)
	}
	if shaded != len(h2) {
		t.Errorf("%d shaded status labels for %d concerns", shaded, len(h2))
	}
}

// LibreOffice Writer opens the file and converts it to PDF; the PDF's
// text, read in content order (-raw), holds the count line, every row of
// 表1 and the page number. Needs soffice and
// pdftotext (apt-get install libreoffice-writer poppler-utils).
func TestWordBriefConvertsWithLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	st := seed(t)
	b, data := build(t, st, opts(9))
	dir := t.TempDir()
	in := filepath.Join(dir, "简报.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	if out, err := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, in).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", filepath.Join(dir, "简报.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	text := flat(string(out))
	if !strings.Contains(text, flat(b.Parts[0].Lines[0])) {
		t.Errorf("the PDF lacks the count line %q", b.Parts[0].Lines[0])
	}
	for _, g := range b.Parts[1].Table.Groups {
		for _, r := range g.Rows {
			if !strings.Contains(text, flat(r.Cells[0])) {
				t.Errorf("the PDF lacks 表1 row %q", r.Cells[0])
			}
		}
	}
	if !strings.Contains(text, "—1—") {
		t.Error("the PDF has no page number — 1 —")
	}
}

// The Word brief carries its data fingerprint in the footer and its stamp
// in docProps/custom.xml; ReadStamp gives back the stamp the brief was
// built with. Another document, or a stamp altered, is named as such.
func TestWordBriefCarriesItsFingerprint(t *testing.T) {
	st := seed(t)
	b, data := build(t, st, opts(9))
	parts := unzip(t, data)
	foot := readBody(t, parts["word/footer1.xml"])
	if want := "数据指纹 " + b.Stamp.Code; len(foot.Paras) != 2 || foot.Paras[1].Text != want {
		t.Errorf("footer %+v, want a line %q", foot.Paras, want)
	}
	got, err := docx.ReadStamp(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Encode() != b.Stamp.Encode() {
		t.Errorf("stamp read back %+v\nwant %+v", got, b.Stamp)
	}
	if !strings.Contains(string(parts["docProps/custom.xml"]), `name="数据指纹"><vt:lpwstr>`+b.Stamp.Code+`<`) {
		t.Error("custom.xml lacks the 数据指纹 property")
	}
	if _, err := docx.ReadStamp([]byte("PK not a zip")); !errors.Is(err, brief.ErrNoStamp) {
		t.Errorf("not a zip: %v", err)
	}
	var plain bytes.Buffer
	if err := docx.Write(brief.Brief{Title: "别的文件"}, &plain); err != nil {
		t.Fatal(err)
	}
	if _, err := docx.ReadStamp(plain.Bytes()); !errors.Is(err, brief.ErrNoStamp) {
		t.Errorf("a document without a stamp: %v", err)
	}
	damaged := b
	damaged.Stamp.Items = map[string]string{"A1-01": "00000000"}
	enc := damaged.Stamp.Encode()
	// Another item digest under the original check digest: it no longer fits.
	tampered := bytes.Replace(parts["docProps/custom.xml"], []byte(b.Stamp.Encode()), []byte(enc[:strings.LastIndex(enc, ".")]+b.Stamp.Encode()[strings.LastIndex(b.Stamp.Encode(), "."):]), 1)
	if bytes.Equal(tampered, parts["docProps/custom.xml"]) {
		t.Fatal("the test did not alter the stamp")
	}
	if _, err := docx.ReadStamp(rezip(t, parts, "docProps/custom.xml", tampered)); !errors.Is(err, brief.ErrDamagedStamp) {
		t.Errorf("an altered stamp: %v", err)
	}
}

// rezip writes the parts again with one replaced.
func rezip(t *testing.T, parts map[string][]byte, name string, body []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for n, b := range parts {
		if n == name {
			b = body
		}
		f, err := z.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(b)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkWordBrief writes the bundled plan's brief as .docx (built
// brief given; the build is the PDF's too).
func BenchmarkWordBrief(b *testing.B) {
	st := seed(b)
	br, data := build(b, st, opts(9))
	for b.Loop() {
		if err := docx.Write(br, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e3, "kB")
}
