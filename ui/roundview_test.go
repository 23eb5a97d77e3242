package ui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/ui/envlocale"
)

// roundTestUI is the window on the bundled 2023 plan with three units —
// 市商务局 (A1-06), 市发展改革委 (A1-01, A1-05), 市统计局 (A1-02, A1-03) —
// a 1-9月 round due 2023-10-10 sent to all three, and returns as round
// collect writes them: 市商务局 on 2023-10-08, 市发展改革委 on 2023-10-12
// (late; 固定资产投资 8.1% below its 增长10%), 市统计局 none. set moves
// the store's clock.
//
// Extra assignments are made after those, before the round is sent.
func roundTestUI(t *testing.T, extra ...store.Assignment) (u *UI, st *store.Store, set func(time.Time)) {
	t.Helper()
	envlocale.Fix()
	a := test.NewTempApp(t)
	light := fyne.ThemeVariant(1) // theme.VariantLight
	a.Settings().SetTheme(NewTheme(&light))
	if err := SetLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	cst := time.FixedZone("CST", 8*3600)
	now := time.Date(2023, 9, 1, 9, 0, 0, 0, cst)
	set = func(at time.Time) { now = at }
	st, err := store.Open(filepath.Join(t.TempDir(), "plan.db"), store.Options{Bundle: bundle, NoBackup: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, as := range append([]store.Assignment{
		{Items: []string{"A1-06"}, Lead: "市商务局", NewUnits: true},
		{Items: []string{"A1-01", "A1-05"}, Lead: "市发展改革委", NewUnits: true},
		{Items: []string{"A1-02", "A1-03"}, Lead: "市统计局", NewUnits: true},
	}, extra...) {
		if _, err := st.AssignUnits(as, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 9}, "2023-10-10")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveRound(rp, "张三"); err != nil {
		t.Fatal(err)
	}
	set(time.Date(2023, 10, 8, 15, 20, 0, 0, cst))
	returnFigures(t, st, "市商务局", map[string]float64{"A1-06": 6.1})
	set(time.Date(2023, 10, 12, 9, 30, 0, 0, cst))
	returnFigures(t, st, "市发展改革委", map[string]float64{"A1-01": 6.3, "A1-05": 8.1})

	a.Preferences().SetString(prefName, "张三")
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1024, 600))
	if u, err = New(a, w, st); err != nil {
		t.Fatal(err)
	}
	w.Show()
	return u, st, set
}

// returnFigures records a unit's return as round collect writes it.
func returnFigures(t *testing.T, st *store.Store, unit string, figures map[string]float64) {
	t.Helper()
	var rows []store.Import
	for id, v := range figures {
		rows = append(rows, store.Import{Actual: &domain.Actual{ItemID: id, Period: domain.Period{Year: 2023, Month: 9}, Value: v, Source: "统计月报"}})
	}
	if err := st.ImportReturn(rows, unit, unit+".xlsx", "张三"); err != nil {
		t.Fatal(err)
	}
}

// lightsShown are the chase lights drawn in o, by their labels.
func lightsShown(o fyne.CanvasObject) []string {
	var out []string
	find(o, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*badge); ok && b.Visible() {
			out = append(out, b.text.Text)
		}
		return false
	})
	return out
}

// unitRowShown is the unit table's row for a unit as drawn: its cells'
// texts joined by spaces.
func unitRowShown(t *testing.T, v *roundView, unit string) string {
	t.Helper()
	for i, u := range v.units {
		if u.Unit != unit {
			continue
		}
		var cells []string
		for c := range roundUnitColumns {
			text, _ := v.unitCell(v.units[i], c)
			cells = append(cells, text)
		}
		return strings.Join(cells, " ")
	}
	t.Fatalf("no row for %s", unit)
	return ""
}

