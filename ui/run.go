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
	s := &startup{path: path, bundle: bundle, stderr: stderr, t0: time.Now()}
	envlocale.Fix()
	// The database opens on another goroutine while Fyne starts and the
	// window is made: neither needs the other until the window is built.
	s.makeApp() // first: its preferences name the plan to open on
	opened := s.openDatabase(rememberedPlan(s.a.Preferences()))
	s.setLanguageAndTheme()
	fontsReady := warmFonts()
	s.makeWindow()
	s.hookFirstFrame()
	r := <-opened
	s.showDatabase(r.st, r.err, fontsReady)
	stopSignals := s.closeOnSignals()
	s.w.ShowAndRun()
	stopSignals()
	return s.finish()
}

// startup is the program's start, step by step: what each step makes and
// a later one needs.
type startup struct {
	path   string
	bundle store.Bundle
	stderr io.Writer
	t0     time.Time // the start, for the timings

	a fyne.App
	w fyne.Window
	// drawn is set once the first frame is drawn; until then waiting
	// holds the work that would slow it.
	drawn   bool
	waiting []func()
	opened  *UI // the window's content, once built
}

// opening is how opening the database ended.
type opening struct {
	st  *store.Store
	err error
}

// open opens the database with the shipped plan.
func (s *startup) open(o store.Options) (*store.Store, error) {
	o.Bundle = s.bundle
	return store.Open(s.path, o)
}

// openDatabase opens the database in the background on the plan shown
// last time, or on the first plan when that one has since been removed
// (or was in another database).
func (s *startup) openDatabase(plan string) <-chan opening {
	opened := make(chan opening, 1)
	go func() {
		st, err := s.open(store.Options{Prefetch: true, Plan: plan})
		if err != nil && plan != "" {
			st, err = s.open(store.Options{Prefetch: true})
		}
		timing(s.stderr, "database opened", s.t0)
		opened <- opening{st, err}
	}()
	return opened
}

// makeApp starts Fyne under the app's ID, which keeps its preferences.
func (s *startup) makeApp() {
	s.a = app.NewWithID(AppID)
	s.a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
}

// setLanguageAndTheme applies the reviewer's choices from last time.
func (s *startup) setLanguageAndTheme() {
	if err := SetLanguage(s.a.Preferences().StringWithFallback(prefLanguage, "zh")); err != nil {
		fmt.Fprintln(s.stderr, "错误：", err)
	}
	s.a.Settings().SetTheme(ThemeFromPreference(s.a.Preferences().String(prefTheme)))
}

// makeWindow makes the window, sized to the screen.
func (s *startup) makeWindow() {
	s.w = s.a.NewWindow(tr("计划审阅"))
	fitToScreen(s.w)
}

// hookFirstFrame runs the waiting work once the window has been drawn.
func (s *startup) hookFirstFrame() {
	s.a.Lifecycle().SetOnStarted(func() {
		settleInWorkArea(s.w)
		s.drawn = true
		timing(s.stderr, "first frame", s.t0)
		reportFirstFrame(s.stderr)
		for _, f := range s.waiting {
			f()
		}
	})
}

// afterFirstFrame runs f once the window has been drawn (at once if it
// has been): work that would slow the first frame waits for it.
func (s *startup) afterFirstFrame(f func()) {
	if s.drawn {
		f()
	} else {
		s.waiting = append(s.waiting, f)
	}
}

// showDatabase puts the opened database in the window, or, when it could
// not be opened, says why.
func (s *startup) showDatabase(st *store.Store, err error, fontsReady <-chan struct{}) {
	switch {
	case err == nil:
		s.start(st, fontsReady)
	case errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrNotDatabase):
		// The window still opens, to say in plain Chinese what is wrong
		// and offer the newest good backup; the file is left as it was.
		fmt.Fprintln(s.stderr, "错误："+err.Error())
		damagedWindow(s.a, s.w, s.path, err, s.open, func(st *store.Store) { s.start(st, fontsReady) })
	default:
		fmt.Fprintln(s.stderr, "错误："+err.Error())
		s.w.SetContent(container.NewPadded(container.NewVBox(
			widget.NewLabelWithStyle(tr("无法打开数据库"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			wrapLabel(err.Error()), widget.NewButton(tr("退出"), s.a.Quit))))
	}
}

// start builds the window on st once the fonts are ready, and queues the
// work that waits for the first frame.
func (s *startup) start(st *store.Store, fontsReady <-chan struct{}) {
	<-fontsReady
	timing(s.stderr, "fonts loaded", s.t0)
	u, err := New(s.a, s.w, st)
	timing(s.stderr, "window built", s.t0)
	if err != nil { // New returns no window to hand the bundle to
		st.Close()
		fmt.Fprintln(s.stderr, "错误："+err.Error())
		s.w.SetContent(wrapLabel(err.Error()))
		return
	}
	u.bundle = s.bundle
	s.opened = u
	u.showTitle()
	if os.Getenv(TraceEnv) != "" {
		u.TraceTo(s.stderr)
	}
	s.afterFirstFrame(func() { s.settle(u, st) })
	u.AskReviewerIfNeeded()
}

// settle is the work after the first frame: the self-test when asked
// for, the search index and the start-up backup.
func (s *startup) settle(u *UI, st *store.Store) {
	if u.selfTest(s.stderr) {
		return
	}
	u.reviewDraftFromEnv()
	u.roundViewFromEnv()
	u.collectFromEnv()
	u.trace("ready")
	u.tracePlaces()
	u.items.prepareSearch(u.do)
	go func() { // the start-up backup, written in the background
		if _, err := st.StartBackup(); err != nil {
			u.do(func() { u.say(tr("警告：启动时的自动备份未能完成：") + err.Error()) })
		}
	}()
}

// closeOnSignals has a session's end (log-out, shutdown, kill) close the
// window as the close button does: the database is closed cleanly and
// sealed rather than left for a crash check at the next start. The
// function it returns stops listening.
func (s *startup) closeOnSignals() (stop func()) {
	quit := make(chan os.Signal, 1)
	ran := make(chan struct{})
	signal.Notify(quit, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-quit:
			fyne.Do(func() {
				if s.opened != nil {
					s.opened.ended.Store(true)
				}
				s.a.Quit()
			})
		case <-ran:
		}
	}()
	return func() {
		close(ran)
		signal.Stop(quit)
	}
}

// finish closes the store in use when the window closes (a restore may
// have replaced the first) and is the exit code.
func (s *startup) finish() int {
	if s.opened == nil {
		return 1
	}
	s.opened.ended.Store(true)
	s.opened.st.Close()
	return 0
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
