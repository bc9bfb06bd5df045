package safefile

import (
	"bytes"
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

// A file given as parts is written as their concatenation, by Write and
// by Stage, Sync and Install alike.
func TestPartsAreWrittenInOrder(t *testing.T) {
	dir := t.TempDir()
	parts := [][]byte{[]byte("%PDF-1.4\n"), nil, []byte("1 0 obj\n"), make([]byte, 70000), []byte("%%EOF\n")}
	var want []byte
	for _, p := range parts {
		want = append(want, p...)
	}
	written := filepath.Join(dir, "written.pdf")
	if err := Write(written, parts...); err != nil {
		t.Fatal(err)
	}
	spilled := filepath.Join(dir, "spilled.pdf")
	tmp, err := Stage(spilled, parts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := Sync(tmp, spilled); err != nil {
		t.Fatal(err)
	}
	if err := Install(tmp, spilled); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{written, spilled} {
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, %v; want the %d bytes of the parts in order", path, len(got), err, len(want))
		}
	}
}

// countingWriter counts the writes it is given.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// Many parts are gathered into few writes, in order; a few are written as
// they are.
func TestManyPartsAreGathered(t *testing.T) {
	for _, c := range []struct {
		parts, size, maxWrites int
	}{{3, 100, 3}, {gatherParts, 10, gatherParts}, {25000, 3000, 75}, {200, 3 << 20, 200}} {
		var parts [][]byte
		var want []byte
		for i := range c.parts {
			part := bytes.Repeat([]byte{byte(i)}, c.size+i%7)
			parts = append(parts, part)
			want = append(want, part...)
		}
		var w countingWriter
		if err := writeParts(&w, parts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Bytes(), want) {
			t.Errorf("%d parts of %d bytes: written differ from the parts in order", c.parts, c.size)
		}
		if w.writes > c.maxWrites {
			t.Errorf("%d parts of %d bytes in %d writes; want at most %d", c.parts, c.size, w.writes, c.maxWrites)
		}
	}
}

// A staging file a dead run left is replaced, not written through: a
// link put under its name would otherwise take the write elsewhere.
func TestStageReplacesWhatIsLeftUnderItsName(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "annex.pdf")
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, StagingName(dst)); err != nil {
		t.Fatal(err)
	}
	tmp, err := Stage(dst, []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	if tmp != filepath.Join(dir, ".plandoc-annex.pdf.tmp") {
		t.Errorf("staged as %s; want .plandoc-annex.pdf.tmp beside annex.pdf", tmp)
	}
	if got, _ := os.ReadFile(victim); string(got) != "keep me" {
		t.Errorf("the link's target now holds %q", got)
	}
	info, err := os.Lstat(tmp)
	if err != nil || !info.Mode().IsRegular() {
		t.Fatalf("the staging file is %v, %v; want a regular file", info, err)
	}
	if err := Sync(tmp, dst); err != nil {
		t.Fatal(err)
	}
	if err := Install(tmp, dst); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(dst); string(got) != "new" {
		t.Errorf("annex.pdf holds %q", got)
	}
}
