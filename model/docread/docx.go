package docread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// The WordprocessingML namespace of a .docx's document.xml.
const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// maxDocumentXML bounds the unpacked document.xml: a zip bomb must not
// fill the memory (a 20 MB .docx of text unpacks to well under this).
const maxDocumentXML = 200 << 20

// readDocx reads a Word 2007+ document: word/document.xml's paragraphs
// (w:p, their w:t runs, w:tab as a tab) and tables (w:tbl), a cell
// spanning columns (w:gridSpan) or merged down (w:vMerge) repeated into
// each cell it covers. Deleted text (w:delText) is not read; inserted is.
func readDocx(name string, data []byte) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, ErrNotDocx
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			f = zf
		}
	}
	if f == nil {
		return Document{}, ErrNotDocx
	}
	rc, err := f.Open()
	if err != nil {
		return Document{}, ErrNotDocx
	}
	defer rc.Close()
	xmlData, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err != nil || len(xmlData) > maxDocumentXML {
		return Document{}, ErrNotDocx
	}
	w := newWriter()
	if err := (&docxReader{w: w}).read(xml.NewDecoder(bytes.NewReader(xmlData))); err != nil {
		return Document{}, ErrNotDocx
	}
	return w.document(name, FormatDocx, EncUTF8), nil
}

type docxReader struct {
	w *writer
}

// dcell is a table cell as Word writes it: its text, the grid columns it
// spans, and whether it continues the merged cell above.
type dcell struct {
	text string
	span int
	cont bool
}

func (r *docxReader) read(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != wNS {
			continue
		}
		switch se.Name.Local {
		case "p":
			text, err := paragraph(d)
			if err != nil {
				return err
			}
			r.w.para(text)
		case "tbl":
			rows, err := table(d, 0)
			if err != nil {
				return err
			}
			r.w.grid(docxGrid(rows), "")
		}
	}
}

// paragraph is a w:p's text, read up to its end. Line breaks inside it
// (w:br) join as a cell's lines do.
func paragraph(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	inText := false
	nested := 0 // paragraphs of a text box inside this one, read into it
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == wNS {
				switch t.Name.Local {
				case "t":
					inText = true
				case "p":
					nested++
				case "tab":
					sb.WriteByte(' ')
				case "delText", "instrText":
					if err := d.Skip(); err != nil {
						return "", err
					}
				}
			}
		case xml.EndElement:
			if t.Name.Space == wNS {
				switch t.Name.Local {
				case "t":
					inText = false
				case "p":
					if nested == 0 {
						return sb.String(), nil
					}
					nested--
				}
			}
		case xml.CharData:
			if inText {
				sb.Write(t)
			}
		}
	}
}

// table reads a w:tbl up to its end: its rows of cells. A table nested in
// a cell is read into the cell's text.
func table(d *xml.Decoder, depth int) ([][]dcell, error) {
	if depth > 50 {
		return nil, io.ErrUnexpectedEOF
	}
	var rows [][]dcell
	var row []dcell
	cur := -1 // index in row of the cell being read
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wNS {
				continue
			}
			switch t.Name.Local {
			case "tr":
				row, cur = nil, -1
			case "tc":
				row = append(row, dcell{span: 1})
				cur = len(row) - 1
			case "gridSpan":
				if cur >= 0 {
					if v, err := strconv.Atoi(attr(t, "val")); err == nil && v > 1 {
						row[cur].span = min(v, maxSpan)
					}
				}
			case "vMerge":
				if cur >= 0 {
					v := attr(t, "val")
					row[cur].cont = v == "" || v == "continue"
				}
			case "p":
				text, err := paragraph(d)
				if err != nil {
					return nil, err
				}
				if cur >= 0 {
					row[cur].text = joinCell(row[cur].text, collapse(text))
				}
			case "tbl":
				inner, err := table(d, depth+1)
				if err != nil {
					return nil, err
				}
				if cur >= 0 {
					for _, ir := range inner {
						for _, ic := range ir {
							row[cur].text = joinSpaced(row[cur].text, ic.text)
						}
					}
				}
			}
		case xml.EndElement:
			if t.Name.Space != wNS {
				continue
			}
			switch t.Name.Local {
			case "tc":
				cur = -1
			case "tr":
				rows = append(rows, row)
			case "tbl":
				return rows, nil
			}
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxGrid lays Word's rows out on the table grid: a gridSpan cell
// repeated across its columns, a vMerge continuation taking the text of
// the cell above it.
func docxGrid(rows [][]dcell) [][]gcell {
	var g [][]gcell
	width, cells := 0, 0
	for _, dr := range rows {
		var row []gcell
		for _, c := range dr {
			for k := range c.span {
				col := len(row)
				if c.cont && len(g) > 0 && col < len(g[len(g)-1]) {
					row = append(row, gcell{text: g[len(g)-1][col].text})
					continue
				}
				row = append(row, gcell{text: c.text, origin: k == 0})
			}
		}
		width = max(width, len(row))
		if cells += len(row); cells > maxCells {
			break
		}
		g = append(g, row)
	}
	for i := range g {
		for len(g[i]) < width {
			g[i] = append(g[i], gcell{origin: true})
		}
	}
	return g
}
