package ui

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
)

// 填报情况 — who is late (issue 16): Excel › 填报情况（催报）… opens the
// round view over the window. A reporting round is chosen (the latest
// first) and the day it is judged at (today); a row per unit the round was
// sent to says how many items it was sent, returned, missing and late and
// when it last returned; the unit selected lists its items with their
// chase light (蓝/黄/红/绿) and why. The numbers are model/rounds' Status,
// those of `planreview round status`. The tables are in
// roundviewtables.go, the lights in roundviewlights.go, the 催报清单
// (workbook and one-page PDF) in roundviewexport.go.

// roundViewHooks are what the round view needs from the window.
type roundViewHooks struct {
	rounds    func() ([]domain.Round, error) // the plan's rounds, oldest first
	status    func(domain.Round, time.Time) ([]rounds.UnitRow, error)
	openItem  func(id string)                                  // shows an item in the main window
	saveChase func(name string, write func(path string) error) // the workbook
	// saveChasePDF asks where to save the one-page PDF and writes it;
	// write tells what the status bar should add.
	saveChasePDF func(name string, write func(path string) (note string, err error))
	planTitle    string // printed under the PDF's title
	// collect is 导入回执… (collecting returns); nil leaves the button out.
	collect   func()
	now       func() time.Time
	showError func(error)
	closed    func()
}

// roundView is the round view's state and widgets.
type roundView struct {
	hooks roundViewHooks

	list  []domain.Round // latest first, as the round box offers them
	round domain.Round
	asOf  time.Time
	units []rounds.UnitRow
	unit  int // the unit selected, -1 for none
	item  int // the selected unit's item selected, -1 for none

	// the columns' widths, measured on each load; 0 shares what is left
	unitWidths, itemWidths []float32

	roundSel  *escSelect
	asOfEntry *escEntry
	asOfError *widget.Label
	summary   *widget.Label
	unitHead  *widget.Label
	unitTable *escTable
	itemTable *escTable
	// why is the selected item's why in full, under the table, where the
	// 情况 column cuts it (its （逾期报送） first) on a 1024 px screen.
	why       *widget.Label
	closeBtn  *keyButton
	jump      *keyButton
	export    *keyButton
	exportPDF *keyButton
	collect   *keyButton        // nil without hooks.collect
	fits      []*fyne.Container // the tables in their tableFit layouts
	split     *container.Split
	content   fyne.CanvasObject
	dlg       *dialog.CustomDialog
}

// dayLayout is how the view writes and reads a day.
const dayLayout = "2006-01-02"

// roundStatusView opens the round view (Excel › 填报情况…), or says how to
// start a round when the plan has none.
func (u *UI) roundStatusView() {
	list, err := u.st.Rounds()
	if err != nil {
		u.showError(err)
		return
	}
	if len(list) == 0 {
		showMessage(u.win, tr("填报情况"), tr("本计划还没有发起填报：请先用 Excel › 发起填报… 为一个期间向各责任单位发出填报表。"))
		return
	}
	v := newRoundView(roundViewHooks{
		rounds: u.st.Rounds,
		status: func(r domain.Round, asOf time.Time) ([]rounds.UnitRow, error) { return rounds.Status(u.st, r, asOf) },
		openItem: func(id string) {
			u.selectNav(navTo(navAll))
			u.selectItem(id)
		},
		saveChase:    u.chooseSave,
		saveChasePDF: u.chooseSavePDF,
		planTitle:    u.plan.Title,
		// Collecting ends in u.changed, which refreshes this view.
		collect:   func() { u.collectReturns() },
		now:       time.Now,
		showError: u.showError,
		closed:    func() { u.roundView = nil },
	})
	if err := v.refresh(); err != nil {
		u.showError(err)
		return
	}
	u.roundView = v
	v.show(u.win)
}

// refreshRoundView shows the open round view again after a change
// (u.changed calls it): a return collected moves its unit's counts.
func (u *UI) refreshRoundView() {
	if u.roundView == nil {
		return
	}
	if err := u.roundView.refresh(); err != nil {
		u.showError(err)
	}
}

