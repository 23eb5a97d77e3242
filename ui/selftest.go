package ui

import (
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// Self-tests of what only the running Windows program can show, run by
// scripts/test-windows.sh under Wine: imeSelfTestEnv, when set, has the
// window check where it tells the input method the caret is (Wine's
// imm32 keeps what it is told); saveSelfTestEnv names a folder where the
// window saves the fill-in template through the system's 另存为 dialog.
// Each prints what it found and quits.
const (
	imeSelfTestEnv  = "PLANREVIEW_IME_SELFTEST"
	saveSelfTestEnv = "PLANREVIEW_SAVE_SELFTEST"
)

// selfTest runs the self-test asked for, if any, and reports whether it
// did.
func (u *UI) selfTest(out io.Writer) bool {
	return u.imeSelfTest(out) || u.saveSelfTest(out)
}

// saveSelfTest, if asked for, remembers the folder named as the last
// spreadsheet folder and does what 保存填报模板… does; when the dialog is
// answered it prints where the template went and quits.
func (u *UI) saveSelfTest(out io.Writer) bool {
	dir := os.Getenv(saveSelfTestEnv)
	if dir == "" {
		return false
	}
	u.prefs.SetString(prefSheetFolder, dir)
	u.chooseSave(tr("填报模板.xlsx"), func(path string) error {
		err := u.writeTemplate(path)
		fmt.Fprintf(out, "save-selftest wrote=%s err=%v\n", path, err)
		u.app.Quit()
		return err
	})
	return true
}

// imeSelfTest, if asked for, does what a reviewer does — Ctrl+F, then
// types 地区 once the search box has been laid out — and prints the box
// and the composition window's place as the input method reads it back,
// both in the window's pixels, then quits. It reports whether it runs.
func (u *UI) imeSelfTest(out io.Writer) bool {
	if os.Getenv(imeSelfTestEnv) == "" {
		return false
	}
	u.focusSearch()
	go func() {
		deadline := time.Now().Add(10 * time.Second)
		done := false
		for !done && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond) // a frame or two: the box is placed when drawn
			fyne.DoAndWait(func() {
				box := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.items.search)
				if box.IsZero() {
					return
				}
				done = true
				u.typeAndReport(out, box)
			})
		}
		if !done {
			fmt.Fprintln(out, "ime-selftest: the search box was never laid out")
		}
		fyne.Do(u.app.Quit)
	}()
	return true
}

// typeAndReport types 地区 into the focused search box and prints where
// the box is and where the input method was told the caret is.
func (u *UI) typeAndReport(out io.Writer, box fyne.Position) {
	c := u.win.Canvas()
	if f := c.Focused(); f != nil {
		for _, r := range "地区" {
			f.TypedRune(r)
		}
	}
	left, top := c.PixelCoordinateForPosition(box)
	right, bottom := c.PixelCoordinateForPosition(box.Add(u.items.search.Size()))
	x, y, ok := imePosition(u.win)
	fmt.Fprintf(out, "ime-selftest search=%d,%d,%d,%d composition=%d,%d read=%t\n", left, top, right, bottom, x, y, ok)
}
