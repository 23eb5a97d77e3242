package sheet

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/domain"
)

// workbook wraps excelize with the styles the two workbooks share.
type workbook struct {
	f      *excelize.File
	header int
	group  int
	wrap   int
	tone   map[domain.Tone]int
	// started: the default "Sheet1" is gone and the first sheet active.
	started bool
}

// begin drops excelize's default sheet once the first real one exists.
// Done then, not when writing out: deleting a sheet or choosing the
// active one makes excelize read every sheet back into memory, undoing
// what the stream writer saved (and taking longer than the export).
func (w *workbook) begin() {
	if !w.started {
		w.f.DeleteSheet("Sheet1")
		w.f.SetActiveSheet(0)
		w.started = true
	}
}

func newWorkbook() (*workbook, error) {
	f := excelize.NewFile()
	w := &workbook{f: f, tone: map[domain.Tone]int{}}
	font := &excelize.Font{Family: "等线", Size: 11}
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	var err error
	if w.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "等线", Size: 11, Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DEE4EC"}}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return nil, err
	}
	if w.group, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "等线", Size: 11, Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F0F0F0"}}, Border: border}); err != nil {
		return nil, err
	}
	if w.wrap, err = f.NewStyle(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return nil, err
	}
	for _, t := range []domain.Tone{domain.ToneExceeded, domain.ToneGood, domain.ToneNearly, domain.ToneBad, domain.ToneNone} {
		rgb, dark := domain.ToneColour(t)
		fg := "FFFFFF"
		if dark {
			fg = "000000"
		}
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "等线", Size: 11, Bold: true, Color: fg},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fmt.Sprintf("%02X%02X%02X", rgb.R, rgb.G, rgb.B)}},
			Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
		if err != nil {
			return nil, err
		}
		w.tone[t] = id
	}
	return w, nil
}

// sheet adds a sheet with a header row, frozen, and column widths.
func (w *workbook) sheet(name string, cols []string, widths []float64) error {
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	w.begin()
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		w.f.SetCellValue(name, cell, c)
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.f.SetColWidth(name, col, col, widths[i])
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	w.f.SetCellStyle(name, "A1", last, w.header)
	return w.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// streamSheet writes a sheet like sheet does, its rows given by fill one
// at a time through excelize's stream writer. The figures sheet has a row
// per recorded figure (120,000 for a 10,000-item plan), which the
// cell-by-cell API kept in memory as a tree of cells until the end.
func (w *workbook) streamSheet(name string, cols []string, widths []float64, fill func(add func(vals ...any) error) error) error {
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	w.begin()
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, wd := range widths { // before any row, as the stream writer needs
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: w.header, Value: c}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := 2
	add := func(vals ...any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, vals)
	}
	if err := fill(add); err != nil {
		return err
	}
	return sw.Flush()
}

func (w *workbook) bytes() ([]byte, error) {
	w.begin()
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), w.f.Close()
}

// table writes a brief table to a sheet: group rows and item rows, the
// status cell in its colour.
func (w *workbook) table(name string, t *brief.Table) error {
	var cols []string
	var widths []float64
	status := -1
	for i, c := range t.Columns {
		cols = append(cols, c.Title)
		widths = append(widths, c.Width*10)
		if c.Title == "状态" {
			status = i
		}
	}
	if err := w.sheet(name, cols, widths); err != nil {
		return err
	}
	// Printed from Excel, a table is one landscape page wide.
	landscape, wide, tall, fit := "landscape", 1, 0, true
	w.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
	w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit})
	r := 2
	last, _ := excelize.ColumnNumberToName(len(cols))
	for _, g := range t.Groups {
		if g.Title != "" {
			w.f.SetCellValue(name, fmt.Sprintf("A%d", r), g.Title)
			w.f.MergeCell(name, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r))
			w.f.SetCellStyle(name, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r), w.group)
			r++
		}
		for _, row := range g.Rows {
			// Excel does not grow a row for wrapped text written by a
			// program: set the height from the longest cell.
			lines := 1.0
			for i, c := range row.Cells {
				lines = math.Max(lines, math.Ceil(textWidth(c)/(widths[i]-1)))
			}
			w.f.SetRowHeight(name, r, 15*lines)
			for i, c := range row.Cells {
				cell, _ := excelize.CoordinatesToCellName(i+1, r)
				w.f.SetCellValue(name, cell, c)
				style := w.wrap
				if i == status {
					style = w.tone[row.Status.Code.Tone()]
				}
				w.f.SetCellStyle(name, cell, cell, style)
			}
			r++
		}
	}
	return nil
}

