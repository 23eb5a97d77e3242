package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// planTableColumns are the plan import preview's columns: each row as
// understood, and why it waits for the reviewer.
var planTableColumns = []previewColumn{{"行", 88, 0}, {"类别", 88, 0.5}, {"名称", 140, 2}, {"目标（原文）", 110, 1},
	{"理解为", 120, 1.5}, {"单位", 48, 0}, {"责任单位", 100, 1}, {"待确认或问题", 160, 3}}

// planImportDialog shows what a plan table gives and creates the plan
// from it, only when no row waits for the reviewer and no problem stops it.
type planImportDialog struct {
	draft     plantable.Draft
	table     preview
	create    func(plantable.Draft, plantable.Meta) error
	showError func(error)

	city, year, title *widget.Entry
	button            *widget.Button
	fixNext           *widget.Button // 逐行确认…: the next row waiting
	top               *fyne.Container
	win               fyne.Window
	dlg               *dialog.CustomDialog
}

// choosePlanTable asks for the office's plan table and previews it.
func (u *UI) choosePlanTable() {
	req := fileRequest{title: tr("新建计划（从表格）"), folder: u.prefs.String(prefSheetFolder),
		kind: tr("Excel 工作簿或 CSV 文件"), exts: []string{".xlsx", ".csv"}}
	u.files.open(req, func(path string) {
		u.prefs.SetString(prefSheetFolder, filepath.Dir(path))
		u.previewPlanTable(path)
	})
}

// previewPlanTable reads a plan table and shows its preview, which it
// returns; nil when the file cannot be read (the error is shown).
func (u *UI) previewPlanTable(path string) *planImportDialog {
	data, err := os.ReadFile(path)
	if err != nil {
		u.showError(fmt.Errorf("%s%w", trf("无法读取“{{.File}}”：", "File", path), err))
		return nil
	}
	d, err := plantable.Read(path, data)
	if err != nil {
		u.showError(err)
		return nil
	}
	dlg := &planImportDialog{draft: d, create: u.createPlan, showError: u.showError, win: u.win}
	// The cells read the dialog's draft, so a row the reviewer settles
	// shows as settled.
	dlg.table = u.fittedTable(planTableColumns, len(d.Items), func(row, col int) (string, bool) {
		return planTableCell(dlg.draft.Items[row], col)
	})
	dlg.table.OnSelected = func(id widget.TableCellID) {
		dlg.table.UnselectAll()
		if dlg.draft.Items[id.Row].NeedsReview {
			dlg.fixRow(id.Row)
		}
	}
	dlg.show(u.win, u.plan.City)
	return dlg
}

// planTableCell is what a plan table row shows in a column, and whether
// it waits for the reviewer.
func planTableCell(it plantable.Item, col int) (string, bool) {
	switch col {
	case 0:
		return fmt.Sprintf("%s %d", it.Sheet, it.Line), false
	case 1:
		return it.Section, false
	case 2:
		if it.Parent != "" {
			return "　" + it.Name, false // a sub-item, set in under its row
		}
		return it.Name, false
	case 3:
		return it.TargetText, false
	case 4:
		switch {
		case it.Qualitative:
			return tr("定性（由审阅人判断）"), false
		case it.Target != nil:
			return it.Target.StringIn(language), false
		case it.Kind == domain.KindMilestone:
			return tr("里程碑"), false
		}
		return "", it.NeedsReview
	case 5:
		return it.Unit, false
	case 6:
		return strings.Join(it.Owners, "、"), false
	case 7:
		if it.NeedsReview {
			return tr("待确认：") + it.Reason, true
		}
	}
	return "", false
}

// blocked is why the plan cannot be created yet, "" when it can.
func (d *planImportDialog) blocked() string {
	switch n := d.draft.Pending(); {
	case len(d.draft.Problems) > 0:
		return trf("表格有{{.N}}处问题，须在表格中改正后重新读入；在此之前不会创建计划。", "N", len(d.draft.Problems))
	case n > 0:
		return trf("有{{.N}}行待确认：点选该行或“逐行确认…”，录入目标或标为定性（由审阅人判断）；在此之前不会创建计划。", "N", n)
	}
	return ""
}

