package ui

import (
	"bytes"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// exportResult is how one export ended: the file, what the brief holds,
// or why it was not written.
type exportResult struct {
	path string
	// format is the brief's, by path's extension (brief.FormatFor).
	format brief.Format
	rep    pdf.Report
	err    error
}

// briefRun writes a brief in the background behind a progress dialog:
// the window stays usable while the PDF is drawn.
type briefRun struct {
	win    fyne.Window
	review *domain.Review // the review at the time the dialog was confirmed
	notes  func(itemID string) ([]domain.Note, error)
	mark   func() (int64, error) // the newest history row, recorded in the brief's stamp
	do     func(func())          // runs work on the main goroutine while the window is open
	// finished is called on the main goroutine once the brief is written
	// or has failed.
	finished func(exportResult)
}

// briefRun is the export of the window's current review, ending in
// u.briefWritten.
func (u *UI) briefRun() briefRun {
	return briefRun{win: u.win, review: u.review, notes: u.st.Notes, mark: u.st.LastChangeID, do: u.do, finished: u.briefWritten}
}

// start writes the brief for o to path.
func (b briefRun) start(o brief.Options, path string) {
	progress := dialog.NewCustomWithoutButtons(tr("正在生成简报…"), widget.NewProgressBarInfinite(), b.win)
	progress.Show()
	notes, notesErr := b.notes("")
	if notesErr == nil && b.mark != nil {
		o.HistoryMark, notesErr = b.mark()
	}
	go func() {
		res := exportResult{path: path, err: notesErr}
		if res.err == nil {
			res.format, res.err = brief.FormatFor(path)
		}
		if res.err == nil {
			var buf bytes.Buffer
			if res.format == brief.FormatWord {
				res.err = docx.Export(b.review, notes, o, &buf)
			} else {
				res.rep, res.err = pdf.Export(b.review, notes, o, &buf)
			}
			if res.err == nil {
				res.err = store.WriteFileAtomic(path, buf.Bytes())
			}
		}
		b.do(func() {
			progress.Hide()
			b.finished(res)
		})
	}()
}

// showExportResult says where the brief went and offers to open it.
func (u *UI) showExportResult(res exportResult) {
	if res.err != nil {
		u.showError(res.err)
		return
	}
	msg := trf("已生成简报：{{.P}}（共{{.N}}页）", "P", res.path, "N", res.rep.Pages)
	openText := tr("打开PDF")
	if res.format == brief.FormatWord {
		// Word lays out its own pages: no count to give.
		msg = trf("已生成简报（Word）：{{.P}}", "P", res.path)
		openText = tr("打开Word文档")
	}
	u.say(msg)
	body := container.NewVBox(wrapLabel(msg))
	if len(res.rep.Missing) > 0 {
		warn := wrapLabel(pdf.MissingText(res.rep.Missing))
		warn.Importance = widget.WarningImportance
		body.Add(warn)
	}
	d := dialog.NewCustomWithoutButtons(tr("简报已生成"), body, u.win)
	open := widget.NewButton(openText, func() {
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
