package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
)

// tongxiang2024 is a county's 2024 main-target table as offices keep it:
// a title above the header, the unit in the 目标 header, bare numbers,
// category rows, a # sub-item and 责任单位 with two units.
var tongxiang2024 = [][]string{
	{"桐乡市2024年国民经济和社会发展主要指标"},
	{},
	{"序号", "指标名称", "2024年目标增长(%)", "属性", "责任单位"},
	{"一、综合发展"},
	{"1", "地区生产总值", "6", "预期性", "市发改局、市统计局"},
	{"2", "固定资产投资", "5", "预期性", "市发改局"},
	{"", "#制造业投资", "10以上", "预期性", "市经信局"},
	{"二、民生与环境"},
	{"3", "城镇调查失业率", "控制在5.5%以内", "约束性", "市人力社保局"},
}

// writeWorkbook writes rows as a one-sheet .xlsx, as Excel would.
func writeWorkbook(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// openPlanTable chooses a table through 计划 › 新建计划（从表格）… and
// returns what is on top of the window then.
func openPlanTable(t *testing.T, u *UI, path string) fyne.CanvasObject {
	t.Helper()
	u.files = &fakeDialogs{answer: path}
	test.Tap(button(t, u.win.Content(), "计划"))
	tapMenuItem(t, u.win, "新建计划（从表格）…")
	return u.win.Canvas().Overlays().Top()
}

// entries are the preview's 城市或区县, 年度 and 标题 fields, in order.
func entries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	find(o, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
		return false
	})
	return out
}

// A plan is created from an office's workbook through the window: the
// preview shows each row as understood, and the window then shows the
// new plan.
func TestCreatePlanFromATableThroughTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	path := filepath.Join(t.TempDir(), "桐乡 2024 主要指标.xlsx")
	writeWorkbook(t, path, tongxiang2024)
	dlg := openPlanTable(t, u, path)
	shown := texts(dlg)
	for _, want := range []string{"“桐乡 2024 主要指标.xlsx”：4项，待确认0项", "增长率 ≥ 6%", "市发改局、市统计局", "一、综合发展"} {
		if !strings.Contains(shown, want) {
			t.Errorf("preview lacks %q:\n%s", want, shown)
		}
	}
	f := entries(dlg)
	f[0].SetText("")
	test.Type(f[0], "桐乡市")
	test.Type(f[1], "2024")
	create := button(t, dlg, "创建计划")
	if create.Disabled() {
		t.Fatal("a table with nothing to confirm cannot be created")
	}
	test.Tap(create)
	plans, _ := st.Plans()
	if len(plans) != 2 || u.plan.Year != 2024 || u.plan.City != "桐乡市" || len(u.plan.Items) != 4 {
		t.Fatalf("plans %+v; window on %s %d with %d items", plans, u.plan.City, u.plan.Year, len(u.plan.Items))
	}
	if u.bar.planSel == nil || !strings.Contains(u.bar.planSel.Selected, "桐乡市 · 2024") || !strings.Contains(u.win.Title(), "2024年桐乡市") {
		t.Errorf("switcher %v, title %q", u.bar.planSel, u.win.Title())
	}
	if n := tableRows(u); n != 4 {
		t.Errorf("table lists %d rows", n)
	}
}

// A table that cannot become a plan as it stands is refused with the row,
// column or field named, and the database is not written.
func TestPlanTableRefusals(t *testing.T) {
	qualitative := append(append([][]string{}, tongxiang2024...), []string{"4", "生态环境质量", "明显好转", "预期性", "市生态环境局"})
	noTarget := [][]string{{"序号", "指标名称", "属性"}, {"1", "地区生产总值", "预期性"}}
	for _, tc := range []struct {
		name       string
		rows       [][]string
		city, year string
		want       string // in the preview or the message
	}{
		{"a row needs review", qualitative, "桐乡市", "2024", "有1行待确认"},
		{"no target column", noTarget, "", "", "第1行有“指标名称”列，但没有“目标”或“预期目标”列"},
		{"year not a year", tongxiang2024, "桐乡市", "24年", "“年度”须是2000至2100之间的四位数字"},
		{"no city", tongxiang2024, "", "2024", "请填写“城市或区县”"},
		{"year taken for the city", tongxiang2024, "嘉兴市", "2023", "嘉兴市已有2023年的计划"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t)
			path := filepath.Join(t.TempDir(), "表.xlsx")
			writeWorkbook(t, path, tc.rows)
			before := dbBytes(t, st.Path())
			dlg := openPlanTable(t, u, path)
			if f := entries(dlg); len(f) == 3 {
				f[0].SetText(tc.city)
				test.Type(f[1], tc.year)
				if create := button(t, dlg, "创建计划"); !create.Disabled() {
					test.Tap(create)
				}
			}
			shown := texts(dlg) + u.message.Text
			if !strings.Contains(shown, tc.want) {
				t.Errorf("want %q shown; got:\n%s", tc.want, shown)
			}
			if plans, _ := st.Plans(); len(plans) != 1 || !bytes.Equal(before, dbBytes(t, st.Path())) {
				t.Errorf("refused, yet the database changed (%d plans)", len(plans))
			}
		})
	}
}

