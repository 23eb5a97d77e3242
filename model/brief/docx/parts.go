package docx

import (
	"encoding/xml"
	"strings"

	"cn.planreview/planreview/model/brief"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// customType and customRel are the custom properties part, which holds
// the brief's stamp (brief.Stamp) for `planreview verify`.
const (
	customType = `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`
	customRel  = `<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>`
	// stampProperty names the custom property holding the encoded stamp.
	stampProperty = "PlanReviewStamp"
)

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	customType + `</Types>`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	customRel + `</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>Plan Review 计划审阅</Application></Properties>`

// settings: Chinese punctuation compressed at line starts as Word does
// for Chinese documents, and the document grid of 三号 lines off so the
// exact line spacing rules.
const settings = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// footer is the page number as GB/T 9704 writes it: 4号半角宋体阿拉伯数字,
// with a dash (一字线) on either side: — 1 —; under it, small at the
// right, the brief's data fingerprint.
func footer(b brief.Brief) string {
	f := xmlHeader + `<w:ftr xmlns:w="` + nsW + `">` +
		`<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>`
	if b.Stamp.Code != "" {
		f += `<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/><w:jc w:val="right"/></w:pPr>` +
			`<w:r><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:t xml:space="preserve">` + esc(FingerprintLabel+" "+b.Stamp.Code) + `</w:t></w:r></w:p>`
	}
	return f + `</w:ftr>`
}

// FingerprintLabel names the code in a brief's footer.
const FingerprintLabel = "数据指纹"

// customProps holds the stamp: the fingerprint as a property a clerk sees
// in Word's 属性 dialog, and the encoded stamp `planreview verify` reads.
func customProps(b brief.Brief) string {
	const fmtid = `{D5CDD505-2E9C-101B-9397-08002B2CF9AE}`
	s := xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`
	if b.Stamp.Code != "" {
		s += `<property fmtid="` + fmtid + `" pid="2" name="` + FingerprintLabel + `"><vt:lpwstr>` + esc(b.Stamp.Code) + `</vt:lpwstr></property>` +
			`<property fmtid="` + fmtid + `" pid="3" name="` + stampProperty + `"><vt:lpwstr>` + esc(b.Stamp.Encode()) + `</vt:lpwstr></property>`
	}
	return s + `</Properties>`
}

// coreProps names the brief: title, subject (its period) and author, the
// same as the PDF's metadata. No dates of writing: the bytes stay the same.
func coreProps(b brief.Brief) string {
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + esc(b.Title+b.Subtitle+" "+b.AsOf) + `</dc:title>` +
		`<dc:subject>` + esc(b.AsOf) + `</dc:subject>` +
		`<dc:creator>` + esc(strings.TrimSpace(b.Unit+" "+b.Reviewer)) + `</dc:creator>` +
		`<dc:language>zh-CN</dc:language></cp:coreProperties>`
}

// esc escapes text for XML; characters XML cannot hold (control
// characters) become U+FFFD, as encoding/xml does.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
