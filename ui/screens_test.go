package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The screens an official's laptop may have, in both languages.
var smallScreens = []struct {
	w, h float32
	lang string
}{
	{1024, 600, "zh"}, {1024, 600, "en"}, {1280, 720, "zh"}, {1280, 720, "en"}, {1366, 768, "zh"},
}

// newScreenUI is the real window in lang at w×h.
func newScreenUI(t *testing.T, w, h float32, lang string) *UI {
	t.Helper()
	u, _ := newTestUI(t)
	if lang == "en" {
		t.Cleanup(func() { SetLanguage("zh") })
		u.languageSl.SetSelected(LanguageName("en"))
	}
	u.win.Resize(fyne.NewSize(w, h))
	return u
}

// bounds is where o is drawn on the canvas: its left and right edges.
func bounds(o fyne.CanvasObject) (left, right float32) {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.X, p.X + o.Size().Width
}

// headers are the table's header buttons now drawn, by column title.
func (u *UI) headers() map[string]*widget.Button {
	out := map[string]*widget.Button{}
	find(u.table, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Text != "" {
			out[b.Text] = b
		}
		return false
	})
	return out
}

// TestTableColumnsKeepTheirMinimumAndScrollSideways: on a small screen
// every column drawn is at least its readable minimum; 状态 shows whole
// without scrolling (in English at 1024 px its longer badges may need the
// scroll); and a sideways turn of the mouse wheel over the table brings
// 进度 fully into view.
func TestTableColumnsKeepTheirMinimumAndScrollSideways(t *testing.T) {
	for _, sc := range smallScreens {
		t.Run(fmt.Sprintf("%.0fx%.0f-%s", sc.w, sc.h, sc.lang), func(t *testing.T) {
			u := newScreenUI(t, sc.w, sc.h, sc.lang)
			u.selectNav("all")
			minimum := map[string]float32{}
			for i, c := range columns {
				minimum[tr(c.title)] = c.min
				if i == 4 {
					minimum[tr(c.title)] = u.statusColumnWidth()
				}
			}
			left, right := bounds(u.table)
			inView := func(title string) bool {
				b := u.headers()[title]
				if b == nil {
					return false
				}
				l, r := bounds(b)
				return l >= left && r <= right+1
			}
			checkMinimums := func(when string) {
				for title, b := range u.headers() {
					if b.Size().Width < minimum[title] {
						t.Errorf("%s: column %s is %.0f wide, below its minimum %.0f", when, title, b.Size().Width, minimum[title])
					}
				}
			}
			checkMinimums("at first")
			status, progress := tr(columns[4].title), tr(columns[5].title)
			if !inView(status) && (sc.lang == "zh" || sc.w >= 1280) {
				t.Errorf("column %s is not wholly in view in a table %.0f wide", status, right-left)
			}
			if inView(progress) {
				return // all fits: nothing to scroll
			}
			if sc.w > 1300 {
				t.Errorf("column %s out of view at %.0f wide", progress, sc.w)
			}
			top := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.table).Y
			test.Scroll(u.win.Canvas(), fyne.NewPos((left+right)/2, top+80), -1000, 0)
			for _, title := range []string{status, progress} {
				if !inView(title) {
					t.Errorf("after scrolling sideways column %s is still out of view", title)
				}
			}
			checkMinimums("after scrolling")
		})
	}
}

// TestWindowFitsASmallScreen: in either language the window's content
// needs no more than a 1024 px wide screen (Fyne will not let a window be
// narrower than its content's minimum).
func TestWindowFitsASmallScreen(t *testing.T) {
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			u := newScreenUI(t, 1024, 600, lang)
			for _, nav := range []string{"overview", "all"} {
				u.selectNav(nav)
				pad := 2 * theme.Padding()
				if w := u.win.Content().MinSize().Width + pad; w > 1024 {
					t.Errorf("%s: the window needs %.0f px", nav, w)
				}
			}
		})
	}
}
