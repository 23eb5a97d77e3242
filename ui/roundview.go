package ui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// 填报情况 — who is late (issue 16): Excel › 填报情况… opens the round
// view over the window. A reporting round is chosen (the latest first)
// and the day it is judged at (today); a row per unit the round was sent
// to says how many items it was sent, returned, missing and late and when
// it last returned; the unit selected lists its items with their chase
// light (蓝/黄/红/绿) and why. The numbers are model/rounds' Status, those
// of `planreview round status`; the 催报清单 is its ChaseWorkbook.

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

	roundSel  *widget.Select
	asOfEntry *escEntry
	asOfError *widget.Label
	summary   *widget.Label
	unitHead  *widget.Label
	unitTable *widget.Table
	itemTable *widget.Table
	jump      *widget.Button
	export    *widget.Button
	exportPDF *widget.Button
	collect   *widget.Button    // nil without hooks.collect
	fits      []*fyne.Container // the tables in their tableFit layouts
	split     *container.Split
	content   fyne.CanvasObject
	dlg       *dialog.CustomDialog
}

// dayLayout is how the view writes and reads a day.
const dayLayout = "2006-01-02"

// The tables' columns, in order.
var (
	roundUnitColumns = []string{"单位", "项目", "已报", "未报", "逾期", "最近报送"}
	// An item's return time is its unit's (最近报送) but for a unit that
	// returned in parts; a late one says （逾期报送）. Left out, the name
	// and why have room on a 1024 px screen.
	roundItemColumns = []string{"灯号", "编号", "名称", "情况"}
)

const (
	ucUnit = iota
	ucItems
	ucReturned
	ucMissing
	ucLate
	ucLast
)

const (
	icLight = iota
	icID
	icName
	icWhy
)

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
	v.roundSel = widget.NewSelect(nil, nil)
	v.asOfEntry = newEscEntry(func() { v.dlg.Hide() }) // Esc closes the view from the 截至 box too
	v.asOfEntry.SetText(v.asOf.Format(dayLayout))
	v.asOfError = widget.NewLabel("")
	v.asOfError.Importance = widget.DangerImportance
	v.asOfError.Hide()
	v.summary = widget.NewLabel("")
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.unitHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.unitHead.Truncation = fyne.TextTruncateEllipsis
	v.unitTable = v.newUnitTable()
	v.itemTable = v.newItemTable()
	v.jump = widget.NewButtonWithIcon(tr("转到该项目"), theme.NavigateNextIcon(), v.jumpToItem)
	v.jump.Disable()
	v.export = widget.NewButtonWithIcon(tr("导出催报清单…"), theme.DocumentSaveIcon(), v.exportChase)
	v.exportPDF = widget.NewButtonWithIcon(tr("打印用PDF…"), theme.DocumentPrintIcon(), v.exportChasePDF)
	if h.collect != nil {
		v.collect = widget.NewButtonWithIcon(tr("导入回执…"), theme.FolderOpenIcon(), h.collect)
	}
	return v
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

// pickDay judges the round at the day typed, once it reads as one.
func (v *roundView) pickDay(s string) {
	d, err := time.Parse(dayLayout, strings.TrimSpace(s))
	if err != nil {
		v.asOfError.SetText(trf("“{{.S}}”不是日期：请写作 {{.E}}", "S", s, "E", v.hooks.now().Format(dayLayout)))
		v.asOfError.Show()
		return
	}
	v.asOfError.Hide()
	v.asOf = d
	if err := v.load(); err != nil {
		v.hooks.showError(err)
	}
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

// firstToChase is the unit shown first: the first with an item late, or
// else missing, or else the first unit.
func (v *roundView) firstToChase() int {
	for _, late := range []bool{true, false} {
		for i, u := range v.units {
			if late && u.Late > 0 || !late && u.Missing > 0 {
				return i
			}
		}
	}
	return 0
}

// summaryText is the line above the tables: the round as a whole.
func (v *roundView) summaryText() string {
	var items, returned, missing, late, done int
	for _, u := range v.units {
		items += u.Items
		returned += u.Returned
		missing += u.Missing
		late += u.Late
		if u.Missing == 0 {
			done++
		}
	}
	return trf("截至{{.D}}：{{.U}}个单位（已报齐{{.F}}个）共{{.N}}项，已报{{.R}}项，未报{{.M}}项，逾期{{.L}}项",
		"D", v.asOf.Format(dayLayout), "U", len(v.units), "F", done, "N", items, "R", returned, "M", missing, "L", late)
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
		v.unitHead.SetText(trf("{{.U}}：{{.N}}项，已报{{.R}}项，未报{{.M}}项，逾期{{.L}}项",
			"U", u.Unit, "N", u.Items, "R", u.Returned, "M", u.Missing, "L", u.Late))
	}
	v.itemTable.Refresh()
	v.itemTable.ScrollToTop()
}

