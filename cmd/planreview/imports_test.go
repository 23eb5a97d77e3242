package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// The layers (README's folder table) as rules on imports: the pure domain
// and the CJK text rules need nothing but the standard library, all SQL stays in the store, the
// window is handed its plan by main and never reads seeds, the shipped
// program links no test code, and nothing can open a network connection.

const module = "cn.planreview/planreview"

// pkg is what go list says of one package.
type pkg struct {
	ImportPath   string
	Imports      []string // the program's own code
	TestImports  []string
	XTestImports []string
}

// importRule forbids a package (or its tests) an import.
type importRule struct {
	why       string
	applies   func(pkg string) bool
	forbidden func(imp string) bool
	tests     bool // the rule holds for test code too
}

func under(prefix string) func(string) bool {
	return func(p string) bool { return p == module+"/"+prefix || strings.HasPrefix(p, module+"/"+prefix+"/") }
}

func anyPkg(string) bool { return true }

func isStandard(imp string) bool { return !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") }

var networking = map[string]bool{"net": true, "net/http": true, "net/rpc": true, "net/smtp": true,
	"crypto/tls": true, "net/http/httputil": true, "golang.org/x/net/http2": true}

var importRules = []importRule{
	{why: "the pure domain uses the standard library only", applies: under("model/domain"),
		forbidden: func(imp string) bool { return !isStandard(imp) }},
	{why: "the CJK width and line-break rules use the standard library only", applies: under("model/cjk"),
		forbidden: func(imp string) bool { return !isStandard(imp) }},
	{why: "the one vocabulary of table headers uses the standard library only", applies: under("model/tablehead"),
		forbidden: func(imp string) bool { return !isStandard(imp) }},
	{why: "the brief is computed from the domain alone; drawing it is infrastructure",
		applies:   func(p string) bool { return p == module+"/model/brief" },
		forbidden: func(imp string) bool { return !isStandard(imp) && imp != module+"/model/domain" }},
	{why: "the window gets its plan and notice from the store, not from seeds", applies: under("ui"),
		forbidden: func(imp string) bool { return imp == module+"/seeds" }},
	{why: "the shipped program links no test code", applies: anyPkg,
		forbidden: func(imp string) bool { return imp == "testing" }},
	{why: "all SQL lives in the store", tests: true,
		applies: func(p string) bool { return !under("model/store")(p) },
		forbidden: func(imp string) bool {
			return imp == "database/sql" || strings.HasPrefix(imp, "modernc.org/sqlite")
		}},
	{why: "no code path opens a network connection", applies: anyPkg, tests: true,
		forbidden: func(imp string) bool { return networking[imp] }},
	// Tests run pdftotext, LibreOffice and mount; the program runs nothing
	// that could reach the network for it.
	{why: "the program starts no other program", applies: anyPkg,
		forbidden: func(imp string) bool { return imp == "os/exec" }},
}

// brokenImportRules lists every import that breaks a rule.
func brokenImportRules(pkgs []pkg) []string {
	var broken []string
	for _, p := range pkgs {
		for _, r := range importRules {
			if !r.applies(p.ImportPath) {
				continue
			}
			imports := p.Imports
			if r.tests {
				imports = append(append(append([]string{}, imports...), p.TestImports...), p.XTestImports...)
			}
			for _, imp := range imports {
				if r.forbidden(imp) {
					broken = append(broken, p.ImportPath+" imports "+imp+": "+r.why)
				}
			}
		}
	}
	return broken
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

func TestImportRules(t *testing.T) {
	for _, b := range brokenImportRules(listPackages(t)) {
		t.Error(b)
	}
}

// TestImportRulesCatch feeds the rules one forbidden import each, so a
// rule that can no longer fail is noticed.
func TestImportRulesCatch(t *testing.T) {
	cases := []struct {
		name string
		p    pkg
	}{
		{"domain imports fyne", pkg{ImportPath: module + "/model/domain", Imports: []string{"strings", "fyne.io/fyne/v2"}}},
		{"cjk imports fyne", pkg{ImportPath: module + "/model/cjk", Imports: []string{"unicode", "fyne.io/fyne/v2"}}},
		{"brief draws", pkg{ImportPath: module + "/model/brief", Imports: []string{module + "/model/domain", module + "/assets"}}},
		{"ui imports seeds", pkg{ImportPath: module + "/ui", Imports: []string{module + "/seeds"}}},
		{"program links testing", pkg{ImportPath: module + "/model/demo", Imports: []string{"testing"}}},
		{"brief uses SQL", pkg{ImportPath: module + "/model/brief", Imports: []string{"database/sql"}}},
		{"ui test uses the driver", pkg{ImportPath: module + "/ui", TestImports: []string{"modernc.org/sqlite"}}},
		{"cli opens a socket", pkg{ImportPath: module + "/cmd/cli", Imports: []string{"net"}}},
		{"a test dials out", pkg{ImportPath: module + "/seeds", XTestImports: []string{"net/http"}}},
		{"program runs a program", pkg{ImportPath: module + "/ui", Imports: []string{"os/exec"}}},
	}
	for _, c := range cases {
		if got := brokenImportRules([]pkg{c.p}); len(got) != 1 {
			t.Errorf("%s: %d rules broken, want 1: %v", c.name, len(got), got)
		}
	}
	fine := pkg{ImportPath: module + "/model/store", Imports: []string{"database/sql", "modernc.org/sqlite"},
		TestImports: []string{"testing", module + "/seeds"}}
	if got := brokenImportRules([]pkg{fine}); len(got) != 0 {
		t.Errorf("the store's own imports: %v", got)
	}
}
