package docread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"cn.planreview/planreview/model/tablehead"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestReadTextEncodings(t *testing.T) {
	notice := sample(t, "jiaxing-2023-plan-notice.txt")
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(notice)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file string
		data       []byte
		enc        string
	}{
		{"UTF-8", "通知.txt", []byte(notice), EncUTF8},
		{"UTF-8 with BOM", "通知.TXT", append([]byte{0xEF, 0xBB, 0xBF}, notice...), EncUTF8},
		{"GB18030 made with iconv", "通知.txt", []byte(sample(t, "notice-gb18030.txt")), EncGB18030},
		{"UTF-16 as Notepad saves “Unicode”", "通知.txt", []byte(utf16), EncUTF16},
		{"CRLF line endings", "通知.txt", []byte(strings.ReplaceAll(notice, "\n", "\r\n")), EncUTF8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("/some/dir/"+c.file, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != c.enc || d.Format != FormatText || d.Name != c.file {
				t.Errorf("read as %s %s %q, want %s", d.Format, d.Encoding, d.Name, c.enc)
			}
			if d.Text != notice {
				t.Errorf("text differs from the notice (%d bytes, want %d)", len(d.Text), len(notice))
			}
			checkOffsets(t, d)
			if ts := tables(d); len(ts) != 2 || len(ts[0].Rows) != 29 {
				t.Errorf("tables not found as in the UTF-8 notice")
			}
		})
	}
	// Traditional characters written in GBK are GB18030 all the same.
	d, err := Read("a.txt", []byte(sample(t, "traditional-gb18030.txt")))
	if err != nil || !strings.Contains(d.Text, "中華民國") {
		t.Errorf("traditional Chinese in GB18030: %v %q", err, d.Text)
	}
}

func TestReadRefuses(t *testing.T) {
	big := make([]byte, MaxFileSize+1)
	for i := range big {
		big[i] = 'a'
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	cases := []struct {
		name, file string
		data       []byte
		want       error
		words      []string // the message says these
	}{
		{"empty", "通知.txt", nil, ErrEmpty, []string{"通知.txt", "空"}},
		{"only spaces", "通知.txt", []byte(" \r\n\t\n"), ErrEmpty, []string{"空"}},
		{"a picture renamed .txt", "通知.txt", png, ErrBinary, []string{"不是文本文件"}},
		{"control bytes", "通知.txt", bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 100), ErrBinary, []string{"二进制"}},
		{"Big5 (made with iconv)", "報告.txt", []byte(sample(t, "taiwan-big5.txt")), ErrBig5, []string{"Big5", "UTF-8"}},
		{"Big5 of a simplified text", "报告.txt", []byte(sample(t, "tongxiang-big5.txt")), ErrBig5, []string{"Big5"}},
		{"Shift-JIS (made with iconv)", "計画.txt", []byte(sample(t, "japanese-shiftjis.txt")), ErrShiftJIS, []string{"Shift-JIS"}},
		{"over 20 MB", "大.txt", big, ErrTooLarge, []string{"20 MB", "20.0 MB"}},
		{"a .docx that is not a zip", "通知.docx", []byte("这不是Word文件"), ErrNotDocx, []string{".docx", "另存为"}},
		{"a zip without document.xml", "通知.docx", zipOf(t, map[string]string{"a.txt": "x"}), ErrNotDocx, []string{"document.xml"}},
		{"a .docx with broken XML", "通知.docx", zipOf(t, map[string]string{"word/document.xml": "<w:document xmlns:w=\"" + wNS + "\"><w:body><w:p>"}), ErrNotDocx, nil},
		{"a page nested past the HTML parser's 512 open elements", "页面.html", []byte("<html><body>" + strings.Repeat("<div>", 600) + "字</body></html>"), ErrBadHTML, []string{"粘贴原文起草"}},
		{"unknown type", "照片.jpg", []byte("x"), ErrUnknownType, []string{".txt", ".docx", "粘贴原文起草"}},
	}
	for _, ext := range []string{".doc", ".wps", ".pdf", ".ofd", ".et", ".xls"} {
		cases = append(cases, struct {
			name, file string
			data       []byte
			want       error
			words      []string
		}{"format " + ext, "计划" + ext, []byte("%PDF-1.4 whatever"), ErrUnsupported, []string{"另存为", ".docx", "粘贴原文起草"}})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read(c.file, c.data)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != c.file {
				t.Errorf("not an *Error naming %s: %#v", c.file, err)
			}
			for _, w := range c.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q does not say %q", err, w)
				}
			}
			if d.Text != "" || d.Blocks != nil {
				t.Error("a refused file gave a document")
			}
		})
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// chromeWords are words of the portal's chrome in portal-page.html; none
// may reach a document read from a web page.
var chromeWords = []string{"首页", "政务公开", "当前位置", "索引号", "002559617", "发布机构", "发文日期",
	"公开方式", "浏览次数", "1024", "字号", "打印", "关闭", "分享到", "微博", "ICP", "统计代码", "互动交流", "text-indent", "_桐乡市人民政府"}