// textWidth is a cell text's width in Excel's character units: Chinese
// takes two.
func textWidth(s string) float64 {
	w := 0.0
	for _, line := range strings.Split(s, "\n") {
		lw := 0.0
		for _, r := range line {
			if r < 0x80 {
				lw++
			} else {
				lw += 2
			}
		}
		w += math.Max(lw, 1)
	}
	return w
}

// Export writes the plan table as a workbook: 表1 (the main indicators by
// category), 表2 (commitments and milestones), 表3 (parcels) as the brief
// shows them at asOf, then every recorded figure (a sheet an import reads
// back unchanged) and the notes.
func Export(r *domain.Review, notes []domain.Note, asOf domain.Period) ([]byte, error) {
	w, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	b := brief.Build(r, notes, brief.Options{AsOf: asOf, Notes: true, AllRows: true,
		Parts: []string{brief.PartIndicators, brief.PartWork, brief.PartParcels}})
	names := []string{"表1 主要指标", "表2 重点工作", "表3 征收地块"}
	for i, part := range b.Parts {
		if err := w.table(names[i], part.Table); err != nil {
			return nil, err
		}
	}
	// Every figure, in the import's own columns, numbers as numbers.
	err = w.streamSheet("实际值", []string{"指标编号", "指标名称", "期间", "实际值", "单位", "来源", "来源日期", "填报人"},
		[]float64{10, 36, 10, 12, 10, 24, 12, 16}, func(add func(vals ...any) error) error {
			for _, it := range r.Plan.Items {
				if it.SameAs != "" {
					continue // recorded on the indicator it repeats
				}
				for _, a := range r.Actuals(it) {
					vals := []any{it.ID, it.Name, a.Period.String(), a.Value, it.Target.Unit, a.Source, a.SourceDate, a.By}
					if a.Outcome != "" {
						vals[3], vals[4] = domain.OutcomeLabel(a.Outcome), ""
					}
					if err := add(vals...); err != nil {
						return err
					}
				}
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = w.streamSheet("备注", []string{"指标编号", "指标名称", "期间", "备注", "填写人", "修改时间"},
		[]float64{10, 36, 10, 60, 16, 18}, func(add func(vals ...any) error) error {
			for _, n := range notes {
				it, _ := r.Plan.Item(n.ItemID)
				p := ""
				if !n.Period.IsZero() {
					p = n.Period.String()
				}
				if err := add(n.ItemID, it.Name, p, n.Body, n.Author, n.Updated.Format("2006-01-02 15:04")); err != nil {
					return err
				}
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	return w.bytes()
}

// Template writes the fill-in workbook a department completes: every
// item recorded on its own (body items repeating an indicator are filled
// on the indicator), with empty 期间 and 实际值, ready to import as it
// comes back.
func Template(p *domain.Plan) ([]byte, error) {
	w, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	const name = "填报"
	if err := w.sheet(name, []string{"指标编号", "指标名称", "预期目标", "期间", "实际值", "来源", "来源日期", "备注"},
		[]float64{10, 40, 26, 12, 12, 24, 12, 40}); err != nil {
		return nil, err
	}
	// 期间 as text: Excel would turn a typed 2023-09 into a date shown as
	// Sep-23.
	text, err := w.f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return nil, err
	}
	row := 2
	for _, it := range p.Items {
		if it.SameAs != "" {
			continue
		}
		w.f.SetCellStyle(name, fmt.Sprintf("D%d", row), fmt.Sprintf("D%d", row), text)
		target := it.Hedge + it.TargetText
		if it.Kind == domain.KindMilestone {
			target = "填：已完成 / 推进中 / 未完成"
		} else if it.Target.Unit != "" {
			target += "（单位：" + it.Target.Unit + "）"
		}
		vals := []any{it.ID, it.DisplayName(), target}
		if err := w.f.SetSheetRow(name, fmt.Sprintf("A%d", row), &vals); err != nil {
			return nil, err
		}
		row++
	}
	return w.bytes()
}
