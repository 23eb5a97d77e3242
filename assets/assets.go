// Package assets holds what the program carries inside it: the CJK font,
// regular and bold, in two outline formats (TrueType for the PDF brief,
// PostScript for the window), and the app icon.
package assets

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sync"
)

// briefRegularGz is PlanReview Sans SC Regular for the PDF brief,
// gzipped: a TrueType (glyf) subset of Noto Sans CJK SC built by
// scripts/build-font.sh (SIL OFL 1.1, see fonts/OFL.txt) holding GB2312 and
// 通用规范汉字表, the standard character set of official documents, the
// symbol blocks such documents use (㎡ ﹝﹞ ㈠ ★ ✓; see OfficialSymbols) and
// the notice's own characters. fpdf reads only TrueType outlines. A
// character outside it is printed as 〓 and named in the export's report;
// the window's faces below have all of U+4E00–9FFF. Full TrueType faces
// are not carried, and these are carried compressed: planreview.exe must
// stay under 45 MB, more than many mail systems take (docs/PERFORMANCE.md).
//
//go:embed fonts/PlanReviewSansSC-Regular-Common.ttf.gz
var briefRegularGz []byte

//go:embed fonts/PlanReviewSansSC-Bold-Common.ttf.gz
var briefBoldGz []byte

var (
	briefOnce               sync.Once
	briefRegular, briefBold []byte
)

// BriefFonts are the brief's regular and bold faces, unpacked at the
// first call (about 20 ms a face) and kept: the window never needs them,
// and a session that makes a brief usually makes several.
func BriefFonts() (regular, bold []byte) {
	briefOnce.Do(func() {
		briefRegular, briefBold = gunzip(briefRegularGz), gunzip(briefBoldGz)
	})
	return briefRegular, briefBold
}

// gunzip unpacks an embedded font; the bytes are the program's own, so a
// failure is a broken build.
func gunzip(gz []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("assets: embedded font: " + err.Error())
	}
	out, err := io.ReadAll(r)
	if err != nil {
		panic("assets: embedded font: " + err.Error())
	}
	return out
}

// UIFontRegular and UIFontBold are the same faces with all of U+4E00–9FFF
// and the source's PostScript (CFF) outlines: for the window. Fyne's font
// parser reads CFF glyphs when they are drawn but parses every TrueType glyph
// when the font is loaded — 59 ms against 4 ms per face, and the window
// loads each face at start. fpdf reads only TrueType, hence both.
//
//go:embed fonts/PlanReviewSansSC-Regular.otf
var UIFontRegular []byte

// UIFontBold: see UIFontRegular.
//
//go:embed fonts/PlanReviewSansSC-Bold.otf
var UIFontBold []byte

// Icon is the app icon, drawn by scripts/icon.
//
//go:embed icon.png
var Icon []byte