// rows are the selected unit's items.
func (v *roundView) rows() []rounds.ItemRow {
	if v.unit < 0 || v.unit >= len(v.units) {
		return nil
	}
	return v.units[v.unit].Rows
}

func (v *roundView) newUnitTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(v.units), len(roundUnitColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(v.units) {
				return
			}
			l := o.(*widget.Label)
			text, imp := v.unitCell(v.units[id.Row], id.Col)
			bold := id.Row == v.unit
			if l.Text != text || l.Importance != imp || l.TextStyle.Bold != bold {
				l.Text, l.Importance, l.TextStyle.Bold = text, imp, bold
				l.Alignment = fyne.TextAlignLeading
				if id.Col != ucUnit && id.Col != ucLast {
					l.Alignment = fyne.TextAlignTrailing
				}
				l.Refresh()
			}
		})
	headers(t, roundUnitColumns)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.units) || id.Row == v.unit {
			return
		}
		v.unit = id.Row
		v.showUnit()
	}
	return t
}

// unitCell is one cell of the unit table, and its colour: a unit with
// items late shows the count in red.
func (v *roundView) unitCell(u rounds.UnitRow, col int) (string, widget.Importance) {
	switch col {
	case ucUnit:
		return u.Unit, widget.MediumImportance
	case ucItems:
		return strconv.Itoa(u.Items), widget.MediumImportance
	case ucReturned:
		return strconv.Itoa(u.Returned), widget.MediumImportance
	case ucMissing:
		if u.Missing > 0 {
			return strconv.Itoa(u.Missing), widget.WarningImportance
		}
		return "0", widget.MediumImportance
	case ucLate:
		if u.Late > 0 {
			return strconv.Itoa(u.Late), widget.DangerImportance
		}
		return "0", widget.MediumImportance
	}
	if u.LastReturn == "" {
		return "—", widget.MediumImportance
	}
	return u.LastReturn, widget.MediumImportance
}

func (v *roundView) newItemTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(v.rows()), len(roundItemColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(l, newBadge())
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			rows := v.rows()
			if id.Row < 0 || id.Row >= len(rows) {
				return
			}
			c := o.(*fyne.Container)
			l, b := c.Objects[0].(*widget.Label), c.Objects[1].(*badge)
			r := rows[id.Row]
			if id.Col == icLight {
				l.Hide()
				b.Show()
				b.setLight(r.Light)
				return
			}
			b.Hide()
			l.Show()
			if text := itemCell(r, id.Col); l.Text != text {
				l.SetText(text)
			}
		})
	headers(t, roundItemColumns)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.rows()) {
			return
		}
		v.item = id.Row
		v.jump.Enable()
	}
	return t
}

// itemCell is one text cell of the item table.
func itemCell(r rounds.ItemRow, col int) string {
	switch col {
	case icID:
		return r.ItemID
	case icName:
		return r.Name
	}
	return lightWhy(r)
}

// headers gives a table a header row of the columns' titles.
func headers(t *widget.Table, titles []string) {
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(titles) {
			o.(*widget.Label).SetText(tr(titles[id.Col]))
		}
	}
}

// lightLabel is a light's name in the interface's language (蓝, Blue).
func lightLabel(l domain.Light) string {
	switch l {
	case domain.LightBlue:
		return tr("蓝")
	case domain.LightYellow:
		return tr("黄")
	case domain.LightRed:
		return tr("红")
	case domain.LightGreen:
		return tr("绿")
	}
	return "—"
}

// lightWhy is why an item has its light, in the interface's language.
// It is worded here from the light and status as domain.ItemLight words
// it in Chinese; a reason the model words otherwise (a return held for
// the reviewer, say) is shown as the model gives it, never replaced by a
// wrong one.
func lightWhy(r rounds.ItemRow) string {
	var zh, local string
	switch {
	case r.Returned():
		zh, local = "已报送，"+r.Status.Label(), trf("已报送，{{.S}}", "S", tr(r.Status.Label()))
	case r.Light == domain.LightRed:
		zh, local = "逾期未报", tr("逾期未报")
	case r.Light == domain.LightBlue:
		zh, local = "临近截止，尚未报送", tr("临近截止，尚未报送")
	default:
		zh, local = "未报送，未到催报期", tr("未报送，未到催报期")
	}
	if r.Late && r.Returned() {
		zh, local = zh+"（逾期报送）", local+tr("（逾期报送）")
	}
	if zh != r.Why {
		return r.Why
	}
	return local
}

