package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/domain"
)

const (
	prefExportFolder  = "export.folder"
	prefExportMarking = "export.marking"
	prefExportFormat  = "export.format"
)

// partLabels name the brief's parts in the dialog, in brief.AllParts'
// order: the five numbered parts and the appendix 按责任单位, offered only
// when the plan has units (the brief leaves it out otherwise).
func partLabels(withUnits bool) []string {
	labels := []string{tr("一、总体情况"), tr("二、主要指标完成情况"), tr("三、需关注事项"), tr("四、重点工作推进情况"), tr("五、房屋征收计划")}
	if withUnits {
		labels = append(labels, tr("附：按责任单位统计"))
	}
	return labels
}

// formHost is what a dialog pane needs of the window it opens in: its
// forms and their period lists, and its status bar.
type formHost interface {
	newForm(title string, save func(f *form) bool) *form
	periodSelect(p domain.Period, allowNone bool) *widget.Select
	selectedPeriod(s *widget.Select, allowNone bool) domain.Period
}

// briefDialog is the brief's export dialog: it asks for the period,
// parts, notes, marking and file, then hands the choice to a briefRun.
// It is made afresh each time it opens, from the window's state then.
type briefDialog struct {
	host  formHost
	prefs fyne.Preferences
	files fileDialogs
	plan  *domain.Plan
	gapOf func(domain.Period) brief.PeriodGap
	asOf  domain.Period
	// priors is last year beside this year, for 表1's 上年完成 column.
	priors map[string]domain.Prior
	// units is the plan's 责任单位 and who answers for what, for the
	// appendix 按责任单位.
	units unitBook
	run   func(o brief.Options, path string)

	period  *widget.Select
	format  *widget.RadioGroup
	parts   []*widget.Check // in brief.AllParts' order
	notes   *widget.Check
	marking *widget.SelectEntry
	unit    *escEntry
	file    *escEntry
	gap     *widget.Label
}

// exportDialog opens the brief's dialog on the window's period (Ctrl+P).
func (u *UI) exportDialog() {
	r := u.review
	d := &briefDialog{host: u, prefs: u.prefs, files: u.files, plan: u.plan, asOf: u.asOf, priors: u.lastYear.priors,
		units: u.units,
		gapOf: func(p domain.Period) brief.PeriodGap { return brief.PeriodGapOf(r, p) },
		run:   u.briefRun().start}
	d.show()
}

// show builds the dialog's fields and opens it.
func (d *briefDialog) show() {
	d.period = d.host.periodSelect(d.asOf, false)
	labels := partLabels(d.hasUnits())
	d.parts = nil
	for _, l := range labels {
		c := widget.NewCheck(l, nil)
		c.SetChecked(true)
		d.parts = append(d.parts, c)
	}
	d.notes = widget.NewCheck(tr("包含审阅备注"), nil)
	d.notes.SetChecked(true)
	d.marking = widget.NewSelectEntry([]string{"内部资料", "内部资料 注意保存", "征求意见稿"})
	d.marking.OnCursorChanged = func() { placeIME(d.marking, &d.marking.Entry) }
	d.marking.SetText(d.prefs.StringWithFallback(prefExportMarking, "内部资料"))
	d.unit = newEscEntry(nil)
	d.unit.SetText(d.prefs.String(prefUnit))
	d.file = newEscEntry(nil)
	d.file.SetText(filepath.Join(d.startFolder(), d.defaultName(d.asOf)))
	d.format = widget.NewRadioGroup([]string{tr("PDF（印发、打印）"), tr("Word（公文格式，可编辑）")}, func(string) {
		d.file.SetText(brief.WithFormat(d.file.Text, d.chosenFormat()))
	})
	d.format.Horizontal = true
	d.format.Required = true
	if brief.Format(d.prefs.String(prefExportFormat)) == brief.FormatWord {
		d.format.Selected = d.format.Options[1]
	} else {
		d.format.Selected = d.format.Options[0]
	}
	d.file.SetText(brief.WithFormat(d.file.Text, d.chosenFormat()))
	d.gap = wrapLabel("")
	d.gap.Importance = widget.WarningImportance
	d.showPeriodGap(d.asOf)
	d.period.OnChanged = func(string) {
		p := d.host.selectedPeriod(d.period, false)
		d.file.SetText(brief.WithFormat(filepath.Join(filepath.Dir(d.file.Text), d.defaultName(p)), d.chosenFormat()))
		d.showPeriodGap(p)
	}
	choose := widget.NewButton(tr("选择文件夹…"), func() {
		d.files.folder(fileRequest{title: tr("选择保存简报的文件夹"), folder: filepath.Dir(d.file.Text)}, func(dir string) {
			d.file.SetText(filepath.Join(dir, filepath.Base(d.file.Text)))
		})
	})
	f := d.host.newForm(tr("生成执行情况简报"), d.submit)
	f.add(tr("截至期间"), container.NewVBox(d.period, d.gap), "")
	f.add(tr("格式"), d.format, "")
	f.add(tr("内容"), d.partsBox(), "")
	f.add(tr("备注"), d.notes, "")
	f.add(tr("密级标注"), d.marking, tr("留空则不标注"))
	f.add(tr("编制单位"), d.unit, "")
	f.add(tr("文件"), container.NewBorder(nil, nil, nil, choose, d.file), "")
	f.show()
}

