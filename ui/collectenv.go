package ui

import "os"

// CollectDirEnv names a folder of returned round workbooks that the window
// opens in 导入回执 at start, as 表格 › 导入回执… and 选择文件夹… would:
// scripts/screenshots.sh reaches the preview with it, since a file dialog
// cannot be driven there.
const CollectDirEnv = "PLANREVIEW_COLLECT_DIR"

// ConflictsEnv, when set, has the window open 待裁定数据 at start, as
// 表格 › 待裁定数据… would, for scripts/screenshots.sh.
const ConflictsEnv = "PLANREVIEW_SHOW_CONFLICTS"

// collectFromEnv opens 导入回执 on the folder CollectDirEnv names, and
// 待裁定数据 when ConflictsEnv is set.
func (u *UI) collectFromEnv() {
	if dir := os.Getenv(CollectDirEnv); dir != "" {
		u.collectReturns().add([]string{dir})
	}
	if os.Getenv(ConflictsEnv) != "" {
		u.showConflicts("")
	}
}
