package ui

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/rounds"
)

// 导入回执…: the units' returned round workbooks, chosen a folder or a file
// at a time, each checked by model/rounds as `round collect` checks it and
// shown as a block — unit, round, rows filled, what each row would do, or
// the named refusal — before 写入 writes the accepted ones, each file in
// its own transaction; a refused file is left untouched.

// collectHooks is what the dialog needs of the window.
type collectHooks struct {
	files    fileDialogs
	folder   func() string    // the folder the dialogs open in
	remember func(dir string) // the folder last chosen
	list     func(paths []string) ([]string, error)
	check    func(path string) rounds.Checked
	write    func([]rounds.Checked) ([]rounds.Outcome, error)
	// written is told, after 写入, what was written, for the window to
	// reload and say so.
	written   func(msg string)
	conflicts func() // opens 待裁定数据
	showError func(error)
}

// collectEntry is one chosen workbook: its check and, once 写入 has run,
// what became of it.
type collectEntry struct {
	path    string
	checked rounds.Checked
	outcome *rounds.Outcome
}

// collectDialog owns the chosen workbooks and the preview's widgets.
type collectDialog struct {
	hooks   collectHooks
	win     fyne.Window
	entries []*collectEntry

	blocks   *fyne.Container // one block per workbook
	scroll   *container.Scroll
	summary  *widget.Label
	result   *widget.Label
	writeBtn *keyButton
	closeBtn *keyButton
	resolve  *keyButton // 裁定…, shown when a return conflicts
	dlg      *dialog.CustomDialog
}

func newCollectDialog(win fyne.Window, h collectHooks) *collectDialog {
	d := &collectDialog{hooks: h, win: win, blocks: container.NewVBox()}
	d.summary = wrapLabel("")
	d.result = wrapLabel("")
	d.result.Importance = widget.HighImportance
	d.result.Hide()
	d.writeBtn = newKeyButton(tr("写入"), d.writeNow, d.close)
	d.writeBtn.Importance = widget.HighImportance
	d.closeBtn = newKeyButton(tr("关闭"), d.close, d.close)
	d.resolve = newKeyButton(tr("待裁定数据…"), func() { d.hooks.conflicts() }, d.close)
	d.resolve.Hide()
	d.scroll, _ = newWheelScroll(d.blocks)
	d.update()
	return d
}

// show opens the dialog over most of the window: the blocks scroll, the
// choosers above and the buttons below stay in view on a 1024×600 screen.
func (d *collectDialog) show() {
	folder := newKeyButton(tr("选择文件夹…"), d.chooseFolder, d.close)
	folder.Icon = theme.FolderOpenIcon()
	file := newKeyButton(tr("添加文件…"), d.chooseFile, d.close)
	file.Icon = theme.FileIcon()
	top := container.NewVBox(
		wrapLabel(tr("选择各单位交回的填报表（.xlsx）所在的文件夹，或逐个添加文件。先检查、预览，按“写入”才写入数据库；有问题的文件不写入。")),
		container.NewHBox(folder, file))
	bottom := container.NewVBox(widget.NewSeparator(), d.summary, d.result)
	content := container.NewBorder(top, bottom, nil, nil, d.scroll)
	d.dlg = dialog.NewCustomWithoutButtons(tr("导入回执"), content, d.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.closeBtn, d.resolve, d.writeBtn})
	size := d.win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.9))
	escCloses(d.win, d.dlg)
	d.dlg.Show()
	d.win.Canvas().Focus(folder)
}

func (d *collectDialog) close() { d.dlg.Hide() }

func (d *collectDialog) chooseFolder() {
	req := fileRequest{title: tr("选择回执所在的文件夹"), folder: d.hooks.folder()}
	d.hooks.files.folder(req, func(dir string) {
		d.hooks.remember(dir)
		d.add([]string{dir})
	})
}

func (d *collectDialog) chooseFile() {
	req := fileRequest{title: tr("添加回执文件"), folder: d.hooks.folder(), kind: tr("Excel 工作簿"), exts: []string{".xlsx"}}
	d.hooks.files.open(req, func(path string) {
		d.hooks.remember(filepath.Dir(path))
		d.add([]string{path})
	})
}

// add checks the workbooks named (a folder: its .xlsx files, by the rule
// `round collect` follows) and adds each not already in the list.
func (d *collectDialog) add(paths []string) {
	files, err := d.hooks.list(paths)
	if err != nil {
		d.hooks.showError(err)
		return
	}
	have := map[string]bool{}
	for _, e := range d.entries {
		have[e.path] = true
	}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			f = abs
		}
		if have[f] {
			continue
		}
		have[f] = true
		d.entries = append(d.entries, &collectEntry{path: f, checked: d.hooks.check(f)})
	}
	d.update()
}

