//go:build unix

package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Read refuses what is not a regular file, or too large, before reading:
// a link to /dev/zero would fill memory, a FIFO wait for ever.
func TestReadTakesRegularFilesWithinTheLimit(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "plan.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "annex.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, 2<<20), 0o644)
	ok := filepath.Join(dir, "ok.toml")
	os.WriteFile(ok, []byte("schema = 1\n"), 0o644)
	for path, want := range map[string]string{
		zero:                            "reading plan: " + zero + " is not a regular file",
		fifo:                            "reading plan: " + fifo + " is not a regular file",
		dir:                             "reading plan: " + dir + " is not a regular file",
		big:                             "reading plan: " + big + " is 2.0 MB; a plan is at most 1 MB",
		filepath.Join(dir, "none.toml"): "reading plan: stat " + filepath.Join(dir, "none.toml") + ": no such file",
	} {
		if _, err := Read(path, 1<<20, "plan"); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Read(%s) = %v; want %q", filepath.Base(path), err, want)
		}
	}
	if raw, err := Read(ok, 1<<20, "plan"); err != nil || string(raw) != "schema = 1\n" {
		t.Errorf("Read(ok.toml) = %q, %v", raw, err)
	}
}
