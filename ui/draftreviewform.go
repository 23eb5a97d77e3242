package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
)

// draftForm edits the item selected in the review: name, target (checked
// by the grammar as it is typed), kind and 责任单位. Nothing changes until
// 保存并确认, which takes the item off 待确认 once it is whole.
type draftForm struct {
	r                   *draftReview
	box                 fyne.CanvasObject
	quote, check        *widget.Label
	name, target, owner *widget.Entry
	kind                *widget.Select
	save, qual, del     *widget.Button
}

// draftFormKinds are the kinds an item may be given on the screen; a
// parcel (附件2) keeps its kind, as its columns come from its table.
var draftFormKinds = []domain.Kind{domain.KindIndicator, domain.KindCommitment, domain.KindMilestone}

func newDraftForm(r *draftReview) *draftForm {
	f := &draftForm{r: r, quote: wrapLabel(""), check: wrapLabel(""),
		name: widget.NewEntry(), target: widget.NewEntry(), owner: widget.NewEntry()}
	f.kind = widget.NewSelect(kindLabels(draftFormKinds), func(string) { f.checkTarget() })
	f.kind.PlaceHolder = tr("（选中一项后可改）")
	f.target.SetPlaceHolder(tr("如 增长6%左右、控制在5.5%以内、新增500个"))
	f.target.OnChanged = func(string) { f.checkTarget() }
	f.owner.SetPlaceHolder(tr("以顿号分隔，如 市发改委、市统计局"))
	f.save = widget.NewButton(tr("保存并确认"), f.saveNow)
	// Enter in a field saves, as in the window's other forms.
	for _, e := range []*widget.Entry{f.name, f.target, f.owner} {
		e.OnSubmitted = func(string) { f.saveNow() }
	}
	f.save.Importance = widget.HighImportance
	f.qual = widget.NewButton(tr("标为定性"), f.markQualitative)
	f.del = widget.NewButton(tr("删除此项"), func() { r.deleteItem(r.selected) })
	f.del.Importance = widget.DangerImportance
	line := func(label string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, o)
	}
	// One field a line: the pane is half of a 1024 px window; what does
	// not fit in height scrolls.
	fields := container.NewVBox(f.quote,
		line(tr("名称"), f.name),
		line(tr("目标"), f.target), f.check,
		line(tr("责任单位"), f.owner),
		line(tr("类型"), f.kind),
		container.NewHBox(f.save, f.qual, f.del))
	f.box = container.NewVScroll(fields)
	f.edit(-1)
	return f
}

