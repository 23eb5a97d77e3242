//go:build windows

package ui

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"unicode/utf16"
	"unsafe"

	"fyne.io/fyne/v2"
	"golang.org/x/sys/windows"
)

// newFileDialogs gives the system's own dialogs, owned by the window so
// they are modal to it and open over it.
func newFileDialogs(win fyne.Window, onError func(error)) fileDialogs {
	return &nativeDialogs{win: win, onError: onError}
}

// nativeDialogs are the Windows common dialogs: GetOpenFileNameW and
// GetSaveFileNameW for files, IFileOpenDialog for folders. They are called
// through golang.org/x/sys/windows, without cgo. A dialog runs its own
// message loop until the user answers, so it runs on a goroutine locked to
// its thread while Fyne keeps drawing the window, and comes back with
// fyne.Do.
type nativeDialogs struct {
	win     fyne.Window
	onError func(error)
	busy    atomic.Bool // one dialog at a time, as a modal dialog allows
}

func (n *nativeDialogs) open(req fileRequest, done func(string)) {
	n.run(done, func(owner uintptr) (string, error) {
		return fileDialog(procGetOpenFileNameW, owner, req, ofnFileMustExist)
	})
}

func (n *nativeDialogs) save(req fileRequest, done func(string)) {
	n.run(done, func(owner uintptr) (string, error) {
		return fileDialog(procGetSaveFileNameW, owner, req, ofnOverwritePrompt)
	})
}

func (n *nativeDialogs) folder(req fileRequest, done func(string)) {
	n.run(done, func(owner uintptr) (string, error) { return folderDialog(owner, req) })
}

// errCancelled is the user closing a dialog without choosing.
var errCancelled = errors.New("cancelled")

// run shows a dialog on its own locked thread and hands the answer back
// on the UI goroutine.
func (n *nativeDialogs) run(done func(string), show func(owner uintptr) (string, error)) {
	if !n.busy.CompareAndSwap(false, true) {
		return
	}
	owner := windowHandle(n.win)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		path, err := show(owner)
		fyne.Do(func() {
			n.busy.Store(false)
			switch {
			case err == nil:
				done(path)
			case !errors.Is(err, errCancelled) && n.onError != nil:
				n.onError(fmt.Errorf("%s%w", tr("无法打开系统的文件对话框："), err))
			}
		})
	}()
}

// The OPENFILENAMEW flags used.
const (
	ofnOverwritePrompt = 0x2
	ofnHideReadOnly    = 0x4
	ofnNoChangeDir     = 0x8
	ofnPathMustExist   = 0x800
	ofnFileMustExist   = 0x1000
	ofnExplorer        = 0x80000
)

// openFileName is OPENFILENAMEW.
type openFileName struct {
	structSize      uint32
	owner           uintptr
	instance        uintptr
	filter          *uint16
	customFilter    *uint16
	maxCustomFilter uint32
	filterIndex     uint32
	file            *uint16
	maxFile         uint32
	fileTitle       *uint16
	maxFileTitle    uint32
	initialDir      *uint16
	title           *uint16
	flags           uint32
	fileOffset      uint16
	fileExtension   uint16
	defExt          *uint16
	custData        uintptr
	hook            uintptr
	templateName    *uint16
	reserved        uintptr
	reserved2       uint32
	flagsEx         uint32
}

// fileDialog shows GetOpenFileNameW or GetSaveFileNameW.
func fileDialog(proc *windows.LazyProc, owner uintptr, req fileRequest, flags uint32) (string, error) {
	buf := make([]uint16, 32768) // long paths too
	copy(buf[:len(buf)-1], windows.StringToUTF16(req.name))
	o := openFileName{owner: owner, file: &buf[0], maxFile: uint32(len(buf)),
		flags: flags | ofnExplorer | ofnNoChangeDir | ofnPathMustExist | ofnHideReadOnly}
	o.structSize = uint32(unsafe.Sizeof(o))
	o.title = utf16Ptr(req.title)
	if req.folder != "" && isDir(req.folder) {
		o.initialDir = utf16Ptr(req.folder)
	}
	filter := filterString(req)
	o.filter = &filter[0]
	if len(req.exts) > 0 {
		o.defExt = utf16Ptr(strings.TrimPrefix(req.exts[0], "."))
	}
	if ok, _, _ := proc.Call(uintptr(unsafe.Pointer(&o))); ok != 0 {
		return windows.UTF16ToString(buf), nil
	}
	if code, _, _ := procCommDlgExtendedError.Call(); code != 0 {
		return "", fmt.Errorf("CommDlgExtendedError 0x%x", code)
	}
	return "", errCancelled
}

// filterString is the dialog's list of file kinds, "Excel 工作簿\0*.xlsx\0
// 所有文件\0*.*\0\0".
func filterString(req fileRequest) []uint16 {
	var s strings.Builder
	if len(req.exts) > 0 {
		pats := make([]string, len(req.exts))
		for i, e := range req.exts {
			pats[i] = "*" + e
		}
		kind := req.kind
		if kind == "" {
			kind = strings.Join(pats, "、")
		}
		s.WriteString(kind + "\x00" + strings.Join(pats, ";") + "\x00")
	}
	s.WriteString(tr("所有文件") + "\x00*.*\x00\x00")
	return utf16.Encode([]rune(s.String()))
}

