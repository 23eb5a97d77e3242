package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
)

// Drafting a plan out of a document (issue 15): 计划 › 从文件起草… reads a
// 下达计划的通知, a task table or an execution report through
// model/docread; 粘贴原文起草… takes text copied from a web page. Either
// way model/plandraft drafts the items and the review screen
// (draftReview) shows the document beside the draft for the reviewer to
// check, edit, add to and confirm; confirming creates the plan through
// the same path as a plan table (u.createPlan).

// draftDocumentExts are the files 从文件起草… lists: those docread reads,
// and a draft saved from the review (.json).
var draftDocumentExts = []string{".txt", ".html", ".htm", ".docx", ".xlsx", ".csv", draftFileExt}

// prefDraftFolder remembers where the last plan document was found.
const prefDraftFolder = "ui.draftFolder"

// chooseDraftDocument asks for a plan document and opens its review.
func (u *UI) chooseDraftDocument() {
	req := fileRequest{title: tr("从文件起草计划"), folder: u.prefs.String(prefDraftFolder),
		kind: tr("计划文件（文本、网页、Word .docx、Excel、CSV）或保存的草稿"), exts: draftDocumentExts}
	u.files.open(req, func(path string) {
		u.prefs.SetString(prefDraftFolder, filepath.Dir(path))
		u.reviewDraftFile(path)
	})
}

// reviewDraftFile reads a document and opens the review of its draft,
// which it returns; nil when the file cannot be read (the error is shown:
// docread's say what is accepted and how to bring a .pdf or .doc in).
func (u *UI) reviewDraftFile(path string) *draftReview {
	// A file chosen by mistake (a video, a disk image) is refused by its
	// size before it is read, not read whole into memory to be refused.
	if info, err := os.Stat(path); err == nil && info.Size() > docread.MaxFileSize {
		u.showError(docread.TooLarge(path, info.Size()))
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		u.showError(fmt.Errorf("%s%w", trf("无法读取“{{.File}}”：", "File", path), err))
		return nil
	}
	if strings.EqualFold(filepath.Ext(path), draftFileExt) {
		return u.reviewDraftFileJSON(path, data)
	}
	doc, err := docread.Read(filepath.Base(path), data)
	if err != nil {
		u.showError(err)
		return nil
	}
	return u.reviewDocument(doc)
}

// pasteDraft opens a large box to paste a plan's text into, as officials
// copy it from the government's web site.
func (u *UI) pasteDraft() {
	box := widget.NewMultiLineEntry()
	box.Wrapping = fyne.TextWrapWord
	box.SetPlaceHolder(tr("把计划原文（下达计划的通知、政府工作报告任务表、计划执行情况报告）复制后粘贴到这里"))
	var dlg *dialog.CustomDialog
	draft := widget.NewButton(tr("起草"), func() {
		if strings.TrimSpace(box.Text) == "" {
			u.showError(fmt.Errorf("%s", tr("没有粘贴任何文字：请先复制计划原文，再在框中按 Ctrl+V 粘贴")))
			return
		}
		doc := docread.Paste(box.Text)
		d, err := u.draftOf(doc)
		if err != nil {
			u.showError(err)
			return
		}
		// Hidden first: hiding an overlay takes those above it away too.
		dlg.Hide()
		u.reviewDraft(d, draftSource(doc))
	})
	draft.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons(tr("粘贴原文起草"), box, u.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), func() { dlg.Hide() }), draft})
	size := u.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(size.Width*0.9, size.Height*0.85))
	dlg.Show()
	u.win.Canvas().Focus(box)
}

// reviewDocument drafts a plan out of doc and opens its review; nil when
// nothing can be drafted (the error is shown).
func (u *UI) reviewDocument(doc docread.Document) *draftReview {
	d, err := u.draftOf(doc)
	if err != nil {
		u.showError(err)
		return nil
	}
	return u.reviewDraft(d, draftSource(doc))
}

// draftSource says where a draft read from doc came from, for its file.
func draftSource(doc docread.Document) plantable.DraftSource {
	return plantable.DraftSource{File: doc.Name, Format: string(doc.Format), Encoding: doc.Encoding}
}

