package plandraft

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxOf writes a .docx as Word does: body paragraphs, then one table
// whose 责任单位 cell is merged down over two rows (w:vMerge).
func docxOf(t *testing.T, paras []string, rows [][]string, mergedDown int) []byte {
	t.Helper()
	p := func(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>` }
	var body strings.Builder
	for _, s := range paras {
		body.WriteString(p(s))
	}
	body.WriteString(`<w:tbl><w:tblGrid>` + strings.Repeat(`<w:gridCol/>`, len(rows[0])) + `</w:tblGrid>`)
	for i, r := range rows {
		body.WriteString(`<w:tr>`)
		for j, c := range r {
			props := ""
			if j == mergedDown && i == 1 {
				props = `<w:vMerge w:val="restart"/>`
			} else if j == mergedDown && i == 2 {
				props, c = `<w:vMerge/>`, ""
			}
			body.WriteString(`<w:tc><w:tcPr>` + props + `</w:tcPr>` + p(c) + `</w:tc>`)
		}
		body.WriteString(`</w:tr>`)
	}
	body.WriteString(`</w:tbl>`)
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="` + wordNS + `"><w:body>` +
		body.String() + `</w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDocxTaskTable: a Word file with a preamble and a 重点工作 table,
// read by docread and drafted: the merged 责任单位 reaches both rows, each
// quote is the document's text.
func TestDocxTaskTable(t *testing.T) {
	data := docxOf(t, []string{
		"某县2024年政府工作报告重点工作责任分解",
		"全县去年地区生产总值增长6.8%。",
	}, [][]string{
		{"序号", "主要工作任务", "责任单位"},
		{"1", "地区生产总值增长6.5%左右。", "县发改局、县统计局"},
		{"2", "新增城镇就业8000人,城镇调查失业率控制在5%以内。", ""},
		{"3", "争创省级文明城市。", "县委宣传部"},
	}, 2)
	doc, err := docread.Read("分解.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	dr, err := FromDocument(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, dr)
	checkRows(t, dr.Items, []row{
		{name: "地区生产总值", target: "增长率 ≈ 6.5%", owners: "县发改局、县统计局"},
		{name: "新增城镇就业", target: "≥ 8000人", owners: "县发改局、县统计局"},
		{name: "城镇调查失业率", target: "≤ 5%", owners: "县发改局、县统计局"},
		{name: "省级文明城市", owners: "县委宣传部"},
	})
	if len(dr.Items) != 4 || dr.Year != 2024 || dr.Genre != plantable.GenreTaskTable {
		t.Errorf("%d items, year %d, genre %q", len(dr.Items), dr.Year, dr.Genre)
	}
	if it, _ := find(dr.Items, "省级文明城市"); it.Kind != domain.KindMilestone {
		t.Errorf("争创省级文明城市 drafted as %s", it.Kind)
	}
}
