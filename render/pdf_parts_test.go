package render

import (
	"bytes"
	"math/rand"
	"testing"
)

// A file put together by partsWriter is what was written, in order, its
// size counted as it grows, large pieces kept as parts of their own.
func TestPartsWriterKeepsWhatWasWritten(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	var w partsWriter
	var want []byte
	for range 300 {
		piece := bytes.Repeat([]byte{byte('a' + r.Intn(26))}, r.Intn(3*ownPart))
		if r.Intn(2) == 0 {
			w.buf.Write(piece)
		} else {
			w.write(piece)
		}
		want = append(want, piece...)
		if w.size() != len(want) {
			t.Fatalf("size %d; want %d", w.size(), len(want))
		}
	}
	parts := w.done()
	if !bytes.Equal(parts.join(), want) || parts.size() != len(want) {
		t.Fatalf("the parts hold %d bytes; want the %d written, in order", parts.size(), len(want))
	}
	if len(parts) < 10 {
		t.Fatalf("%d parts: large pieces must stay parts of their own", len(parts))
	}
}
