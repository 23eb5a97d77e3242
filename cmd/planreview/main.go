// Command planreview follows a city's annual development plan through the
// year: see `planreview help`.
package main

import (
	"os"

	"planreview/cmd/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
}
