package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/store"
)

// backupMenu is the 备份 button's menu: back the database up, or
// restore it from a chosen backup or the newest automatic one.
type backupMenu struct {
	win       fyne.Window
	files     fileDialogs
	store     func() *store.Store // the window's store, which a restore replaces
	say       func(string)
	showError func(error)
	restore   func(path string) error // replaces the database and shows it
	verify    func()                  // 简报核验…: check a brief against the data
}

// backupMenu is the menu on the window's store.
func (u *UI) backupMenu() *backupMenu {
	return &backupMenu{win: u.win, files: u.files, store: func() *store.Store { return u.st },
		say: u.say, showError: u.showError, restore: u.restore, verify: u.verifyBrief}
}

// dataMenu opens the backup menu under the toolbar's button.
func (u *UI) dataMenu(anchor fyne.CanvasObject) { u.backupMenu().show(anchor) }

// show opens the menu under anchor.
func (b *backupMenu) show(anchor fyne.CanvasObject) {
	m := fyne.NewMenu("",
		fyne.NewMenuItem(tr("备份数据库…"), b.backUp),
		fyne.NewMenuItem(tr("从备份恢复…"), b.chooseRestore),
		fyne.NewMenuItem(tr("从最新的自动备份恢复…"), b.restoreNewest),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(tr("简报核验…"), b.verify),
	)
	showMenuUnder(m, b.win, anchor)
}

// backUp asks where to save a copy of the database and says what it holds.
func (b *backupMenu) backUp() {
	name := fmt.Sprintf("计划审阅备份-%s.db", time.Now().Format("20060102-1504"))
	b.saveAs(name, ".db", func(path string) error {
		if err := b.store().Backup(path); err != nil {
			return err
		}
		info, err := store.Describe(path)
		if err == nil {
			b.say(tr("已备份：") + path + "（" + info.String() + "）")
		}
		return err
	})
}

// restoreNewest offers the newest automatic backup that opens.
func (b *backupMenu) restoreNewest() {
	info, ok := store.NewestGoodBackup(b.store().Path())
	if !ok {
		b.showError(errors.New(tr("没有可用的自动备份")))
		return
	}
	b.confirmRestore(info.Path)
}

func (b *backupMenu) chooseRestore() {
	b.files.open(fileRequest{title: tr("从备份恢复"), folder: store.BackupDir(b.store().Path()),
		kind: tr("数据库备份"), exts: []string{".db"}}, b.confirmRestore)
}

// confirmRestore shows what a backup holds and, if the reviewer agrees,
// replaces the database with it; the current one is kept as a backup.
func (b *backupMenu) confirmRestore(path string) {
	info, err := store.Describe(path)
	if err != nil {
		b.showError(fmt.Errorf("%s%w", tr("这个文件不能用于恢复："), err))
		return
	}
	msg := trf("用“{{.F}}”替换当前数据库？\n它包含：{{.I}}。\n当前数据库会先另存为备份。", "F", filepath.Base(path), "I", info.String())
	dialog.ShowCustomConfirm(tr("从备份恢复"), tr("恢复"), tr("取消"), wrapLabel(msg), func(ok bool) {
		if ok {
			if err := b.restore(path); err != nil {
				b.showError(err)
			}
		}
	}, b.win)
}

// saveAs asks where to save a file with an extension.
func (b *backupMenu) saveAs(name, ext string, write func(path string) error) {
	b.files.save(fileRequest{title: tr("备份数据库"), name: name, kind: tr("数据库备份"), exts: []string{ext}}, func(path string) {
		if err := write(withExt(path, ext)); err != nil {
			b.showError(err)
		}
	})
}

// restore closes the database, restores the backup over it and opens it
// again.
func (u *UI) restore(from string) error {
	path := u.st.Path()
	u.st.Close()
	info, rerr := store.Restore(path, from, time.Now())
	// On the plan shown, if the backup has it; else on its first plan.
	st, err := store.Open(path, store.Options{Bundle: u.bundle, Plan: u.plan.ID})
	if err != nil {
		st, err = store.Open(path, store.Options{Bundle: u.bundle})
	}
	if err != nil {
		return fmt.Errorf("%s%w", tr("恢复后无法打开数据库："), err)
	}
	u.st = st
	u.planShown() // the backup may hold other plans: the switcher is made again
	if rerr != nil {
		return rerr
	}
	u.say(tr("已从备份恢复：") + info.String())
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// damagedWindow is what the app shows when the database fails its check
// at start: what is wrong, in plain Chinese, and the choices — restore the
// newest good backup, or look at what can still be read, read-only.
func damagedWindow(a fyne.App, w fyne.Window, path string, openErr error, open func(store.Options) (*store.Store, error), start func(*store.Store)) {
	info, hasBackup := store.NewestGoodBackup(path)
	body := container.NewVBox(
		widget.NewLabelWithStyle(tr("数据库未能通过检查"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapLabel(firstLine(openErr.Error())), // the rest says how to restore from the command line; the window offers a button
		wrapLabel(tr("这个文件不会被写入。")),
	)
	var buttons []fyne.CanvasObject
	if hasBackup {
		body.Add(wrapLabel(trf("最新的完好备份：{{.T}}，{{.I}}。", "T", info.Modified.Format("2006-01-02 15:04"), "I", info.String())))
		restore := widget.NewButton(tr("从这个备份恢复"), func() {
			if _, err := store.Restore(path, info.Path, time.Now()); err != nil {
				body.Add(wrapLabel(err.Error()))
				return
			}
			st, err := open(store.Options{})
			if err != nil {
				body.Add(wrapLabel(err.Error()))
				return
			}
			start(st)
		})
		restore.Importance = widget.HighImportance
		buttons = append(buttons, restore)
	}
	buttons = append(buttons, widget.NewButton(tr("只读打开"), func() {
		st, err := open(store.Options{ReadOnly: true, SkipCheck: true})
		if err != nil {
			body.Add(wrapLabel(tr("只读打开也失败了：") + err.Error()))
			return
		}
		start(st)
	}), widget.NewButton(tr("退出"), a.Quit))
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(buttons...), nil, nil, body)))
}
