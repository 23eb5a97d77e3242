package ui

import "os"

// RoundViewEnv, when set, opens the round view (填报情况) at start, as
// Excel › 填报情况（催报）… would, judged as of the day it names
// (2023-10-15; any other value: today). scripts/screenshot-round-view.sh
// reaches the view with it, since a menu cannot be driven there reliably.
const RoundViewEnv = "PLANREVIEW_ROUND_VIEW"

// roundViewFromEnv opens the round view if RoundViewEnv asks for it.
func (u *UI) roundViewFromEnv() {
	day := os.Getenv(RoundViewEnv)
	if day == "" {
		return
	}
	u.roundStatusView()
	if u.roundView != nil && len(day) == len(dayLayout) {
		u.roundView.asOfEntry.SetText(day)
	}
}