// draftOf drafts a plan out of doc; the workspace's city is the one its
// names are cleaned of (市 in 市发改委 stays).
func (u *UI) draftOf(doc docread.Document) (plantable.Draft, error) {
	return plandraft.FromDocument(doc, plandraft.Options{City: u.plan.City})
}

// reviewDraft opens the review of a draft read from src.
func (u *UI) reviewDraft(d plantable.Draft, src plantable.DraftSource) *draftReview {
	r := newDraftReview(d, u.createPlan, u.showError)
	r.src, r.saveFile = src, u.saveDraftFile
	r.show(u.win, u.plan.City)
	return r
}

// draftReview is the review screen: the document with what was drafted
// from it marked, beside the draft's items for the reviewer to check.
type draftReview struct {
	draft     plantable.Draft
	src       plantable.DraftSource // where it was read from, for 保存草稿…
	saveFile  func(f plantable.DraftFile, saved func())
	create    func(plantable.Draft, plantable.Meta) error
	showError func(error)
	win       fyne.Window

	doc   *draftDocPane
	list  *widget.List
	rows  []draftListRow // the list's rows: headings and items
	form  *draftForm
	count *widget.Label
	dlg   *dialog.CustomDialog
	ask   *dialog.CustomDialog // the city and year asked at 确认并创建计划

	changed  bool            // the reviewer has changed the draft
	selected int             // the item edited, -1 for none
	deleted  []deletedItem   // items deleted on this screen, newest last
	undo     *widget.Button  // 撤销删除
	problems *fyne.Container // the draft's problems, above everything
}

// deletedItem is an item deleted on the screen and where it stood, so
// 撤销删除 puts it back.
type deletedItem struct {
	at   int
	item plantable.Item
}

func newDraftReview(d plantable.Draft, create func(plantable.Draft, plantable.Meta) error, showError func(error)) *draftReview {
	return &draftReview{draft: d, create: create, showError: showError, selected: -1}
}

// show opens the review over the whole window: the document on the left,
// the draft on the right, the edit form under the draft.
func (r *draftReview) show(win fyne.Window, city string) {
	r.win = win
	r.doc = newDraftDocPane(r.draft.Text, r.makeItem)
	r.form = newDraftForm(r)
	r.count = widget.NewLabel("")
	r.count.TextStyle.Bold = true
	r.undo = widget.NewButton(tr("撤销删除"), r.undoDelete)
	r.list = widget.NewList(func() int { return len(r.rows) }, newDraftListCell,
		func(id widget.ListItemID, o fyne.CanvasObject) { r.rows[id].show(o.(*fyne.Container), r.draft.Items) })
	r.list.OnSelected = r.listSelected
	r.problems = container.NewVBox()
	r.refresh()

	confirm := widget.NewButton(tr("确认并创建计划"), func() { r.confirm(city) })
	confirm.Importance = widget.HighImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, draftLegend(), r.count), r.problems)
	right := container.NewVSplit(r.list, r.form.box)
	right.Offset = 0.4
	split := container.NewHSplit(container.NewBorder(r.doc.selection, nil, nil, nil, r.doc.scroll), right)
	split.Offset = 0.5
	content := container.NewBorder(top, nil, nil, nil, split)
	// The dialog is set up and shown empty and the content placed last:
	// each step lays the dialog out, and laying out a long document's
	// wrapped sentences is what opening the review spends its time on.
	holder := container.NewStack()
	r.dlg = dialog.NewCustomWithoutButtons(trf("起草计划：{{.F}}", "F", r.draft.File), holder, win)
	save := widget.NewButton(tr("保存草稿…"), func() { r.saveFile(r.draftFile(), func() { r.changed = false }) })
	r.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), r.cancel), r.undo, save, confirm})
	// The whole window: a 1024×600 screen has no room to spare.
	size := win.Canvas().Size()
	r.dlg.Resize(fyne.NewSize(size.Width-16, size.Height-16))
	r.dlg.Show()
	holder.Add(content)
	r.doc.live = true
	// The reviewer starts on the first item waiting for them.
	if len(r.rows) > 1 && r.rows[0].heading != "" && r.draft.Pending() > 0 {
		r.list.Select(1)
	}
}

