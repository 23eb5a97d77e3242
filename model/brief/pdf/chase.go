package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
)

// The 催报清单 is a working sheet the clerk holds while phoning: one A4
// page, always. It is laid out by the first of these that fits:
//
//  1. a table of a row per unit — the unit and its count, its missing
//     items (whole items a line), and blank 联系人/电话/催报情况 cells to
//     write in — at 10.5 pt, shrinking by half points to 9 pt (smaller
//     does not read on a desk);
//  2. the same table at 9 pt, each unit's items cut to its first few and
//     closed by ……另有N项见催报清单工作簿;
//  3. a table of two units a row: unit, count, the IDs that fit (closed
//     by 等) and a blank 催报情况 cell;
//  4. for names too long for any table, every unit with its count and
//     its items (ID and name, else ID) in running text over the full
//     width (chaseNamed);
//  5. the units named in running text with their counts, as many as the
//     page holds, and the rest counted in a last sentence.
//
// Whatever is cut is said on the page: nothing is dropped silently.

// The chase list's page: narrower margins than the brief's, since it is
// a form to write on, not a document to file.
const (
	chaseMarginL = 18.0
	chaseMarginR = 18.0
	chaseMarginT = 16.0
	chaseMarginB = 14.0
	chaseW       = pageW - chaseMarginL - chaseMarginR
	chaseBottom  = pageH - chaseMarginB
	chaseMaxPt   = 10.5
	chaseMinPt   = 9.0 // the smallest type the list is printed in
	chaseTitlePt = 16.0
	chaseGap     = 2.0 // between unit blocks
	chasePad     = 1.2
)

// piece is one drawn part of the page, with its height.
type piece struct {
	h    float64
	draw func(y float64)
}

func heightOf(ps []piece) float64 {
	h := 0.0
	for _, p := range ps {
		h += p.h
	}
	return h
}

// RenderChaseList draws the 催报清单 on one A4 page and returns the PDF.
// Report.Omitted counts the items the page could not name (they are in
// the workbook, and the page says so); Report.Pages is always 1.
func RenderChaseList(c brief.ChaseList) ([]byte, Report, error) {
	p, err := newA4(briefFonts, chaseMarginL, chaseMarginT, chaseMarginR, chaseMarginB)
	if err != nil {
		return nil, Report{}, err
	}
	p.SetCatalogSort(true)
	p.SetCreationDate(c.AsOf)
	p.SetModificationDate(c.AsOf)
	p.SetTitle(c.HeadTitle(), true)
	p.SetSubject(c.DueLine(), true)
	p.SetCreator("Plan Review 计划审阅", true)
	p.SetProducer("Plan Review (codeberg.org/go-pdf/fpdf)", true)
	p.SetLang("zh-CN")
	r := &renderer{pdf: p, missing: map[rune]map[string]bool{}, fonts: briefFonts}
	p.AddPage()

	y := r.chaseHead(c)
	body, omitted := r.chaseBody(c, chaseBottom-y)
	for _, pc := range body {
		pc.draw(y)
		y += pc.h
	}
	if err := p.Error(); err != nil {
		return nil, Report{}, fmt.Errorf("生成PDF失败：%w", err)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, Report{}, fmt.Errorf("生成PDF失败：%w", err)
	}
	return buf.Bytes(), Report{Pages: p.PageNo(), Missing: r.missingList(), Omitted: omitted}, nil
}

// chaseHead draws the title, the round's line and the count, and returns
// where the body starts.
func (r *renderer) chaseHead(c brief.ChaseList) float64 {
	r.where = "标题"
	y := chaseMarginT
	r.font("B", chaseTitlePt)
	for _, l := range cjk.Wrap(c.HeadTitle(), chaseW, r.width) {
		r.text((pageW-r.width(l))/2, y+lineH(chaseTitlePt)*0.78, l)
		y += lineH(chaseTitlePt)
	}
	y += 1
	r.font("", 10)
	var lines []string
	if c.Plan != "" {
		lines = append(lines, c.Plan)
	}
	lines = append(lines, c.DueLine())
	for _, line := range lines {
		for _, l := range cjk.Wrap(line, chaseW, r.width) {
			r.text((pageW-r.width(l))/2, y+lineH(10)*0.78, l)
			y += lineH(10)
		}
	}
	y += 1.5
	r.pdf.SetDrawColor(200, 30, 30)
	r.pdf.SetLineWidth(0.5)
	r.pdf.Line(chaseMarginL, y, pageW-chaseMarginR, y)
	y += 2.5
	r.font("", 10)
	for _, l := range cjk.Wrap(c.Summary(), chaseW, r.width) {
		r.text(chaseMarginL, y+lineH(10)*0.78, l)
		y += lineH(10)
	}
	return y + 2
}