// TestRoundView: Excel › 填报情况（催报）… shows the round as of a day:
// per unit the counts, the first late unit's items with their lights;
// picking 市统计局 shows its two items red, 逾期未报; the 催报清单
// exported and read back lists 市统计局 alone; a return collected while
// the view is open moves the counts; 转到该项目 shows the item.
func TestRoundView(t *testing.T) {
	u, st, set := roundTestUI(t)
	u.sheetMenu(u.message)
	tapMenuItem(t, u.win, "填报情况（催报）…")
	v := u.roundView
	if v == nil {
		t.Fatal("the round view did not open")
	}
	if got := v.roundSel.Selected; got != "R1 · 2023年1-9月 · 截止2023-10-10" {
		t.Errorf("round box: %q", got)
	}
	v.asOfEntry.SetText("2023-10-15")

	for _, tc := range []struct{ unit, row string }{
		// 单位 项目 已报 逾期报送 未报 逾期未报 最近报送
		{"市商务局", "市商务局 1 1 0 0 0 2023-10-08 15:20"},
		{"市发展改革委", "市发展改革委 2 2 2 0 0 2023-10-12 09:30"},
		{"市统计局", "市统计局 2 0 0 2 2 —"},
	} {
		if got := unitRowShown(t, v, tc.unit); got != tc.row {
			t.Errorf("row %q, want %q", got, tc.row)
		}
	}
	// Late returns and overdue missing items are counted apart: never
	// more overdue than missing. The unit shown first is the one with
	// items overdue and missing, 市统计局: both items red.
	dialogTop := u.win.Canvas().Overlays().Top()
	shown := texts(dialogTop)
	for _, want := range []string{"截至2023-10-15：3个单位（已报齐2个）共5项，已报3项（其中逾期报送2项），未报2项（其中逾期未报2项）",
		"市统计局：2项，已报0项（其中逾期报送0项），未报2项（其中逾期未报2项）", "市发展改革委", "2023-10-12 09:30"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the view lacks %q:\n%s", want, shown)
		}
	}
	if got := strings.Join(lightsShown(dialogTop), " "); got != "红 红" || strings.Count(shown, "逾期未报") < 2 {
		t.Errorf("市统计局's lights: %q\n%s", got, shown)
	}

	// 市发展改革委, the second unit: returned late, one below target. The
	// 情况 column cuts its why; the line under the table gives it whole
	// for the item picked.
	v.unitTable.Select(widget.TableCellID{Row: 1, Col: ucUnit})
	shown = texts(dialogTop)
	if !strings.Contains(shown, "市发展改革委：2项，已报2项（其中逾期报送2项），未报0项（其中逾期未报0项）") || !strings.Contains(shown, "点选一项，在此显示其完整情况。") {
		t.Errorf("市发展改革委's items:\n%s", shown)
	}
	if got := strings.Join(lightsShown(dialogTop), " "); got != "绿 黄" {
		t.Errorf("市发展改革委's lights: %q", got)
	}
	v.itemTable.Select(widget.TableCellID{Row: 1, Col: icLight})
	if got := cjk.Unmark(v.why.Text); got != "A1-05 固定资产投资：黄，已报送，低于预期（逾期报送）" {
		t.Errorf("the picked item's why: %q", got)
	}
	v.unitTable.Select(widget.TableCellID{Row: 2, Col: ucUnit})
	// In Chinese the window's why is the command line's, word for word;
	// a reason the model words otherwise is shown as it is.
	for _, un := range v.units {
		for _, r := range un.Rows {
			if lightWhy(r) != r.Why {
				t.Errorf("%s %s: window %q, command %q", un.Unit, r.ItemID, lightWhy(r), r.Why)
			}
			r.Why = "已报送，待裁定（与已录入值不一致）"
			if lightWhy(r) != r.Why {
				t.Errorf("a held return's why became %q", lightWhy(r))
			}
		}
	}

	// Before the due date nothing is late and 市统计局's items are 蓝.
	v.asOfEntry.SetText("2023-10-08")
	if got := strings.Join(lightsShown(dialogTop), " "); got != "蓝 蓝" || !strings.Contains(texts(dialogTop), "临近截止，尚未报送") {
		t.Errorf("before the due date: %q", got)
	}
	v.asOfEntry.SetText("十月十五日")
	if !v.asOfError.Visible() || !strings.Contains(cjk.Unmark(v.asOfError.Text), "不是日期：请写作 2023-10-15 或 2023年10月15日") {
		t.Errorf("a day that is not one: %q", v.asOfError.Text)
	}
	v.asOfEntry.SetText("2023-10-15")

	out := filepath.Join(t.TempDir(), "催报清单.xlsx")
	files := &fakeDialogs{answer: out}
	u.files = files
	test.Tap(button(t, dialogTop, "导出催报清单…"))
	if len(files.reqs) != 1 || files.reqs[0].name != "催报清单_R1_2023年1-9月.xlsx" {
		t.Errorf("save asked %+v", files.reqs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(rounds.ChaseSheet)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != "市统计局" || rows[2][0] != "市统计局" || rows[1][1] != "A1-02" || rows[1][4] != "5" {
		t.Errorf("催报清单: %q", rows)
	}

	// The one-page PDF to print, read back: 市统计局 and its two items,
	// and nobody else.
	pdfOut := filepath.Join(t.TempDir(), "催报清单.pdf")
	files.answer = pdfOut
	test.Tap(button(t, dialogTop, "打印用PDF…"))
	if got := files.reqs[len(files.reqs)-1]; got.name != "催报清单_R1_2023年1-9月.pdf" || got.exts[0] != ".pdf" {
		t.Errorf("save PDF asked %+v", got)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", pdfOut, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"催报清单", "市统计局", "一般公共预算收入", "全员劳动生产率"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("the PDF lacks %q:\n%s", want, text)
			}
		}
		if strings.Contains(string(text), "市商务局") {
			t.Errorf("the PDF chases 市商务局, who returned:\n%s", text)
		}
	} else {
		t.Log("pdftotext not installed (poppler-utils): the PDF is not read back")
	}
	if !strings.Contains(u.message.Text, "已保存：") {
		t.Errorf("status bar: %q", u.message.Text)
	}
	// 导入回执… opens the collect dialog over the view.
	test.Tap(button(t, dialogTop, "导入回执…"))
	if top := u.win.Canvas().Overlays().Top(); top == dialogTop || !strings.Contains(texts(top), "导入回执") {
		t.Errorf("导入回执… opened %q", texts(top))
	} else {
		u.win.Canvas().Overlays().Remove(top)
	}

	// 市统计局 returns while the view is open, later on the day it is
	// judged as of (a return collected after 截至 does not count by
	// then): the window's change refreshes it.
	set(time.Date(2023, 10, 15, 18, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	returnFigures(t, st, "市统计局", map[string]float64{"A1-02": 4.0, "A1-03": 7.2})
	u.changed("")
	if got := unitRowShown(t, v, "市统计局"); got != "市统计局 2 2 2 0 0 2023-10-15 18:00" {
		t.Errorf("after 市统计局's return: %q", got)
	}

	// 转到该项目 closes the view and shows the item.
	v.itemTable.Select(widget.TableCellID{Row: 1, Col: icName})
	test.Tap(v.jump)
	if u.roundView != nil || u.selected != "A1-03" {
		t.Errorf("jump: view %v, selected %q", u.roundView != nil, u.selected)
	}
}

// TestRoundViewCowork: 市统计局 also co-operates (协办) on A1-01 and
// A1-05, which 市发展改革委 leads and returned: they are settled for it,
// counted apart, with why 牵头单位已报送（市发展改革委） (STATUS.md rule 21).
func TestRoundViewCowork(t *testing.T) {
	u, _, _ := roundTestUI(t, store.Assignment{Items: []string{"A1-01", "A1-05"}, Lead: "市发展改革委", With: []string{"市统计局"}})
	u.sheetMenu(u.message)
	tapMenuItem(t, u.win, "填报情况（催报）…")
	v := u.roundView
	if v == nil {
		t.Fatal("the round view did not open")
	}
	v.asOfEntry.SetText("2023-10-15")
	shown := texts(u.win.Canvas().Overlays().Top())
	for _, want := range []string{
		"截至2023-10-15：3个单位（已报齐2个）共7项，已报3项（其中逾期报送2项），未报2项（其中逾期未报2项），由牵头单位报送2项",
		"市统计局：4项，已报0项（其中逾期报送0项），未报2项（其中逾期未报2项），由牵头单位报送2项",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the view lacks %q:\n%s", want, shown)
		}
	}
	for _, un := range v.units {
		for _, r := range un.Rows {
			if r.ByLead != "" && lightWhy(r) != "牵头单位已报送（市发展改革委）" {
				t.Errorf("%s %s: why %q", un.Unit, r.ItemID, lightWhy(r))
			}
		}
	}
}