func utf16Ptr(s string) *uint16 {
	if s == "" {
		return nil
	}
	p, err := windows.UTF16PtrFromString(s)
	if err != nil {
		return nil
	}
	return p
}

// COM identifiers of the folder dialog.
var (
	clsidFileOpenDialog = windows.GUID{Data1: 0xDC1C5A9C, Data2: 0xE88A, Data3: 0x4DDE, Data4: [8]byte{0xA5, 0xA1, 0x60, 0xF8, 0x2A, 0x20, 0xAE, 0xF7}}
	iidFileOpenDialog   = windows.GUID{Data1: 0xD57C7288, Data2: 0xD4AD, Data3: 0x4768, Data4: [8]byte{0xBE, 0x02, 0x9D, 0x96, 0x95, 0x32, 0xD9, 0x60}}
	iidShellItem        = windows.GUID{Data1: 0x43826D1E, Data2: 0xE718, Data3: 0x42EE, Data4: [8]byte{0xBC, 0x55, 0xA1, 0xE2, 0x61, 0xC3, 0x7B, 0xFE}}
)

// Slots in the vtables of IFileOpenDialog and IShellItem.
const (
	vtRelease        = 2
	vtShow           = 3
	vtSetOptions     = 9
	vtGetOptions     = 10
	vtSetFolder      = 12
	vtSetTitle       = 17
	vtGetResult      = 20
	vtGetDisplayName = 5 // IShellItem

	fosPickFolders     = 0x20
	fosForceFileSystem = 0x40
	fosNoChangeDir     = 0x8
	sigdnFileSysPath   = 0x80058000
	hresultCancelled   = 0x800704C7 // HRESULT_FROM_WIN32(ERROR_CANCELLED)
)

// comObject is a COM interface pointer: a pointer to its vtable.
type comObject struct{ vtbl *[32]uintptr }

func (c *comObject) call(slot int, args ...uintptr) uintptr {
	r, _, _ := syscall.SyscallN(c.vtbl[slot], append([]uintptr{uintptr(unsafe.Pointer(c))}, args...)...)
	return r
}

func (c *comObject) release() { c.call(vtRelease) }

func hresult(r uintptr) error {
	if int32(r) < 0 {
		return fmt.Errorf("HRESULT 0x%08x", uint32(r))
	}
	return nil
}

// folderDialog shows the system's 选择文件夹 dialog (IFileOpenDialog with
// FOS_PICKFOLDERS), opening in req.folder.
func folderDialog(owner uintptr, req fileRequest) (string, error) {
	// S_FALSE (COM already set up on this thread) comes back as an error
	// from x/sys; it succeeds all the same and is balanced the same way.
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err != nil &&
		!errors.Is(err, syscall.Errno(windows.S_FALSE)) {
		return "", err
	}
	defer windows.CoUninitialize()
	var d *comObject
	r, _, _ := procCoCreateInstance.Call(uintptr(unsafe.Pointer(&clsidFileOpenDialog)), 0, windows.CLSCTX_INPROC_SERVER,
		uintptr(unsafe.Pointer(&iidFileOpenDialog)), uintptr(unsafe.Pointer(&d)))
	if err := hresult(r); err != nil {
		return "", err
	}
	defer d.release()
	var opts uint32
	d.call(vtGetOptions, uintptr(unsafe.Pointer(&opts)))
	d.call(vtSetOptions, uintptr(opts|fosPickFolders|fosForceFileSystem|fosNoChangeDir))
	if t := utf16Ptr(req.title); t != nil {
		d.call(vtSetTitle, uintptr(unsafe.Pointer(t)))
	}
	if p := utf16Ptr(req.folder); p != nil && isDir(req.folder) {
		var item *comObject
		r, _, _ := procSHCreateItemFromParsing.Call(uintptr(unsafe.Pointer(p)), 0, uintptr(unsafe.Pointer(&iidShellItem)), uintptr(unsafe.Pointer(&item)))
		if hresult(r) == nil {
			d.call(vtSetFolder, uintptr(unsafe.Pointer(item)))
			item.release()
		}
	}
	r = d.call(vtShow, owner)
	if uint32(r) == hresultCancelled {
		return "", errCancelled
	}
	if err := hresult(r); err != nil {
		return "", err
	}
	var item *comObject
	if err := hresult(d.call(vtGetResult, uintptr(unsafe.Pointer(&item)))); err != nil {
		return "", err
	}
	defer item.release()
	var name *uint16
	if err := hresult(item.call(vtGetDisplayName, sigdnFileSysPath, uintptr(unsafe.Pointer(&name)))); err != nil {
		return "", err
	}
	defer windows.CoTaskMemFree(unsafe.Pointer(name))
	return windows.UTF16PtrToString(name), nil
}
