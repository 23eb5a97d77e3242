package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/domain"
)

// chart draws an item's recorded figures by month against its target:
// bars and the 序时进度 line for cumulative items (the target reached
// evenly through the year), points joined by a line for rates and levels,
// and the target as a horizontal line.
type chart struct {
	widget.BaseWidget
	item    domain.Item
	target  domain.Target
	actuals []domain.Actual
	asOf    domain.Period
}

func newChart(it domain.Item, t domain.Target, as []domain.Actual, asOf domain.Period) *chart {
	c := &chart{item: it, target: t, actuals: as, asOf: asOf}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	return r
}

type chartRenderer struct {
	c       *chart
	objects []fyne.CanvasObject
}

func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 170) }
func (r *chartRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}
func (r *chartRenderer) Destroy() {}
func (r *chartRenderer) Refresh() {
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// Layout rebuilds the drawing for the size: a chart is a few dozen
// objects, cheaper to redraw than to move.
func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder) // axis text: quieter than data, still legible
	small := theme.CaptionTextSize()
	var objs []fyne.CanvasObject
	const left, right, top, bottom = 44, 12, 18, 22
	w, h := size.Width-left-right, size.Height-top-bottom
	if w <= 10 || h <= 10 {
		r.objects = nil
		return
	}
	cumulative := c.item.Measure == domain.Cumulative
	// The y range covers 0, the target and every figure.
	lo, hi := 0.0, c.target.Value
	for _, a := range c.actuals {
		lo, hi = math.Min(lo, a.Value), math.Max(hi, a.Value)
	}
	if hi == lo {
		hi = lo + 1
	}
	hi = niceCeil(hi + (hi-lo)*0.1)
	y := func(v float64) float32 { return top + h - float32((v-lo)/(hi-lo))*h }
	x := func(month float64) float32 { return left + float32(month/12)*w }

	axis := canvas.NewLine(muted)
	axis.Position1, axis.Position2 = fyne.NewPos(left, y(0)), fyne.NewPos(left+w, y(0))
	objs = append(objs, axis)
	for _, m := range []int{1, 3, 6, 9, 12} {
		t := canvas.NewText(domain.MonthIn(m, language), muted)
		t.TextSize = small
		t.Move(fyne.NewPos(x(float64(m)-0.5)-t.MinSize().Width/2, top+h+4))
		objs = append(objs, t)
	}
	for _, v := range []float64{lo, hi} {
		t := canvas.NewText(domain.FormatNumber(roundTo(v, 2)), muted)
		t.TextSize = small
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y(v)-t.MinSize().Height/2))
		t.Resize(fyne.NewSize(left-4, t.MinSize().Height))
		objs = append(objs, t)
	}
	// The target line, dashed.
	targetColour := color.NRGBA{0xCC, 0x79, 0xA7, 0xFF}
	for sx := float32(0); sx < w; sx += 8 {
		l := canvas.NewLine(targetColour)
		l.StrokeWidth = 1.5
		l.Position1 = fyne.NewPos(left+sx, y(c.target.Value))
		l.Position2 = fyne.NewPos(left+float32(math.Min(float64(sx+5), float64(w))), y(c.target.Value))
		objs = append(objs, l)
	}
	label := canvas.NewText(tr("目标")+" "+domain.FormatNumber(c.target.Value)+c.target.Unit, targetColour)
	label.TextSize = small
	label.Move(fyne.NewPos(left+4, y(c.target.Value)-label.MinSize().Height))
	objs = append(objs, label)
	if cumulative {
		// 序时进度: the share of the target that time alone would give.
		l := canvas.NewLine(muted)
		l.StrokeWidth = 1
		l.Position1, l.Position2 = fyne.NewPos(x(0), y(0)), fyne.NewPos(x(12), y(c.target.Value))
		t := canvas.NewText(tr("序时进度"), muted)
		t.TextSize = small
		t.Move(fyne.NewPos(x(6.3), y(c.target.Value/2)))
		objs = append(objs, l, t)
	}
	accent := theme.Color(theme.ColorNamePrimary)
	var prev *fyne.Position
	for _, a := range c.actuals {
		if a.Outcome != "" || c.asOf.Before(a.Period) {
			continue
		}
		mx := x(float64(a.Period.Month) - 0.5)
		if cumulative {
			bw := w / 12 * 0.6
			top, base := y(math.Max(a.Value, 0)), y(math.Min(a.Value, 0))
			bar := canvas.NewRectangle(accent)
			bar.Move(fyne.NewPos(mx-bw/2, top))
			bar.Resize(fyne.NewSize(bw, base-top))
			objs = append(objs, bar)
		} else {
			p := fyne.NewPos(mx, y(a.Value))
			if prev != nil {
				l := canvas.NewLine(accent)
				l.StrokeWidth = 2
				l.Position1, l.Position2 = *prev, p
				objs = append(objs, l)
			}
			dot := canvas.NewCircle(accent)
			dot.Move(fyne.NewPos(p.X-3.5, p.Y-3.5))
			dot.Resize(fyne.NewSize(7, 7))
			objs = append(objs, dot)
			prev = &p
		}
		v := canvas.NewText(domain.FormatNumber(a.Value), fg)
		v.TextSize = small
		v.Move(fyne.NewPos(mx-v.MinSize().Width/2, y(math.Max(a.Value, 0))-v.MinSize().Height))
		objs = append(objs, v)
	}
	r.objects = objs
}

// niceCeil rounds an axis maximum up to 1, 2 or 5 times a power of ten:
// 448 becomes 500 and 11.65 becomes 20, as a reader expects an axis to end.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return v
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

func roundTo(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}
