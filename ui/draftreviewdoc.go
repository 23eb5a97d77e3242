package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
)

// The review's document pane. Fyne's text cannot be selected with the
// mouse, so the document is shown a sentence a row (plandraft.Sentences,
// the splitting the draft itself used): clicking a sentence selects it,
// and 设为新项目 makes it an item with the sentence as its quote. Words
// something was drafted from are bold, in their kind's colour, after the
// kind's mark (◆ ● ▲ ■) — colour is never the only cue.

// draftKinds are the kinds in the legend's order.
var draftKinds = []domain.Kind{domain.KindIndicator, domain.KindCommitment, domain.KindMilestone, domain.KindParcel}

// draftKindMark is a kind's mark, the cue beside its colour.
func draftKindMark(k domain.Kind) string {
	switch k {
	case domain.KindIndicator:
		return "◆"
	case domain.KindCommitment:
		return "●"
	case domain.KindMilestone:
		return "▲"
	case domain.KindParcel:
		return "■"
	}
	return "○"
}

// draftKindColor is a kind's colour, from the theme's palette.
func draftKindColor(k domain.Kind) fyne.ThemeColorName {
	switch k {
	case domain.KindIndicator:
		return theme.ColorNamePrimary
	case domain.KindCommitment:
		return theme.ColorNameSuccess
	case domain.KindMilestone:
		return theme.ColorNameWarning
	case domain.KindParcel:
		return theme.ColorNameHyperlink
	}
	return theme.ColorNameForeground
}

// draftLegend names each kind's mark and colour.
func draftLegend() fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, k := range draftKinds {
		segs = append(segs,
			&widget.TextSegment{Text: draftKindMark(k) + " " + tr(domain.KindLabel(k)) + "　",
				Style: widget.RichTextStyle{Inline: true, ColorName: draftKindColor(k), TextStyle: fyne.TextStyle{Bold: true}}})
	}
	return widget.NewRichText(segs...)
}

// draftDocPane is the document, a sentence a row.
type draftDocPane struct {
	text   string
	spans  []plandraft.Span
	rows   []*draftDocRow
	box    *fyne.Container
	scroll *container.Scroll
	// selection is the bar above the document: the sentence clicked and
	// 设为新项目.
	selection *fyne.Container
	chosenTxt *widget.Label
	makeNew   *widget.Button
	chosen    int  // the sentence clicked, -1 for none
	marked    int  // the first sentence of the selected item's words, -1 for none
	live      bool // the rows are in the window, so a change is drawn
}

func newDraftDocPane(text string, makeItem func(plandraft.Span)) *draftDocPane {
	p := &draftDocPane{text: text, spans: plandraft.Sentences(text), chosen: -1, marked: -1}
	objs := make([]fyne.CanvasObject, len(p.spans))
	for i := range p.spans {
		row := newDraftDocRow(func() { p.choose(i) })
		p.rows = append(p.rows, row)
		objs[i] = row
	}
	// Made with every row at once: Add lays the box out again each time.
	p.box = container.NewVBox(objs...)
	p.scroll = container.NewVScroll(p.box)
	p.chosenTxt = widget.NewLabel(tr("点击原文中的一句，可把它设为新项目"))
	p.chosenTxt.Truncation = fyne.TextTruncateEllipsis
	p.makeNew = widget.NewButton(tr("设为新项目"), func() {
		if p.chosen >= 0 {
			makeItem(p.spans[p.chosen])
		}
	})
	p.makeNew.Disable()
	p.selection = container.NewBorder(nil, nil, nil, p.makeNew, p.chosenTxt)
	return p
}

// choose selects sentence i, offering 设为新项目.
func (p *draftDocPane) choose(i int) {
	old := p.chosen
	p.chosen = i
	p.chosenTxt.SetText(tr("选中：") + p.text[p.spans[i].Start:p.spans[i].End])
	p.makeNew.Enable()
	if old >= 0 && old != i {
		p.rows[old].setBackground(p.background(old))
	}
	p.rows[i].setBackground(p.background(i))
}

// background is a sentence row's background: the selected item's words,
// the sentence clicked, or none.
func (p *draftDocPane) background(i int) fyne.ThemeColorName {
	switch {
	case i == p.chosen:
		return theme.ColorNameHover
	case p.rows[i].holdsSelected:
		return theme.ColorNameSelection
	}
	return ""
}

// sentenceAt is the sentence holding byte offset off (the last starting
// at or before it).
func (p *draftDocPane) sentenceAt(off int) int {
	i := sort.Search(len(p.spans), func(i int) bool { return p.spans[i].Start > off }) - 1
	return max(i, 0)
}

// scrollTo brings the sentence holding off to the top of the pane.
func (p *draftDocPane) scrollTo(off int) {
	if len(p.rows) == 0 {
		return
	}
	y := p.rows[p.sentenceAt(off)].Position().Y
	p.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-theme.Padding())))
}

