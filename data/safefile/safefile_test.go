package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "sub", "plan.toml")
	for _, content := range []string{"schema = 1\n", "schema = 1\n# second\n"} {
		if err := Write(dst, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(dst)
		if err != nil || string(got) != content {
			t.Errorf("read back %q, %v; want %q", got, err, content)
		}
	}
	if info, _ := os.Stat(dst); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v; want 0644", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(filepath.Dir(dst)); len(entries) != 1 {
		t.Errorf("folder holds %v; want the file alone", entries)
	}
}

func TestWriteIntoAFolderThatCannotBeMadeFails(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(blocker, "plan.toml"), []byte("x")); err == nil {
		t.Errorf("writing under a file succeeded")
	}
}
