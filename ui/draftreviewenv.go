package ui

import "os"

// DraftFileEnv names a plan document whose draft review the window opens
// at start, as 计划 › 从文件起草… would: scripts/screenshots.sh reaches the
// review screen with it, since a file dialog cannot be driven there.
const DraftFileEnv = "PLANREVIEW_DRAFT_FILE"

// reviewDraftFromEnv opens the review of the document DraftFileEnv names,
// if any.
func (u *UI) reviewDraftFromEnv() {
	if path := os.Getenv(DraftFileEnv); path != "" {
		u.reviewDraftFile(path)
	}
}