func TestReadHTML(t *testing.T) {
	page := sample(t, "portal-page.html")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(page, `charset="utf-8"`, `charset="gb2312"`, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data string
		enc  string
	}{{"UTF-8", page, EncUTF8}, {"GB2312 page", gbk, EncGB18030}} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("report.htm", []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != FormatHTML || d.Encoding != c.enc {
				t.Errorf("format %s encoding %s", d.Format, d.Encoding)
			}
			checkOffsets(t, d)
			for _, w := range chromeWords {
				if strings.Contains(d.Text, w) {
					t.Errorf("chrome %q reached the text", w)
				}
			}
			var paras []string
			for _, b := range d.Blocks {
				if b.Table == nil {
					paras = append(paras, d.Slice(b.Start, b.End))
				}
			}
			want := []string{"关于桐乡市2024年国民经济和社会发展计划执行情况的报告", "各位代表：",
				"受市人民政府委托，现将桐乡2024年国民经济和社会发展计划执行情况报告如下。",
				"确定的27项主要指标中，19项完成全年目标，8项不及预期，详见表1。",
				"表1　2024年主要指标完成情况", "二、2025年国民经济和社会发展计划草案",
				"2025年全市经济社会发展主要预期目标是：地区生产总值增长6%左右。"}
			if strings.Join(paras, "\n") != strings.Join(want, "\n") {
				t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(paras, "\n"), strings.Join(want, "\n"))
			}
			ts := tables(d)
			if len(ts) != 1 {
				t.Fatalf("%d tables", len(ts))
			}
			checkReportTable(t, ts[0], "表1　2024年主要指标完成情况")
		})
	}
}

// checkReportTable checks the report's 表1 as read from a real table:
// rowspan, colspan, the two-row header, a category row, a cell of two
// lines.
func checkReportTable(t *testing.T, tb *Table, caption string) {
	t.Helper()
	if tb.Name != caption {
		t.Errorf("caption %q", tb.Name)
	}
	if tb.HeaderRows != 2 || !equalCols(tb.Columns, []tablehead.Column{tablehead.ColName, tablehead.ColTarget, tablehead.ColActual, tablehead.ColActual, tablehead.ColNote}) {
		t.Errorf("header rows %d, columns %v", tb.HeaderRows, tb.Columns)
	}
	want := [][]string{
		{"指标名称", "预期目标", "全年实绩", "全年实绩", "备注"},
		{"指标名称", "预期目标", "绝对值", "增速", "备注"},
		{"一、综合发展"},
		{"1.地区生产总值", "增长6.5%左右", "1347.1亿元", "4.8%", ""},
		{"2.一般公共预算收入", "增长5%", "102.1亿元", "-4.6%", "受政策性减收影响"},
		{"3.税收收入", "增长5%", "90.3亿元", "-5.1%", "受政策性减收影响"},
	}
	if len(tb.Rows) != len(want) {
		t.Fatalf("%d rows: %v", len(tb.Rows), tb.Rows)
	}
	for i, w := range want {
		if strings.Join(tb.Rows[i].Cells, "|") != strings.Join(w, "|") {
			t.Errorf("row %d = %q, want %q", i, tb.Rows[i].Cells, w)
		}
	}
	if m := tb.Rows[5].Merged; m == nil || !m[4] || m[0] {
		t.Errorf("the rowspan's copy is not marked merged: %v", m)
	}
}

