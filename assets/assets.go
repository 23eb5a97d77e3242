// Package assets holds what the program carries inside it: the CJK font,
// regular and bold, in two outline formats (TrueType for the PDF brief,
// PostScript for the window), and the app icon.
package assets

import (
	_ "embed"
)

// FontRegularCommon is PlanReview Sans SC Regular for the PDF brief: a
// TrueType (glyf) subset of Noto Sans CJK SC built by scripts/build-font.sh
// (SIL OFL 1.1, see fonts/OFL.txt) holding GB2312 and 通用规范汉字表, the
// standard character set of official documents, the symbol blocks such
// documents use (㎡ ﹝﹞ ㈠ ★ ✓; see OfficialSymbols) and the notice's own
// characters. fpdf reads only TrueType outlines. A character outside it is
// printed as 〓 and named in the export's report; the window's faces below
// have all of U+4E00–9FFF. Full TrueType faces are not carried: they would
// put planreview.exe over 45 MB, more than many mail systems take
// (docs/PERFORMANCE.md).
//
//go:embed fonts/PlanReviewSansSC-Regular-Common.ttf
var FontRegularCommon []byte

// FontBoldCommon is the bold face of FontRegularCommon.
//
//go:embed fonts/PlanReviewSansSC-Bold-Common.ttf
var FontBoldCommon []byte

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
