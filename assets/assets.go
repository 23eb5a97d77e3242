// Package assets holds what the program carries inside it: the CJK font,
// regular and bold, in two outline formats (TrueType for the PDF brief,
// PostScript for the window), and the app icon.
package assets

import (
	_ "embed"
)

// FontRegular is PlanReview Sans SC Regular: a TrueType (glyf) subset of
// Noto Sans CJK SC built by scripts/build-font.sh (SIL OFL 1.1, see
// fonts/OFL.txt).
//
//go:embed fonts/PlanReviewSansSC-Regular.ttf
var FontRegular []byte

// FontBold is PlanReview Sans SC Bold.
//
//go:embed fonts/PlanReviewSansSC-Bold.ttf
var FontBold []byte

// FontRegularCommon and FontBoldCommon are smaller subsets of the same
// faces: GB2312 and 通用规范汉字表 without the rest of U+4E00–9FFF. The PDF
// brief uses them unless its text needs the full fonts: fpdf loads and
// subsets a font in time that grows with its glyphs.
//
//go:embed fonts/PlanReviewSansSC-Regular-Common.ttf
var FontRegularCommon []byte

// FontBoldCommon: see FontRegularCommon.
//
//go:embed fonts/PlanReviewSansSC-Bold-Common.ttf
var FontBoldCommon []byte

// UIFontRegular and UIFontBold are the same faces, same glyphs, with the
// source's PostScript (CFF) outlines: for the window. Fyne's font parser
// reads CFF glyphs when they are drawn but parses every TrueType glyph
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