func newRoundView(h roundViewHooks) *roundView {
	v := &roundView{hooks: h, unit: -1, item: -1, asOf: h.now()}
	v.roundSel = newEscSelect(v.close)
	v.asOfEntry = newEscEntry(v.close) // Esc closes the view from the 截至 box too
	v.asOfEntry.SetText(v.asOf.Format(dayLayout))
	v.asOfEntry.OnSubmitted = func(string) { v.settleDay() }
	v.asOfEntry.onBlur = v.settleDay
	v.asOfError = wrapLabel("")
	v.asOfError.Importance = widget.DangerImportance
	v.asOfError.Hide()
	v.summary = wrapLabel("")
	v.unitHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.unitHead.Wrapping = fyne.TextWrapWord
	v.unitTable = v.newUnitTable()
	v.itemTable = v.newItemTable()
	v.why = wrapLabel("")
	v.closeBtn = newKeyButton(tr("关闭"), v.close, v.close)
	v.jump = iconKeyButton(tr("转到该项目"), theme.NavigateNextIcon(), v.jumpToItem, v.close)
	v.jump.Disable()
	v.export = iconKeyButton(tr("导出催报清单…"), theme.DocumentSaveIcon(), v.exportChase, v.close)
	v.exportPDF = iconKeyButton(tr("打印用PDF…"), theme.DocumentPrintIcon(), v.exportChasePDF, v.close)
	if h.collect != nil {
		v.collect = iconKeyButton(tr("导入回执…"), theme.FolderOpenIcon(), h.collect, v.close)
	}
	return v
}

// iconKeyButton is a keyButton with an icon.
func iconKeyButton(label string, icon fyne.Resource, tapped, onEscape func()) *keyButton {
	b := newKeyButton(label, tapped, onEscape)
	b.Icon = icon
	return b
}

// close closes the view (Esc, 关闭).
func (v *roundView) close() {
	if v.dlg != nil {
		v.dlg.Hide()
	}
}

// refresh reads the rounds again and the chosen round's status, keeping
// the round, day and unit chosen.
func (v *roundView) refresh() error {
	all, err := v.hooks.rounds()
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return fmt.Errorf("%s", tr("本计划没有填报轮次"))
	}
	v.list = v.list[:0]
	for i := len(all) - 1; i >= 0; i-- {
		v.list = append(v.list, all[i])
	}
	chosen := v.list[0]
	for _, r := range v.list {
		if r.ID == v.round.ID {
			chosen = r
		}
	}
	opts := make([]string, len(v.list))
	for i, r := range v.list {
		opts[i] = roundChoice(r)
	}
	v.roundSel.OnChanged = nil
	v.roundSel.Options = opts
	v.roundSel.SetSelected(roundChoice(chosen))
	v.roundSel.OnChanged = func(string) { v.pickRound(v.roundSel.SelectedIndex()) }
	v.round = chosen
	return v.load()
}

// roundChoice is how the round box names a round:
// R2 · 2023年1-9月 · 截止2023-10-10.
func roundChoice(r domain.Round) string {
	return trf("{{.R}} · {{.Y}}年{{.P}} · 截止{{.D}}", "R", r.ID, "Y", r.Period.Year, "P", periodLabel(r.Period), "D", r.Due)
}

func (v *roundView) pickRound(i int) {
	if i < 0 || i >= len(v.list) {
		return
	}
	v.round = v.list[i]
	if err := v.load(); err != nil {
		v.hooks.showError(err)
	}
}

// dayTyping is text on its way to a day (2023, 2023-10, 2023年10月):
// the 截至 box says nothing about it until Enter or the focus leaves.
var dayTyping = regexp.MustCompile(`^\s*\d{0,4}([-/.年]\d{0,2}([-/.月])?)?\s*$`)

// dayForm is text written as a day, whether or not it is one (2023-02-30).
var dayForm = regexp.MustCompile(`^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$`)

// pickDay judges the round at the day typed, once it reads as one (in
// the forms domain.ParseDay reads: 2023-10-15, 2023/10/15, 2023年10月15日);
// text still being typed is left alone, text no day can become is
// refused at once.
func (v *roundView) pickDay(s string) {
	d, err := domain.ParseDay(s)
	if err != nil {
		if dayTyping.MatchString(s) {
			v.asOfError.Hide()
		} else {
			v.sayNotDay(s)
		}
		return
	}
	v.asOfError.Hide()
	if d.Equal(v.asOf) {
		return
	}
	v.asOf = d
	if err := v.load(); err != nil {
		v.hooks.showError(err)
	}
}

