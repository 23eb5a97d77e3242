package docx

import (
	"fmt"
	"strings"
)

// A font as Chinese Windows and WPS install it: the name Word shows and
// writes (its Chinese family name) and its English name, given to Word as
// the alternative so a system that knows only one still finds it.
type font struct {
	Name, AltName string
	Panose        string
	Pitch         string // fixed or variable
}

// The fonts of the 公文 layout. The title should be 小标宋 (方正小标宋简体),
// but Word has no fallback chain: a name it cannot find becomes whatever
// the system substitutes. 黑体 is on every Chinese Windows and WPS, so the
// title is 黑体 — the fallback GB/T 9704 practice accepts — in its own
// style (公文标题), where a clerk with 小标宋 changes it once.
var (
	fangSong = font{"仿宋", "FangSong", "02010609060101010101", "fixed"}
	heiTi    = font{"黑体", "SimHei", "02010609060101010101", "fixed"}
	kaiTi    = font{"楷体", "KaiTi", "02010609060101010101", "fixed"}
	songTi   = font{"宋体", "SimSun", "02010600030101010101", "variable"}
)

// Type sizes of the Chinese scale, in half-points as Word counts them.
const (
	size2  = 44 // 二号 22 pt: the title
	size3  = 32 // 三号 16 pt: body and headings
	size4  = 28 // 四号 14 pt: table captions, page numbers
	sizeS4 = 24 // 小四 12 pt: tables
)

// Style IDs of the document; each is a named style in styles.xml so a
// clerk can restyle every heading at once.
const (
	styleNormal   = "Normal"       // 正文：仿宋 三号, indent 2 characters
	styleTitle    = "Title"        // 公文标题：黑体 二号, centred
	styleSubtitle = "Subtitle"     // 副标题：楷体 三号, centred (the period)
	styleMeta     = "BriefMeta"    // 编制信息：仿宋 三号, centred
	styleMarking  = "Marking"      // 密级标注：黑体 三号, top left
	styleH1       = "Heading1"     // 一级标题：黑体 三号 (一、)
	styleH2       = "Heading2"     // 二级标题：楷体 三号 (（一）)
	styleCaption  = "TableCaption" // 表题：黑体 四号, centred
	styleCell     = "TableText"    // 表格文字：宋体 小四
	styleHead     = "TableHead"    // 表头：黑体 小四, centred
	styleNote     = "TableNote"    // 表注：仿宋 小四
	styleFooter   = "Footer"       // 页码：宋体 四号
	styleTable    = "BriefTable"   // 表格：单线框
)

// rFonts names one font for every script, East Asian included, with the
// East Asian hint: Chinese text and the digits in it take the same face.
func rFonts(f font) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s" w:hint="eastAsia"/>`, f.Name)
}

func runProps(f font, size int) string {
	return fmt.Sprintf(`<w:rPr>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, rFonts(f), size, size)
}

// Indents: the body's two characters (200 hundredths of a character, with
// the twips of two 三号 characters for readers that ignore the chars), and
// none.
const (
	indentBody = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
	indentNone = `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	// 28 pt exact: the 22 lines a page of GB/T 9704 gives 三号 text.
	lineBody = `<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>`
	lineCell = `<w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="exact"/>`
)

func paraStyle(id, name string, pPr, rPr string) string {
	return fmt.Sprintf(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>%s</w:pPr>%s</w:style>`,
		id, name, pPr, rPr)
}

var styles = func() string {
	var s strings.Builder
	s.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	s.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(fangSong) +
		`<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	s.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>` +
		`<w:widowControl/>` + lineBody + indentBody + `<w:jc w:val="both"/></w:pPr>` + runProps(fangSong, size3) + `</w:style>`)
	s.WriteString(paraStyle(styleTitle, "公文标题", `<w:keepNext/><w:spacing w:before="0" w:after="0" w:line="700" w:lineRule="exact"/>`+indentNone+`<w:jc w:val="center"/><w:outlineLvl w:val="9"/>`, runProps(heiTi, size2)))
	s.WriteString(paraStyle(styleSubtitle, "副标题", `<w:keepNext/><w:spacing w:before="160" w:after="0" w:line="560" w:lineRule="exact"/>`+indentNone+`<w:jc w:val="center"/>`, runProps(kaiTi, size3)))
	s.WriteString(paraStyle(styleMeta, "编制信息", `<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>`+indentNone+`<w:jc w:val="center"/>`, runProps(fangSong, size3)))
	s.WriteString(paraStyle(styleMarking, "密级标注", lineBody+indentNone+`<w:jc w:val="left"/>`, runProps(heiTi, size3)))
	s.WriteString(strings.Replace(paraStyle(styleH1, "heading 1", `<w:keepNext/><w:keepLines/>`+lineBody+indentBody+`<w:outlineLvl w:val="0"/>`, runProps(heiTi, size3)), `w:customStyle="1" `, "", 1))
	s.WriteString(strings.Replace(paraStyle(styleH2, "heading 2", `<w:keepNext/><w:keepLines/>`+lineBody+indentBody+`<w:outlineLvl w:val="1"/>`, runProps(kaiTi, size3)), `w:customStyle="1" `, "", 1))
	s.WriteString(paraStyle(styleCaption, "表题", `<w:keepNext/><w:spacing w:before="240" w:after="120" w:line="400" w:lineRule="exact"/>`+indentNone+`<w:jc w:val="center"/>`, runProps(heiTi, size4)))
	s.WriteString(paraStyle(styleCell, "表格文字", lineCell+indentNone+`<w:jc w:val="left"/>`, runProps(songTi, sizeS4)))
	s.WriteString(paraStyle(styleHead, "表头", `<w:keepNext/>`+lineCell+indentNone+`<w:jc w:val="center"/>`, runProps(heiTi, sizeS4)))
	s.WriteString(paraStyle(styleNote, "表注", `<w:spacing w:before="60" w:after="0" w:line="360" w:lineRule="exact"/>`+indentNone, runProps(fangSong, sizeS4)))
	s.WriteString(paraStyle(styleFooter, "页脚", `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`+indentNone+`<w:jc w:val="center"/>`, runProps(songTi, size4)))
	s.WriteString(`<w:style w:type="table" w:customStyle="1" w:styleId="` + styleTable + `"><w:name w:val="简报表格"/><w:tblPr><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&s, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	s.WriteString(`</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	s.WriteString(`</w:styles>`)
	return s.String()
}()

var fontTable = func() string {
	var s strings.Builder
	s.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range []font{fangSong, heiTi, kaiTi, songTi} {
		fmt.Fprintf(&s, `<w:font w:name="%s"><w:altName w:val="%s"/><w:panose1 w:val="%s"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="%s"/></w:font>`,
			f.Name, f.AltName, f.Panose, f.Pitch)
	}
	s.WriteString(`</w:fonts>`)
	return s.String()
}()
