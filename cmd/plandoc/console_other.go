//go:build !windows

package main

// ownConsole is false outside Windows: a terminal stays open by itself.
func ownConsole() bool { return false }