// refresh lays the list out again and updates the counter, the problems
// and 撤销删除 after any change.
func (r *draftReview) refresh() {
	// Every change ends here; the first call, before the dialog, is none.
	r.changed = r.changed || r.dlg != nil
	r.rows = draftListRows(r.draft.Items)
	r.list.UnselectAll()
	// Every row's height is set: a list keeps the heights it was given
	// by row number, and the rows move when an item is confirmed.
	heading, item := draftHeadingHeight(), draftItemHeight()
	for id, row := range r.rows {
		if row.heading != "" {
			r.list.SetItemHeight(id, heading)
		} else {
			r.list.SetItemHeight(id, item)
		}
	}
	r.list.Refresh()
	r.count.SetText(trf("共{{.N}}项，待确认{{.M}}项", "N", len(r.draft.Items), "M", r.draft.Pending()))
	r.problems.RemoveAll()
	listProblems(r.problems, r.problemsLeft())
	if len(r.deleted) == 0 {
		r.undo.Disable()
	} else {
		r.undo.Enable()
	}
	if r.doc != nil {
		r.doc.mark(r.draft.Items, r.selected)
	}
}

// cancel closes the review, asking first when the reviewer has changed
// the draft: their work is not kept anywhere until the plan is created.
func (r *draftReview) cancel() {
	if !r.changed {
		r.dlg.Hide()
		return
	}
	dialog.NewCustomConfirm(tr("放弃对草稿的修改？"), tr("放弃修改"), tr("继续审阅"),
		wrapLabel(tr("关闭后，在此所做的修改、新增和删除都不会保存，计划也不会创建；要留下，请先“保存草稿…”。")),
		func(drop bool) {
			if drop {
				r.dlg.Hide()
			}
		}, r.win).Show()
}

// problemsLeft are the draft's problems the screen does not settle
// itself: the year a document does not name is asked for at confirming.
func (r *draftReview) problemsLeft() []string {
	var out []string
	for _, p := range r.draft.Problems {
		if r.draft.Year == 0 && strings.Contains(p, "计划年度") {
			continue
		}
		out = append(out, p)
	}
	return out
}

// listSelected edits the item of the row chosen, and shows its words in
// the document.
func (r *draftReview) listSelected(id widget.ListItemID) {
	if id < 0 || id >= len(r.rows) || r.rows[id].heading != "" {
		r.list.Unselect(id)
		return
	}
	r.selectItem(r.rows[id].item)
}

// selectItem edits item i and scrolls the document to its words.
func (r *draftReview) selectItem(i int) {
	r.selected = i
	r.form.edit(i)
	r.doc.mark(r.draft.Items, i)
	r.doc.scrollTo(r.draft.Items[i].Start)
}

// selectRow selects item i in the list (which then edits it).
func (r *draftReview) selectRow(i int) {
	for id, row := range r.rows {
		if row.heading == "" && row.item == i {
			r.list.Select(id)
			r.list.ScrollTo(id)
			return
		}
	}
}

// deleteItem takes item i out of the draft; 撤销删除 puts it back.
func (r *draftReview) deleteItem(i int) {
	if i < 0 || i >= len(r.draft.Items) {
		return
	}
	r.deleted = append(r.deleted, deletedItem{at: i, item: r.draft.Items[i]})
	r.draft.Items = append(r.draft.Items[:i:i], r.draft.Items[i+1:]...)
	r.selected = -1
	r.form.edit(-1)
	r.refresh()
}

// undoDelete puts the item deleted last back where it stood.
func (r *draftReview) undoDelete() {
	if len(r.deleted) == 0 {
		return
	}
	d := r.deleted[len(r.deleted)-1]
	r.deleted = r.deleted[:len(r.deleted)-1]
	at := min(d.at, len(r.draft.Items))
	r.draft.Items = append(r.draft.Items[:at:at], append([]plantable.Item{d.item}, r.draft.Items[at:]...)...)
	r.refresh()
	r.selectRow(at)
}

// pendingNames names the items still waiting for the reviewer.
func (r *draftReview) pendingNames() []string {
	var out []string
	for _, it := range r.draft.Items {
		if it.NeedsReview {
			out = append(out, "“"+it.Name+"”")
		}
	}
	return out
}
