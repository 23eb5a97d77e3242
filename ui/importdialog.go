package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/sheet"
)

// problemsListed is how many of a file's problems the preview lists in
// full above its table; the rest are marked in the table's rows.
const problemsListed = 8

// importDialog is the import preview: what importing a file would do, and
// the button that does it, enabled only when no row has a problem and
// every correction has been agreed to.
type importDialog struct {
	preview   sheet.Preview
	table     preview
	apply     func(sheet.Preview) error // writes the figures and notes
	showError func(error)

	button    *widget.Button
	overwrite *widget.Check // 以文件为准更正: shown only when the file corrects a figure
	dlg       *dialog.CustomDialog
}

func newImportDialog(p sheet.Preview, t preview, apply func(sheet.Preview) error, showError func(error)) *importDialog {
	d := &importDialog{preview: p, table: t, apply: apply, showError: showError}
	d.overwrite = widget.NewCheck(tr("以文件为准更正已录入的值"), func(bool) { d.update() })
	d.button = widget.NewButton(trf("导入{{.N}}条", "N", len(p.Writes())), d.importNow)
	d.button.Importance = widget.HighImportance
	d.update()
	return d
}

// update enables the import button when the file may be imported.
func (d *importDialog) update() {
	p := d.preview
	switch {
	case len(p.Problems()) > 0,
		p.Count(sheet.Corrects) > 0 && !d.overwrite.Checked,
		len(p.Writes()) == 0:
		d.button.Disable()
	default:
		d.button.Enable()
	}
}

func (d *importDialog) importNow() {
	if err := d.apply(d.preview); err != nil {
		d.showError(err)
		return
	}
	d.dlg.Hide()
}

// summary is the preview's top: what the file holds, its problems in
// full (a table cell would cut them short) and the overwrite box.
func (d *importDialog) summary() *fyne.Container {
	p := d.preview
	problems := p.Problems()
	corrections := p.Count(sheet.Corrects)
	top := container.NewVBox(wrapLabel(trf("文件“{{.F}}”工作表“{{.S}}”：新增{{.N}}条，更正{{.C}}条，无变化{{.U}}条，备注{{.K}}条，问题{{.P}}处。",
		"F", p.File, "S", p.Sheet, "N", p.Count(sheet.New), "C", corrections, "U", p.Count(sheet.Same),
		"K", notesIn(p), "P", len(problems))))
	if len(problems) > 0 {
		warn := wrapLabel(tr("有问题的行须在文件中改正后重新导入；在此之前不会写入任何数据。"))
		warn.Importance = widget.DangerImportance
		top.Add(warn)
		listProblems(top, problems)
	}
	if corrections > 0 {
		top.Add(d.overwrite)
	}
	return top
}

// listProblems adds problems to a preview's top in full, in the danger
// colour, up to problemsListed; the rest are marked in the table's rows.
func listProblems(top *fyne.Container, problems []string) {
	for i, pr := range problems {
		if i == problemsListed {
			top.Add(wrapLabel(trf("……另有{{.N}}处问题，见表中各行。", "N", len(problems)-problemsListed)))
			return
		}
		l := wrapLabel(pr)
		l.Importance = widget.DangerImportance
		top.Add(l)
	}
}

// show opens the preview over most of the window.
func (d *importDialog) show(win fyne.Window) {
	content := container.NewBorder(d.summary(), nil, nil, nil, container.New(d.table.layout, d.table.Table))
	d.dlg = dialog.NewCustomWithoutButtons(tr("导入预览"), content, win)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), d.dlg.Hide), d.button})
	d.dlg.Resize(fyne.NewSize(win.Canvas().Size().Width*0.92, win.Canvas().Size().Height*0.85))
	d.dlg.Show()
}

// previewColumn is a column of a preview table: it keeps its minimum
// width, and the width beyond is shared by weight.
type previewColumn struct {
	title       string
	min, weight float32
}