// docxFile is a .docx as Word writes one, with the report's paragraphs
// and 表1: gridSpan for 全年实绩 and the category row, vMerge for the
// header's tall cells and the shared 备注.
func docxFile(t testing.TB, extraParas int) []byte {
	p := func(s string) string {
		return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>`
	}
	tc := func(s, props string) string {
		return `<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>` + props + `</w:tcPr>` + p(s) + `</w:tc>`
	}
	span := func(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }
	const restart, cont = `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	tr := func(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }
	var body strings.Builder
	body.WriteString(p("关于桐乡市2024年国民经济和社会发展计划执行情况的报告"))
	body.WriteString(`<w:p><w:r><w:t>确定的27项主要指标中，</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>19项</w:t></w:r><w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del><w:r><w:t>完成全年目标。</w:t></w:r></w:p>`)
	// A text box inside a paragraph: its words join the paragraph, and the
	// paragraph's own words after it are not lost.
	body.WriteString(`<w:p><w:r><w:t>（一）</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>主要指标完成情况</w:t></w:r></w:p>`)
	body.WriteString(p("表1　2024年主要指标完成情况"))
	body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`)
	body.WriteString(tr(tc("指标名称", restart), tc("预期目标", restart), tc("全年实绩", span(2)), tc("备注", restart)))
	body.WriteString(tr(tc("", cont), tc("", cont), tc("绝对值", ""), tc("增速", ""), tc("", cont)))
	body.WriteString(tr(tc("一、综合发展", span(5))))
	body.WriteString(tr(tc("1.地区生产总值", ""), tc("增长6.5%左右", ""), tc("1347.1亿元", ""), tc("4.8%", ""), tc("", "")))
	body.WriteString(tr(tc("2.一般公共预算收入", ""), tc("增长5%", ""), tc("102.1亿元", ""), tc("-4.6%", ""), tc("受政策性减收影响", restart)))
	body.WriteString(`<w:tr>` + tc("3.税收收入", "") + tc("增长5%", "") +
		`<w:tc><w:tcPr/><w:p><w:r><w:t>90.3</w:t></w:r></w:p><w:p><w:r><w:t>亿元</w:t></w:r></w:p></w:tc>` +
		tc("-5.1%", "") + tc("", cont) + `</w:tr>`)
	body.WriteString(`</w:tbl>`)
	words := []rune(sample(t, "jiaxing-2023-plan-notice.txt"))
	seed := uint32(1)
	for i := range extraParas {
		// Paragraphs of the notice's characters in a pseudo-random order:
		// they compress as Chinese prose does, not as one line repeated.
		para := make([]rune, 60)
		for k := range para {
			seed = seed*1664525 + 1013904223
			para[k] = words[int(seed>>8)%len(words)]
			if para[k] == '\n' || para[k] == '\t' || para[k] == '<' || para[k] == '&' {
				para[k] = '，'
			}
		}
		body.WriteString(p(fmt.Sprintf("（%d）%s。", i, string(para))))
	}
	body.WriteString(p("二、2025年国民经济和社会发展计划草案"))
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="` + wNS + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc,
	})
}

