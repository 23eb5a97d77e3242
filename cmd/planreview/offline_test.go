package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkingImports checks the project's own code imports nothing
// that opens connections. Libraries we use link net/http (Fyne for loading
// resources from URLs, excelize for content sniffing); our code never
// calls them, and the offline run in .ci/run (unshare -n) shows it.
func TestNoNetworkingImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "cn.planreview/planreview/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	banned := map[string]bool{"net": true, "net/http": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true,
		"net/http/httputil": true, "golang.org/x/net/http2": true, "os/exec": true}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		n++
		for _, imp := range fields[1:] {
			if banned[imp] {
				t.Errorf("%s imports %s", fields[0], imp)
			}
		}
	}
	if n < 10 {
		t.Fatalf("go list found only %d packages", n)
	}
}
