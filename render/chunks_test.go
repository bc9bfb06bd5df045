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
	for i, b := range c.blocks[:len(c.blocks)-1] {
		if len(b) != chunkSize {
			t.Fatalf("block %d holds %d bytes; all but the last are full", i, len(b))
		}
	}
}