// startFolder is where the brief goes unless changed: the folder of the
// last one, else Documents, else the home folder.
func (d *briefDialog) startFolder() string {
	folder := d.prefs.String(prefExportFolder)
	if folder == "" {
		if home, err := os.UserHomeDir(); err == nil {
			folder = home
			if docs := filepath.Join(home, "Documents"); isDir(docs) {
				folder = docs
			}
		}
	}
	return folder
}

// submit checks the file and parts, remembers the folder and marking, and
// starts the export; false keeps the dialog open with the error shown.
func (d *briefDialog) submit(f *form) bool {
	path := strings.TrimSpace(d.file.Text)
	if path == "" {
		f.fail(tr("文件"), errors.New(tr("请填写要保存的文件名")))
		return false
	}
	path = brief.WithFormat(path, d.chosenFormat())
	if !isDir(filepath.Dir(path)) {
		f.fail(tr("文件"), fmt.Errorf("%s", trf("文件夹“{{.D}}”不存在", "D", filepath.Dir(path))))
		return false
	}
	keys := d.partKeys()
	if len(keys) == 0 {
		f.fail(tr("内容"), errors.New(tr("请至少选择一个部分")))
		return false
	}
	d.prefs.SetString(prefExportFolder, filepath.Dir(path))
	d.prefs.SetString(prefExportMarking, strings.TrimSpace(d.marking.Text))
	d.prefs.SetString(prefExportFormat, string(d.chosenFormat()))
	o := brief.Options{AsOf: d.host.selectedPeriod(d.period, false), Date: time.Now(), Unit: strings.TrimSpace(d.unit.Text),
		Reviewer: strings.TrimSpace(d.prefs.String(prefName)), Marking: strings.TrimSpace(d.marking.Text),
		Parts: keys, Notes: d.notes.Checked, Priors: d.priors, Units: d.units.list, ItemUnits: d.units.assigned}
	d.run(o, path)
	return true
}

// chosenFormat is the format ticked: Word when its option is, else PDF.
func (d *briefDialog) chosenFormat() brief.Format {
	if d.format.Selected == d.format.Options[1] {
		return brief.FormatWord
	}
	return brief.FormatPDF
}

// hasUnits reports whether any item has a unit: the appendix is offered.
func (d *briefDialog) hasUnits() bool { return len(d.units.assigned) > 0 }

// partKeys are the ticked parts as the brief names them, in its order.
func (d *briefDialog) partKeys() []string {
	var keys []string
	for i, c := range d.parts {
		if c.Checked {
			keys = append(keys, brief.AllParts[i])
		}
	}
	return keys
}

// partsBox sets the parts' boxes in two columns, the numbered parts
// reading down the left first: one column of six would push the dialog's
// buttons off a 1024×600 screen.
func (d *briefDialog) partsBox() fyne.CanvasObject {
	half := (len(d.parts) + 1) / 2
	left, right := container.NewVBox(), container.NewVBox()
	for i, c := range d.parts {
		if i < half {
			left.Add(c)
		} else {
			right.Add(c)
		}
	}
	return container.NewGridWithColumns(2, left, right)
}

// showPeriodGap warns, before anything is written, when most indicators
// have no figure of the chosen period.
func (d *briefDialog) showPeriodGap(p domain.Period) {
	g := d.gapOf(p)
	if !g.Most() {
		d.gap.Hide()
		return
	}
	text := trf("所选期间{{.P}}，{{.T}}项主要指标中{{.M}}项尚无该期数据。", "P", periodLabel(p), "T", g.Total, "M", g.Missing)
	if g.Behind() {
		text = trf("所选期间{{.P}}，{{.T}}项主要指标中{{.M}}项尚无该期数据（最新数据为{{.N}}）。",
			"P", periodLabel(p), "T", g.Total, "M", g.Missing, "N", periodLabel(g.Newest))
	}
	setWrapped(d.gap, text)
	d.gap.Show()
}

// defaultName is 2023年嘉兴市计划执行情况简报（截至1-9月）.pdf.
func (d *briefDialog) defaultName(p domain.Period) string {
	return fmt.Sprintf("%d年%s计划执行情况简报（截至%s）.pdf", p.Year, d.plan.City, p.Label())
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