// previewColumns are the figure import preview's columns.
var previewColumns = []previewColumn{{"行", 40, 0}, {"编号", 72, 0}, {"名称", 120, 2}, {"期间", 64, 0}, {"数值", 88, 0.5}, {"变化", 96, 1},
	{"备注", 100, 1.5}, {"将得状态或问题", 160, 3}}

// preview is a preview's table and the layout that fits its columns to
// the dialog.
type preview struct {
	*widget.Table
	layout fitColumns
}

func (u *UI) previewTable(rows []sheet.Row) preview {
	return u.fittedTable(previewColumns, len(rows), func(row, col int) (string, bool) { return previewCell(rows[row], col) })
}

// fittedTable is a read-only table of n rows whose columns fit the
// dialog (fitColumns); cell gives each cell's text and whether it is a
// problem, shown in the danger colour. The figure import and the plan
// import previews share it, so the two read alike.
func (u *UI) fittedTable(cols []previewColumn, n int, cell func(row, col int) (string, bool)) preview {
	t := widget.NewTableWithHeaders(func() (int, int) { return n, len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, bad := cell(id.Row, id.Col)
			l.Importance = widget.MediumImportance
			if bad {
				l.Importance = widget.DangerImportance
			}
			l.SetText(text)
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(tr(cols[id.Col].title))
		}
	}
	var sumWeight float32
	for _, c := range cols {
		sumWeight += c.weight
	}
	lay := fitColumns{t: t, gap: u.app.Settings().Theme().Size(theme.SizeNamePadding)}
	for _, c := range cols {
		lay.cols = append(lay.cols, column{width: c.min, min: c.min, grow: c.weight / sumWeight})
	}
	return preview{t, lay}
}

// previewCell is what a preview row shows in a column, and whether it is
// a problem. A row whose item or period could not be read shows them as
// typed, so the user sees which line of the file it is.
func previewCell(r sheet.Row, col int) (string, bool) {
	bad := len(r.Problems) > 0
	or := func(read, typed string) string {
		if read != "" {
			return read
		}
		return typed
	}
	switch col {
	case 0:
		return fmt.Sprint(r.Line), false
	case 1:
		return or(r.ItemID, r.TypedID), false
	case 2:
		return or(r.ItemName, r.TypedName), false
	case 3:
		if !r.Actual.Period.IsZero() {
			return periodLabel(r.Actual.Period), false
		}
		return r.TypedPeriod, false
	case 4:
		return or(r.Shown, r.Text), false
	case 5:
		switch {
		case bad:
			return tr("有问题"), true
		case r.Text == "" && r.Note != "":
			return tr("仅添加备注"), false
		}
		return map[sheet.Change]string{sheet.New: tr("新增"), sheet.Same: tr("无变化"),
			sheet.Corrects: tr("更正：") + r.Old + " → " + r.Shown}[r.Change], false
	case 6:
		return r.Note, false
	case 7:
		if bad {
			return strings.Join(r.Problems, "；"), true
		}
		return r.Status.Label, false
	}
	return "", false
}

// notesIn counts the notes an import would add.
func notesIn(p sheet.Preview) int {
	n := 0
	for _, r := range p.Writes() {
		if r.Note != "" {
			n++
		}
	}
	return n
}

// applyImport writes a checked preview in one transaction.
func (u *UI) applyImport(p sheet.Preview) error {
	who := u.reviewer()
	if who == "" {
		return errNoReviewer
	}
	if len(p.Problems()) > 0 {
		return errors.New(tr("有问题的行须在文件中改正后重新导入"))
	}
	rows := p.Imports()
	if err := u.st.ImportActuals(rows, p.File, who); err != nil {
		return err
	}
	u.changed(trf("已从“{{.F}}”导入：新增{{.N}}条，更正{{.C}}条", "F", p.File, "N", p.Count(sheet.New), "C", p.Count(sheet.Corrects)))
	return nil
}
