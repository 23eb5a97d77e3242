package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// The screens an official's laptop may have, in both languages.
var smallScreens = []struct {
	w, h float32
	lang string
}{
	{1024, 600, "zh"}, {1024, 600, "en"}, {1280, 720, "zh"}, {1280, 720, "en"}, {1366, 768, "zh"},
}

// newScreenUI is the real window in lang at w×h, with a few figures that
// put items behind, so there are attention counts to show.
func newScreenUI(t *testing.T, w, h float32, lang string) *UI {
	t.Helper()
	u, st := newTestUI(t)
	for _, a := range []domain.Actual{
		{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: 9}, Value: 270},
		{ItemID: "A1-05", Period: domain.Period{Year: 2023, Month: 9}, Value: 9.1},
		{ItemID: "M6-04", Period: domain.Period{Year: 2023, Month: 9}, Outcome: domain.OutcomeNotDone},
	} {
		if _, err := st.RecordActual(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	u.changed("")
	if lang == "en" {
		t.Cleanup(func() { SetLanguage("zh") })
		u.bar.languageSl.SetSelected(LanguageName("en"))
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
	find(u.items.table, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Text != "" {
			out[b.Text] = b
		}
		return false
	})
	return out
}

// TestTableColumnsKeepTheirMinimumAndScrollSideways: on a small screen
// every column drawn is at least its readable minimum; 状态 shows whole
// without scrolling; and a sideways turn of the mouse wheel over the
// table brings 进度 fully into view.
func TestTableColumnsKeepTheirMinimumAndScrollSideways(t *testing.T) {
	for _, sc := range smallScreens {
		t.Run(fmt.Sprintf("%.0fx%.0f-%s", sc.w, sc.h, sc.lang), func(t *testing.T) {
			u := newScreenUI(t, sc.w, sc.h, sc.lang)
			u.selectNav(navTo(navAll))
			minimum := map[string]float32{}
			for i, c := range columns {
				minimum[tr(c.title)] = c.min
				if i == 4 {
					minimum[tr(c.title)] = u.items.statusColumnWidth()
				}
			}
			left, right := bounds(u.items.table)
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
			if !inView(status) {
				t.Errorf("column %s is not wholly in view in a table %.0f wide", status, right-left)
			}
			if inView(progress) {
				return // all fits: nothing to scroll
			}
			if sc.w > 1300 {
				t.Errorf("column %s out of view at %.0f wide", progress, sc.w)
			}
			top := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.items.table).Y
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

// TestWindowFitsASmallScreen: in either language, with one plan or with
// the plan switcher, the window's content needs no more than a 1024 px
// wide screen (Fyne will not let a window be narrower than its content's
// minimum), and the switcher keeps room to name the plan.
func TestWindowFitsASmallScreen(t *testing.T) {
	for _, lang := range Languages {
		for _, plans := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/%d", lang, plans), func(t *testing.T) {
				u := newScreenUI(t, 1024, 600, lang)
				if plans == 2 {
					if _, err := u.st.CreatePlan(haining2024(t), "张三"); err != nil {
						t.Fatal(err)
					}
					u.rebuild()
					if w := u.bar.planSel.Size().Width; w < 200 {
						t.Errorf("the plan switcher is %.0f px wide", w)
					}
				}
				for _, nav := range []navTarget{navTo(navOverview), navTo(navAll)} {
					u.selectNav(nav)
					pad := 2 * theme.Padding()
					if w := u.win.Content().MinSize().Width + pad; w > 1024 {
						t.Errorf("%v: the window needs %.0f px", nav, w)
					}
				}
			})
		}
	}
}

// TestNavigationCountsShowWholeAndNamesHaveTips: on a small screen every
// navigation row shows its item count and attention count whole, apart
// from the name; resting the pointer on a row shows its whole name, with
// what the numbers mean, in a tip inside the window. The list is scrolled
// with the mouse wheel to reach the rows below the first screen.
func TestNavigationCountsShowWholeAndNamesHaveTips(t *testing.T) {
	for _, sc := range smallScreens {
		t.Run(fmt.Sprintf("%.0fx%.0f-%s", sc.w, sc.h, sc.lang), func(t *testing.T) {
			u := newScreenUI(t, sc.w, sc.h, sc.lang)
			seen := map[navTarget]bool{}
			cut, flagged := 0, 0
			listTop := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.nav.list).Y
			for range 3 {
				for _, r := range drawnRows(u, listTop) {
					seen[r.entry.key] = true
					if checkNavRow(t, u, r, sc.w) {
						cut++
					}
					if r.concern.Visible() {
						flagged++
					}
				}
				test.Scroll(u.win.Canvas(), fyne.NewPos(40, listTop+100), 0, -300)
			}
			if len(seen) != len(u.nav.entries) {
				t.Errorf("%d of %d navigation rows checked", len(seen), len(u.nav.entries))
			}
			test.MoveMouse(u.win.Canvas(), fyne.NewPos(sc.w/2, sc.h-5))
			if tip := u.tips.shown(); tip != "" {
				t.Errorf("the tip %q stays after the pointer left", tip)
			}
			if flagged == 0 {
				t.Error("no row shows an attention count: the test no longer covers them")
			}
			if sc.w == 1024 && cut == 0 {
				t.Error("no name is cut at 1024 px: the test no longer covers the tip")
			}
		})
	}
}

