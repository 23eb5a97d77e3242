package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

const prefSheetFolder = "sheet.folder"

// sheetMenu offers the spreadsheet actions.
func (u *UI) sheetMenu(anchor fyne.CanvasObject) {
	m := fyne.NewMenu("",
		fyne.NewMenuItem(tr("从Excel/CSV导入实际值…"), u.chooseImport),
		fyne.NewMenuItem(tr("导出Excel工作簿…"), func() { u.chooseSave(u.workbookName(), u.writeWorkbook) }),
		fyne.NewMenuItem(tr("保存填报模板…"), func() { u.chooseSave(tr("填报模板.xlsx"), u.writeTemplate) }),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(anchor)
	widget.ShowPopUpMenuAtPosition(m, u.win.Canvas(), pos.Add(fyne.NewPos(0, anchor.Size().Height)))
}

func (u *UI) chooseImport() {
	req := fileRequest{title: tr("从Excel/CSV导入实际值"), folder: u.prefs.String(prefSheetFolder),
		kind: tr("Excel 工作簿或 CSV 文件"), exts: []string{".xlsx", ".csv"}}
	u.files.open(req, func(path string) {
		u.prefs.SetString(prefSheetFolder, filepath.Dir(path))
		u.previewImport(path)
	})
}

// previewImport reads a file and shows what importing it would do; the
// import button is enabled only when no row has a problem.
func (u *UI) previewImport(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		u.showError(fmt.Errorf("无法读取“%s”：%w", path, err))
		return
	}
	tables, err := sheet.Read(path, data)
	if err != nil {
		u.showError(err)
		return
	}
	p, err := sheet.Plan(u.review, tables, filepath.Base(path), u.isLocked)
	var noHeader *sheet.HeaderError
	if errors.As(err, &noHeader) {
		err = fmt.Errorf("%w%s", err, tr("（可在“Excel”菜单中点“保存填报模板…”，按模板填写）"))
	}
	if err != nil {
		u.showError(err)
		return
	}
	u.lastPreview = &p
	t := u.previewTable(p.Rows)
	problems := p.Problems()
	corrections := p.Count(sheet.Corrects)
	summary := trf("文件“{{.F}}”工作表“{{.S}}”：新增{{.N}}条，更正{{.C}}条，无变化{{.U}}条，备注{{.K}}条，问题{{.P}}处。",
		"F", p.File, "S", p.Sheet, "N", p.Count(sheet.New), "C", corrections, "U", p.Count(sheet.Same),
		"K", notesIn(p), "P", len(problems))
	msg := wrapLabel(summary)
	overwrite := widget.NewCheck(tr("以文件为准更正已录入的值"), nil)
	var importBtn *widget.Button
	update := func() {
		switch {
		case len(problems) > 0:
			importBtn.Disable()
		case corrections > 0 && !overwrite.Checked:
			importBtn.Disable()
		case len(p.Writes()) == 0:
			importBtn.Disable()
		default:
			importBtn.Enable()
		}
	}
	var d *dialog.CustomDialog
	importBtn = widget.NewButton(trf("导入{{.N}}条", "N", len(p.Writes())), func() {
		if err := u.applyImport(p); err != nil {
			u.showError(err)
			return
		}
		d.Hide()
	})
	importBtn.Importance = widget.HighImportance
	overwrite.OnChanged = func(bool) { update() }
	top := container.NewVBox(msg)
	if len(problems) > 0 {
		warn := wrapLabel(tr("有问题的行须在文件中改正后重新导入；在此之前不会写入任何数据。"))
		warn.Importance = widget.DangerImportance
		top.Add(warn)
		// The problems in full: a table cell would cut them short.
		for i, pr := range problems {
			if i == 8 {
				top.Add(wrapLabel(trf("……另有{{.N}}处问题，见表中各行。", "N", len(problems)-8)))
				break
			}
			l := wrapLabel(pr)
			l.Importance = widget.DangerImportance
			top.Add(l)
		}
	}
	if corrections > 0 {
		top.Add(overwrite)
	}
	update()
	d = dialog.NewCustomWithoutButtons(tr("导入预览"), container.NewBorder(top, nil, nil, nil, container.New(t.layout, t.Table)), u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), d.Hide), importBtn})
	d.Resize(fyne.NewSize(u.win.Canvas().Size().Width*0.92, u.win.Canvas().Size().Height*0.85))
	u.importBtn, u.importOverwrite = importBtn, overwrite
	d.Show()
}

// previewColumns are the import preview's columns: each keeps its minimum
// width, and the width beyond is shared by weight.
var previewColumns = []struct {
	title       string
	min, weight float32
}{{"行", 40, 0}, {"编号", 72, 0}, {"名称", 120, 2}, {"期间", 64, 0}, {"数值", 88, 0.5}, {"变化", 96, 1},
	{"备注", 100, 1.5}, {"将得状态或问题", 160, 3}}

// preview is the import preview's table and the layout that fits its
// columns to the dialog.
type preview struct {
	*widget.Table
	layout fitColumns
}

func (u *UI) previewTable(rows []sheet.Row) preview {
	t := widget.NewTableWithHeaders(func() (int, int) { return len(rows), len(previewColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, bad := previewCell(rows[id.Row], id.Col)
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
			o.(*widget.Label).SetText(tr(previewColumns[id.Col].title))
		}
	}
	var sumWeight float32
	for _, c := range previewColumns {
		sumWeight += c.weight
	}
	lay := fitColumns{t: t, gap: u.app.Settings().Theme().Size(theme.SizeNamePadding)}
	for _, c := range previewColumns {
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
	var rows []store.Import
	for _, w := range p.Writes() {
		imp := store.Import{NoteOn: w.ItemID, Note: w.Note}
		if w.Text != "" && w.Change != sheet.Same {
			a := w.Actual
			imp.Actual = &a
		}
		rows = append(rows, imp)
	}
	if err := u.st.ImportActuals(rows, p.File, who); err != nil {
		return err
	}
	u.changed(trf("已从“{{.F}}”导入：新增{{.N}}条，更正{{.C}}条", "F", p.File, "N", p.Count(sheet.New), "C", p.Count(sheet.Corrects)))
	return nil
}

func (u *UI) workbookName() string {
	return fmt.Sprintf("%d年%s计划执行情况（截至%s）.xlsx", u.asOf.Year, u.plan.City, u.asOf.Label())
}

// chooseSave asks where to save and writes there.
func (u *UI) chooseSave(name string, write func(path string) error) {
	req := fileRequest{title: tr("保存Excel工作簿"), folder: u.prefs.String(prefSheetFolder), name: name,
		kind: tr("Excel 工作簿"), exts: []string{".xlsx"}}
	u.files.save(req, func(path string) {
		path = withExt(path, ".xlsx")
		u.prefs.SetString(prefSheetFolder, filepath.Dir(path))
		if err := write(path); err != nil {
			u.showError(err)
			return
		}
		u.say(tr("已保存：") + path)
	})
}

func (u *UI) writeWorkbook(path string) error {
	notes, err := u.st.Notes("")
	if err != nil {
		return err
	}
	data, err := sheet.Export(u.review, notes, u.asOf)
	if err != nil {
		return err
	}
	return store.WriteFileAtomic(path, data)
}

func (u *UI) writeTemplate(path string) error {
	data, err := sheet.Template(u.plan)
	if err != nil {
		return err
	}
	return store.WriteFileAtomic(path, data)
}
