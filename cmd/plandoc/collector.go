package main

import "runtime/debug"

// The garbage collector's settings for a batch render.
const (
	batchGCPercent   = 200
	batchMemoryLimit = 256 << 20 // the soft limit for a plan of up to a few thousand tasks
	memoryPerTask    = 48 << 10  // what a render holds per task at its peak, measured at 10,000 and 100,000 tasks
	maxMemoryLimit   = 1280 << 20
)

// batchCollector sets the garbage collector for a batch render and returns
// what restores the settings before. Rendering allocates much short-lived
// memory (excelize builds every cell as objects): collecting half as often
// is about a tenth faster, and the soft limit keeps a small render's heap
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

// workMemoryLimit is the soft memory limit for rendering a plan of this
// many tasks. A limit below the render's live heap makes the collector
// run back to back (72% of the CPU at 100,000 tasks under 256 MB), so the
// limit grows with the work, up to a ceiling that keeps the largest plans
// within 1.5 GB.
func workMemoryLimit(tasks int) int64 {
	return min(max(batchMemoryLimit, int64(tasks)*memoryPerTask), maxMemoryLimit)
}
