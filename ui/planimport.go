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
		u.showError(fmt.Errorf("无法读取“%s”：%w", path, err))
		return nil
	}
	d, err := plantable.Read(path, data)
	if err != nil {
		u.showError(err)
		return nil
	}
	items := d.Items
	t := u.fittedTable(planTableColumns, len(items), func(row, col int) (string, bool) { return planTableCell(items[row], col) })
	dlg := &planImportDialog{draft: d, table: t, create: u.createPlan, showError: u.showError}
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
		return trf("有{{.N}}行待确认：请在表格中写明目标（或注明“定性”）后重新读入；在此之前不会创建计划。", "N", n)
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
	if d.blocked() != "" {
		d.button.Disable()
	}
	content := container.NewBorder(d.summary(), nil, nil, nil, container.New(d.table.layout, d.table.Table))
	d.dlg = dialog.NewCustomWithoutButtons(tr("新建计划预览"), content, win)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), d.dlg.Hide), d.button})
	d.dlg.Resize(fyne.NewSize(win.Canvas().Size().Width*0.92, win.Canvas().Size().Height*0.85))
	d.dlg.Show()
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
	return nil
}