// drawnRows are the navigation rows wholly in view.
func drawnRows(u *UI, listTop float32) []*navRow {
	var rows []*navRow
	bottom := listTop + u.nav.list.Size().Height
	find(u.nav.list, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*navRow); ok && r.Visible() && r.entry.title != "" {
			y := fyne.CurrentApp().Driver().AbsolutePositionForObject(r).Y
			if y >= listTop && y+r.Size().Height <= bottom {
				rows = append(rows, r)
			}
		}
		return false
	})
	return rows
}

// checkNavRow checks a row's counts and tip, and reports whether its name
// is cut.
func checkNavRow(t *testing.T, u *UI, r *navRow, screenWidth float32) (cut bool) {
	t.Helper()
	e := r.entry
	_, rowRight := bounds(r)
	if e.key.kind != navOverview {
		n, concern := u.nav.count(e.key)
		if r.count.Text != fmt.Sprint(n) {
			t.Errorf("%s: count %q, want %d", e.title, r.count.Text, n)
		}
		if concern > 0 && (!r.concern.Visible() || r.concern.text.Text != fmt.Sprint(concern)) {
			t.Errorf("%s: attention count %q, want %d", e.title, r.concern.text.Text, concern)
		}
		for _, o := range []fyne.CanvasObject{r.count, r.concern} {
			if l, right := bounds(o); o.Visible() && (right > rowRight+1 || o.Size().Width < o.MinSize().Width) {
				t.Errorf("%s: a count is cut: %.0f-%.0f in a row ending at %.0f", e.title, l, right, rowRight)
			}
		}
	}
	test.MoveMouse(u.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(r).AddXY(20, 10))
	if tip := u.tips.shown(); !strings.Contains(tip, e.title) {
		t.Errorf("resting on %s shows the tip %q", e.title, tip)
	} else if l, right := bounds(u.tips.box); l < 0 || right > screenWidth {
		t.Errorf("the tip for %s is drawn at %.0f-%.0f, outside the window", e.title, l, right)
	}
	full := fyne.MeasureText(r.title.Text, theme.TextSize(), r.title.TextStyle).Width + 2*theme.InnerPadding()
	return full > r.title.Size().Width
}

