package main

import "runtime/debug"

// The garbage collector's settings for a batch render.
const (
	batchGCPercent   = 200
	batchMemoryLimit = 256 << 20 // while the plan is read
	workMemoryFloor  = 96 << 20  // a real plan's whole render allocates about 60 MB in all
	memoryPerTask    = 36 << 10  // a render's live heap per task at its peak is below this, at 10,000 and 100,000 tasks
	maxMemoryLimit   = 1280 << 20
)

// batchCollector sets the garbage collector for a batch render and returns
// what restores the settings before. Rendering allocates much short-lived
// memory (excelize builds every cell as objects): collecting half as often
// is about a tenth faster, and the soft limit keeps the heap of a plan
// being read near 256 MB. The settings are the whole process's, so the
// program, not the library, decides to use them.
func batchCollector() (restore func()) {
	percent := debug.SetGCPercent(batchGCPercent)
	limit := debug.SetMemoryLimit(batchMemoryLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// workCollector sets the collector for rendering a loaded plan of this
// many tasks: it runs only when the heap reaches workMemoryLimit. A real
// plan's render then never collects (a sixth of its time went to it, for
// no memory its machine lacks), and a large one collects about as often as
// before, at the same peak.
func workCollector(tasks int) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(workMemoryLimit(tasks))
}

// workMemoryLimit is the soft memory limit for rendering a plan of this
// many tasks. A limit below the render's live heap makes the collector
// run back to back (72% of the CPU at 100,000 tasks under 256 MB), so the
// limit grows with the work, up to a ceiling that keeps the largest plans
// within 1.5 GB.
func workMemoryLimit(tasks int) int64 {
	return min(max(workMemoryFloor, int64(tasks)*memoryPerTask), maxMemoryLimit)
}