// TestRoundViewWithoutRounds: a plan with no round says how to start one.
func TestRoundViewWithoutRounds(t *testing.T) {
	u, _ := newTestUI(t)
	u.roundStatusView()
	if u.roundView != nil {
		t.Fatal("a view opened with no round")
	}
	top := u.win.Canvas().Overlays().Top()
	if !strings.Contains(texts(top), "本计划还没有发起填报") {
		t.Errorf("message: %s", texts(top))
	}
}

// TestRoundViewInEnglish: every word the view draws is English, the
// lights' names included.
func TestRoundViewInEnglish(t *testing.T) {
	u, _, _ := roundTestUI(t)
	t.Cleanup(func() { SetLanguage("zh") })
	if err := SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	u.roundStatusView()
	u.roundView.asOfEntry.SetText("2023-10-15")
	u.roundView.unitTable.Select(widget.TableCellID{Row: 2, Col: ucUnit})
	top := u.win.Canvas().Overlays().Top()
	shown := texts(top)
	for _, want := range []string{"Reporting round status", "R1 · Jan-Sep 2023 · due 2023-10-10", "Last return", "Overdue", "Late", "Export chase list…",
		"returned 0 (0 late), missing 2 (2 overdue)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("lacks %q:\n%s", want, shown)
		}
	}
	if got := strings.Join(lightsShown(top), " "); got != "Red Red" {
		t.Errorf("lights: %q", got)
	}
	// Unit and item names are the plan's; nothing else is Chinese.
	for _, line := range strings.Split(shown, "\n") {
		for _, name := range []string{"市商务局", "市发展改革委", "市统计局", "一般公共预算收入", "全员劳动生产率", "地区生产总值", "固定资产投资", "社会消费品零售总额"} {
			line = strings.ReplaceAll(line, name, "")
		}
		for _, r := range line {
			if r >= 0x4E00 && r <= 0x9FFF {
				t.Errorf("Chinese in the English view: %q", line)
				break
			}
		}
	}
}

