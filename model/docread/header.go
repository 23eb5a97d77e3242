package docread

import (
	"strings"

	"cn.planreview/planreview/model/tablehead"
)

// isHeaderRow reports whether cells read as a table's header: at least two
// named columns, and no more unnamed than named.
func isHeaderRow(cells []string) bool {
	named, other := 0, 0
	for _, c := range cells {
		switch {
		case strings.TrimSpace(c) == "":
		case tablehead.ColumnOf(c) != tablehead.ColNone:
			named++
		default:
			other++
		}
	}
	return named >= 2 && other <= named
}
