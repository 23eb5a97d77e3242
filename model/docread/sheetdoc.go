package docread

import (
	"errors"

	"cn.planreview/planreview/model/sheet"
)

// readSheet reads a workbook or CSV through model/sheet: each sheet one
// table block, its rows one line each.
func readSheet(name string, data []byte) (Document, error) {
	tables, err := sheet.Read(name, data)
	for _, e := range []error{ErrBinary, ErrEncoding, ErrBig5, ErrShiftJIS} {
		if errors.Is(err, e) {
			return Document{}, &Error{File: name, Err: e} // a CSV's text refused as a .txt's would be
		}
	}
	if err != nil {
		return Document{}, &Error{File: name, Err: ErrSheet, Detail: err.Error()}
	}
	w := newWriter()
	for _, t := range tables {
		var g [][]gcell
		width := 0
		for _, r := range t.Rows {
			width = max(width, len(r))
		}
		for _, r := range t.Rows {
			row := make([]gcell, width)
			for i := range row {
				row[i].origin = true
				if i < len(r) {
					row[i].text = collapse(r[i])
				}
			}
			g = append(g, row)
		}
		w.grid(g, t.Name)
	}
	enc := ""
	if len(tables) > 0 {
		enc = tables[0].Encoding // a CSV's, as model/textenc decoded it
	}
	return w.document(name, FormatSheet, enc), nil
}