// pending are the workbooks not yet through 写入.
func (d *collectDialog) pending() []*collectEntry {
	var out []*collectEntry
	for _, e := range d.entries {
		if e.outcome == nil {
			out = append(out, e)
		}
	}
	return out
}

// writeNow writes the pending workbooks: the accepted ones each in a
// transaction, the refused ones not at all.
func (d *collectDialog) writeNow() {
	pend := d.pending()
	if len(pend) == 0 {
		return
	}
	checked := make([]rounds.Checked, len(pend))
	for i, e := range pend {
		checked[i] = e.checked
	}
	outs, err := d.hooks.write(checked)
	if err != nil {
		d.hooks.showError(err)
		return
	}
	if len(outs) != len(pend) {
		d.hooks.showError(errors.New(tr("写入结果与所选文件数不符")))
		return
	}
	written, refused, held := 0, 0, 0
	for i := range outs {
		pend[i].outcome = &outs[i]
		if outs[i].Refused != nil {
			refused++
		} else {
			written++
			held += outs[i].Held
		}
	}
	msg := trf("已写入{{.N}}个文件，{{.M}}个未写入（原因见上）", "N", written, "M", refused)
	if refused == 0 {
		msg = trf("已写入{{.N}}个文件", "N", written)
	}
	if held > 0 {
		msg += tr("；") + trf("{{.N}}条待裁定", "N", held)
		d.resolve.Show()
		d.resolve.SetText(trf("裁定{{.N}}条…", "N", held))
	}
	setWrapped(d.result, msg)
	d.result.Show()
	d.update()
	d.hooks.written(msg)
}

// update rebuilds the blocks and sets the buttons: 写入 while a pending
// workbook is acceptable.
func (d *collectDialog) update() {
	d.blocks.Objects = nil
	accepted, refused := 0, 0
	var refusedNames []string
	col := newBadgeColumn()
	for _, e := range d.entries {
		d.blocks.Add(collectBlock(e, col))
		if e.outcome == nil {
			if e.checked.Refused != nil {
				refused++
				refusedNames = append(refusedNames, e.checked.File)
			} else {
				accepted++
			}
		}
	}
	if len(d.entries) == 0 {
		d.blocks.Add(wrapLabel(tr("尚未选择文件。")))
	}
	d.blocks.Refresh()
	sum := trf("待写入：{{.N}}个文件可写入，{{.M}}个有问题不能写入。", "N", accepted, "M", refused)
	if refused > 0 {
		// The blocks of refused files may be below the fold on a 1024×600
		// screen: the line that is always in view names them.
		sum += trf("不能写入的：{{.F}}（原因见上方各文件）", "F", fileList(refusedNames))
	}
	setWrapped(d.summary, sum)
	d.summary.Show()
	if len(d.entries) > 0 && len(d.pending()) == 0 {
		d.summary.Hide() // all through 写入: the result below says what became of them
	}
	if accepted > 0 {
		d.writeBtn.Enable()
		d.writeBtn.SetText(trf("写入{{.N}}个文件", "N", accepted))
	} else {
		d.writeBtn.Disable()
		d.writeBtn.SetText(tr("写入"))
	}
}

// collectReturns opens 导入回执 (表格 › 导入回执…).
func (u *UI) collectReturns() *collectDialog {
	// One checker reads the figures, locks and units once for all the
	// files previewed together (reading them per file was half a
	// 50-file preview's time) and foresees what a file meets from the
	// ones checked before it (rounds.Checked.Earlier); a write makes them
	// stale, so the next file gets a fresh one.
	var k *rounds.Checker
	d := newCollectDialog(u.win, collectHooks{
		files:    u.files,
		folder:   func() string { return u.prefs.String(prefSheetFolder) },
		remember: func(dir string) { u.prefs.SetString(prefSheetFolder, dir) },
		list:     rounds.Files,
		check: func(path string) rounds.Checked {
			if k == nil {
				k = rounds.NewChecker(u.st)
			}
			return k.CheckFile(path)
		},
		write: func(cs []rounds.Checked) ([]rounds.Outcome, error) {
			who := u.reviewer()
			if who == "" {
				return nil, errNoReviewer
			}
			k = nil
			return rounds.Collect(u.st, cs, who, rounds.Hold)
		},
		written:   u.changed, // which refreshes the round view too
		conflicts: func() { u.showConflicts("") },
		showError: u.showError,
	})
	d.show()
	return d
}

// fileList names files for a line: the first three, and how many more.
func fileList(names []string) string {
	const shown = 3
	if len(names) <= shown {
		return strings.Join(names, tr("、"))
	}
	return trf("{{.F}}等{{.N}}个", "F", strings.Join(names[:shown], tr("、")), "N", len(names))
}
