package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileRequest is what a file dialog is asked: where it opens, the file
// name it suggests and the kinds of file it lists.
type fileRequest struct {
	title  string   // the dialog's title
	folder string   // the folder it opens in; "" leaves the choice to the dialog
	name   string   // the suggested file name (saving only)
	kind   string   // what the listed files are, e.g. "Excel 工作簿"
	exts   []string // the extensions listed, with the dot: ".xlsx"
}

// fileDialogs asks the user for a file or folder. done runs on the UI
// goroutine with the path chosen and is not called when the user cancels.
// Saving creates nothing: the caller writes the file.
//
// On Windows these are the system's own 打开 / 另存为 / 选择文件夹 dialogs
// (filedialog_windows.go), which show Chinese names, remember places and
// let a long Chinese file name be typed in a proper box; elsewhere Fyne's.
type fileDialogs interface {
	open(req fileRequest, done func(path string))
	save(req fileRequest, done func(path string))
	folder(req fileRequest, done func(path string))
}

// fyneDialogs are Fyne's own file dialogs, shown inside the window.
type fyneDialogs struct{ win fyne.Window }

func (f fyneDialogs) open(req fileRequest, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r != nil && err == nil {
			done(closePath(r))
		}
	}, f.win)
	f.setUp(d, req)
	d.Show()
}

func (f fyneDialogs) save(req fileRequest, done func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w != nil && err == nil {
			path := closePath(w)
			removeEmpty(path) // Fyne created it; the caller writes it whole
			done(path)
		}
	}, f.win)
	f.setUp(d, req)
	d.SetFileName(req.name)
	d.Show()
}

func (f fyneDialogs) folder(req fileRequest, done func(string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		done(dir.Path())
	}, f.win)
	if l := lister(req.folder); l != nil {
		d.SetLocation(l)
	}
	d.Show()
}

func (f fyneDialogs) setUp(d *dialog.FileDialog, req fileRequest) {
	if len(req.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(req.exts))
	}
	if l := lister(req.folder); l != nil {
		d.SetLocation(l)
	}
}

// closePath closes what Fyne's dialog opened and gives its local path:
// the caller reads or writes the file itself.
func closePath(c interface {
	URI() fyne.URI
	Close() error
}) string {
	c.Close()
	return c.URI().Path()
}

// lister is dir as a location for Fyne's dialogs, nil if it is not a
// folder that can be listed.
func lister(dir string) fyne.ListableURI {
	if dir == "" || !isDir(dir) {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// withExt adds ext to path unless it already ends with it (in any case).
func withExt(path, ext string) string {
	if ext == "" || strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

// removeEmpty removes a file the save dialog created empty.
func removeEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
}