// lightTone is the colour a light is drawn in: the palette's blue, orange,
// vermillion and green, as statuses are, and always with its name.
func lightTone(l domain.Light) domain.Tone {
	switch l {
	case domain.LightBlue:
		return domain.ToneExceeded
	case domain.LightYellow:
		return domain.ToneNearly
	case domain.LightRed:
		return domain.ToneBad
	case domain.LightGreen:
		return domain.ToneGood
	}
	return domain.ToneNone
}

// setLight shows a chase light: its name on its colour.
func (b *badge) setLight(l domain.Light) {
	bg, dark := ToneColor(lightTone(l))
	b.bg.FillColor = bg
	b.text.Color = color.White
	if dark {
		b.text.Color = color.Black
	}
	b.text.Text = lightLabel(l)
	b.Refresh()
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

// chaseFileName is the 催报清单's suggested name: 催报清单_R2_2023年1-9月.xlsx.
func (v *roundView) chaseFileName() string {
	return trf("催报清单_{{.R}}_{{.Y}}年{{.P}}.xlsx", "R", v.round.ID, "Y", v.round.Period.Year, "P", periodLabel(v.round.Period))
}

// exportChase saves the 催报清单 workbook of the items still missing.
func (v *roundView) exportChase() {
	round, asOf, units := v.round, v.asOf, v.units
	v.hooks.saveChase(v.chaseFileName(), func(path string) error {
		data, err := rounds.ChaseWorkbook(round, asOf, units)
		if err != nil {
			return err
		}
		return store.WriteFileAtomic(path, data)
	})
}

// exportChasePDF saves the 催报清单 as the one-page PDF to print or send,
// as `round status -o 催报清单.pdf` does: when the page cannot name every
// missing item it refers to the workbook, which is then written beside
// it under the same name, so the reference is never to a missing file.
func (v *roundView) exportChasePDF() {
	round, asOf, units, title := v.round, v.asOf, v.units, v.hooks.planTitle
	name := strings.TrimSuffix(v.chaseFileName(), ".xlsx") + ".pdf"
	v.hooks.saveChasePDF(name, func(path string) (string, error) {
		book := strings.TrimSuffix(path, filepath.Ext(path)) + ".xlsx"
		data, rep, err := rounds.ChasePDF(title, round, asOf, units, filepath.Base(book))
		if err != nil {
			return "", err
		}
		if err := store.WriteFileAtomic(path, data); err != nil {
			return "", err
		}
		if rep.Omitted == 0 {
			return "", nil
		}
		data, err = rounds.ChaseWorkbook(round, asOf, units)
		if err == nil {
			err = store.WriteFileAtomic(book, data)
		}
		if err != nil {
			return "", err
		}
		return trf("一页容纳不下全部未报项目，另有{{.N}}项只列在同名工作簿“{{.F}}”中", "N", rep.Omitted, "F", filepath.Base(book)), nil
	})
}

// chooseSavePDF asks where to save a PDF and writes it there.
func (u *UI) chooseSavePDF(name string, write func(path string) (string, error)) {
	req := fileRequest{title: tr("保存PDF"), folder: u.prefs.String(prefSheetFolder), name: name,
		kind: tr("PDF 文件"), exts: []string{".pdf"}}
	u.files.save(req, func(path string) {
		path = withExt(path, ".pdf")
		u.prefs.SetString(prefSheetFolder, filepath.Dir(path))
		note, err := write(path)
		if err != nil {
			u.showError(err)
			return
		}
		msg := tr("已保存：") + path
		if note != "" {
			msg += tr("；") + note
		}
		u.say(msg)
	})
}

// build lays the view out: the round and day on top with the summary,
// units left, the selected unit's items right.
func (v *roundView) build() fyne.CanvasObject {
	v.asOfEntry.OnChanged = v.pickDay
	day := container.New(fixedWidth(120), v.asOfEntry)
	var longest float32
	for _, o := range v.roundSel.Options {
		longest = max(longest, cellWidth(o, false))
	}
	// As wide as the longest round's name and the list's arrow, so no
	// round is cut to “R1 · 2023…”.
	choice := container.New(fixedWidth(longest+3*theme.IconInlineSize()), v.roundSel)
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(tr("轮次")), choice, widget.NewLabel(tr("截至")), day, v.asOfError),
		v.summary)
	v.fits = []*fyne.Container{
		container.New(&tableFit{table: v.unitTable, widths: func() []float32 { return v.unitWidths }}, v.unitTable),
		container.New(&tableFit{table: v.itemTable, widths: func() []float32 { return v.itemWidths }}, v.itemTable)}
	units := container.NewBorder(widget.NewLabelWithStyle(tr("责任单位"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.fits[0])
	legend := widget.NewLabel(tr("灯号：蓝 临近截止未报，黄 已报但慢于序时进度或低于预期，红 逾期未报或未完成，绿 进展正常"))
	legend.Wrapping = fyne.TextWrapWord
	items := container.NewBorder(v.unitHead, legend, nil, nil, v.fits[1])
	v.split = container.NewHSplit(units, items)
	return container.NewBorder(top, nil, nil, nil, v.split)
}

// show opens the view over the whole window.
func (v *roundView) show(win fyne.Window) {
	v.content = v.build()
	v.dlg = dialog.NewCustomWithoutButtons(tr("填报情况"), v.content, win)
	buttons := []fyne.CanvasObject{widget.NewButton(tr("关闭"), func() { v.dlg.Hide() })}
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
	// The units get the width their table needs, up to a little over
	// half, the items the rest (their names and reasons cut first).
	var need float32
	for _, w := range v.unitWidths {
		need += max(w, -w) + theme.Padding()
	}
	need += 4 * theme.Padding() // the split's handle and the table's edges
	inner := size.Width - 16 - 8*theme.Padding()
	v.split.Offset = float64(min(max(need/inner, 0.3), 0.55))
	v.dlg.Show()
}

// measure sets the columns' widths for what they show: the numbers and
// times as wide as their widest (in bold, as the unit chosen shows), the
// names and reasons sharing the rest.
func (v *roundView) measure() {
	v.unitWidths = make([]float32, len(roundUnitColumns))
	for c, title := range roundUnitColumns {
		w := cellWidth(tr(title), true)
		for _, u := range v.units {
			text, _ := v.unitCell(u, c)
			w = max(w, cellWidth(text, true))
		}
		v.unitWidths[c] = w
	}
	v.unitWidths[ucUnit] = -v.unitWidths[ucUnit] // flexible
	v.itemWidths = make([]float32, len(roundItemColumns))
	for c, title := range roundItemColumns {
		w := cellWidth(tr(title), true)
		if c == icLight {
			w = max(w, cellWidth(tr("绿")+"  ", false), cellWidth(tr("黄")+"  ", false), cellWidth(tr("蓝")+"  ", false), cellWidth(tr("红")+"  ", false))
		}
		for _, u := range v.units {
			for _, r := range u.Rows {
				if c != icLight {
					w = max(w, cellWidth(itemCell(r, c), false))
				}
			}
		}
		v.itemWidths[c] = w
	}
	// Flexible; the reason weighs more than the name, which the reviewer
	// knows by its ID and which the detail pane shows whole.
	v.itemWidths[icName], v.itemWidths[icWhy] = -v.itemWidths[icName], -1.5*v.itemWidths[icWhy]
	for _, c := range v.fits {
		c.Refresh() // lays the tables out at the new widths
	}
}

// cellWidth is how wide a table cell must be to show s whole.
func cellWidth(s string, bold bool) float32 {
	w := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
	return w + 2*theme.InnerPadding() + 4
}

// tableFit lays a table out at its size and sets its columns' widths: a
// positive width is fixed; a negative one is flexible, -w the width that
// shows its longest text. Flexible columns share what the fixed ones
// leave in proportion to those widths, so a long reason is cut last.
type tableFit struct {
	table  *widget.Table
	widths func() []float32
	set    []float32
}

func (f *tableFit) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *tableFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := append([]float32(nil), f.widths()...)
	var fixed, wanted float32
	for _, w := range ws {
		if w > 0 {
			fixed += w
		} else {
			wanted -= w
		}
	}
	if wanted > 0 {
		// Fyne's table puts a padding between columns; a pixel to spare
		// keeps the last column from starting a sideways scroll.
		room := size.Width - fixed - float32(len(ws)-1)*theme.Padding() - 1
		for i, w := range ws {
			if w <= 0 {
				ws[i] = max(room*(-w)/wanted, 72)
			}
		}
	}
	if len(f.set) != len(ws) {
		f.set = make([]float32, len(ws))
	}
	for i, w := range ws {
		if f.set[i] != w {
			f.set[i] = w
			f.table.SetColumnWidth(i, w)
		}
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}