func TestReadDocx(t *testing.T) {
	d, err := Read("报告.docx", docxFile(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, d)
	if d.Format != FormatDocx {
		t.Errorf("format %s", d.Format)
	}
	if strings.Contains(d.Text, "删去的字") {
		t.Error("deleted text was read")
	}
	if !strings.Contains(d.Text, "确定的27项主要指标中，19项完成全年目标。\n") {
		t.Errorf("runs not joined into their paragraph: %q", d.Text)
	}
	if !strings.Contains(d.Text, "\n（一）框内主要指标完成情况\n") {
		t.Errorf("a paragraph with a text box: %q", d.Text)
	}
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	checkReportTable(t, ts[0], "表1　2024年主要指标完成情况")
	last := d.Blocks[len(d.Blocks)-1]
	if last.Table != nil || d.Slice(last.Start, last.End) != "二、2025年国民经济和社会发展计划草案" {
		t.Errorf("last block %q", d.Slice(last.Start, last.End))
	}
}

func TestReadSheets(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"2024年主要指标"},
		{"序号", "指标名称", "预期目标", "责任单位"},
		{1, "地区生产总值", "增长6%左右", "市发展改革委"},
		{2, "一般公共预算收入", "增长5%", "市财政局"},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetSheetName("Sheet1", "主要指标"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("说明"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("说明", "A1", "本表由市发改委汇总"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	gbkCSV, _ := simplifiedchinese.GBK.NewEncoder().String("序号,指标名称,预期目标,责任单位\r\n1,地区生产总值,增长6%左右,市发展改革委\r\n2,一般公共预算收入,增长5%,市财政局\r\n")
	for _, c := range []struct {
		file   string
		data   []byte
		tables int
		name   string
	}{{"计划.xlsx", buf.Bytes(), 2, "主要指标"}, {"计划.csv", []byte(gbkCSV), 1, ""}} {
		t.Run(c.file, func(t *testing.T) {
			d, err := Read(c.file, c.data)
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, d)
			ts := tables(d)
			if len(ts) != c.tables {
				t.Fatalf("%d tables, want one per sheet (%d)", len(ts), c.tables)
			}
			tb := ts[0]
			if c.name != "" && tb.Name != c.name {
				t.Errorf("table named %q, want the sheet's name", tb.Name)
			}
			if tb.HeaderRows != 1 || !equalCols(tb.Columns, []tablehead.Column{tablehead.ColSeq, tablehead.ColName, tablehead.ColTarget, tablehead.ColOwner}) {
				t.Errorf("header %d %v", tb.HeaderRows, tb.Columns)
			}
			if got := strings.Join(tb.Rows[2].Cells, "|"); got != "2|一般公共预算收入|增长5%|市财政局" {
				t.Errorf("row 2 = %s", got)
			}
		})
	}
	if _, err := Read("坏.xlsx", []byte("PK\x03\x04 not really")); !errors.Is(err, ErrSheet) || !strings.Contains(err.Error(), "坏.xlsx") {
		t.Errorf("a broken workbook: %v", err)
	}
}

// endless is a reader that never ends: ReadFrom must stop at the limit.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += len(p)
	return len(p), nil
}

func TestReadFromStopsAtTheLimit(t *testing.T) {
	r := &endless{}
	_, err := ReadFrom("大.txt", r)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "20 MB") {
		t.Fatalf("err = %v", err)
	}
	if r.n > MaxFileSize+64<<10 {
		t.Errorf("read %d bytes, the limit is %d", r.n, MaxFileSize)
	}
	d, err := ReadFrom("通知.txt", strings.NewReader(sample(t, "jiaxing-2024-work-report-task-table.txt")))
	if err != nil || len(tables(d)) != 1 {
		t.Errorf("a small file: %v", err)
	}
	if _, err := Read("页面.mht", []byte("MIME-Version: 1.0")); !errors.Is(err, ErrUnsupported) {
		t.Errorf(".mht: %v", err)
	}
}

// TestRefusalsNameTheFileOnce: a refusal reads 文件“通知.txt”是空的, not
// 文件“通知.txt”文件是空的, and a file too large is named by its real
// size, not by the 20 MB that was read of it.
func TestRefusalsNameTheFileOnce(t *testing.T) {
	_, empty := Read("通知.txt", nil)
	for _, c := range []struct {
		err  error
		want string
	}{
		{empty, "文件“通知.txt”是空的"},
		{TooLarge("/tmp/录像.txt", 50<<20), "文件“录像.txt”超过20 MB，不像是一份计划文件，未读取（50.0 MB）"},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("message %v, want %q", c.err, c.want)
		}
		if !errors.Is(TooLarge("x.txt", 1), ErrTooLarge) {
			t.Error("TooLarge is not ErrTooLarge")
		}
	}
	if _, err := ReadFrom("大.txt", &endless{}); err == nil || strings.Contains(err.Error(), "20.0 MB") {
		t.Errorf("a file not read to its end is given a size: %v", err)
	}
}