// TestReasonsFollowTheLanguage: in English the detail pane and the
// overview's attention list give reasons in English, periods read Jan-Sep
// and the overview has no full-width punctuation; back in Chinese the
// reasons are the brief's own sentences again.
func TestReasonsFollowTheLanguage(t *testing.T) {
	u := newScreenUI(t, 1280, 720, "en")
	u.asOf = domain.Period{Year: 2023, Month: 9}
	u.recompute()
	u.selectItem("A1-05")
	for name, pane := range map[string]fyne.CanvasObject{"detail": u.detail.pane, "overview": u.overview.box} {
		all := texts(pane)
		if !strings.Contains(all, "Jan-Sep: up 9.1%, 0.9 points below the target") || strings.Contains(all, "低于目标") {
			t.Errorf("English %s:\n%s", name, all)
		}
	}
	if got := u.bar.periodSel.Selected; got != "Q1–Q3 (Jan-Sep)" {
		t.Errorf("English period choice %q", got)
	}
	if all := texts(u.overview.box); !strings.Contains(all, "Progress as of 2023 Jan-Sep (Q1–Q3)") || strings.ContainsAny(all, "，（）") {
		t.Errorf("English overview:\n%s", all)
	}
	u.bar.languageSl.SetSelected(LanguageName("zh"))
	u.selectItem("A1-05")
	if all := texts(u.detail.pane); !strings.Contains(all, "1-9月增长9.1%，低于目标0.9个百分点") {
		t.Errorf("Chinese detail:\n%s", all)
	}
}

// TestImportPreviewLastColumnInView: on a small screen the import
// preview's last column, the status or the problem, is in view and at
// least its minimum wide.
func TestImportPreviewLastColumnInView(t *testing.T) {
	for _, sc := range smallScreens {
		t.Run(fmt.Sprintf("%.0fx%.0f-%s", sc.w, sc.h, sc.lang), func(t *testing.T) {
			u := newScreenUI(t, sc.w, sc.h, sc.lang)
			bad := filepath.Join(t.TempDir(), "有问题.csv")
			if err := os.WriteFile(bad, []byte("指标编号,期间,实际值\nA1-01,2023-09,5.8\nA1-02,2023-09,很好\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			u.previewImport(bad)
			dialog := u.win.Canvas().Overlays().Top()
			table := find(dialog, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Table); return ok })
			title := tr("将得状态或问题")
			header := find(table, func(o fyne.CanvasObject) bool {
				l, ok := o.(*widget.Label)
				return ok && l.Visible() && l.Text == title
			})
			if table == nil || header == nil {
				t.Fatalf("no preview table with a column %s", title)
			}
			left, right := bounds(table)
			l, r := bounds(header)
			if l < left || r > right+1 || header.Size().Width < previewColumns[len(previewColumns)-1].min {
				t.Errorf("column %s drawn at %.0f-%.0f in a table at %.0f-%.0f", title, l, r, left, right)
			}
		})
	}
}

// TestColumnWidths: the widths fitColumns gives three columns (the last
// two growing) at widths with room to spare, with less, and below their
// minimums, where the columns wholly in view still end at its edge.
func TestColumnWidths(t *testing.T) {
	f := fitColumns{gap: 4, cols: []column{{width: 100, min: 60}, {width: 100, min: 80, grow: 0.5}, {width: 100, min: 100, grow: 0.5}}}
	for _, tt := range []struct {
		width float32
		want  []float32
	}{
		{412, []float32{100, 150, 150}}, // 300 wanted, 100 to spare
		{312, []float32{100, 100, 100}},
		{282, []float32{80, 90, 100}}, // each gives up half of what it can spare
		{248, []float32{60, 80, 100}}, // the last is 4 px short: still counted in view, not pushed out
		{150, []float32{60, 82, 100}}, // below the minimums: 60 and 80 in view, 2 px left to the edge
		{130, []float32{60, 80, 100}}, // only the first in view, and it does not grow
	} {
		got := f.widths(tt.width)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("at %.0f px: %v, want %v", tt.width, got, tt.want)
		}
	}
}