// chaseBody picks the first layout that fits in room and returns its
// pieces and how many items it leaves to the workbook.
func (r *renderer) chaseBody(c brief.ChaseList, room float64) ([]piece, int) {
	units := c.Chasing()
	if len(units) == 0 {
		return nil, 0
	}
	overdue := domain.DaysOverdue(c.Due, c.AsOf)
	for pt := chaseMaxPt; pt >= chaseMinPt; pt -= 0.5 {
		// Measured row by row, stopping at the first that overflows:
		// a list of thousands costs a page's worth of measuring.
		h := r.chaseTableHead(pt).h
		for n, u := range units {
			if h += r.chaseRow(overdue, n, u, pt, len(u.Missing)).h; h > room {
				break
			}
		}
		if h <= room {
			return r.chaseRows(c, units, pt, nil), 0
		}
	}
	// Rows are independent: a unit's row height for each number of items
	// shown is worked out once, and a layout's height is their sum. The
	// closing sentence is measured with the largest count it could say.
	rowH := map[[2]int]float64{}
	fixed := r.chaseTableHead(chaseMinPt).h + heightOf(r.cutNote(c, c.MissingCount(), chaseMinPt))
	fits := func(limits []int) bool {
		h := fixed
		for i, k := range limits {
			key := [2]int{i, k}
			if _, ok := rowH[key]; !ok {
				rowH[key] = r.chaseRow(overdue, i, units[i], chaseMinPt, k).h
			}
			if h += rowH[key]; h > room {
				return false
			}
		}
		return true
	}
	most := 0
	for _, u := range units {
		most = max(most, len(u.Missing))
	}
	// The rows grow with the items each shows: the largest cut for
	// every unit that fits, found by halving ...
	lo, hi := 1, most-1
	best := 0
	for lo <= hi {
		k := (lo + hi) / 2
		if fits(uniform(units, k)) {
			best, lo = k, k+1
		} else {
			hi = k - 1
		}
	}
	if best > 0 {
		// ... then the room left is handed out an item at a time, in
		// unit order, so the page is used before the workbook is.
		limits := uniform(units, best)
		for grew := true; grew; {
			grew = false
			for i, u := range units {
				if limits[i] >= len(u.Missing) {
					continue
				}
				limits[i]++
				if fits(limits) {
					grew = true
				} else {
					limits[i]--
				}
			}
		}
		omitted := 0
		for i, u := range units {
			omitted += len(u.Missing) - limits[i]
		}
		return r.chaseRows(c, units, chaseMinPt, limits), omitted
	}
	if ps, omitted := r.chaseTable(c, units); heightOf(ps) <= room {
		return ps, omitted
	}
	if ps, ok := r.chaseNamed(c, units, room); ok {
		return ps, 0
	}
	return r.chaseRunning(c, units, room)
}

// chaseNamed is for units whose names are too long for any table (25
// units of 40 characters wrap to five lines a cell): each unit with its
// count and its missing items over the full width — a paragraph a unit
// when that fits, else one after another in running text; items by ID
// and name when that fits, else by ID — so every item is still named and
// the page is used. ok is false when even running IDs do not fit;
// chaseRunning then counts instead.
func (r *renderer) chaseNamed(c brief.ChaseList, units []brief.ChaseUnit, room float64) ([]piece, bool) {
	pt := chaseMinPt
	lh := lineH(pt)
	build := func(paragraphs, withNames bool) []piece {
		parts := make([]string, len(units))
		for i, u := range units {
			items := make([]string, len(u.Missing))
			for k, it := range u.Missing {
				items[k] = it.ID
				if withNames {
					items[k] = it.Label()
				} else if it.Note != "" {
					items[k] += "（" + it.Note + "）"
				}
			}
			parts[i] = fmt.Sprintf("%d. %s（%d项）：%s", i+1, u.Unit, len(u.Missing), strings.Join(items, "、"))
		}
		paras := []string{"未报送的单位及项目：" + strings.Join(parts, "；") + "。"}
		if paragraphs {
			paras = parts
		}
		r.font("", pt)
		var out []piece
		for _, para := range paras {
			for _, l := range cjk.Wrap(para, chaseW, r.width) {
				out = append(out, piece{h: lh, draw: func(y float64) {
					r.where = "单位列表"
					r.font("", pt)
					r.text(chaseMarginL, y+lh*0.78, l)
				}})
			}
		}
		if !withNames {
			out = append(out, r.noteLines("表格排不下，按单位逐一列出未报项目的编号。", pt)...)
		}
		return out
	}
	for _, way := range []struct{ paragraphs, withNames bool }{{true, true}, {true, false}, {false, true}, {false, false}} {
		if ps := build(way.paragraphs, way.withNames); heightOf(ps) <= room {
			return ps, true
		}
	}
	return nil, false
}

