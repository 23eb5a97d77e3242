// Package docx is infrastructure: it writes a computed brief as a minimal Word document
// (WordprocessingML). It exists to measure the route officials use today —
// a Word file converted to PDF by an office suite — against the PDF
// renderer, on the same brief; it is not a second brief format.
package docx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"cn.planreview/planreview/model/brief"
)

// Write writes b as a .docx to w.
func Write(b brief.Brief, w io.Writer) error {
	z := zip.NewWriter(w)
	files := map[string]string{
		"[Content_Types].xml": contentTypes,
		"_rels/.rels":         rels,
		"word/document.xml":   document(b),
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		f, err := z.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, files[name]); err != nil {
			return err
		}
	}
	return z.Close()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// para is a paragraph of one run; size in half-points.
func para(text string, bold bool, size int, center bool) string {
	var p strings.Builder
	p.WriteString("<w:p>")
	if center {
		p.WriteString(`<w:pPr><w:jc w:val="center"/></w:pPr>`)
	}
	for i, line := range strings.Split(text, "\n") {
		p.WriteString("<w:r><w:rPr>")
		if bold {
			p.WriteString("<w:b/>")
		}
		fmt.Fprintf(&p, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, size, size)
		if i > 0 {
			p.WriteString("<w:br/>")
		}
		fmt.Fprintf(&p, `<w:t xml:space="preserve">%s</w:t></w:r>`, esc(line))
	}
	p.WriteString("</w:p>")
	return p.String()
}

func document(b brief.Brief) string {
	var d strings.Builder
	d.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	if b.Marking != "" {
		d.WriteString(para(b.Marking, true, 22, false))
	}
	d.WriteString(para(b.Title, true, 38, true))
	d.WriteString(para(b.Subtitle, true, 44, true))
	d.WriteString(para(b.AsOf, false, 26, true))
	d.WriteString(para(fmt.Sprintf("编制单位：%s　审阅人：%s　日期：%s", b.Unit, b.Reviewer, b.Date), false, 21, true))
	for _, part := range b.Parts {
		d.WriteString(para(part.Heading, true, 28, false))
		for _, l := range part.Lines {
			d.WriteString(para("　　"+l, false, 22, false))
		}
		for _, bar := range part.Bars {
			var counts []string
			for _, c := range bar.Counts {
				counts = append(counts, fmt.Sprintf("%s %d", c.Label(), c.Count))
			}
			d.WriteString(para(bar.Title+"："+strings.Join(counts, "，"), false, 20, false))
		}
		for _, c := range part.Items {
			d.WriteString(para(c.ID+"　"+c.Name+"（目标："+c.Target+"）　"+c.Status.Label, true, 22, false))
			d.WriteString(para("　　"+c.Status.Reason, false, 21, false))
			for _, n := range c.Notes {
				d.WriteString(para("　　备注："+n, false, 21, false))
			}
		}
		if t := part.Table; t != nil {
			d.WriteString(para(t.Caption, true, 21, true))
			d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>`)
			for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
				fmt.Fprintf(&d, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="777777"/>`, side)
			}
			d.WriteString(`</w:tblBorders></w:tblPr>`)
			d.WriteString(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`)
			for _, c := range t.Columns {
				d.WriteString("<w:tc>" + para(c.Title, true, 19, true) + "</w:tc>")
			}
			d.WriteString("</w:tr>")
			for _, g := range t.Groups {
				if g.Title != "" {
					fmt.Fprintf(&d, `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>%s</w:tc></w:tr>`,
						len(t.Columns), para(g.Title, true, 19, false))
				}
				for _, row := range g.Rows {
					d.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
					for _, c := range row.Cells {
						d.WriteString("<w:tc>" + para(c, false, 19, false) + "</w:tc>")
					}
					d.WriteString("</w:tr>")
				}
			}
			d.WriteString("</w:tbl>")
		}
	}
	d.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1361" w:right="1134" w:bottom="1247" w:left="1247" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	return d.String()
}
