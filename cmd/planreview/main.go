// Command planreview follows a city's annual development plan through the
// year. With no command (or only --db FILE) it opens the window; with a
// command it runs it on the command line: see `planreview help`.
package main

import (
	"os"
	"strings"

	"cn.planreview/planreview/cmd/cli"
	"cn.planreview/planreview/model/store"
	"cn.planreview/planreview/seeds"
	"cn.planreview/planreview/ui"
	_ "cn.planreview/planreview/ui/envlocale" // before Fyne initialises: see the package
)

func main() {
	args := os.Args[1:]
	bundle := store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}
	if path, ok := windowDB(args); ok {
		os.Exit(ui.Run(path, bundle, os.Stderr))
	}
	attachConsole()
	os.Exit(cli.Run(args, cli.Env{Bundle: bundle, Stdout: os.Stdout, Stderr: os.Stderr}))
}

// windowDB reports whether args ask for the window (none, or only
// --db FILE), and the database path.
func windowDB(args []string) (string, bool) {
	switch {
	case len(args) == 0:
		p, err := store.DefaultPath()
		return p, err == nil
	case len(args) == 2 && (args[0] == "--db" || args[0] == "-db"):
		return args[1], true
	case len(args) == 1 && strings.HasPrefix(args[0], "--db="):
		return strings.TrimPrefix(args[0], "--db="), true
	}
	return "", false
}
