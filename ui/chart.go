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

// The chart's margins: room for the y axis's numbers on the left, the
// target's label above, the months below.
const chartLeft, chartRight, chartTop, chartBottom = 44, 12, 18, 22

// chartFrame maps months and values to positions in the drawing.
type chartFrame struct {
	w, h   float32 // the plotting area inside the margins
	lo, hi float64 // the value range, covering 0, the target and every figure
}

func (f chartFrame) y(v float64) float32 {
	return chartTop + f.h - float32((v-f.lo)/(f.hi-f.lo))*f.h
}

func (f chartFrame) x(month float64) float32 { return chartLeft + float32(month/12)*f.w }

// chartText is a caption-size text in colour c.
func chartText(s string, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = theme.CaptionTextSize()
	return t
}

// chartTargetColour is the target line's: apart from the theme's colours
// so it never reads as a figure.
var chartTargetColour = color.NRGBA{0xCC, 0x79, 0xA7, 0xFF}

// Layout rebuilds the drawing for the size: a chart is a few dozen
// objects, cheaper to redraw than to move.
func (r *chartRenderer) Layout(size fyne.Size) {
	f := chartFrame{w: size.Width - chartLeft - chartRight, h: size.Height - chartTop - chartBottom}
	if f.w <= 10 || f.h <= 10 {
		r.objects = nil
		return
	}
	c := r.c
	f.lo, f.hi = 0.0, c.target.Value
	for _, a := range c.actuals {
		f.lo, f.hi = math.Min(f.lo, a.Value), math.Max(f.hi, a.Value)
	}
	if f.hi == f.lo {
		f.hi = f.lo + 1
	}
	f.hi = niceCeil(f.hi + (f.hi-f.lo)*0.1)
	objs := c.axes(f)
	objs = append(objs, c.targetLine(f)...)
	if c.item.Measure == domain.Cumulative {
		objs = append(objs, c.timeLine(f)...)
	}
	r.objects = append(objs, c.figures(f)...)
}

// axes are the zero line, the months under it and the range's ends
// beside it.
func (c *chart) axes(f chartFrame) []fyne.CanvasObject {
	muted := theme.Color(theme.ColorNamePlaceHolder) // axis text: quieter than data, still legible
	axis := canvas.NewLine(muted)
	axis.Position1, axis.Position2 = fyne.NewPos(chartLeft, f.y(0)), fyne.NewPos(chartLeft+f.w, f.y(0))
	objs := []fyne.CanvasObject{axis}
	for _, m := range []int{1, 3, 6, 9, 12} {
		t := chartText(domain.MonthIn(m, language), muted)
		t.Move(fyne.NewPos(f.x(float64(m)-0.5)-t.MinSize().Width/2, chartTop+f.h+4))
		objs = append(objs, t)
	}
	for _, v := range []float64{f.lo, f.hi} {
		t := chartText(domain.FormatNumber(roundTo(v, 2)), muted)
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, f.y(v)-t.MinSize().Height/2))
		t.Resize(fyne.NewSize(chartLeft-4, t.MinSize().Height))
		objs = append(objs, t)
	}
	return objs
}

// targetLine is the target, dashed, with its label.
func (c *chart) targetLine(f chartFrame) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	ty := f.y(c.target.Value)
	for sx := float32(0); sx < f.w; sx += 8 {
		l := canvas.NewLine(chartTargetColour)
		l.StrokeWidth = 1.5
		l.Position1 = fyne.NewPos(chartLeft+sx, ty)
		l.Position2 = fyne.NewPos(chartLeft+float32(math.Min(float64(sx+5), float64(f.w))), ty)
		objs = append(objs, l)
	}
	label := chartText(tr("目标")+" "+domain.FormatNumber(c.target.Value)+c.target.Unit, chartTargetColour)
	label.Move(fyne.NewPos(chartLeft+4, ty-label.MinSize().Height))
	return append(objs, label)
}

// timeLine is 序时进度: the share of the target that time alone would
// give a cumulative item.
func (c *chart) timeLine(f chartFrame) []fyne.CanvasObject {
	muted := theme.Color(theme.ColorNamePlaceHolder)
	l := canvas.NewLine(muted)
	l.StrokeWidth = 1
	l.Position1, l.Position2 = fyne.NewPos(f.x(0), f.y(0)), fyne.NewPos(f.x(12), f.y(c.target.Value))
	t := chartText(tr("序时进度"), muted)
	t.Move(fyne.NewPos(f.x(6.3), f.y(c.target.Value/2)))
	return []fyne.CanvasObject{l, t}
}

// figures are the figures up to the as-of period, each with its value:
// bars for a cumulative item, joined points otherwise.
func (c *chart) figures(f chartFrame) []fyne.CanvasObject {
	fg := theme.Color(theme.ColorNameForeground)
	accent := theme.Color(theme.ColorNamePrimary)
	var objs []fyne.CanvasObject
	var prev *fyne.Position
	for _, a := range c.actuals {
		if a.Outcome != "" || c.asOf.Before(a.Period) {
			continue
		}
		mx := f.x(float64(a.Period.Month) - 0.5)
		if c.item.Measure == domain.Cumulative {
			bw := f.w / 12 * 0.6
			top, base := f.y(math.Max(a.Value, 0)), f.y(math.Min(a.Value, 0))
			bar := canvas.NewRectangle(accent)
			bar.Move(fyne.NewPos(mx-bw/2, top))
			bar.Resize(fyne.NewSize(bw, base-top))
			objs = append(objs, bar)
		} else {
			p := fyne.NewPos(mx, f.y(a.Value))
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
		v := chartText(domain.FormatNumber(a.Value), fg)
		v.Move(fyne.NewPos(mx-v.MinSize().Width/2, c.valueLabelY(f, a.Value, v.MinSize().Height)))
		objs = append(objs, v)
	}
	return objs
}

// valueLabelY places a figure's value just above its point or bar, or,
// where the dashed target line would run through it there, just above
// the line: the number stays legible and beside its figure.
func (c *chart) valueLabelY(f chartFrame, v float64, h float32) float32 {
	top := f.y(math.Max(v, 0))
	ty := f.y(c.target.Value)
	if y := top - h; ty < y-1 || ty > top+1 {
		return y
	}
	return ty - h - 2
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
