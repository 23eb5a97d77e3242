//go:build !windows

package main

// attachConsole is needed only on Windows, where the program is linked as
// a GUI program.
func attachConsole() {}
