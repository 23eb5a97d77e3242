package ui

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

const (
	prefExportFolder  = "export.folder"
	prefExportMarking = "export.marking"
)

var partNames = []string{"一、总体情况", "二、主要指标完成情况", "三、需关注事项", "四、重点工作推进情况", "五、房屋征收计划"}

// exportResult is the last export, for tests and the result dialog.
type exportResult struct {
	path string
	rep  pdf.Report
	err  error
}

// exportDialog asks for the brief's period, parts, notes, marking and file,
// then writes the PDF in the background and offers to open it.
func (u *UI) exportDialog() {
	period := u.periodSelect(u.asOf, false)
	parts := widget.NewCheckGroup(partNames, nil)
	parts.Selected = append([]string(nil), partNames...)
	notes := widget.NewCheck(tr("包含审阅备注"), nil)
	notes.SetChecked(true)
	marking := widget.NewSelectEntry([]string{"内部资料", "内部资料 注意保存", "征求意见稿"})
	marking.OnCursorChanged = func() { placeIME(marking, &marking.Entry) }
	marking.SetText(u.prefs.StringWithFallback(prefExportMarking, "内部资料"))
	unit := newEscEntry(nil)
	unit.SetText(u.prefs.String(prefUnit))
	file := newEscEntry(nil)
	folder := u.prefs.String(prefExportFolder)
	if folder == "" {
		if home, err := os.UserHomeDir(); err == nil {
			folder = home
			if docs := filepath.Join(home, "Documents"); isDir(docs) {
				folder = docs
			}
		}
	}
	file.SetText(filepath.Join(folder, u.defaultBriefName(u.asOf)))
	gap := wrapLabel("")
	gap.Importance = widget.WarningImportance
	u.showPeriodGap(gap, u.asOf)
	period.OnChanged = func(string) {
		p := u.selectedPeriod(period, false)
		file.SetText(filepath.Join(filepath.Dir(file.Text), u.defaultBriefName(p)))
		u.showPeriodGap(gap, p)
	}
	choose := widget.NewButton(tr("选择文件夹…"), func() {
		u.files.folder(fileRequest{title: tr("选择保存简报的文件夹"), folder: filepath.Dir(file.Text)}, func(dir string) {
			file.SetText(filepath.Join(dir, filepath.Base(file.Text)))
		})
	})
	f := u.newForm(tr("生成执行情况简报（PDF）"), func(f *form) bool {
		path := strings.TrimSpace(file.Text)
		if path == "" {
			f.fail(tr("文件"), errors.New(tr("请填写要保存的文件名")))
			return false
		}
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		if !isDir(filepath.Dir(path)) {
			f.fail(tr("文件"), fmt.Errorf("%s", trf("文件夹“{{.D}}”不存在", "D", filepath.Dir(path))))
			return false
		}
		var keys []string
		for i, n := range partNames {
			for _, s := range parts.Selected {
				if s == n {
					keys = append(keys, brief.AllParts[i])
				}
			}
		}
		if len(keys) == 0 {
			f.fail(tr("内容"), errors.New(tr("请至少选择一个部分")))
			return false
		}
		u.prefs.SetString(prefExportFolder, filepath.Dir(path))
		u.prefs.SetString(prefExportMarking, strings.TrimSpace(marking.Text))
		o := brief.Options{AsOf: u.selectedPeriod(period, false), Date: time.Now(), Unit: strings.TrimSpace(unit.Text),
			Reviewer: strings.TrimSpace(u.prefs.String(prefName)), Marking: strings.TrimSpace(marking.Text),
			Parts: keys, Notes: notes.Checked}
		u.runExport(o, path)
		return true
	})
	f.add(tr("截至期间"), container.NewVBox(period, gap), "")
	f.add(tr("内容"), parts, "")
	f.add(tr("备注"), notes, "")
	f.add(tr("密级标注"), marking, tr("留空则不标注"))
	f.add(tr("编制单位"), unit, "")
	f.add(tr("文件"), container.NewBorder(nil, nil, nil, choose, file), "")
	f.show()
}

// showPeriodGap warns in the export dialog, before anything is written,
// when most indicators have no figure of the chosen period.
func (u *UI) showPeriodGap(l *widget.Label, p domain.Period) {
	g := brief.PeriodGapOf(u.review, p)
	if !g.Most() {
		l.Hide()
		return
	}
	text := trf("所选期间{{.P}}，{{.T}}项主要指标中{{.M}}项尚无该期数据。", "P", periodLabel(p), "T", g.Total, "M", g.Missing)
	if g.Behind() {
		text = trf("所选期间{{.P}}，{{.T}}项主要指标中{{.M}}项尚无该期数据（最新数据为{{.N}}）。",
			"P", periodLabel(p), "T", g.Total, "M", g.Missing, "N", periodLabel(g.Newest))
	}
	setWrapped(l, text)
	l.Show()
}

// defaultBriefName is 2023年嘉兴市计划执行情况简报（截至1-9月）.pdf.
func (u *UI) defaultBriefName(p domain.Period) string {
	return fmt.Sprintf("%d年%s计划执行情况简报（截至%s）.pdf", p.Year, u.plan.City, p.Label())
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// runExport writes the brief in the background with a progress dialog,
// then shows the result.
func (u *UI) runExport(o brief.Options, path string) {
	progress := dialog.NewCustomWithoutButtons(tr("正在生成简报…"), widget.NewProgressBarInfinite(), u.win)
	progress.Show()
	r, notesErr := u.review, error(nil)
	notes, notesErr := u.st.Notes("")
	go func() {
		var res exportResult
		res.path = path
		if notesErr != nil {
			res.err = notesErr
		} else {
			var buf bytes.Buffer
			res.rep, res.err = pdf.Export(r, notes, o, &buf)
			if res.err == nil {
				res.err = store.WriteFileAtomic(path, buf.Bytes())
			}
		}
		u.do(func() {
			progress.Hide()
			u.lastExport = &res
			u.showExportResult(res)
		})
	}()
}

func (u *UI) showExportResult(res exportResult) {
	if res.err != nil {
		u.showError(res.err)
		return
	}
	msg := trf("已生成简报：{{.P}}（共{{.N}}页）", "P", res.path, "N", res.rep.Pages)
	u.say(msg)
	body := container.NewVBox(wrapLabel(msg))
	if len(res.rep.Missing) > 0 {
		warn := wrapLabel(pdf.MissingText(res.rep.Missing))
		warn.Importance = widget.WarningImportance
		body.Add(warn)
	}
	d := dialog.NewCustomWithoutButtons(tr("简报已生成"), body, u.win)
	open := widget.NewButton(tr("打开PDF"), func() {
		d.Hide()
		u.openPath(res.path)
	})
	open.Importance = widget.HighImportance
	folder := widget.NewButton(tr("打开所在文件夹"), func() {
		d.Hide()
		u.openPath(filepath.Dir(res.path))
	})
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("关闭"), d.Hide), folder, open})
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// openPath asks the system to open a local file or folder.
func (u *UI) openPath(p string) {
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}); err != nil {
		u.showError(err)
	}
}
