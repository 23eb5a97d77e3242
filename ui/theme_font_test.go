package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"cn.planreview/planreview/assets"
)

// TestThemeFontsCoverOfficialSymbols parses the faces the theme gives
// Fyne with Fyne's own font parser (go-text/typesetting) and looks up every
// symbol of assets.OfficialSymbols (㎡ ﹝﹞ ㈠ ★ ...): one the face lacked
// would be drawn from whatever system font Fyne falls back to, if any.
func TestThemeFontsCoverOfficialSymbols(t *testing.T) {
	th := NewTheme(nil)
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		res := th.Font(style)
		face, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatalf("%s: %v", res.Name(), err)
		}
		var missing []string
		for _, c := range assets.OfficialSymbols {
			if c == '\n' {
				continue
			}
			if _, ok := face.NominalGlyph(c); !ok {
				missing = append(missing, string(c))
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d symbols: %s", res.Name(), len(missing), strings.Join(missing, " "))
		}
	}
}
