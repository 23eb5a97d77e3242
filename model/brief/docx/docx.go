// Package docx is infrastructure: it writes a computed brief (model/brief)
// as an editable Word document in the layout of Chinese government
// documents (GB/T 9704 《党政机关公文格式》): A4, margins 37/35/28/26 mm,
// the title in 黑体 二号, headings 黑体 三号 (一、) and 楷体 三号 (（一）),
// the body in 仿宋 三号 with a two-character first-line indent, tables in
// 宋体 小四, page numbers “— 1 —” at the foot.
//
// Everything is real WordprocessingML — paragraphs with named styles,
// tables with repeating header rows — never images or text boxes, so a
// clerk can edit sentences, delete rows and paste whole tables into a
// 审查报告. Fonts are named as Chinese Windows and WPS install them, with
// their East Asian attributes set, and are not embedded.
//
// The same brief gives the same bytes: the zip entries are written in a
// fixed order with a fixed timestamp, and no part holds the time of
// writing (the brief's own date is its content).
package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/domain"
)

// zipTime is the timestamp of every entry: a fixed one, so that the same
// brief gives the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// entry is one part of the package, in the order it is written.
type entry struct {
	name, body string
}

// Write writes b as a .docx to w.
func Write(b brief.Brief, w io.Writer) error {
	entries := []entry{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(b)},
		{"docProps/app.xml", appProps},
		{"docProps/custom.xml", customProps(b)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", document(b)},
		{"word/styles.xml", styles},
		{"word/settings.xml", settings},
		{"word/fontTable.xml", fontTable},
		{"word/footer1.xml", footer(b)},
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, e := range entries {
		f, err := z.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, e.body); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Export computes the brief from a review and writes it as a .docx: the
// one call the window and the command line make.
// A brief whose parts asked for leave nothing to print is refused
// (brief.NothingToPrintError) and nothing is written.
func Export(r *domain.Review, notes []domain.Note, o brief.Options, w io.Writer) error {
	b := brief.Build(r, notes, o)
	if err := b.Printable(); err != nil {
		return err
	}
	return Write(b, w)
}
