// Package sheet is infrastructure: it moves figures between Plan Review and the spreadsheets
// officials exchange: it reads .xlsx (excelize) and .csv (UTF-8 with or
// without BOM, UTF-16 with one, or GBK/GB18030 as Excel on Chinese Windows
// writes it — decoded by model/textenc, as documents are),
// matches rows to plan items for a preview, and writes the plan table and
// the fill-in template as .xlsx.
package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"cn.planreview/planreview/model/textenc"
	"github.com/xuri/excelize/v2"
)

// MaxFileSize bounds what is read: a year of figures for a province is a
// few hundred kilobytes; anything near this is not a figures sheet.
const MaxFileSize = 20 << 20

// Table is one sheet's cells, row by row, as text.
type Table struct {
	Name   string
	Rows   [][]string
	Merged []string // merged ranges, e.g. "B3:B4"
	// Encoding is a CSV's text encoding as textenc names it (UTF-8,
	// UTF-16, GB18030); "" for a workbook.
	Encoding string
}

// ErrNotSpreadsheet is returned for a file that is neither .xlsx nor a
// readable CSV.
var ErrNotSpreadsheet = errors.New("不是Excel（.xlsx）或CSV表格")

// Read reads every sheet of a spreadsheet file's content; name gives the
// format by its extension.
func Read(name string, data []byte) ([]Table, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("文件“%s”过大（%.1f MB），最多%d MB", filepath.Base(name), float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("文件“%s”是空的", filepath.Base(name))
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return readXLSX(name, data)
	case ".csv", ".txt":
		text, enc, err := textenc.Decode(data)
		if err != nil {
			return nil, fmt.Errorf("文件“%s”%w", filepath.Base(name), err)
		}
		t, err := readCSV([]byte(text))
		t.Encoding = enc
		if err != nil {
			return nil, fmt.Errorf("文件“%s”%w：%v", filepath.Base(name), ErrNotSpreadsheet, err)
		}
		return []Table{t}, nil
	case ".xls", ".et":
		return nil, fmt.Errorf("文件“%s”是旧版Excel（.xls）格式：请在Excel或WPS中另存为 .xlsx 或 .csv 后再导入", filepath.Base(name))
	}
	return nil, fmt.Errorf("文件“%s”%w：请选择 .xlsx 或 .csv 文件", filepath.Base(name), ErrNotSpreadsheet)
}

func readXLSX(name string, data []byte) ([]Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("文件“%s”%w（无法按.xlsx读取）", filepath.Base(name), ErrNotSpreadsheet)
	}
	defer f.Close()
	var out []Table
	found := false
	figures := newFigureReader(f)
	for _, sh := range f.GetSheetList() {
		rows, err := figures.rows(sh)
		if err != nil {
			return nil, fmt.Errorf("工作表“%s”无法读取：%w", sh, err)
		}
		t := Table{Name: sh, Rows: rows}
		// Merged cells matter only on the sheet an import reads, the
		// first with a header (Plan). excelize's GetMergeCells parses a
		// whole sheet into memory to list them — most of the time and
		// memory of reading a large workbook — so they are read from the
		// sheet's XML, and excelize is asked only if that fails.
		if _, _, ok := findHeader(t); ok && !found {
			found = true
			if t.Merged, err = mergedFromXML(data, sh); err != nil {
				t.Merged = nil
				merged, err := f.GetMergeCells(sh)
				if err == nil {
					for _, m := range merged {
						t.Merged = append(t.Merged, m.GetStartAxis()+":"+m.GetEndAxis())
					}
				}
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// mergedFromXML lists the merged ranges of the named sheet straight from
// the package: the workbook's sheet list and relationships lead to the
// sheet's part, whose <mergeCells> element (after all the rows) is found
// by searching the bytes, not by parsing the rows.
func mergedFromXML(data []byte, sheet string) ([]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	part := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) {
				rc, err := f.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, 1<<30))
			}
		}
		return nil, fmt.Errorf("no part %s", name)
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for name, v := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		b, err := part(name)
		if err != nil {
			return nil, err
		}
		if err := xml.Unmarshal(b, v); err != nil {
			return nil, err
		}
	}
	target := ""
	for _, s := range wb.Sheets {
		if s.Name == sheet {
			for _, r := range rels.Rels {
				if r.ID == s.RID {
					target = r.Target
				}
			}
		}
	}
	if target == "" {
		return nil, fmt.Errorf("sheet %s not found", sheet)
	}
	if strings.HasPrefix(target, "/") {
		target = target[1:]
	} else {
		target = path.Join("xl", target)
	}
	b, err := part(target)
	if err != nil {
		return nil, err
	}
	var out []string
	if i := bytes.Index(b, []byte("mergeCell")); i >= 0 {
		for _, m := range mergeRef.FindAllSubmatch(b[max(0, i-16):], -1) {
			out = append(out, string(m[1]))
		}
	}
	return out, nil
}

var mergeRef = regexp.MustCompile(`<(?:\w+:)?mergeCell\s[^>]*?ref=["']([A-Za-z]+[0-9]+:[A-Za-z]+[0-9]+)["']`)

// readCSV reads a CSV's text, decoded by textenc, finding the separator
// (comma, tab or semicolon).
func readCSV(text []byte) (Table, error) {
	sep := ','
	first, _, _ := bytes.Cut(text, []byte("\n"))
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		sep = '\t'
	} else if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		sep = ';'
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	end := 0 // the line the previous record ended on
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Table{}, err
		}
		// encoding/csv skips blank lines; they are put back as empty rows
		// so that a problem's row number is the row Excel shows. A quoted
		// cell with line breaks is one row there, so only the blank lines
		// between records count.
		start, _ := r.FieldPos(0)
		for i := end + 1; i < start; i++ {
			rows = append(rows, nil)
		}
		last, _ := r.FieldPos(len(row) - 1)
		end = last + strings.Count(row[len(row)-1], "\n")
		rows = append(rows, row)
	}
	return Table{Name: "CSV", Rows: rows}, nil
}

// Norm is how a cell is compared: full-width ASCII folded to half-width,
// ideographic and no-break spaces to spaces, trimmed. Exported so that
// readers of other tables (model/plantable) match headers the same way.
func Norm(s string) string { return norm(s) }

// ColumnLetter names a 0-based column as Excel does (0 → A, 26 → AA), for
// problems that name a cell.
func ColumnLetter(i int) string { return colLetter(i) }
