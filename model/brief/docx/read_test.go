package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

// The .docx read back as a reader of Word sees it: its parts, and the
// paragraphs and tables of word/document.xml with their styles.

type docPara struct {
	Style    string
	Text     string
	Fills    []string // run shading, in order
	KeepNext bool     // set on the paragraph itself (w:keepNext in its w:pPr)
}

type docCell struct {
	Paras []docPara
	Fill  string
	Span  int
}

// Text is the cell's paragraphs, one per line.
func (c docCell) Text() string {
	var lines []string
	for _, p := range c.Paras {
		lines = append(lines, p.Text)
	}
	return strings.Join(lines, "\n")
}

type docRow struct {
	Header, CantSplit bool
	Cells             []docCell
}

type docTable struct {
	Style string
	Rows  []docRow
}

type docBody struct {
	Paras  []docPara // outside tables
	Tables []docTable
}

func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readBody reads word/document.xml: every w:p, with its style, text (the
// w:t of its runs) and run shading, inside or outside a table.
func readBody(t testing.TB, doc []byte) docBody {
	t.Helper()
	var (
		body  docBody
		p     *docPara
		tbl   *docTable
		row   *docRow
		cell  *docCell
		inRun bool
		inT   bool
		inRPr bool
	)
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				if tbl != nil {
					t.Fatal("nested table")
				}
				tbl = &docTable{}
			case "tblStyle":
				tbl.Style = attr(e, "val")
			case "keepNext":
				if p != nil && !inRPr {
					p.KeepNext = true
				}
			case "tr":
				tbl.Rows = append(tbl.Rows, docRow{})
				row = &tbl.Rows[len(tbl.Rows)-1]
			case "tblHeader":
				row.Header = true
			case "cantSplit":
				row.CantSplit = true
			case "tc":
				row.Cells = append(row.Cells, docCell{Span: 1})
				cell = &row.Cells[len(row.Cells)-1]
			case "gridSpan":
				n, err := strconv.Atoi(attr(e, "val"))
				if err != nil {
					t.Fatalf("gridSpan %q: %v", attr(e, "val"), err)
				}
				cell.Span = n
			case "shd":
				switch {
				case inRPr:
					p.Fills = append(p.Fills, attr(e, "fill"))
				case cell != nil && p == nil:
					cell.Fill = attr(e, "fill")
				}
			case "p":
				p = &docPara{}
			case "pStyle":
				p.Style = attr(e, "val")
			case "r":
				inRun = true
			case "rPr":
				inRPr = inRun
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				body.Tables = append(body.Tables, *tbl)
				tbl, row, cell = nil, nil, nil
			case "tc":
				cell = nil
			case "p":
				if cell != nil {
					cell.Paras = append(cell.Paras, *p)
				} else {
					body.Paras = append(body.Paras, *p)
				}
				p = nil
			case "r":
				inRun = false
			case "rPr":
				inRPr = false
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT && p != nil {
				p.Text += string(e)
			}
		}
	}
	return body
}
