package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"cn.planreview/planreview/assets"
	"cn.planreview/planreview/model/domain"
)

// Theme is Fyne's default theme with the bundled CJK font for every text
// style. Without it Chinese depends on the fonts a laptop happens to have,
// and Fyne's fallback switches fonts mid-word (fyne-io/fyne#6450).
type Theme struct {
	fyne.Theme
	regular, bold fyne.Resource
	variant       *fyne.ThemeVariant // forced light or dark; nil follows the system
}

// NewTheme builds the theme; variant forces light or dark when non-nil.
func NewTheme(variant *fyne.ThemeVariant) *Theme {
	return &Theme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("PlanReviewSansSC-Regular.otf", assets.UIFontRegular),
		bold:    fyne.NewStaticResource("PlanReviewSansSC-Bold.otf", assets.UIFontBold),
		variant: variant,
	}
}

// ThemeFromPreference builds the theme for a preference value: "light",
// "dark", or "" to follow the system.
func ThemeFromPreference(code string) *Theme {
	var v fyne.ThemeVariant
	switch code {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	default:
		return NewTheme(nil)
	}
	return NewTheme(&v)
}

// Font gives the bundled font: bold for bold text, regular for the rest
// (the CJK font has no italic or monospace face; a slanted or fixed-width
// Latin face beside Chinese would look worse than the regular one).
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return t.bold
	}
	return t.regular
}

// Color follows the default theme, in the forced variant if one is set.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	return t.Theme.Color(n, v)
}

// Size sets the text sizes the window is laid out for: body text at
// Fyne's 14 px, headings at 20 and 16 px (Fyne's are 24 and 18). They are
// stated here, not inherited, so a Fyne upgrade cannot move the layout.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 14
	case theme.SizeNameHeadingText:
		return 20
	case theme.SizeNameSubHeadingText:
		return 16
	}
	return t.Theme.Size(n)
}

// StatusColor is the badge colour of a status code, and whether text on it
// should be dark (domain.ToneColour, shared with the PDF brief).
func StatusColor(c domain.Code) (bg color.Color, darkText bool) {
	return ToneColor(c.Tone())
}

// ToneColor is the colour of a tone, and whether text on it should be dark.
func ToneColor(t domain.Tone) (bg color.Color, darkText bool) {
	rgb, dark := domain.ToneColour(t)
	return color.NRGBA{rgb.R, rgb.G, rgb.B, 0xFF}, dark
}

// colGrey is the colour of a status without data.
var colGrey = func() color.Color { c, _ := StatusColor(domain.NoData); return c }()
