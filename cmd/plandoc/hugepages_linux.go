package main

import (
	"bytes"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the systems Go
// supports with them (x86-64, arm64 with 4 KB pages).
const hugePage = 2 << 20

// heapInHugePages has the kernel back the next size bytes of the heap with
// 2 MB pages, where it would otherwise map 4 KB pages one fault at a time.
// A render never collects below its memory limit, so every page it uses
// is new to it: the real plan's render took 7,500 page faults, a third of
// its processor time, many of them twice over (a page first read maps the
// shared zero page, and the write after it copies it and flushes the
// other processor's address cache, which a virtual machine does slowly).
//
// Go maps its heap as it grows and no longer asks for huge pages itself;
// Linux gives them, when set to "madvise" (as Ubuntu is), to memory a
// program marks. So the heap is grown by one block of size,
// its whole 2 MB pages marked, and the block let go and returned at once:
// the allocations after it reuse those addresses, and their first touch of
// each 2 MB maps it in one fault. It costs a collection of the nearly
// empty heap (about 1 ms) and gains 5 on the real plan. It reports whether
// it marked the pages: on "always" there is nothing to do, on "never"
// nothing it can do, and GODEBUG=disablethp=1 turns it off as it turns
// off Go's own use of huge pages.
func heapInHugePages(size int) bool {
	if !hugePagesOnRequest() || strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return false
	}
	block := make([]byte, size)
	// From the 2 MB page the block starts in: the heap reuses the block's
	// addresses from its first byte, and the heap below it, in that page,
	// is mapped too (the runtime maps its heap in 4 MB steps).
	from := uintptr(unsafe.Pointer(unsafe.SliceData(block))) &^ (hugePage - 1)
	to := (uintptr(unsafe.Pointer(unsafe.SliceData(block))) + uintptr(size)) &^ (hugePage - 1)
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, from, to-from, syscall.MADV_HUGEPAGE)
	block = nil
	// The block was never touched: returning it to the system is free,
	// and its pages then need no clearing when the heap reuses them.
	debug.FreeOSMemory()
	return errno == 0
}

// hugePagesOnRequest says the kernel gives huge pages to memory marked
// for them, and only to that.
func hugePagesOnRequest() bool {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && bytes.Contains(mode, []byte("[madvise]"))
}
