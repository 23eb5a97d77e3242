//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachConsole lets the command line print from a GUI program. The .exe
// is linked as a Windows GUI program (-H windowsgui) so double-clicking it
// opens the window with no console flashing behind it; run from cmd.exe or
// PowerShell with a command, it attaches to that console and writes there.
// Output redirected to a file or pipe is left as it is.
func attachConsole() {
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // no parent console: nothing to write to
	}
	reopen := func(std uint32, f **os.File, name string, flag int) {
		if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
			return // redirected by the caller: keep it
		}
		if c, err := os.OpenFile(name, flag, 0); err == nil {
			*f = c
		}
	}
	reopen(windows.STD_OUTPUT_HANDLE, &os.Stdout, "CONOUT$", os.O_WRONLY)
	reopen(windows.STD_ERROR_HANDLE, &os.Stderr, "CONOUT$", os.O_WRONLY)
	reopen(windows.STD_INPUT_HANDLE, &os.Stdin, "CONIN$", os.O_RDONLY)
}