// uniform shows at most k items of every unit.
func uniform(units []brief.ChaseUnit, k int) []int {
	limits := make([]int, len(units))
	for i, u := range units {
		limits[i] = min(k, len(u.Missing))
	}
	return limits
}

// packItems sets items in lines of width w, as many whole items a line
// as fit (an item wider than a line is wrapped on its own lines), so an
// ID never sits on one line and its name on the next.
func (r *renderer) packItems(items []brief.ChaseItem, w float64) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		s := it.Label()
		switch {
		case cur == "":
			cur = s
		case r.width(cur+"；"+s) <= w:
			cur += "；" + s
		default:
			lines = append(lines, cur)
			cur = s
		}
		if r.width(cur) > w {
			wrapped := cjk.Wrap(cur, w, r.width)
			lines = append(lines, wrapped[:len(wrapped)-1]...)
			cur = wrapped[len(wrapped)-1]
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// chaseColumns are the list's table: the unit and its count, its missing
// items, and three cells left blank to write in while phoning.
var chaseColumns = []struct {
	title string
	w     float64 // mm
}{{"序号", 8}, {"责任单位", 32}, {"未报", 11}, {"未报项目", 58}, {"联系人", 15}, {"电话", 30}, {"催报情况", 20}}

// The columns of chaseColumns by what they hold.
const (
	colNo = iota
	colUnit
	colCount
	colItems
	colPerson
	colPhone
)

// chaseRows lays out the table at pt, showing the first limits[i] items
// of unit i (limits nil: all) and the count of the rest.
func (r *renderer) chaseRows(c brief.ChaseList, units []brief.ChaseUnit, pt float64, limits []int) []piece {
	overdue := domain.DaysOverdue(c.Due, c.AsOf)
	out := []piece{r.chaseTableHead(pt)}
	omitted := 0
	for n, u := range units {
		shown := len(u.Missing)
		if limits != nil {
			shown = limits[n]
		}
		omitted += len(u.Missing) - shown
		out = append(out, r.chaseRow(overdue, n, u, pt, shown))
	}
	if omitted > 0 {
		out = append(out, r.cutNote(c, omitted, pt)...)
	}
	return out
}

// chaseRowPad is the padding above and below a row's text.
const chaseRowPad = 1.0

// chaseTableHead is the table's header row.
func (r *renderer) chaseTableHead(pt float64) piece {
	lh, pad := lineH(pt), chaseRowPad
	headH := lh + 2*pad
	return piece{h: headH, draw: func(y float64) {
		r.where = "催报清单表头"
		r.font("B", pt)
		r.pdf.SetFillColor(222, 228, 236)
		r.pdf.SetDrawColor(120, 120, 120)
		r.pdf.SetLineWidth(0.2)
		x := chaseMarginL
		for _, col := range chaseColumns {
			r.pdf.Rect(x, y, col.w, headH, "FD")
			r.text(x+(col.w-r.width(col.title))/2, y+pad+lh*0.78, col.title)
			x += col.w
		}
	}}
}

// cutNote is the sentence under a table that shows some units' first
// items only: how many more there are and where.
func (r *renderer) cutNote(c brief.ChaseList, omitted int, pt float64) []piece {
	return r.noteLines(fmt.Sprintf("表中部分单位只列出前几项未报项目（标有“……另有N项”），另有%d%s见%s。", omitted, c.CountWord(), c.WorkbookWords()), pt)
}

// chaseRow is unit n's row showing its first shown items. overdue is the
// list's days past the due date: a unit late by as much says nothing more.
func (r *renderer) chaseRow(overdue, n int, u brief.ChaseUnit, pt float64, shown int) piece {
	lh, pad := lineH(pt), chaseRowPad
	r.font("B", pt)
	no := fmt.Sprint(n + 1)
	unit := cjk.Wrap(u.Unit, chaseColumns[colUnit].w-2*pad, r.width)
	count := fmt.Sprintf("%d项", len(u.Missing))
	var late []string
	if u.DaysOverdue != overdue && u.DaysOverdue > 0 {
		// The list's line says how late the round is; a unit
		// given another date says its own.
		r.font("", pt)
		late = cjk.Wrap(fmt.Sprintf("逾期%d天", u.DaysOverdue), chaseColumns[colUnit].w-2*pad, r.width)
	}
	items := r.packItems(u.Missing[:shown], chaseColumns[colItems].w-2*pad)
	rest := len(u.Missing) - shown
	// The count of the rest follows the last item on its line when
	// it fits; the table's closing sentence says where they are.
	restText, restLine, restX := "", len(items), 0.0
	if rest > 0 {
		restText = fmt.Sprintf("……另有%d项", rest)
		r.font("", pt)
		last := r.width(items[len(items)-1]) + 1
		r.font("B", pt)
		if last+r.width(restText) <= chaseColumns[colItems].w-2*pad {
			restLine, restX = len(items)-1, last
		}
	}
	restLines := 0
	if restLine == len(items) && rest > 0 {
		restLines = 1
	}
	r.font("", pt)
	person := cjk.Wrap(u.Person, chaseColumns[colPerson].w-2*pad, r.width)
	phone := cjk.Wrap(u.Phone, chaseColumns[colPhone].w-2*pad, r.width)
	lines := max(len(unit)+len(late), len(items)+restLines, len(person), len(phone))
	h := float64(lines)*lh + 2*pad
	return piece{h: h, draw: func(y float64) {
		r.where = u.Unit
		r.pdf.SetDrawColor(120, 120, 120)
		r.pdf.SetLineWidth(0.2)
		x := chaseMarginL
		for _, col := range chaseColumns {
			r.pdf.Rect(x, y, col.w, h, "D")
			x += col.w
		}
		at := func(x float64, i int) (float64, float64) { return x + pad, y + pad + lh*float64(i) + lh*0.78 }
		r.font("", pt)
		_, by := at(0, 0)
		r.text(chaseMarginL+(chaseColumns[colNo].w-r.width(no))/2, by, no)
		x = chaseMarginL + chaseColumns[colNo].w
		r.font("B", pt)
		for i, l := range unit {
			r.text2(at(x, i))(l)
		}
		r.font("", pt)
		r.pdf.SetTextColor(180, 20, 20)
		for i, l := range late {
			r.text2(at(x, len(unit)+i))(l)
		}
		r.pdf.SetTextColor(0, 0, 0)
		x += chaseColumns[colUnit].w
		r.text(x+chaseColumns[colCount].w-pad-r.width(count), by, count)
		x += chaseColumns[colCount].w
		for i, l := range items {
			r.text2(at(x, i))(l)
		}
		if restText != "" {
			r.font("B", pt)
			r.text2(at(x+restX, restLine))(restText)
			r.font("", pt)
		}
		x += chaseColumns[colItems].w
		for i, l := range person {
			r.text2(at(x, i))(l)
		}
		x += chaseColumns[colPerson].w
		for i, l := range phone {
			r.text2(at(x, i))(l)
		}
	}}
}

// text2 is text at a position given as a pair.
func (r *renderer) text2(x, y float64) func(string) {
	return func(s string) { r.text(x, y, s) }
}

// chaseTable lays out one row per unit, two units side by side: the unit,
// its count, the first items' IDs that fit, and a blank 催报情况 cell.
func (r *renderer) chaseTable(c brief.ChaseList, units []brief.ChaseUnit) ([]piece, int) {
	pt := chaseMinPt
	lh := lineH(pt)
	pad := 0.8
	halfW := (chaseW - 3) / 2
	cols := []struct {
		title string
		w     float64
	}{{"责任单位", 0.36}, {"未报", 0.12}, {"未报项目编号", 0.30}, {"催报情况", 0.22}}
	ws := make([]float64, len(cols))
	for i, col := range cols {
		ws[i] = halfW * col.w
	}
	type cell struct {
		unit  []string
		count string
		ids   string
		shown int
	}
	cells := make([]cell, len(units))
	omitted := 0
	for i, u := range units {
		r.font("", pt)
		cl := cell{unit: cjk.Wrap(u.Unit, ws[0]-2*pad, r.width), count: fmt.Sprintf("%d项", len(u.Missing))}
		// As many whole IDs as fit, with 等 when some are left out.
		for k := 1; k <= len(u.Missing); k++ {
			ids := make([]string, k)
			for j := range ids {
				ids[j] = u.Missing[j].ID
			}
			s := strings.Join(ids, "、")
			if k < len(u.Missing) {
				s += "等"
			}
			if k > 1 && r.width(s) > ws[2]-2*pad {
				break
			}
			cl.ids, cl.shown = s, k
		}
		omitted += len(u.Missing) - cl.shown
		cells[i] = cl
	}
	var out []piece
	headH := lh + 2*pad
	out = append(out, piece{h: headH, draw: func(y float64) {
		r.where = "催报清单表头"
		for half := 0; half < 2; half++ {
			x := chaseMarginL + float64(half)*(halfW+3)
			r.font("B", pt)
			r.pdf.SetFillColor(222, 228, 236)
			r.pdf.SetDrawColor(120, 120, 120)
			r.pdf.SetLineWidth(0.2)
			for i, col := range cols {
				r.pdf.Rect(x, y, ws[i], headH, "FD")
				r.text(x+(ws[i]-r.width(col.title))/2, y+pad+lh*0.78, col.title)
				x += ws[i]
			}
		}
	}})
	// Down the left half, then down the right, as a list reads.
	rows := (len(cells) + 1) / 2
	for i := 0; i < rows; i++ {
		pair := []int{i}
		if i+rows < len(cells) {
			pair = append(pair, i+rows)
		}
		n := 1
		for _, k := range pair {
			n = max(n, len(cells[k].unit))
		}
		h := float64(n)*lh + 2*pad
		out = append(out, piece{h: h, draw: func(y float64) {
			for half, k := range pair {
				cl := cells[k]
				r.where = units[k].Unit
				x := chaseMarginL + float64(half)*(halfW+3)
				r.pdf.SetDrawColor(120, 120, 120)
				r.pdf.SetLineWidth(0.2)
				for k := range ws {
					r.pdf.Rect(x, y, ws[k], h, "D")
					r.font("", pt)
					switch k {
					case 0:
						for j, l := range cl.unit {
							r.text(x+pad, y+pad+lh*float64(j)+lh*0.78, l)
						}
					case 1:
						r.text(x+ws[k]-pad-r.width(cl.count), y+pad+lh*0.78, cl.count)
					case 2:
						r.text(x+pad, y+pad+lh*0.78, cl.ids)
					}
					x += ws[k]
				}
			}
		}})
	}
	if omitted > 0 {
		out = append(out, r.noteLines(fmt.Sprintf("表中各单位只列出未报项目的编号，写不下的以“等”省略，另有%d%s见%s。", omitted, c.CountWord(), c.WorkbookWords()), pt)...)
	}
	return out, omitted
}

// noteLines is a closing sentence, wrapped, in bold.
func (r *renderer) noteLines(s string, pt float64) []piece {
	lh := lineH(pt)
	r.font("B", pt)
	var out []piece
	for i, l := range cjk.Wrap(s, chaseW, r.width) {
		top := 0.0
		if i == 0 {
			top = 1.5
		}
		out = append(out, piece{h: lh + top, draw: func(y float64) {
			r.where = "说明"
			r.font("B", pt)
			r.text(chaseMarginL, y+top+lh*0.78, l)
		}})
	}
	return out
}

// chaseRunning names the units with their counts in running text, as many
// as fit; the units and items it cannot name are counted in its last
// sentence. Only a list of hundreds of units comes to this.
func (r *renderer) chaseRunning(c brief.ChaseList, units []brief.ChaseUnit, room float64) ([]piece, int) {
	pt := chaseMinPt
	text := func(k int) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = fmt.Sprintf("%s%d项", units[i].Unit, len(units[i].Missing))
		}
		return "未报送的单位及项数：" + strings.Join(parts, "、") + "。"
	}
	closing := func(k int) string {
		if k < len(units) {
			rest := 0
			for _, u := range units[k:] {
				rest += len(u.Missing)
			}
			return fmt.Sprintf("另有%d个单位（%d%s）未能列出。各单位的未报项目共%d%s，见%s。",
				len(units)-k, rest, c.CountWord(), c.MissingCount(), c.CountWord(), c.WorkbookWords())
		}
		return fmt.Sprintf("各单位的未报项目共%d%s，见%s。", c.MissingCount(), c.CountWord(), c.WorkbookWords())
	}
	build := func(k int) []piece {
		lh := lineH(pt)
		r.font("", pt)
		var out []piece
		for _, l := range cjk.Wrap(text(k), chaseW, r.width) {
			out = append(out, piece{h: lh, draw: func(y float64) {
				r.where = "单位列表"
				r.font("", pt)
				r.text(chaseMarginL, y+lh*0.78, l)
			}})
		}
		return append(out, r.noteLines(closing(k), pt)...)
	}
	lo, hi, best := 1, len(units), 0
	for lo <= hi {
		k := (lo + hi) / 2
		if heightOf(build(k)) <= room {
			best, lo = k, k+1
		} else {
			hi = k - 1
		}
	}
	return build(best), c.MissingCount()
}