// settleDay is Enter in the 截至 box, or the focus leaving it: a day not
// finished is refused now.
func (v *roundView) settleDay() {
	if _, err := domain.ParseDay(v.asOfEntry.Text); err != nil {
		v.sayNotDay(v.asOfEntry.Text)
	}
}

// sayNotDay says, under the 截至 box, why s is not a day and how to write
// one; the view stays at the last day that was.
func (v *roundView) sayNotDay(s string) {
	msg := trf("“{{.S}}”不是日期：请写作 2023-10-15 或 2023年10月15日（仍显示截至{{.D}}）", "S", strings.TrimSpace(s), "D", v.asOf.Format(dayLayout))
	if dayForm.MatchString(s) {
		msg = trf("“{{.S}}”不是有效日期：月为1-12，日不超过当月天数（仍显示截至{{.D}}）", "S", strings.TrimSpace(s), "D", v.asOf.Format(dayLayout))
	}
	setWrapped(v.asOfError, msg)
	v.asOfError.Show()
}

// load works out the chosen round's status at the chosen day and shows it.
func (v *roundView) load() error {
	units, err := v.hooks.status(v.round, v.asOf)
	if err != nil {
		return err
	}
	keep := ""
	if v.unit >= 0 && v.unit < len(v.units) {
		keep = v.units[v.unit].Unit
	}
	v.units = units
	v.unit = -1
	for i, u := range units {
		if u.Unit == keep {
			v.unit = i
		}
	}
	if v.unit < 0 && len(units) > 0 {
		v.unit = v.firstToChase()
	}
	v.measure()
	v.summary.SetText(v.summaryText())
	// The unit chosen is shown in bold rather than selected: selecting a
	// cell before the table is laid out scrolls it to a stale place and
	// leaves the rows above blank.
	v.unitTable.UnselectAll()
	v.showUnit()
	return nil
}

// firstToChase is the unit shown first: the first with an item missing
// past the due date, or else missing, or else the first unit.
func (v *roundView) firstToChase() int {
	for _, late := range []bool{true, false} {
		for i, u := range v.units {
			if late && u.LateMissing > 0 || !late && u.Missing > 0 {
				return i
			}
		}
	}
	return 0
}

// summaryText is the line above the tables: the round as a whole.
func (v *roundView) summaryText() string {
	var items, returned, missing, lateReturned, lateMissing, byLead, done int
	for _, u := range v.units {
		items += u.Items
		byLead += u.ByLead
		returned += u.Returned
		missing += u.Missing
		lateReturned += u.LateReturned
		lateMissing += u.LateMissing
		if u.Missing == 0 {
			done++
		}
	}
	return trf("截至{{.D}}：{{.U}}个单位（已报齐{{.F}}个）共{{.N}}项，已报{{.R}}项（其中逾期报送{{.LR}}项），未报{{.M}}项（其中逾期未报{{.LM}}项）",
		"D", v.asOf.Format(dayLayout), "U", len(v.units), "F", done, "N", items, "R", returned, "LR", lateReturned, "M", missing, "LM", lateMissing) + byLeadText(byLead)
}

// byLeadText adds the 协办 items settled by their lead's return, so that
// 已报 and 未报 add up to the items (STATUS.md rule 21); nothing when none.
func byLeadText(n int) string {
	if n == 0 {
		return ""
	}
	return trf("，由牵头单位报送{{.B}}项", "B", n)
}

// showUnit lists the selected unit's items.
func (v *roundView) showUnit() {
	v.unitTable.Refresh() // the unit chosen in bold
	v.item = -1
	v.jump.Disable()
	v.itemTable.UnselectAll()
	if v.unit < 0 {
		v.unitHead.SetText(tr("请在左侧选择单位"))
	} else {
		u := v.units[v.unit]
		v.unitHead.SetText(trf("{{.U}}：{{.N}}项，已报{{.R}}项（其中逾期报送{{.LR}}项），未报{{.M}}项（其中逾期未报{{.LM}}项）",
			"U", u.Unit, "N", u.Items, "R", u.Returned, "LR", u.LateReturned, "M", u.Missing, "LM", u.LateMissing) + byLeadText(u.ByLead))
	}
	v.showWhy()
	v.itemTable.Refresh()
	v.itemTable.ScrollToTop()
}

