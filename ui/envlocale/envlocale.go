// Package envlocale gives Fyne a locale it can parse where the environment
// has the C locale (servers, CI, Xvfb). Fyne's lang package reads the
// locale in its own init and logs "Error parsing user locale C" to stderr
// for it, which would pollute every command-line command's output.
//
// Import it blank from main: Go initialises packages in import-path order
// where dependencies allow (Go 1.21+), and this module's path
// (cn.planreview/…) sorts before fyne.io, so this init runs before Fyne's.
// The interface language is chosen by the app (ui.SetLanguage), not by
// this variable; it only stops the noise.
package envlocale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix sets LANG to zh_CN.UTF-8 when it is empty or C/POSIX and neither
// LC_ALL nor LC_MESSAGES overrides it.
func Fix() {
	if os.Getenv("LC_ALL") != "" || os.Getenv("LC_MESSAGES") != "" {
		return
	}
	if l := os.Getenv("LANG"); l == "" || l == "POSIX" || l == "C" || strings.HasPrefix(l, "C.") {
		os.Setenv("LANG", "zh_CN.UTF-8")
	}
}
