package plantable

import (
	"fmt"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// findParcelHeader finds a 房屋征收计划表 sheet's header (附件2, as Fill
// writes it): 地块名称 and 面积 among the top rows.
func findParcelHeader(rows [][]string) (header, bool) {
	for i := 0; i < len(rows) && i < headerRows; i++ {
		h := readHeader(rows[i], i)
		if h.cols[colParcel] >= 0 && h.cols[colArea] >= 0 {
			return h, true
		}
	}
	return header{}, false
}

// parcels reads a 房屋征收计划表 sheet: a parcel a row, its target the
// area written (62.10亩), its 四至, 公共利益类型 and 实施主体. An area that
// is not a number waits for the reviewer, naming the row and column.
func parcels(t sheet.Table, h header) []Item {
	var out []Item
	section := ""
	for i := h.row + 1; i < len(t.Rows); i++ {
		r := rowCells{t.Rows[i], h}
		if r.blank() || r.explanatory() {
			continue
		}
		if c := r.text(colCategory); c != "" {
			section = c
		}
		name, area := r.text(colParcel), strings.TrimSuffix(r.get(colArea), "亩")
		if name == "" && area == "" {
			continue
		}
		seq, _ := strconv.Atoi(r.get(colSeq))
		it := Item{Sheet: t.Name, Line: i + 1, Kind: domain.KindParcel, Section: section, Seq: r.get(colSeq), Name: name,
			TargetText: area + "亩", Source: r.text(colSource), Unit: "亩", Kept: r.kept(),
			Parcel: &domain.Parcel{Seq: seq, InterestType: r.text(colInterest), Implementers: splitOwners(r.text(colImplementers)),
				Boundaries: domain.Boundaries{East: r.text(colEast), South: r.text(colSouth), West: r.text(colWest), North: r.text(colNorth)}}}
		at := ref{i + 1, "面积（亩）", sheet.ColumnLetter(h.cols[colArea])}
		v, err := strconv.ParseFloat(area, 64)
		switch {
		case name == "":
			it.NeedsReview, it.Reason = true, fmt.Sprintf("第%d行：有面积但没有地块名称", i+1)
		case err != nil || v <= 0:
			it.review(at, "面积须是大于0的亩数，如 62.10")
		default:
			it.Parcel.AreaMu = v
			readTarget(&it, header{}, at)
		}
		out = append(out, it)
	}
	return out
}
