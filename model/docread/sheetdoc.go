package docread

import (
	"strings"
	"unicode/utf8"

	"cn.planreview/planreview/model/sheet"
)

// readSheet reads a workbook or CSV through model/sheet: each sheet one
// table block, its rows one line each.
func readSheet(name string, data []byte) (Document, error) {
	tables, err := sheet.Read(name, data)
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
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		enc = EncUTF8
		if !utf8.Valid(data) {
			enc = EncGB18030
		}
	}
	return w.document(name, FormatSheet, enc), nil
}
