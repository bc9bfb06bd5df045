package main

import (
	"syscall"
	"unsafe"
)

// ownConsole says whether the console is plandoc's alone: Windows made it
// for plandoc because it was started from Explorer (a drop, a double
// click), not from a Command Prompt, which shares its console.
func ownConsole() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), 2)
	return n == 1
}
