package render

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The workbooks are the same bytes whether the parts they share are
// compressed once or each in its own workbook; and they are shared: the
// 2021 workbooks' 60 shared parts are 8 different ones (the workbook
// relationships in four forms), each kept once.
func TestSharedPartsAsCompressedAlone(t *testing.T) {
	p := bundledPlan(t)
	build := func() map[string]string {
		res, err := Build(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sums := map[string]string{}
		for _, f := range res.Files {
			if strings.HasSuffix(f.Path, ".xlsx") {
				sums[f.Path] = f.SHA256
			}
		}
		return sums
	}
	sharedParts.Lock()
	sharedParts.byContent = map[string]compressedPart{} // as in a new process
	sharedParts.Unlock()
	shared := build()
	if n := keptParts(); n != 8 {
		t.Errorf("%d shared parts kept; the 2021 workbooks hold 8 different ones", n)
	}
	names := sharedPartNames
	sharedPartNames = map[string]bool{} // each workbook compresses its own
	alone := build()
	sharedPartNames = names
	if len(shared) != 12 {
		t.Fatalf("%d workbooks; the 2021 plan has 12", len(shared))
	}
	for path, sum := range shared {
		if alone[path] != sum {
			t.Errorf("%s differs when its parts are compressed alone", path)
		}
	}
}

func keptParts() int {
	sharedParts.Lock()
	defer sharedParts.Unlock()
	return len(sharedParts.byContent)
}

// Past maxSharedParts a part is compressed for its workbook alone, whole.
func TestSharedPartsKeepAtMostTheirBound(t *testing.T) {
	for i := range maxSharedParts + 10 {
		content := []byte(fmt.Sprintf("<styleSheet>%d</styleSheet>", i))
		c, err := compressShared(content)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(c.compressed)))
		if err != nil || !bytes.Equal(got, content) || c.size != uint64(len(content)) {
			t.Fatalf("part %d: %q, %v; want its %d bytes back", i, got, err, len(content))
		}
	}
	if n := keptParts(); n > maxSharedParts {
		t.Errorf("%d parts kept; at most %d", n, maxSharedParts)
	}
}
