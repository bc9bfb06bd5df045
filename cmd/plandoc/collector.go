package main

import "runtime/debug"

// The garbage collector's settings for a batch render.
const (
	batchGCPercent   = 200
	batchMemoryLimit = 256 << 20
)

// batchCollector sets the garbage collector for a batch render and returns
// what restores the settings before. Rendering allocates much short-lived
// memory (excelize builds every cell as objects): collecting half as often
// is about a tenth faster, and the soft limit keeps a large render's heap
// near 256 MB. The settings are the whole process's, so the program, not
// the library, decides to use them.
func batchCollector() (restore func()) {
	percent := debug.SetGCPercent(batchGCPercent)
	limit := debug.SetMemoryLimit(batchMemoryLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
