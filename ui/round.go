package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// 发起填报…: a reporting round started from the window, as `round start`
// does — one workbook per unit with items, written into a folder.

func (u *UI) startRoundForm() {
	period := u.periodSelect(u.asOf, false)
	due := newEscEntry(nil)
	due.SetPlaceHolder(fmt.Sprintf("%d-10-10", u.plan.Year))
	folder := newEscEntry(nil)
	folder.SetText(u.prefs.String(prefSheetFolder))
	pick := widget.NewButtonWithIcon(tr("选择…"), theme.FolderOpenIcon(), func() {
		u.files.folder(fileRequest{title: tr("选择存放填报表的文件夹"), folder: folder.Text}, func(p string) { folder.SetText(p) })
	})
	f := u.newForm(tr("发起一轮填报"), func(f *form) bool {
		by, ok := f.by()
		if !ok {
			return false
		}
		p := u.selectedPeriod(period, false)
		dir := strings.TrimSpace(folder.Text)
		if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
			f.fail(tr("文件夹"), fmt.Errorf("%s", tr("请选择一个已有的文件夹")))
			return false
		}
		rp, err := u.st.PlanRound(p, due.Text)
		if err != nil {
			f.fail("", err)
			return false
		}
		files, err := sheet.RoundFiles(u.review, rp)
		if err != nil {
			f.fail("", err)
			return false
		}
		for _, file := range files {
			if _, err := os.Stat(filepath.Join(dir, file.Name)); err == nil {
				f.fail(tr("文件夹"), fmt.Errorf("%s", trf("文件夹中已有“{{.F}}”：请换一个空文件夹", "F", file.Name)))
				return false
			}
		}
		r, err := u.st.SaveRound(rp, by)
		if err != nil {
			f.fail("", err)
			return false
		}
		for _, file := range files {
			if err := store.WriteFileAtomic(filepath.Join(dir, file.Name), file.Data); err != nil {
				u.changed("")
				u.showError(fmt.Errorf("%s：%w", trf("已记录填报轮次 {{.R}}，但写入“{{.F}}”失败（可撤销这次发起后重试）", "R", r.ID, "F", file.Name), err))
				return true
			}
		}
		u.prefs.SetString(prefSheetFolder, dir)
		u.changed(trf("已发起{{.P}}填报（轮次 {{.R}}）：{{.N}}个单位的填报表已存入 {{.D}}", "P", periodLabel(p), "R", r.ID,
			"N", len(files), "D", dir))
		return true
	})
	f.saveLabel = tr("生成填报表（Enter）")
	f.add(tr("填报期间"), period, "")
	f.add(tr("截止日期"), due, tr("如：2023-10-10，须在所填期间结束之后"))
	f.add(tr("文件夹"), container.NewBorder(nil, nil, nil, pick, folder), tr("每个有项目的责任单位一个工作簿，文件名如：2023年1-9月_市商务局_填报.xlsx"))
	f.show()
}
