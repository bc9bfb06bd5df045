//go:build !linux

package main

// heapInHugePages does nothing where huge pages are not asked for per
// region (see hugepages_linux.go).
func heapInHugePages(int) bool { return false }
