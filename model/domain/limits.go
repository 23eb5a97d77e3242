package domain

import (
	"fmt"
	"strings"
)

// TextLimit is the most characters (runes, so a Chinese character counts
// one) a free text may hold. The window checks a text against the same
// limit the store enforces, so what the reviewer is allowed to type is
// what can be saved.
type TextLimit int

const (
	// MaxPerson bounds a name written into history with a change: the
	// reviewer (姓名（单位）), 填报人, 操作人 and the like.
	MaxPerson TextLimit = 50
	// MaxReviewerName and MaxReviewerUnit bound the two halves the
	// reviewer dialog asks for; joined as 姓名（单位） they must still fit
	// MaxPerson, which the dialog checks as well.
	MaxReviewerName TextLimit = 30
	MaxReviewerUnit TextLimit = 40
	// MaxReason bounds a reason: for a manual status, for unlocking a
	// period, for a target entered by hand.
	MaxReason TextLimit = 500
	// MaxTarget bounds a target entered by hand, as the notice words one.
	MaxTarget TextLimit = 100
	// MaxSource bounds a figure's source and its date together.
	MaxSource TextLimit = 200
	// MaxNote bounds a note: a page of text, far beyond any real note,
	// short enough that a pasted document does not land in the brief by
	// mistake.
	MaxNote TextLimit = 5000
)

// CheckText checks a required free text (a reason, a note, a name).
func CheckText(field, s string, max TextLimit) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return fmt.Errorf("%s不能为空", field)
	}
	return CheckLength(field, s, max)
}

// CheckLength checks an optional text's length only.
func CheckLength(field, s string, max TextLimit) error {
	if n := len([]rune(s)); n > int(max) {
		return fmt.Errorf("%s过长（%d字），最多%d字", field, n, max)
	}
	return nil
}

// JoinReviewer is how a reviewer is written into history: the name, and
// the unit in full-width brackets when there is one.
func JoinReviewer(name, unit string) string {
	name, unit = strings.TrimSpace(name), strings.TrimSpace(unit)
	if unit != "" && name != "" {
		return name + "（" + unit + "）"
	}
	return name
}
