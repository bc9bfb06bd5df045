// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"hash/adler32"
	"io"
	"math/rand"
	"testing"
)

// A stream compressed through NewDeflater, given compress/flate's own
// writer, is what compress/zlib writes at BestSpeed: header, stream and
// checksum; and so is one compressed without it.
func TestNewDeflaterWritesZlibsStream(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	random := make([]byte, 100<<10)
	r.Read(random)
	text := bytes.Repeat([]byte("BT /F1 12 Tf 72 712 Td (Chuong trinh cong tac) Tj ET\n"), 2000)
	defer func(old func(io.Writer) io.WriteCloser) { NewDeflater = old }(NewDeflater)
	for _, in := range [][]byte{nil, []byte("q"), text, random, make([]byte, 128<<10)} {
		var want bytes.Buffer
		zw, err := zlib.NewWriterLevel(&want, zlib.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(in)
		zw.Close()
		for _, deflater := range []func(io.Writer) io.WriteCloser{nil, func(w io.Writer) io.WriteCloser {
			fw, _ := flate.NewWriter(w, flate.BestSpeed)
			return fw
		}} {
			NewDeflater = deflater
			mem := xmem.compress(in)
			if !bytes.Equal(mem.bytes(), want.Bytes()) {
				t.Errorf("%d bytes, deflater set %v: the stream is not compress/zlib's", len(in), deflater != nil)
			}
			mem.release()
		}
	}
}

// A CID-to-glyph map's checksum taken from its codes is the one read from
// its bytes, whichever codes and glyphs it holds, the first and last
// included.
func TestSparseAdler32IsAdler32(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	var m [256 * 256 * 2]byte
	for trial := range 500 {
		codes := map[int]int{}
		switch trial {
		case 0: // none
		case 1:
			codes[1], codes[65535] = 0xffff, 0xffff
		default:
			for range rng.Intn(3000) {
				codes[1+rng.Intn(65535)] = rng.Intn(1 << 16)
			}
		}
		for cc, glyph := range codes {
			m[cc*2], m[cc*2+1] = byte(glyph>>8), byte(glyph)
		}
		if got, want := sparseAdler32(m[:], codes), adler32.Checksum(m[:]); got != want {
			t.Fatalf("%d codes: checksum %#x, want %#x", len(codes), got, want)
		}
		for cc := range codes {
			m[cc*2], m[cc*2+1] = 0, 0
		}
	}
}
