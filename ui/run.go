package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/assets"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/ui/envlocale"
)

// AppID identifies the app to Fyne (preferences live under it).
const AppID = "cn.planreview.desktop"

// Run opens the window on the database at path and returns when it is
// closed; the exit code is non-zero if the database could not be opened.
// bundle is the plan the program ships: a new database is made from it.
func Run(path string, bundle store.Bundle, stderr io.Writer) int {
	t0 := time.Now()
	envlocale.Fix()
	open := func(o store.Options) (*store.Store, error) {
		o.Bundle = bundle
		return store.Open(path, o)
	}
	// The database opens on another goroutine while Fyne starts and the
	// window is made: neither needs the other until the window is built.
	type opening struct {
		st  *store.Store
		err error
	}
	opened1 := make(chan opening, 1)
	go func() {
		st, err := open(store.Options{Prefetch: true})
		timing(stderr, "database opened", t0)
		opened1 <- opening{st, err}
	}()
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if err := SetLanguage(a.Preferences().StringWithFallback(prefLanguage, "zh")); err != nil {
		fmt.Fprintln(stderr, "错误：", err)
	}
	a.Settings().SetTheme(ThemeFromPreference(a.Preferences().String(prefTheme)))
	fontsReady := warmFonts()
	w := a.NewWindow(tr("计划审阅"))
	fitToScreen(w)

	// afterFirstFrame runs f once the window has been drawn (at once if it
	// has been): work that would slow the first frame waits for it.
	var drawn bool
	var waiting []func()
	afterFirstFrame := func(f func()) {
		if drawn {
			f()
		} else {
			waiting = append(waiting, f)
		}
	}
	a.Lifecycle().SetOnStarted(func() {
		settleInWorkArea(w)
		drawn = true
		timing(stderr, "first frame", t0)
		reportFirstFrame(stderr)
		for _, f := range waiting {
			f()
		}
	})

	var opened *UI
	start := func(st *store.Store) {
		<-fontsReady
		timing(stderr, "fonts loaded", t0)
		u, err := New(a, w, st)
		u.bundle = bundle
		timing(stderr, "window built", t0)
		opened = u
		if err != nil {
			st.Close()
			fmt.Fprintln(stderr, "错误："+err.Error())
			w.SetContent(wrapLabel(err.Error()))
			return
		}
		w.SetTitle(tr("计划审阅") + " — " + st.Plan().Title)
		if os.Getenv(TraceEnv) != "" {
			u.TraceTo(stderr)
		}
		afterFirstFrame(func() {
			if u.selfTest(stderr) {
				return
			}
			u.trace("ready")
			u.tracePlaces()
			u.prepareSearch()
			go func() { // the start-up backup, written in the background
				if _, err := st.StartBackup(); err != nil {
					u.do(func() { u.say(tr("警告：启动时的自动备份未能完成：") + err.Error()) })
				}
			}()
		})
		u.AskReviewerIfNeeded()
	}
	r := <-opened1
	st, err := r.st, r.err
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
	// A session's end (log-out, shutdown, kill) closes the window as the
	// close button does: the database is closed cleanly and sealed
	// rather than left for a crash check at the next start.
	quit := make(chan os.Signal, 1)
	ran := make(chan struct{})
	signal.Notify(quit, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-quit:
			fyne.Do(func() {
				if opened != nil {
					opened.ended.Store(true)
				}
				a.Quit()
			})
		case <-ran:
		}
	}()
	w.ShowAndRun()
	close(ran)
	signal.Stop(quit)
	if opened != nil {
		opened.ended.Store(true)
		opened.st.Close() // the store in use now: a restore may have replaced the first
		return 0
	}
	return 1
}

// warmFonts has Fyne load the theme's regular and bold faces on other
// goroutines while the window and the database open, and reports when
// both are ready: loading the two CJK faces (and Fyne's scan of the
// system's fonts) runs beside opening the window and the database, and
// building the window waits for it instead of loading them a second time.
func warmFonts() <-chan struct{} {
	ready := make(chan struct{})
	size := theme.TextSize()
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fyne.MeasureText("计划审阅", size, style)
		}()
	}
	go func() {
		wg.Wait()
		close(ready)
	}()
	return ready
}

// timing prints how long since t0 a step of the start took, if
// PLANREVIEW_TIMING is set.
func timing(stderr io.Writer, step string, t0 time.Time) {
	if os.Getenv("PLANREVIEW_TIMING") != "" {
		fmt.Fprintf(stderr, "planreview-timing: %s after %d ms\n", step, time.Since(t0).Milliseconds())
	}
}

// reportFirstFrame prints when the first frame was drawn, as Unix
// nanoseconds, if PLANREVIEW_TIMING is set: scripts/first-frame.sh takes
// the time from process start to this line. (Fyne draws the first frame
// inside Show, before it calls OnStarted, so this is an upper bound.)
func reportFirstFrame(stderr io.Writer) {
	if os.Getenv("PLANREVIEW_TIMING") != "" {
		fmt.Fprintf(stderr, "first-frame-unix-ns=%d\n", time.Now().UnixNano())
	}
}