// edit fills the form with item i; -1 empties and disables it.
func (f *draftForm) edit(i int) {
	for _, w := range []fyne.Disableable{f.name, f.target, f.owner, f.kind, f.save, f.qual, f.del} {
		if i < 0 {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if i < 0 {
		f.name.SetText("")
		f.target.SetText("")
		f.owner.SetText("")
		setWrapped(f.quote, tr("在上方选中一项以核对、修改或删除；在左侧点击一句可设为新项目。"))
		f.check.SetText("")
		return
	}
	it := f.r.draft.Items[i]
	f.name.SetText(it.Name)
	f.target.SetText(it.TargetText)
	f.owner.SetText(strings.Join(it.Owners, "、"))
	if it.Kind == domain.KindParcel {
		f.kind.Options = kindLabels([]domain.Kind{domain.KindParcel})
		f.kind.Disable()
	} else {
		f.kind.Options = kindLabels(draftFormKinds)
	}
	f.kind.SetSelected(tr(domain.KindLabel(it.Kind)))
	quote := tr("原文：") + it.Source
	if it.NeedsReview {
		quote = tr("待确认：") + it.Reason + "\n" + quote
	}
	setWrapped(f.quote, quote)
	f.checkTarget()
}

// kindLabels are the kinds as the select offers them.
func kindLabels(kinds []domain.Kind) []string {
	var out []string
	for _, k := range kinds {
		out = append(out, tr(domain.KindLabel(k)))
	}
	return out
}

// kindChosen is the kind the form's select names.
func (f *draftForm) kindChosen() domain.Kind {
	for _, k := range draftKinds {
		if tr(domain.KindLabel(k)) == f.kind.Selected {
			return k
		}
	}
	return domain.KindCommitment
}

// checkTarget says, as the target is typed, how the grammar reads it or
// why it cannot, with what it accepts.
func (f *draftForm) checkTarget() {
	if f.r.selected < 0 {
		return
	}
	it, err := f.edited()
	if err != nil {
		f.check.Importance = widget.DangerImportance
		setWrapped(f.check, err.Error())
		return
	}
	f.check.Importance = widget.SuccessImportance
	switch {
	case it.Kind == domain.KindMilestone:
		setWrapped(f.check, tr("重点事项按完成情况判断，不需目标"))
	case it.Target != nil:
		setWrapped(f.check, tr("理解为：")+draftTargetShown(it))
	}
}

// fromForm is the selected item with the form's name, 责任单位 and kind;
// an error when the name is empty.
func (f *draftForm) fromForm() (plantable.Item, error) {
	it := f.r.draft.Items[f.r.selected]
	it.Name = strings.TrimSpace(f.name.Text)
	it.Owners = splitDraftOwners(f.owner.Text)
	if it.Kind != domain.KindParcel {
		it.Kind = f.kindChosen()
	}
	if it.Name == "" {
		return it, errors.New(tr("“名称”不能为空：请写明这一项做什么，如 新增充电桩"))
	}
	return it, nil
}

// edited is the selected item as the form says, settled, or why it
// cannot be: the same rules the plan table's 待确认 rows are settled by
// (plantable.Draft.SetTarget), so what is accepted here is what the plan
// takes.
func (f *draftForm) edited() (plantable.Item, error) {
	it, err := f.fromForm()
	if err != nil {
		return it, err
	}
	text := strings.TrimSpace(f.target.Text)
	switch it.Kind {
	case domain.KindMilestone:
		it.Target, it.Qualitative, it.Read = nil, false, ""
		it.TargetText = text // a hedge as written (力争), no target
	case domain.KindParcel: // its columns are its target
	default:
		if text == "" {
			return it, errors.New(tr("“目标”不能为空：") + plantable.TargetHelp)
		}
		// A target left as drafted is read as the draft read it: a bare
		// 7左右 under a 增长(%) header is 增长7%左右, which the grammar
		// alone cannot know — else an item could not be saved (not even
		// its 责任单位 changed) without retyping its target.
		read := text
		if text == it.TargetText && it.Read != "" {
			read = it.Read
		}
		one := plantable.Draft{Items: []plantable.Item{it}}
		if err := one.SetTarget(0, read); err != nil {
			return it, documentWords(err, it.Sheet)
		}
		it = one.Items[0]
		it.TargetText = text
	}
	it.NeedsReview, it.Reason = false, ""
	return it, nil
}

// saveNow writes the form into the item, which no longer waits; an
// item the form cannot settle is refused with why, unchanged.
func (f *draftForm) saveNow() {
	i := f.r.selected
	if i < 0 {
		return
	}
	it, err := f.edited()
	if err != nil {
		f.r.showError(err)
		return
	}
	f.r.draft.Items[i] = it
	f.r.refresh()
	f.r.selectRow(i)
}

// markQualitative settles the item's target as the words written, judged
// by the reviewer (定性); refused when the words read as a number.
func (f *draftForm) markQualitative() {
	i := f.r.selected
	if i < 0 {
		return
	}
	it, err := f.fromForm()
	if err != nil {
		f.r.showError(err)
		return
	}
	if it.Kind != domain.KindIndicator && it.Kind != domain.KindCommitment {
		f.r.showError(errors.New(tr("只有主要指标和量化任务有目标可标为定性；重点事项按完成情况判断")))
		return
	}
	it.TargetText = strings.TrimSpace(f.target.Text)
	one := plantable.Draft{Items: []plantable.Item{it}}
	if err := one.MarkQualitative(0); err != nil {
		f.r.showError(documentWords(err, it.Sheet))
		return
	}
	it = one.Items[0]
	it.NeedsReview, it.Reason = false, ""
	f.r.draft.Items[i] = it
	f.r.refresh()
	f.r.selectRow(i)
}

// documentWords rewords plantable's message about a row of a worksheet
// (工作表“X”第9行) for a line of the document X (“X”第9行).
func documentWords(err error, file string) error {
	return errors.New(strings.Replace(err.Error(), "工作表“"+file+"”", "“"+file+"”", 1))
}

// splitDraftOwners reads 责任单位 as typed (domain.SplitUnitNames).
func splitDraftOwners(s string) []string { return domain.SplitUnitNames(s) }

// makeItem turns a sentence of the document into a new item waiting for
// the reviewer: its words the quote, its name the sentence without the
// closing mark, under the section of the items before it.
func (r *draftReview) makeItem(s plandraft.Span) {
	quote := r.draft.Text[s.Start:s.End]
	name := strings.TrimRight(quote, "。；;！？!?，,")
	it := plantable.Item{Sheet: r.draft.File, Line: 1 + strings.Count(r.draft.Text[:s.Start], "\n"),
		Kind: domain.KindMilestone, Name: name, Source: quote, Start: s.Start, End: s.End, NeedsReview: true,
		Reason: trf("第{{.L}}行：由审阅人从原文选定，请核对名称、类型和目标", "L", 1+strings.Count(r.draft.Text[:s.Start], "\n"))}
	at := len(r.draft.Items)
	for i, o := range r.draft.Items {
		if o.Start > s.Start {
			at = i
			break
		}
	}
	if at > 0 {
		it.Section = r.draft.Items[at-1].Section
	} else if at < len(r.draft.Items) {
		it.Section = r.draft.Items[at].Section
	}
	r.draft.Items = append(r.draft.Items[:at:at], append([]plantable.Item{it}, r.draft.Items[at:]...)...)
	r.refresh()
	r.selectRow(at)
}

// confirm asks for the plan's city, year and title and creates it;
// refused, naming the items, while any still waits for the reviewer.
func (r *draftReview) confirm(city string) {
	if names := r.pendingNames(); len(names) > 0 {
		shown := names
		if len(shown) > 10 {
			shown = append(shown[:10:10], "……")
		}
		r.showError(errors.New(trf("还有{{.N}}项待确认，不能创建计划：{{.L}}。请逐项核对后点“保存并确认”，或删除不要的项。",
			"N", len(names), "L", strings.Join(shown, "、"))))
		return
	}
	if len(r.draft.Items) == 0 {
		r.showError(errors.New(tr("草稿中没有任何项目：请在左侧点击原文中的句子，设为新项目")))
		return
	}
	p := &planImportDialog{city: widget.NewEntry(), year: widget.NewEntry(), title: widget.NewEntry()}
	p.city.SetText(city)
	if r.draft.Year != 0 {
		p.year.SetText(fmt.Sprint(r.draft.Year))
	}
	p.year.SetPlaceHolder(tr("如 2024"))
	p.title.SetPlaceHolder(tr("留空则按城市和年度生成"))
	form := widget.NewForm(widget.NewFormItem(tr("城市或区县"), p.city), widget.NewFormItem(tr("年度"), p.year),
		widget.NewFormItem(tr("标题"), p.title))
	create := widget.NewButton(tr("创建计划"), func() {
		meta, err := p.fields()
		if err == nil {
			d := r.draft
			d.Year, d.Problems = meta.Year, r.problemsLeft()
			err = r.create(d, meta)
		}
		if err != nil {
			r.showError(err)
			return
		}
		r.ask.Hide()
		r.dlg.Hide()
	})
	create.Importance = widget.HighImportance
	r.ask = dialog.NewCustomWithoutButtons(tr("创建计划"), form, r.win)
	r.ask.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("取消"), func() { r.ask.Hide() }), create})
	r.ask.Resize(fyne.NewSize(min(r.win.Canvas().Size().Width-40, 520), form.MinSize().Height+140))
	r.ask.Show()
}
