package render

import (
	"os"
	"testing"
)

// maxProgramSize is the most plandoc's program may weigh (15.4 MB on
// linux/amd64 at the end of issue 15's fourth session). Excelize calls
// formula functions by name, so the linker keeps every exported method of
// any type held as an interface: one generic sync.OnceValues holding an
// *excelize.File made the program 4 MB heavier and each start slower.
const maxProgramSize = 16 << 20

func TestProgramSize(t *testing.T) {
	bin, err := plandocBinary()
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > maxProgramSize {
		t.Fatalf("plandoc's program is %.1f MB, more than %d MB: a change made the linker keep code it dropped before (go build -ldflags=-dumpdep shows why)", float64(info.Size())/(1<<20), maxProgramSize>>20)
	}
}