// summary is the preview's top: what the table holds, why it cannot be
// created yet with its problems in full, and the plan's city, year and
// title.
func (d *planImportDialog) summary() *fyne.Container {
	top := container.NewVBox(wrapLabel(trf("文件“{{.F}}”：{{.N}}项，待确认{{.P}}项，问题{{.Q}}处。",
		"F", d.draft.File, "N", len(d.draft.Items), "P", d.draft.Pending(), "Q", len(d.draft.Problems))))
	if why := d.blocked(); why != "" {
		warn := wrapLabel(why)
		warn.Importance = widget.DangerImportance
		top.Add(warn)
	}
	// The problems, then the rows to confirm, in full: a row far down a
	// long table is named here, where the reviewer reads first.
	listed := append([]string{}, d.draft.Problems...)
	for _, it := range d.draft.Items {
		if it.NeedsReview {
			listed = append(listed, it.Name+tr("：")+it.Reason)
		}
	}
	listProblems(top, listed)
	// The three fields on one line: on a 600 px screen every line above
	// the table is a row of the table less.
	field := func(label string, e *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, e)
	}
	top.Add(container.NewGridWithColumns(3, field(tr("城市或区县"), d.city), field(tr("年度"), d.year), field(tr("标题"), d.title)))
	return top
}

// show opens the preview over most of the window; city is offered as the
// new plan's, since an office makes next year's plan for its own city.
func (d *planImportDialog) show(win fyne.Window, city string) {
	d.city, d.year, d.title = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	d.city.SetText(city)
	d.year.SetPlaceHolder(tr("如 2024"))
	d.title.SetPlaceHolder(tr("留空则按城市和年度生成"))
	d.button = widget.NewButton(tr("创建计划"), d.createNow)
	d.button.Importance = widget.HighImportance
	d.fixNext = widget.NewButton(tr("逐行确认…"), func() {
		for i, it := range d.draft.Items {
			if it.NeedsReview {
				d.fixRow(i)
				return
			}
		}
	})
	d.top = d.summary()
	d.enable()
	content := container.NewBorder(d.top, nil, nil, nil, container.New(d.table.layout, d.table.Table))
	d.dlg = dialog.NewCustomWithoutButtons(tr("新建计划预览"), content, win)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), d.dlg.Hide), d.fixNext, d.button})
	d.dlg.Resize(fyne.NewSize(win.Canvas().Size().Width*0.92, win.Canvas().Size().Height*0.85))
	d.dlg.Show()
}

// enable offers 创建计划 once nothing stops it, and 逐行确认… while a row
// waits for the reviewer.
func (d *planImportDialog) enable() {
	if d.blocked() != "" {
		d.button.Disable()
	} else {
		d.button.Enable()
	}
	if d.draft.Pending() > 0 {
		d.fixNext.Enable()
	} else {
		d.fixNext.Disable()
	}
}

// settled shows the preview again after the reviewer settled a row.
func (d *planImportDialog) settled() {
	d.top.Objects = d.summary().Objects
	d.top.Refresh()
	d.table.Refresh()
	d.enable()
}

