package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings for a batch render. The collector runs
// only when the heap reaches a soft limit sized from the work: a render
// allocates much short-lived memory (excelize builds every cell as
// objects), and a real plan's render then never collects (a sixth of its
// time went to it, for memory its machine has), while a large one collects
// about as often as at twice its live heap.
const (
	batchMemoryLimit  = 256 << 20 // while a plan of up to a few thousand tasks is read
	loadMemoryPerByte = 16        // a plan's live heap while it is read is about 6 times its file (200 MB for 31 MB at 100,000 tasks): it is read with two collections
	pdfLoadPerByte    = 10        // the same for a render of the PDFs alone, which holds less after: a few more collections
	workMemoryFloor   = 96 << 20  // a real plan's whole render allocates about 60 MB in all
	memoryPerTask     = 36 << 10  // a render's live heap per task at its peak is below this, at 10,000 and 100,000 tasks
	pdfMemoryPerTask  = 3584      // the same without the workbooks: the annex alone peaks at 2.4 KB a task (240 MB live at 100,000 tasks; 357 MB resident under this limit)
	maxMemoryLimit    = 1280 << 20
)

// batchCollector sets the garbage collector for a batch render and returns
// what restores the settings before. The settings are the whole process's,
// so the program, not the library, decides to use them.
func batchCollector() (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(batchMemoryLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// loadCollector raises the limit for reading a large plan file: under a
// limit below its live heap, the collector would run back to back.
func loadCollector(path string, workbooks bool) {
	if info, err := os.Stat(path); err == nil {
		debug.SetMemoryLimit(loadMemoryLimit(info.Size(), workbooks))
	}
}

func loadMemoryLimit(size int64, workbooks bool) int64 {
	perByte := int64(loadMemoryPerByte)
	if !workbooks {
		perByte = pdfLoadPerByte
	}
	return limitWithin(batchMemoryLimit, size*perByte)
}

// limitWithin is a memory limit of want, at least floor and at most the
// ceiling every render keeps to.
func limitWithin(floor, want int64) int64 { return min(max(floor, want), maxMemoryLimit) }

// workCollector sets the collector for rendering a loaded plan of this
// many tasks, with its workbooks or without.
func workCollector(tasks int, workbooks bool) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(workMemoryLimit(tasks, workbooks))
}

// workMemoryLimit is the soft memory limit for rendering a plan of this
// many tasks. A limit below the render's live heap makes the collector
// run back to back (72% of the CPU at 100,000 tasks under 256 MB), so the
// limit grows with the work, up to a ceiling that keeps the largest plans
// within 1.5 GB. The department workbooks and the overview hold most: a
// render of the PDFs alone is given less, and stays near its live heap.
func workMemoryLimit(tasks int, workbooks bool) int64 {
	perTask := int64(memoryPerTask)
	if !workbooks {
		perTask = pdfMemoryPerTask
	}
	return limitWithin(workMemoryFloor, int64(tasks)*perTask)
}
