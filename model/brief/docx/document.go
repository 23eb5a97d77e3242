package docx

import (
	"fmt"
	"strings"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/domain"
)

// Page geometry in twips (1/1440 inch): A4 and the margins of GB/T 9704
// — top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const (
	pageW, pageH = 11906, 16838
	marginTop    = 2098
	marginBottom = 1984
	marginLeft   = 1587
	marginRight  = 1474
	footerDist   = 1247 // the page number about 7 mm below the text block
	contentW     = pageW - marginLeft - marginRight
)

// headerFill shades table header rows: a light grey that prints.
const headerFill = "E7E6E6"

// writer builds word/document.xml.
type writer struct {
	strings.Builder
}

func document(b brief.Brief) string {
	var d writer
	d.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	d.titleBlock(b)
	for _, part := range b.Parts {
		d.part(part)
	}
	fmt.Fprintf(&d, `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="%d" w:h="%d"/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/></w:sectPr>`,
		pageW, pageH, marginTop, marginRight, marginBottom, marginLeft, footerDist)
	d.WriteString(`</w:body></w:document>`)
	return d.String()
}

// run is one run of text; a run's text never holds a line break (each
// line of the brief is a paragraph of its own, as a clerk would type it).
func run(text string) string {
	return `<w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// shadedRun is a status label as text on its status's light shade.
func shadedRun(text, fill string) string {
	return `<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/></w:rPr><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// para writes a paragraph of a style from runs; extra is more paragraph
// properties (an alignment overriding the style's).
func (d *writer) para(style, extra string, runs ...string) {
	d.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>` + extra + `</w:pPr>`)
	for _, r := range runs {
		d.WriteString(r)
	}
	d.WriteString(`</w:p>`)
}

// text writes s as paragraphs of a style, one per line.
func (d *writer) text(style, extra, s string) {
	for _, line := range strings.Split(s, "\n") {
		d.para(style, extra, run(line))
	}
}

func (d *writer) titleBlock(b brief.Brief) {
	if b.Marking != "" {
		d.para(styleMarking, "", run(b.Marking))
	}
	d.para(styleTitle, "", run(b.Title))
	d.para(styleTitle, "", run(b.Subtitle))
	d.para(styleSubtitle, "", run(b.AsOf))
	var meta []string
	if b.Unit != "" {
		meta = append(meta, "编制单位："+b.Unit)
	}
	if b.Reviewer != "" {
		meta = append(meta, "审阅人："+b.Reviewer)
	}
	// The date on a line of its own, as a 公文 dates itself: beside the
	// unit and reviewer it would break across lines at 三号.
	if len(meta) > 0 {
		d.para(styleMeta, "", run(strings.Join(meta, "　　")))
	}
	d.para(styleMeta, `<w:spacing w:after="320"/>`, run(b.Date))
}

// part writes a part as the PDF orders it: heading, the sentences (after
// the table for 表1, whose line is a note on it), the status counts, the
// items of concern, the table.
func (d *writer) part(part brief.Part) {
	d.para(styleH1, "", run(part.Heading))
	noteAfter := part.Table != nil && part.Key != brief.PartSummary && part.Key != brief.PartParcels && part.Key != brief.PartUnits
	if !noteAfter {
		// Sentences that lead straight into the table (the appendix,
		// 房屋征收) keep with it, so that Word never leaves the heading
		// and its sentence at the foot of a page and the table on the next.
		keep := ""
		if part.Table != nil && len(part.Bars) == 0 && len(part.Items) == 0 {
			keep = `<w:keepNext/>`
		}
		for _, l := range part.Lines {
			d.text(styleNormal, keep, l)
		}
	}
	if len(part.Bars) > 0 {
		d.counts(part.Bars)
	}
	for i, c := range part.Items {
		d.concern(i+1, c)
	}
	if part.Table != nil {
		d.table(part.Table)
		if noteAfter {
			for _, l := range part.Lines {
				d.text(styleNote, "", l)
			}
		}
	}
}

// concern is one item of 需关注事项: a （一） heading naming it, where it
// stands and its target, then its status on its shade with the reason,
// then the notes.
func (d *writer) concern(n int, c brief.Concern) {
	d.para(styleH2, "", run("（"+chineseNumber(n)+"）"+c.Name+"（"+c.Ref+"，目标："+c.Target+"）"))
	d.para(styleNormal, "", run("状态："), shadedRun(c.Status.Label, statusFill(c.Status.Code.Tone())), run("。"+c.Status.Reason))
	for _, note := range c.Notes {
		d.text(styleNormal, "", "备注："+note)
	}
}

// counts is the summary's status split as a small table: one row a
// group of items, one column a status group, its header on the group's
// shade (the legend), and the total.
func (d *writer) counts(bars []brief.Bar) {
	early := false
	for _, b := range bars {
		for _, c := range b.Counts {
			early = early || c.Group() == domain.EarlyGroup
		}
	}
	var groups []int
	for i := range domain.StatusGroups {
		if i != domain.EarlyGroup || early {
			groups = append(groups, i)
		}
	}
	widths := make([]float64, 0, len(groups)+2)
	widths = append(widths, 1.6)
	for range groups {
		widths = append(widths, 1.8)
	}
	widths = append(widths, 1.0)
	grid := gridOf(widths)
	d.para(styleCaption, "", run("事项状态统计（项）"))
	d.tableStart(grid)
	d.rowStart(true)
	d.cell(grid[0], 1, headerFill, styleHead, "", "类别")
	for k, i := range groups {
		d.cell(grid[k+1], 1, statusFill(domain.StatusGroups[i].Tone), styleHead, "", domain.StatusGroups[i].Label)
	}
	d.cell(grid[len(grid)-1], 1, headerFill, styleHead, "", "合计")
	d.WriteString(`</w:tr>`)
	for _, bar := range bars {
		counts := make([]int, len(domain.StatusGroups))
		total := 0
		for _, c := range bar.Counts {
			counts[c.Group()] += c.Count
			total += c.Count
		}
		d.rowStart(false)
		d.cell(grid[0], 1, "", styleCell, center, bar.Title)
		for k, i := range groups {
			d.cell(grid[k+1], 1, "", styleCell, center, fmt.Sprint(counts[i]))
		}
		d.cell(grid[len(grid)-1], 1, "", styleCell, center, fmt.Sprint(total))
		d.WriteString(`</w:tr>`)
	}
	d.WriteString(`</w:tbl>`)
}

const center = `<w:jc w:val="center"/>`

// table writes a brief table: its caption, a header row repeated on every
// page, group headings spanning the table, rows that never split across
// a page, the status cell on its shade.
func (d *writer) table(t *brief.Table) {
	d.para(styleCaption, "", run(t.Caption))
	widths := make([]float64, len(t.Columns))
	status := -1
	for i, c := range t.Columns {
		widths[i] = c.Width
		if c.Title == "状态" {
			status = i
		}
	}
	grid := gridOf(widths)
	d.tableStart(grid)
	d.rowStart(true)
	for i, c := range t.Columns {
		d.cell(grid[i], 1, headerFill, styleHead, "", c.Title)
	}
	d.WriteString(`</w:tr>`)
	for _, g := range t.Groups {
		if g.Title != "" {
			d.rowStart(false)
			d.cell(contentW, len(grid), "", styleHead, `<w:jc w:val="left"/>`, g.Title)
			d.WriteString(`</w:tr>`)
		}
		for _, row := range g.Rows {
			d.rowStart(false)
			for i, c := range row.Cells {
				if i == status {
					d.cell(grid[i], 1, statusFill(row.Status.Code.Tone()), styleCell, center, c)
					continue
				}
				d.cell(grid[i], 1, "", styleCell, "", c)
			}
			d.WriteString(`</w:tr>`)
		}
		if g.Note != "" {
			d.rowStart(false)
			d.cell(contentW, len(grid), "", styleCell, "", g.Note)
			d.WriteString(`</w:tr>`)
		}
	}
	d.WriteString(`</w:tbl>`)
}

// gridOf shares the text width among columns of relative widths; the last
// takes what rounding leaves, so the table is exactly the text width.
func gridOf(widths []float64) []int {
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	grid := make([]int, len(widths))
	left := contentW
	for i, w := range widths {
		if i == len(widths)-1 {
			grid[i] = left
			break
		}
		grid[i] = int(float64(contentW) * w / sum)
		left -= grid[i]
	}
	return grid
}

func (d *writer) tableStart(grid []int) {
	fmt.Fprintf(d, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`,
		styleTable, contentW)
	for _, w := range grid {
		fmt.Fprintf(d, `<w:gridCol w:w="%d"/>`, w)
	}
	d.WriteString(`</w:tblGrid>`)
}

// rowStart opens a row that does not split across pages; a header row
// repeats at the top of every page the table runs onto.
func (d *writer) rowStart(header bool) {
	if header {
		d.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		return
	}
	d.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
}

// cell writes a cell of a width spanning span grid columns, shaded when
// fill is given, its text as paragraphs of a style, one per line.
func (d *writer) cell(width, span int, fill, style, extra, text string) {
	fmt.Fprintf(d, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if span > 1 {
		fmt.Fprintf(d, `<w:gridSpan w:val="%d"/>`, span)
	}
	if fill != "" {
		d.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/>`)
	}
	d.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	d.text(style, extra, text)
	d.WriteString(`</w:tc>`)
}

// statusFill is a status tone's colour lightened to a quarter of its
// strength: black text on it reads on screen and in a grey-scale print,
// and the tones still differ in grey.
func statusFill(t domain.Tone) string {
	rgb, _ := domain.ToneColour(t)
	light := func(c uint8) int { return 255 - (255-int(c))*30/100 }
	return fmt.Sprintf("%02X%02X%02X", light(rgb.R), light(rgb.G), light(rgb.B))
}

// chineseNumber writes 1–99 as the numbers of （一）…（九十九）.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
