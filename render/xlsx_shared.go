package render

import (
	"bytes"
	"hash/crc32"
	"sync"
)

// Every workbook of a render holds some parts with the same bytes: the
// styles (copied from one file, styledFile), excelize's theme, the package
// and workbook relationships, the application properties, and among
// workbooks of one kind their guide sheet, a chart sheet and its drawing;
// a fifth of the real plan's workbook bytes, and a third of its parts.
// Compressing the same bytes gives the same bytes, so a part of at most
// smallPart bytes is compressed once per process and the result given to
// every workbook that holds it: most parts are small, and for a small one
// building its Huffman tables is most of compressing it.
const smallPart = 16 << 10

// maxSharedParts bounds what a process keeps: a part with bytes of its own
// once this many are kept is compressed for its workbook alone (at most 4
// MB kept). A render's workbooks hold a few dozen different small parts;
// those of a plan of fifty departments, three hundred.
const maxSharedParts = 256

// compressedPart is a part's compressed bytes, with the checksum and size
// of what they hold.
type compressedPart struct {
	compressed []byte
	crc        uint32
	size       uint64
}

// sharedParts holds the compressed parts by their bytes: what a part
// compresses to depends on its bytes alone, not on its name.
var sharedParts = struct {
	sync.Mutex
	byContent map[string]compressedPart
}{byContent: map[string]compressedPart{}}

// compressShared compresses a small part's bytes, or gives the bytes it
// compressed before.
func compressShared(content []byte) (compressedPart, error) {
	sharedParts.Lock()
	c, ok := sharedParts.byContent[string(content)]
	sharedParts.Unlock()
	if ok {
		return c, nil
	}
	var buf bytes.Buffer
	d := fastDeflate(&buf)
	if _, err := d.Write(content); err != nil {
		return c, err
	}
	if err := d.Close(); err != nil {
		return c, err
	}
	c = compressedPart{compressed: buf.Bytes(), crc: crc32.ChecksumIEEE(content), size: uint64(len(content))}
	sharedParts.Lock()
	defer sharedParts.Unlock()
	if len(sharedParts.byContent) < maxSharedParts {
		sharedParts.byContent[string(content)] = c
	}
	return c, nil
}
