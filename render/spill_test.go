package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spillEverything makes every output large enough to spill, for a test.
func spillEverything(t *testing.T) {
	before := spillAbove
	spillAbove = 0
	t.Cleanup(func() { spillAbove = before })
}

// temps lists the temporary files under dir.
func temps(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), ".plandoc-") && strings.HasSuffix(d.Name(), ".tmp") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// Outputs spilled into the folder while the render runs end up the same
// bytes as outputs kept in memory, and nothing temporary is left.
func TestSpilledOutputsAreTheSameFiles(t *testing.T) {
	spillEverything(t)
	p := bundledPlan(t)
	inMemory, spilled := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	res, err := Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(inMemory, res, WriteLog{}); err != nil {
		t.Fatal(err)
	}
	res, err = Build(p, Options{SpillInto: spilled})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.parts != nil {
			t.Fatalf("%s stayed in memory", f.Path)
		}
	}
	if got := temps(t, spilled); len(got) != len(res.Files) {
		t.Fatalf("%d spilled files for %d outputs: %v", len(got), len(res.Files), got)
	}
	if err := WriteAll(spilled, res, WriteLog{}); err != nil {
		t.Fatal(err)
	}
	if err := consistent(spilled); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(filepath.Join(inMemory, manifestName))
	b, _ := os.ReadFile(filepath.Join(spilled, manifestName))
	if string(a) != string(b) || len(a) == 0 {
		t.Errorf("the manifests differ:\n%s\n%s", a, b)
	}
	if left := temps(t, spilled); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// While a render holds its folder, another cannot take it; a render that
// is not written releases it and removes what it spilled; a run killed
// after spilling leaves temporary files the next render removes.
func TestSpillingHoldsTheFolder(t *testing.T) {
	spillEverything(t)
	p := bundledPlan(t)
	dir := filepath.Join(t.TempDir(), "out")
	res, err := Build(p, Options{SpillInto: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(p, Options{SpillInto: dir}); err == nil || !strings.Contains(err.Error(), "is writing into "+dir) {
		t.Errorf("a second render into the held folder: %v", err)
	}
	if err := WriteAll(filepath.Join(t.TempDir(), "elsewhere"), res, WriteLog{}); err == nil || !strings.Contains(err.Error(), "cannot be written into") {
		t.Errorf("spilled outputs written elsewhere: %v", err)
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("a render not written left %v", left)
	}

	// Killed after spilling: its files stay until the next render.
	res, err = Build(p, Options{SpillInto: dir})
	if err != nil {
		t.Fatal(err)
	}
	res.folder.unlock() // as the death of the process would
	res.folder = nil
	if len(temps(t, dir)) == 0 {
		t.Fatal("nothing was spilled")
	}
	res, err = Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(dir, res, WriteLog{}); err != nil {
		t.Fatal(err)
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("the next render left a dead run's files: %v", left)
	}
	if err := consistent(dir); err != nil {
		t.Error(err)
	}
}