// The row that waits for the reviewer is marked in the preview with why.
func TestPlanPreviewMarksRowsToConfirm(t *testing.T) {
	u, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "表.csv")
	os.WriteFile(path, []byte("指标名称,预期目标,责任单位\n地区生产总值,增长6%,市发改局\n生态环境质量,明显好转,市生态环境局\n营商环境,稳中提质,市发改局\n"), 0o644)
	d := u.previewPlanTable(path)
	if d == nil || !d.button.Disabled() {
		t.Fatal("a row to confirm must keep 创建计划 disabled")
	}
	if !strings.Contains(texts(u.win.Canvas().Overlays().Top()), "生态环境质量："+d.draft.Items[1].Reason) {
		t.Error("the row to confirm is not named above the table")
	}
	text, bad := planTableCell(d.draft.Items[1], 7)
	if !bad || !strings.HasPrefix(text, "待确认：") || !strings.Contains(text, d.draft.Items[1].Reason) {
		t.Errorf("row to confirm shown as %q (marked %v)", text, bad)
	}
	if text, _ := planTableCell(d.draft.Items[2], 4); text != "定性（由审阅人判断）" {
		t.Errorf("qualitative target understood as %q", text)
	}
	if text, bad := planTableCell(d.draft.Items[0], 7); bad || text != "" {
		t.Errorf("a row read whole is marked %q", text)
	}
}

// A row the grammar cannot read and one with words outside its
// vocabulary are settled in the preview — a target typed, checked as it
// is typed, and the mark 定性 — and the plan is then created with them.
func TestSettleRowsInThePlanPreview(t *testing.T) {
	u, st := newTestUI(t)
	path := filepath.Join(t.TempDir(), "桐乡 2024.xlsx")
	writeWorkbook(t, path, [][]string{{"序号", "指标名称", "预期目标", "单位"}, {"1", "地区生产总值", "增长6%", ""},
		{"2", "保障性住房", "1万多", "套"}, {"3", "营商环境", "明显好转", ""}})
	d := u.previewPlanTable(path)
	if d == nil || !d.button.Disabled() || d.draft.Pending() != 2 {
		t.Fatal("two rows to confirm must keep 创建计划 disabled")
	}
	preview := u.win.Canvas().Overlays().Top()

	// 保障性住房: chosen in the table, a target typed.
	d.table.Select(widget.TableCellID{Row: 1, Col: 3})
	fix := u.win.Canvas().Overlays().Top()
	if fix == preview || !strings.Contains(texts(fix), "第3行 保障性住房：原文“1万多”") {
		t.Fatalf("no form for the row:\n%s", texts(fix))
	}
	entry := entries(fix)[0]
	use := button(t, fix, "按此目标确认")
	test.Type(entry, "1万多套")
	if !use.Disabled() || !strings.Contains(texts(fix), "单位“万多套”无法识别") {
		t.Errorf("an unreadable target is accepted or not explained:\n%s", texts(fix))
	}
	entry.SetText("")
	test.Type(entry, "10000套以上")
	if use.Disabled() || !strings.Contains(texts(fix), "理解为：≥ 10000套") {
		t.Errorf("a readable target is not offered:\n%s", texts(fix))
	}
	test.Tap(use)
	if u.win.Canvas().Overlays().Top() != preview || d.draft.Pending() != 1 || !d.button.Disabled() {
		t.Fatalf("after the first row: %d pending", d.draft.Pending())
	}
	if text, bad := planTableCell(d.draft.Items[1], 4); bad || text != "≥ 10000套" {
		t.Errorf("settled row understood as %q", text)
	}

	// 营商环境: the next row waiting, marked qualitative.
	test.Tap(button(t, preview, "逐行确认…"))
	fix = u.win.Canvas().Overlays().Top()
	if !strings.Contains(texts(fix), "营商环境：原文“明显好转”") {
		t.Fatalf("逐行确认 opened:\n%s", texts(fix))
	}
	test.Tap(button(t, fix, "定性（由审阅人判断）"))
	if d.draft.Pending() != 0 || d.button.Disabled() || !button(t, preview, "逐行确认…").Disabled() {
		t.Fatalf("all settled, yet %d pending, 创建计划 disabled %v", d.draft.Pending(), d.button.Disabled())
	}
	if strings.Contains(texts(preview), "待确认：") {
		t.Errorf("the preview still shows a row to confirm:\n%s", texts(preview))
	}

	f := entries(preview)
	f[0].SetText("桐乡市")
	test.Type(f[1], "2024")
	test.Tap(d.button)
	plans, _ := st.Plans()
	if len(plans) != 2 || u.plan.City != "桐乡市" || len(u.plan.Items) != 3 {
		t.Fatalf("plans %+v; window on %s with %d items", plans, u.plan.City, len(u.plan.Items))
	}
	got := map[string]string{}
	for _, it := range st.Plan().Items {
		got[it.Name] = it.TargetText + " " + it.Target.String()
	}
	for name, want := range map[string]string{"保障性住房": "10000套以上 ≥ 10000套", "营商环境": "明显好转 定性：明显好转"} {
		if got[name] != want {
			t.Errorf("%s in the store: %q, want %q", name, got[name], want)
		}
	}
	q, _ := st.Plan().Item("A1-03")
	if s := u.review.Status(q, domain.Period{Year: 2024, Month: 9}); s.Code != domain.AwaitingJudgement {
		t.Errorf("the qualitative item's status %s", s.Code)
	}
	// The detail pane says who judges it, with no chart and no 录入目标.
	u.selectItem("A1-03")
	shown := texts(u.detail.pane)
	for _, want := range []string{"定性目标（明显好转），由审阅人根据进展判断", "理解：定性：明显好转，由审阅人判断"} {
		if !strings.Contains(shown, want) {
			t.Errorf("detail lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "录入目标…") || strings.Contains(shown, "口径：") {
		t.Errorf("a qualitative item offers a target to enter or a measure:\n%s", shown)
	}
}
