// Package assets holds what the program carries inside it: the CJK font
// (regular and bold, TrueType outlines, used by the window and the PDF
// brief) and the app icon.
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

// Icon is the app icon, drawn by scripts/icon.
//
//go:embed icon.png
var Icon []byte
