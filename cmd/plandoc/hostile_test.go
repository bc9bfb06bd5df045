//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A plan, template or font path that names a device or a FIFO gets a clear
// error at once: never an exhausted memory, never a wait for ever.
func TestDevicesAndFIFOsAreRefused(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "plan.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(dir, "templates")
	fontDir := filepath.Join(dir, "fonts")
	os.Mkdir(tpl, 0o755)
	os.Mkdir(fontDir, 0o755)
	if err := syscall.Mkfifo(filepath.Join(tpl, "annex.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(fontDir, "times.ttf"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", zero}, "reading plan: " + zero + " is not a regular file"},
		{[]string{"render", "-o", t.TempDir(), zero}, "reading plan: " + zero + " is not a regular file"},
		{[]string{"check", "-templates", tpl}, "reading template: " + filepath.Join(tpl, "annex.toml") + " is not a regular file"},
		{[]string{"render", "-o", t.TempDir(), "-fonts", fontDir}, "reading font: " + filepath.Join(fontDir, "times.ttf") + " is not a regular file"},
		{[]string{"import", zero}, "reading source: " + zero + " is not a regular file"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != 1 || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d\n%s%s\nwant exit 1 and %q", c.args, code, out, errOut, c.want)
		}
	}
}
