package main

import (
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// TestHeapInHugePages touches 16 MB of heap after heapInHugePages: where
// Linux gives huge pages on request, the process then holds most of them
// in 2 MB pages (none without the preparation).
func TestHeapInHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	onRequest := err == nil && strings.Contains(string(mode), "[madvise]") && !strings.Contains(os.Getenv("GODEBUG"), "disablethp=1")
	// As in a render: no collection hands out memory touched before.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	marked := heapInHugePages(renderHeap)
	if marked != onRequest {
		t.Fatalf("heapInHugePages = %v where the kernel's setting is %q", marked, mode)
	}
	if !marked {
		t.Logf("huge pages: %q; nothing to mark", strings.TrimSpace(string(mode)))
		return
	}
	before := hugePagesHeld(t)
	block := make([]byte, 16<<20)
	for i := 0; i < len(block); i += 4096 {
		block[i] = 1
	}
	gained := hugePagesHeld(t) - before
	if gained < 12<<20 {
		t.Fatalf("touching 16 MB of the prepared heap put %d KB in huge pages; want at least 12 MB", gained>>10)
	}
	t.Logf("16 MB touched: %d KB more in huge pages", gained>>10)
}

var anonHuge = regexp.MustCompile(`(?m)^AnonHugePages:\s+(\d+) kB`)

// hugePagesHeld is how much of the process's memory is in huge pages.
func hugePagesHeld(t *testing.T) int {
	raw, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		t.Fatal(err)
	}
	m := anonHuge.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("no AnonHugePages in /proc/self/smaps_rollup:\n%s", raw)
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return kb << 10
}

// GODEBUG=disablethp=1, Go's switch against huge pages for its heap,
// turns the preparation off.
func TestHeapInHugePagesHonoursDisableTHP(t *testing.T) {
	t.Setenv("GODEBUG", "disablethp=1")
	if heapInHugePages(renderHeap) {
		t.Fatal("heapInHugePages marked the heap under GODEBUG=disablethp=1")
	}
}
