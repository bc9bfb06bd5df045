package render

import (
	"bytes"
	"math/rand"
	"testing"
)

// chunks hold what a bytes.Buffer would, across block boundaries.
func TestChunksHoldWhatABufferHolds(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var c chunks
	var want bytes.Buffer
	for step := 0; step < 500; step++ {
		p := bytes.Repeat([]byte{byte('a' + step%26)}, r.Intn(chunkSize/3))
		if n, err := c.Write(p); n != len(p) || err != nil {
			t.Fatalf("Write: %d, %v; want %d, nil", n, err, len(p))
		}
		want.Write(p)
	}
	var got bytes.Buffer
	n, err := c.WriteTo(&got)
	if err != nil || n != int64(want.Len()) || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("WriteTo: %d bytes, %v; equal: %v", n, err, bytes.Equal(got.Bytes(), want.Bytes()))
	}
	if len(c.blocks) < 3 {
		t.Fatalf("%d blocks: the test must cross block boundaries", len(c.blocks))
	}
	size := firstChunk
	for i, b := range c.blocks {
		if i > 0 {
			size = min(2*size, chunkSize)
		}
		if cap(b) != size {
			t.Fatalf("block %d is %d bytes; want %d (doubling from %d to %d)", i, cap(b), size, firstChunk, chunkSize)
		}
		if i < len(c.blocks)-1 && len(b) != cap(b) {
			t.Fatalf("block %d holds %d bytes of %d; all but the last are full", i, len(b), cap(b))
		}
	}
}

// A run of a few rows takes a few kilobytes, not a whole block of the
// largest size.
func TestChunksOfAFewRowsAreSmall(t *testing.T) {
	var c chunks
	c.Write(bytes.Repeat([]byte("<row/>"), 100))
	if len(c.blocks) != 1 || cap(c.blocks[0]) != firstChunk {
		t.Fatalf("600 bytes took %d blocks, the first of %d bytes; want one of %d", len(c.blocks), cap(c.blocks[0]), firstChunk)
	}
}
