package main

import (
	"runtime/debug"
	"testing"
)

func TestBatchCollectorRestores(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(-1)
	restore := batchCollector()
	if got := debug.SetGCPercent(-1); got != batchGCPercent {
		t.Errorf("GC percent during a batch = %d; want %d", got, batchGCPercent)
	}
	debug.SetGCPercent(batchGCPercent)
	if got := debug.SetMemoryLimit(-1); got != batchMemoryLimit {
		t.Errorf("memory limit during a batch = %d; want %d", got, batchMemoryLimit)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GC percent after = %d; want it restored to 100", got)
	}
	debug.SetGCPercent(100)
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit after = %d; want %d", got, limit)
	}
}
