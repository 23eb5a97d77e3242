package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

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
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(tr("发起填报…"), u.startRoundForm),
		fyne.NewMenuItem(tr("导入回执…"), func() { u.collectReturns() }),
		fyne.NewMenuItem(tr("待裁定数据…"), func() { u.showConflicts("") }),
		fyne.NewMenuItem(tr("填报情况（催报）…"), u.roundStatusView),
	)
	showMenuUnder(m, u.win, anchor)
}

func (u *UI) chooseImport() {
	req := fileRequest{title: tr("从Excel/CSV导入实际值"), folder: u.prefs.String(prefSheetFolder),
		kind: tr("Excel 工作簿或 CSV 文件"), exts: []string{".xlsx", ".csv"}}
	u.files.open(req, func(path string) {
		u.prefs.SetString(prefSheetFolder, filepath.Dir(path))
		u.previewImport(path)
	})
}

// previewImport reads a file and shows what importing it would do in an
// importDialog, which it returns; nil when the file cannot be read (the
// error is shown).
func (u *UI) previewImport(path string) *importDialog {
	data, err := os.ReadFile(path)
	if err != nil {
		u.showError(fmt.Errorf("%s%w", trf("无法读取“{{.File}}”：", "File", path), err))
		return nil
	}
	tables, err := sheet.Read(path, data)
	if err != nil {
		u.showError(err)
		return nil
	}
	p, err := sheet.Plan(u.review, tables, filepath.Base(path), u.isLocked)
	var noHeader *sheet.HeaderError
	if errors.As(err, &noHeader) {
		err = fmt.Errorf("%w%s", err, tr("（可在“Excel”菜单中点“保存填报模板…”，按模板填写）"))
	}
	if err != nil {
		u.showError(err)
		return nil
	}
	d := newImportDialog(p, u.previewTable(p.Rows), u.applyImport, u.showError)
	d.show(u.win)
	return d
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
