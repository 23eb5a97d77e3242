package ui

import (
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/assets"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/ui/envlocale"
)

// AppID identifies the app to Fyne (preferences live under it).
const AppID = "cn.planreview.desktop"

// Run opens the window on the database at path and returns when it is
// closed; the exit code is non-zero if the database could not be opened.
func Run(path string, stderr io.Writer) int {
	envlocale.Fix()
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if err := SetLanguage(a.Preferences().StringWithFallback(prefLanguage, "zh")); err != nil {
		fmt.Fprintln(stderr, "错误：", err)
	}
	a.Settings().SetTheme(ThemeFromPreference(a.Preferences().String(prefTheme)))
	w := a.NewWindow(tr("计划审阅"))
	w.Resize(fyne.NewSize(1366, 740))
	open := func(o store.Options) (*store.Store, error) { return store.Open(path, o) }
	var opened *UI
	start := func(st *store.Store) {
		u, err := New(a, w, st)
		opened = u
		if err != nil {
			fmt.Fprintln(stderr, "错误："+err.Error())
			w.SetContent(wrapLabel(err.Error()))
			return
		}
		w.SetTitle(tr("计划审阅") + " — " + st.Plan().Title)
		go func() { // the backup is written in the background
			if _, err := st.StartBackup(); err != nil {
				fyne.Do(func() { u.say(tr("警告：启动时的自动备份未能完成：") + err.Error()) })
			}
		}()
		u.AskReviewerIfNeeded()
	}
	st, err := open(store.Options{Prefetch: true})
	switch {
	case err == nil:
		start(st)
	case errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrNotDatabase):
		// The window still opens, to say in plain Chinese what is wrong
		// and offer the newest good backup; the file is left as it was.
		fmt.Fprintln(stderr, "错误："+err.Error())
		damagedWindow(a, w, path, err, open, start)
	default:
		fmt.Fprintln(stderr, "错误："+err.Error())
		w.SetContent(container.NewPadded(container.NewVBox(
			widget.NewLabelWithStyle(tr("无法打开数据库"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			wrapLabel(err.Error()), widget.NewButton(tr("退出"), a.Quit))))
	}
	w.ShowAndRun()
	if opened != nil {
		opened.st.Close() // the store in use now: a restore may have replaced the first
		return 0
	}
	return 1
}
