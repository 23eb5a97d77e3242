package ui

import (
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
	st, err := store.Open(path, store.Options{})
	if err != nil {
		// The window still opens, to say in Chinese what is wrong; the
		// file is left exactly as it was.
		fmt.Fprintln(stderr, "错误："+err.Error())
		msg := wrapLabel(err.Error())
		w.SetContent(container.NewPadded(container.NewVBox(
			widget.NewLabelWithStyle(tr("无法打开数据库"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), msg,
			widget.NewButton(tr("退出"), a.Quit))))
		w.ShowAndRun()
		return 1
	}
	defer st.Close()
	u, err := New(a, w, st)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return 1
	}
	w.SetTitle(tr("计划审阅") + " — " + st.Plan().Title)
	w.Show()
	u.AskReviewerIfNeeded()
	a.Run()
	return 0
}
