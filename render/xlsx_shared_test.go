package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"testing"
)

// Every part of the workbooks is the bytes compressing it alone gives,
// whether it was compressed for its workbook or taken, compressed once,
// from the parts kept: each small part (at most smallPart bytes) is kept
// once, so a render keeps as many as its workbooks hold different small
// parts, fewer than they hold in all.
func TestSharedPartsAsCompressedAlone(t *testing.T) {
	p := bundledPlan(t)
	sharedParts.Lock()
	sharedParts.byContent = map[string]compressedPart{} // as in a new process
	sharedParts.Unlock()
	res, err := Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	small, different, books := 0, map[string]bool{}, 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".xlsx") {
			continue
		}
		books++
		data := f.Data()
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			raw, err := zf.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			compressed, _ := io.ReadAll(raw)
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			content, err := io.ReadAll(rc)
			if err != nil {
				t.Fatalf("%s %s: %v", f.Path, zf.Name, err)
			}
			var alone bytes.Buffer
			d := fastDeflate(&alone)
			d.Write(content)
			d.Close()
			if zf.Name != contentTypesPart && !bytes.Equal(compressed, alone.Bytes()) {
				t.Errorf("%s %s is not what compressing it alone gives", f.Path, zf.Name)
			}
			if len(content) <= smallPart && zf.Name != contentTypesPart {
				small++
				different[string(content)] = true
			}
		}
	}
	if books != 12 {
		t.Fatalf("%d workbooks; the 2021 plan has 12", books)
	}
	if n := keptParts(); n != len(different) || n >= small {
		t.Errorf("%d parts kept; the workbooks' %d small parts are %d different ones", n, small, len(different))
	}
	t.Logf("%d small parts, %d different", small, len(different))
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
