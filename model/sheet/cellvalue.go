package sheet

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Reading a cell as the figure typed, not as the number format shows it.
// excelize's GetRows gives each cell's formatted text: 5.4 typed in a cell
// formatted "0" reads as 5, 0.05255 in "0.00%" as 5.26%, 12345.678 in
// "#,##0" as 12,346 — and Excel applies % and #,##0 formats by itself when
// a unit types "5.255%" or "12,345.678". A figure recorded from that text
// is not the one the unit reported. So a numeric cell is read by its
// stored value; a percentage format (a cell showing 5.2% holds 0.052)
// gives value×100 followed by %, as if "5.2%" had been typed; a date or
// time format keeps its shown text, which the figure grammar refuses as
// before (a date is not a figure). Text, booleans and errors read as shown.

// cellFormat is what a number format means for reading a figure.
type cellFormat int

const (
	formatPlain   cellFormat = iota // the stored value is the figure
	formatPercent                   // the stored value ×100 is the percent figure
	formatDate                      // a date or time: keep the shown text
)

// figureReader reads a workbook's sheets with every numeric cell as the
// figure it stores (see above).
type figureReader struct {
	f *excelize.File
	// altering says whether any cell style of the workbook has a number
	// format that can show a number as other than it is stored (not
	// General, not text): if none does, the shown text is the figure and
	// the rows are read once, as the program's own exports are.
	altering bool
	formats  map[int]cellFormat // by style id, as met
}

// maxStyles bounds the look at a workbook's cell styles; one with more is
// read as if some altered a number.
const maxStyles = 1 << 14

func newFigureReader(f *excelize.File) *figureReader {
	r := &figureReader{f: f, formats: map[int]cellFormat{}}
	for id := 0; ; id++ {
		st, err := f.GetStyle(id)
		if err != nil || st == nil {
			break
		}
		if id >= maxStyles || (st.CustomNumFmt != nil && !strings.EqualFold(*st.CustomNumFmt, "General") && *st.CustomNumFmt != "@") ||
			(st.CustomNumFmt == nil && st.NumFmt != 0 && st.NumFmt != 49) {
			r.altering = true
			break
		}
	}
	return r
}

// rows is f.GetRows(sheet) with every numeric cell read as the figure it
// stores. Only the cells whose stored and shown text differ are looked at
// again.
func (r *figureReader) rows(sheet string) ([][]string, error) {
	shown, err := r.f.GetRows(sheet)
	if err != nil || !r.altering {
		return shown, err
	}
	raw, err := r.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return shown, nil
	}
	for i, row := range raw {
		for j, v := range row {
			var s string
			if i < len(shown) && j < len(shown[i]) {
				s = shown[i][j]
			}
			if v == s || v == "" {
				continue
			}
			fig, ok := storedFigure(r.f, sheet, i, j, v, r.formats)
			if !ok {
				continue
			}
			for len(shown) <= i {
				shown = append(shown, nil)
			}
			for len(shown[i]) <= j {
				shown[i] = append(shown[i], "")
			}
			shown[i][j] = fig
		}
	}
	return shown, nil
}

// storedFigure is the figure a cell (0-based row i, column j) stores, raw
// its stored text; false when the shown text stands (not a number, or a
// date).
func storedFigure(f *excelize.File, sheet string, i, j int, raw string, formats map[int]cellFormat) (string, bool) {
	cell, err := excelize.CoordinatesToCellName(j+1, i+1)
	if err != nil {
		return "", false
	}
	if typ, err := f.GetCellType(sheet, cell); err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		return "", false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return "", false
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return "", false
	}
	kind, ok := formats[id]
	if !ok {
		kind = styleFormat(f, id)
		formats[id] = kind
	}
	switch kind {
	case formatDate:
		return "", false
	case formatPercent:
		return figureText(v*100) + "%", true
	}
	return figureText(v), true
}

// figureText writes a stored double as Excel shows it in General: at most
// 15 significant digits (0.05255 is stored as 0.052549999999999999; ×100
// must give 5.255), without an exponent.
func figureText(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// styleFormat classes a cell style's number format.
func styleFormat(f *excelize.File, id int) cellFormat {
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return formatPlain
	}
	if st.CustomNumFmt != nil {
		return codeFormat(*st.CustomNumFmt)
	}
	return builtinFormat(st.NumFmt)
}

// builtinFormat classes Excel's built-in number formats by id: 9 and 10
// are 0% and 0.00%; 14–22, 27–36, 45–47, 50–58 (the East Asian ones,
// 年月日 among them) and 71–81 are dates and times.
func builtinFormat(id int) cellFormat {
	switch {
	case id == 9 || id == 10:
		return formatPercent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58, id >= 71 && id <= 81:
		return formatDate
	}
	return formatPlain
}

// codeFormat classes a custom format code by what it has outside quoted
// text, backslash-escaped characters and [colour]/[condition] brackets: a
// % scales the value by 100 (`0.0"%"` only shows a percent sign, and does
// not); y, m, d, h or s make it a date or time ([h]:mm elapsed time too).
func codeFormat(code string) cellFormat {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '\\', '_', '*':
			i++ // the next character is shown, padded or repeated, not meant
		case '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return formatPlain
			}
			inner := strings.ToLower(code[i+1 : i+end])
			if strings.Trim(inner, "hms") == "" && inner != "" {
				return formatDate // [h], [mm], [ss]: elapsed time
			}
			i += end
		default:
			b.WriteByte(c)
		}
	}
	bare := strings.ToLower(b.String())
	if bare == "general" {
		return formatPlain
	}
	if strings.ContainsAny(bare, "ymdhs") || strings.Contains(bare, "am/pm") {
		return formatDate
	}
	if strings.Contains(bare, "%") {
		return formatPercent
	}
	return formatPlain
}
