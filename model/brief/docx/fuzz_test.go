package docx_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/domain"
)

// xmlSafe is text as XML can hold it: what encoding/xml escapes to U+FFFD
// (invalid UTF-8, control characters) comes back as U+FFFD.
func xmlSafe(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		ok := r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
		if (r == utf8.RuneError && n == 1) || !ok {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzWordText: whatever a note, an item's name or the marking holds, the
// document stays well-formed XML and each line comes back as written.
func FuzzWordText(f *testing.F) {
	f.Add("受留抵退税政策影响，收入增速低于预期。", "地区生产总值", "内部资料")
	f.Add("<w:t>&amp;</w:t>]]>\"'", "A&B<C>", "")
	f.Add("第一行\n第二行\r\n第三行", "名称\t制表", "密\x00级")
	f.Add("\xff\xfe无效", "𠀀𪚥", "\u2028")
	f.Fuzz(func(t *testing.T, note, name, marking string) {
		b := brief.Brief{Title: name, Subtitle: "执行情况简报", AsOf: "截至2023年9月（前三季度）", Date: "2023年10月25日", Marking: marking,
			Parts: []brief.Part{{Key: brief.PartConcerns, Heading: "一、需关注事项", Lines: []string{note},
				Items: []brief.Concern{{ID: "A1-01", Ref: "表1第1项", Name: name, Target: "增长6%", Notes: []string{note},
					Status: domain.Status{Code: domain.Missed, Label: "低于预期", Reason: note}}}},
				{Key: brief.PartIndicators, Heading: "二、主要指标完成情况", Table: &brief.Table{Caption: "表1",
					Columns: []brief.Column{{Title: "指标名称", Width: 1}, {Title: "状态", Width: 1}, {Title: "备注", Width: 1}},
					Groups:  []brief.Group{{Title: name, Note: note, Rows: []brief.Row{{ID: "A1-01", Cells: []string{name, "低于预期", note}}}}}}}}}
		var buf bytes.Buffer
		if err := docx.Write(b, &buf); err != nil {
			t.Fatal(err)
		}
		parts := unzip(t, buf.Bytes())
		body := readBody(t, parts["word/document.xml"])
		readBody(t, parts["docProps/core.xml"]) // well-formed
		var texts []string
		for _, p := range body.Paras {
			texts = append(texts, p.Text)
		}
		got := strings.Join(texts, "\n")
		for _, want := range []string{xmlSafe("备注：" + note), xmlSafe(note)} {
			if !strings.Contains(got, want) {
				t.Errorf("%q does not come back; paragraphs:\n%s", want, got)
			}
		}
		cell := body.Tables[0].Rows[2].Cells[2].Text()
		if cell != xmlSafe(note) {
			t.Errorf("cell %q, want %q", cell, xmlSafe(note))
		}
	})
}