// TestRoundViewChoosesARound: the latest round is offered first and
// shown; picking the earlier one shows its returns; a round started while
// the view is open joins the list without taking the reviewer's choice.
func TestRoundViewChoosesARound(t *testing.T) {
	u, st, _ := roundTestUI(t)
	start := func(month int, due string) {
		t.Helper()
		rp, err := st.PlanRound(domain.Period{Year: 2023, Month: month}, due)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveRound(rp, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	start(10, "2023-11-10")
	u.roundStatusView()
	v := u.roundView
	v.asOfEntry.SetText("2023-11-15")
	if got := strings.Join(v.roundSel.Options, " | "); got != "R2 · 2023年1-10月 · 截止2023-11-10 | R1 · 2023年1-9月 · 截止2023-10-10" {
		t.Errorf("rounds offered: %s", got)
	}
	if got := unitRowShown(t, v, "市商务局"); got != "市商务局 1 0 0 1 1 —" { // nothing returned for 1-10月
		t.Errorf("R2: %q", got)
	}
	v.roundSel.SetSelectedIndex(1)
	if got := unitRowShown(t, v, "市商务局"); got != "市商务局 1 1 0 0 0 2023-10-08 15:20" {
		t.Errorf("R1: %q", got)
	}
	start(11, "2023-12-10")
	u.changed("")
	if len(v.roundSel.Options) != 3 || v.round.ID != "R1" || v.roundSel.Selected != v.roundSel.Options[2] {
		t.Errorf("after R3 started: %q, showing %s", v.roundSel.Options, v.round.ID)
	}

	// Esc closes the view, from the 截至 box as from anywhere else.
	v.asOfEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.roundView != nil || u.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc in the 截至 box left the view open")
	}
	u.roundStatusView()
	u.win.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.roundView != nil {
		t.Error("Esc left the view open")
	}
}

// TestRoundViewHeldReturn: a return held for the reviewer (its figure
// differs from the one recorded) counts as returned, and the view gives
// the model's reason for it, not one worded from the status.
func TestRoundViewHeldReturn(t *testing.T) {
	u, st, _ := roundTestUI(t)
	p := domain.Period{Year: 2023, Month: 9}
	if _, err := st.RecordActual(domain.Actual{ItemID: "A1-02", Period: p, Value: 4.0, Source: "财政月报"}, "张三"); err != nil {
		t.Fatal(err)
	}
	unit, err := st.FindUnit("市统计局")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CollectReturn(store.ReturnFile{RoundID: "R1", Period: p, Unit: unit, File: "统计局.xlsx",
		Rows: []store.ReturnRow{{ItemID: "A1-02", Actual: &domain.Actual{ItemID: "A1-02", Period: p, Value: 4.5, By: "王五"}}}}, "张三", false); err != nil {
		t.Fatal(err)
	}
	u.roundStatusView()
	v := u.roundView
	v.asOfEntry.SetText("2023-10-15")
	v.unitTable.Select(widget.TableCellID{Row: 2, Col: ucUnit})
	shown := texts(u.win.Canvas().Overlays().Top())
	if !strings.Contains(shown, "市统计局：2项，已报1项（其中逾期报送1项），未报1项（其中逾期未报1项）") || !strings.Contains(shown, "已报送，待裁定") {
		t.Errorf("held return:\n%s", shown)
	}
}