// showWhy writes the selected item's why in full under the table, or
// says that picking one shows it.
func (v *roundView) showWhy() {
	rows := v.rows()
	v.why.Importance = widget.MediumImportance
	if v.item < 0 || v.item >= len(rows) {
		setWrapped(v.why, tr("点选一项，在此显示其完整情况。"))
		v.why.Importance = widget.LowImportance
		v.why.Refresh()
		return
	}
	r := rows[v.item]
	setWrapped(v.why, trf("{{.ID}} {{.Name}}：{{.Light}}，{{.Why}}", "ID", r.ItemID, "Name", r.Name, "Light", lightLabel(r.Light), "Why", midSentence(lightWhy(r))))
}

// jumpToItem closes the view and shows the selected item in the window.
func (v *roundView) jumpToItem() {
	rows := v.rows()
	if v.item < 0 || v.item >= len(rows) {
		return
	}
	id := rows[v.item].ItemID
	v.dlg.Hide()
	v.hooks.openItem(id)
}

// build lays the view out: the round and day on top with the summary,
// units left, the selected unit's items right.
func (v *roundView) build() fyne.CanvasObject {
	v.asOfEntry.OnChanged = v.pickDay
	day := container.New(fixedWidth(150), v.asOfEntry)
	var longest float32
	for _, o := range v.roundSel.Options {
		longest = max(longest, cellWidth(o, false))
	}
	// As wide as the longest round's name and the list's arrow, so no
	// round is cut to “R1 · 2023…”.
	choice := container.New(fixedWidth(longest+3*theme.IconInlineSize()), v.roundSel)
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(tr("轮次")), choice, widget.NewLabel(tr("截至")), day),
		v.asOfError, v.summary)
	v.fits = []*fyne.Container{
		container.New(&tableFit{table: &v.unitTable.Table, widths: func() []float32 { return v.unitWidths }}, v.unitTable),
		container.New(&tableFit{table: &v.itemTable.Table, widths: func() []float32 { return v.itemWidths }}, v.itemTable)}
	units := container.NewBorder(widget.NewLabelWithStyle(tr("责任单位"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.fits[0])
	legend := wrapLabel(tr("灯号：蓝 临近截止未报，黄 已报但慢于序时进度或低于预期，红 逾期未报或未完成，绿 进展正常，— 未报送、未到催报期"))
	items := container.NewBorder(v.unitHead, container.NewVBox(v.why, legend), nil, nil, v.fits[1])
	v.split = container.NewHSplit(units, items)
	return container.NewBorder(top, nil, nil, nil, v.split)
}

// show opens the view over the whole window.
func (v *roundView) show(win fyne.Window) {
	v.content = v.build()
	v.dlg = dialog.NewCustomWithoutButtons(tr("填报情况"), v.content, win)
	buttons := []fyne.CanvasObject{v.closeBtn}
	if v.collect != nil {
		buttons = append(buttons, v.collect)
	}
	v.export.Importance = widget.HighImportance
	buttons = append(buttons, v.export, v.exportPDF, v.jump)
	v.dlg.SetButtons(buttons)
	v.dlg.SetOnClosed(v.hooks.closed)
	escCloses(win, v.dlg)
	size := win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(size.Width-16, size.Height-16))
	// The units get the width their table needs, up to two thirds (a
	// unit's name cut is a unit not known), the items the rest: their
	// names and reasons are cut first, the picked one's why given whole
	// under the table.
	var need float32
	for _, w := range v.unitWidths {
		need += max(w, -w) + theme.Padding()
	}
	need += 4 * theme.Padding() // the split's handle and the table's edges
	inner := size.Width - 16 - 8*theme.Padding()
	v.split.Offset = float64(min(max(need/inner, 0.3), 0.66))
	v.dlg.Show()
}
