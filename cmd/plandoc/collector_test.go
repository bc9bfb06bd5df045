package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// The collector is off below the batch limit while the plan is read, then
// below the work's limit, and restore gives back the settings before.
func TestCollectorSettingsAndTheirRestore(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(-1)
	expect := func(when string, percent int, limit int64) {
		t.Helper()
		if got := debug.SetGCPercent(percent); got != percent {
			t.Errorf("GC percent %s = %d; want %d", when, got, percent)
		}
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("memory limit %s = %d MB; want %d MB", when, got>>20, limit>>20)
		}
	}
	restore := batchCollector()
	expect("reading the plan", -1, batchMemoryLimit)
	workCollector(10000, true)
	expect("rendering", -1, 10000*memoryPerTask)
	restore()
	expect("after", 100, limit)
}

// Reading a plan file, the limit grows with the file, from 256 MB.
func TestLoadMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		size, want int64
	}{{40 << 10, 256 << 20}, {3 << 20, 256 << 20}, {31 << 20, 31 << 24}, {200 << 20, 1280 << 20}} {
		if got := loadMemoryLimit(c.size, true); got != c.want {
			t.Errorf("loadMemoryLimit(%d MB) = %d MB; want %d MB", c.size>>20, got>>20, c.want>>20)
		}
	}
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.toml")
	if err := os.WriteFile(plan, make([]byte, 40<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	loadCollector(plan, true)
	if got := debug.SetMemoryLimit(-1); got != 640<<20 {
		t.Errorf("memory limit reading a 40 MB plan = %d MB; want 640 MB", got>>20)
	}
	// For the PDFs alone, 10 times the file.
	loadCollector(plan, false)
	if got := debug.SetMemoryLimit(-1); got != 400<<20 {
		t.Errorf("memory limit reading a 40 MB plan for the PDFs alone = %d MB; want 400 MB", got>>20)
	}
}

// The soft limit grows with the plan, from 96 MB for a real plan to a
// ceiling for the largest.
func TestWorkMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		tasks int
		want  int64
	}{{72, 96 << 20}, {1000, 96 << 20}, {10000, 10000 * 36 << 10}, {20000, 20000 * 36 << 10}, {100000, 1280 << 20}} {
		if got := workMemoryLimit(c.tasks, true); got != c.want {
			t.Errorf("workMemoryLimit(%d) = %d MB; want %d MB", c.tasks, got>>20, c.want>>20)
		}
	}
	// Without the workbooks, 3.5 KB a task: 342 MB for the annex of
	// 100,000 tasks, which keeps it under 400 MB.
	if got := workMemoryLimit(100000, false); got != 100000*3584 {
		t.Errorf("workMemoryLimit(100000) without the workbooks = %d MB; want %d MB", got>>20, 100000*3584>>20)
	}
	if got := workMemoryLimit(72, false); got != 96<<20 {
		t.Errorf("workMemoryLimit(72) without the workbooks = %d MB; want 96 MB", got>>20)
	}
}
