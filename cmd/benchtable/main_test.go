package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The table has its header and one row per size, with the peer's figure
// and the ratio to it.
func TestTablePrintsARowPerSize(t *testing.T) {
	peer := filepath.Join(t.TempDir(), "peer.txt")
	if err := os.WriteFile(peer, []byte("# Typst\n72 0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"-sizes", "72,50", "-runs", "1", "-small-runs", "1", "-peer", peer}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "| plan | annex only | peer annex | ratio | whole render |") {
		t.Fatalf("table:\n%s", out.String())
	}
	row := regexp.MustCompile(`^\| 72 tasks \| (\d+\.\d{3}) s \| 0\.500 s \| (\d+\.\d\d) \| (\d+\.\d{3}) s \| \d+ MB \| \d+ \| \d+ \|$`)
	if !row.MatchString(lines[2]) {
		t.Errorf("the 2021 row %q", lines[2])
	}
	if !strings.HasPrefix(lines[3], "| 50 tasks |") || !strings.Contains(lines[3], "| – | – |") {
		t.Errorf("a size without a peer figure: %q", lines[3])
	}
}

func TestBadPeerFileIsRefused(t *testing.T) {
	peer := filepath.Join(t.TempDir(), "peer.txt")
	if err := os.WriteFile(peer, []byte("72 fast\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"-peer", peer}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), peer+":1: want \"TASKS SECONDS\"") {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
}

// A render that fails stops the table with plandoc's own message: its
// errors are kept when what it prints is not.
func TestFailingRenderIsReported(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "plandoc")
	if out, err := exec.Command("go", "build", "-o", bin, "../plandoc").CombinedOutput(); err != nil {
		t.Fatalf("building plandoc: %v\n%s", err, out)
	}
	_, _, err := measure(bin, t.TempDir(), 1, filepath.Join(t.TempDir(), "missing.toml"))
	if err == nil || !strings.Contains(err.Error(), "plandoc render: no output written") || !strings.Contains(err.Error(), "missing.toml") {
		t.Fatalf("error %v; want plandoc's message naming the plan", err)
	}
}