// mark shows what was drafted from each sentence; selected (an index
// into items, -1 for none) is the item whose words are marked. Only the
// rows whose marks change are drawn again: laying out wrapped text is
// what a long document's review spends its time on.
func (p *draftDocPane) mark(items []plantable.Item, selected int) {
	p.marked = -1
	// Which items touch which sentence, found once by binary search: a
	// long report has thousands of each.
	touching := make([][]int, len(p.spans))
	for k, it := range items {
		if it.End <= it.Start || len(p.spans) == 0 {
			continue
		}
		for i := p.sentenceAt(it.Start); i < len(p.spans) && p.spans[i].Start < it.End; i++ {
			touching[i] = append(touching[i], k)
		}
	}
	for i, s := range p.spans {
		in, holds := draftSpans(s, items, touching[i], selected)
		row := p.rows[i]
		row.holdsSelected = holds
		if holds && p.marked < 0 {
			p.marked = i
		}
		if key := draftSpansKey(in, selected); key != row.key || row.text.Segments == nil {
			row.key = key
			row.text.Segments = draftSegments(p.text, s, in, selected, holds)
			if p.live { // before, the rows are drawn for the first time with these
				row.text.Refresh()
			}
		}
		row.setBackground(p.background(i))
	}
}

// draftSpan is an item's words within one sentence.
type draftSpan struct {
	start, end int
	kind       domain.Kind
	item       int
}

// draftSpans are the words within sentence s of the items touching it
// (indices into items, in order), and whether the
// selected item's are among them.
func draftSpans(s plandraft.Span, items []plantable.Item, touching []int, selected int) ([]draftSpan, bool) {
	var in []draftSpan
	holds := false
	for _, i := range touching {
		it := items[i]
		a, b := max(it.Start, s.Start), min(it.End, s.End)
		if it.End <= it.Start || a >= b {
			continue
		}
		in = append(in, draftSpan{a, b, it.Kind, i})
		holds = holds || i == selected
	}
	return in, holds
}

// draftSpansKey says what a row shows: its spans, their kinds and which
// is selected — not the items' indices, which move when one is deleted.
func draftSpansKey(in []draftSpan, selected int) string {
	var b strings.Builder
	for _, d := range in {
		fmt.Fprintf(&b, "%d-%d%s%t;", d.start, d.end, d.kind, d.item == selected)
	}
	return b.String()
}

// draftSegments are sentence s's words as rich text: what an item was
// drafted from bold in its kind's colour after the kind's mark, and ▶ at
// the start of the sentence holding the selected item's words.
func draftSegments(text string, s plandraft.Span, in []draftSpan, selected int, holds bool) []widget.RichTextSegment {
	plain := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText}
	var segs []widget.RichTextSegment
	if holds {
		segs = append(segs, &widget.TextSegment{Text: "▶ ", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}})
	}
	cuts := []int{s.Start, s.End}
	for _, d := range in {
		cuts = append(cuts, d.start, d.end)
	}
	sort.Ints(cuts)
	for j := 0; j+1 < len(cuts); j++ {
		x, y := cuts[j], cuts[j+1]
		if x == y {
			continue
		}
		// One mark for each item whose words start here (two items drafted
		// from one sentence show ●●), then the words in the colour of the
		// item covering them, the selected item's if it is one.
		cover := -1
		for k, d := range in {
			if d.start <= x && y <= d.end && (cover < 0 || d.item == selected) {
				cover = k
			}
			if d.start == x {
				segs = append(segs, &widget.TextSegment{Text: draftKindMark(d.kind), Style: draftStyle(d, selected)})
			}
		}
		if cover < 0 {
			segs = append(segs, &widget.TextSegment{Text: cjk.MarkBreaks(text[x:y]), Style: plain})
			continue
		}
		st := draftStyle(in[cover], selected)
		segs = append(segs, &widget.TextSegment{Text: cjk.MarkBreaks(text[x:y]), Style: st})
	}
	return segs
}

// draftStyle is the style of an item's words: bold in its kind's colour,
// italic too when the item is selected.
func draftStyle(d draftSpan, selected int) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: draftKindColor(d.kind),
		TextStyle: fyne.TextStyle{Bold: true, Italic: d.item == selected}}
}

// draftDocRow is one sentence of the document, clicked to select it.
type draftDocRow struct {
	widget.BaseWidget
	text          *widget.RichText
	bg            *canvas.Rectangle
	tapped        func()
	holdsSelected bool
	key           string // what the row was last drawn with (draftSpansKey)
}

func newDraftDocRow(tapped func()) *draftDocRow {
	r := &draftDocRow{text: widget.NewRichText(), bg: canvas.NewRectangle(color.Transparent), tapped: tapped}
	r.text.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

func (r *draftDocRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.text))
}

// Tapped selects the sentence.
func (r *draftDocRow) Tapped(*fyne.PointEvent) { r.tapped() }

// setBackground colours the row's background; "" for none.
func (r *draftDocRow) setBackground(n fyne.ThemeColorName) {
	var c color.Color = color.Transparent
	if n != "" {
		c = theme.Color(n)
	}
	if r.bg.FillColor != c {
		r.bg.FillColor = c
		r.bg.Refresh()
	}
}
