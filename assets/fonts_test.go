package assets_test

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"cn.planreview/planreview/assets"
)

// TestFontsCoverOfficialSymbols reads the cmap of the four embedded faces
// (TrueType for the brief, CFF for the window) and looks up every symbol
// of assets.OfficialSymbols: a brief prints a missing one as 〓, and the
// window would fall back to whatever font the system has.
func TestFontsCoverOfficialSymbols(t *testing.T) {
	regular, bold := assets.BriefFonts()
	faces := []struct {
		name string
		data []byte
	}{
		{"PlanReviewSansSC-Regular-Common.ttf (brief)", regular},
		{"PlanReviewSansSC-Bold-Common.ttf (brief)", bold},
		{"PlanReviewSansSC-Regular.otf (window)", assets.UIFontRegular},
		{"PlanReviewSansSC-Bold.otf (window)", assets.UIFontBold},
	}
	for _, f := range faces {
		face, err := sfnt.Parse(f.data)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		var buf sfnt.Buffer
		var missing []string
		for _, c := range assets.OfficialSymbols {
			if c == '\n' {
				continue
			}
			if i, err := face.GlyphIndex(&buf, c); err != nil || i == 0 {
				missing = append(missing, string(c))
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d symbols: %s", f.name, len(missing), strings.Join(missing, " "))
		}
	}
}