// fixRow asks for the reviewer's word on row i, which waits for it: a
// target typed in the grammar's terms, checked as it is typed, or the
// mark 定性（由审阅人判断）. A word the draft refuses is shown and changes
// nothing.
func (d *planImportDialog) fixRow(i int) {
	it := d.draft.Items[i]
	entry := widget.NewEntry()
	entry.SetPlaceHolder(tr("如：增长6%左右、400个、控制在3%以内、稳中提质"))
	live := wrapLabel(tr("按目标语法填写，输入时即检查。"))
	var dlg *dialog.CustomDialog
	// The dialog grows with what the check says, so its buttons stay
	// clear of the text.
	width := fyne.Min(680, d.win.Canvas().Size().Width*0.9)
	fit := func() {
		if dlg != nil {
			dlg.Resize(fyne.NewSize(width, 0))
		}
	}
	use := widget.NewButton(tr("按此目标确认"), func() {
		if err := d.draft.SetTarget(i, entry.Text); err != nil {
			live.SetText(err.Error())
			live.Importance = widget.DangerImportance
			live.Refresh()
			fit()
			return
		}
		dlg.Hide()
		d.settled()
	})
	use.Importance = widget.HighImportance
	use.Disable()
	entry.OnChanged = func(s string) {
		t, err := plantable.CheckTarget(s)
		switch {
		case strings.TrimSpace(s) == "":
			live.SetText(tr("按目标语法填写，输入时即检查。"))
			live.Importance = widget.MediumImportance
			use.Disable()
		case err != nil:
			if bare := errors.Unwrap(err); bare != nil {
				err = bare // the help is shown above the field
			}
			live.SetText(err.Error())
			live.Importance = widget.DangerImportance
			use.Disable()
		default:
			live.SetText(tr("理解为：") + t.StringIn(language))
			live.Importance = widget.SuccessImportance
			use.Enable()
		}
		live.Refresh()
		fit()
	}
	entry.OnSubmitted = func(string) {
		if !use.Disabled() {
			use.OnTapped()
		}
	}
	mark := widget.NewButton(tr(domain.QualitativeMark), func() {
		if err := d.draft.MarkQualitative(i); err != nil {
			live.SetText(err.Error())
			live.Importance = widget.DangerImportance
			live.Refresh()
			fit()
			return
		}
		dlg.Hide()
		d.settled()
	})
	reason := wrapLabel(it.Reason)
	reason.Importance = widget.DangerImportance
	content := container.NewVBox(
		wrapLabel(trf("工作表“{{.S}}”第{{.L}}行 {{.N}}：原文“{{.T}}”", "S", it.Sheet, "L", it.Line, "N", it.Name, "T", it.TargetText)),
		reason, wrapLabel(tr("可填写：增长6%左右、达到95%以上、控制在3%以内、400个、提高3个百分点、下降4%以上、与经济增长基本同步、按省下达目标安排，或定性用语如 稳中提质、持续改善；都不合适时请标为定性（由审阅人判断）。")),
		widget.NewLabel(tr("目标")), entry, live)
	dlg = dialog.NewCustomWithoutButtons(tr("确认目标"), content, d.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), func() { dlg.Hide() }), mark, use})
	fit()
	dlg.Show()
	d.win.Canvas().Focus(entry)
}

// fields reads the city, year and title typed, naming the field that is
// wrong.
func (d *planImportDialog) fields() (plantable.Meta, error) {
	np := plantable.Meta{City: strings.TrimSpace(d.city.Text), Title: strings.TrimSpace(d.title.Text)} // no title: PlanFile's
	if np.City == "" {
		return np, errors.New(tr("请填写“城市或区县”"))
	}
	y, err := strconv.Atoi(strings.TrimSpace(d.year.Text))
	if err != nil || y < 2000 || y > 2100 {
		return np, errors.New(trf("“年度”须是2000至2100之间的四位数字，如2024；现为“{{.Y}}”", "Y", d.year.Text))
	}
	np.Year = y
	return np, nil
}

func (d *planImportDialog) createNow() {
	if why := d.blocked(); why != "" { // the button is disabled; said again should it be reached
		d.showError(errors.New(why))
		return
	}
	np, err := d.fields()
	if err == nil {
		err = d.create(d.draft, np)
	}
	if err != nil {
		d.showError(err)
		return
	}
	d.dlg.Hide()
}

// createPlan makes the plan from a table the reviewer agreed to, in one
// transaction, and shows it.
func (u *UI) createPlan(d plantable.Draft, np plantable.Meta) error {
	who := u.reviewer()
	if who == "" {
		return errNoReviewer
	}
	data, err := plantable.PlanFile(d, np)
	if err != nil {
		return err
	}
	// The table's text is the notice: each item's source can be found in it.
	pi, err := u.st.CreatePlan(store.NewPlan{Dataset: data, Notice: d.Text, SourceDocument: d.File, City: np.City, Year: np.Year}, who)
	if err != nil {
		return err
	}
	u.switchPlan(pi.ID)
	u.say(trf("已从“{{.F}}”创建《{{.T}}》，共{{.N}}项", "F", d.File, "T", pi.Title, "N", pi.Items))
	u.noticeUnmatched()
	return nil
}
