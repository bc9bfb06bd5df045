// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"io"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zwriters holds zlib writers for reuse (plandoc's patch): a new one
// allocates and clears about a megabyte of compressor state, which cost
// more than compressing a page's stream. Reset gives the same bytes as a
// new writer.
var zwriters = sync.Pool{New: func() any {
	zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}}

// NewDeflater, when set, makes the deflate writer each stream is
// compressed with, instead of compress/zlib's at BestSpeed (plandoc's
// patch: plandoc compresses with its own copy of compress/flate, so a
// document's bytes do not change with the Go release that builds it). The
// zlib header and checksum around the stream are written as compress/zlib
// writes them at BestSpeed; the writer's Close ends the stream.
var NewDeflater func(w io.Writer) io.WriteCloser

// zlibBestSpeed is the header compress/zlib writes at BestSpeed.
var zlibBestSpeed = [2]byte{0x78, 0x01}

func (pool *xmempool) compress(data []byte) *membuffer {
	return pool.compressSummed(data, adler32.Checksum)
}

// compressSummed is compress given how to take data's Adler-32 checksum,
// for data whose checksum is known more cheaply than by reading it all
// (plandoc's patch: a CID-to-glyph map is 128 KB of which a document sets
// a few hundred bytes).
func (pool *xmempool) compressSummed(data []byte, checksum func([]byte) uint32) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))

	if NewDeflater != nil {
		buf.Write(zlibBestSpeed[:])
		dw := NewDeflater(buf)
		if _, err := dw.Write(data); err != nil {
			panic(fmt.Errorf("could not zlib-compress slice: %w", err))
		}
		if err := dw.Close(); err != nil {
			panic(fmt.Errorf("could not close zlib writer: %w", err))
		}
		var sum [4]byte
		binary.BigEndian.PutUint32(sum[:], checksum(data))
		buf.Write(sum[:])
		return mem
	}
	zw := zwriters.Get().(*zlib.Writer)
	defer zwriters.Put(zw)
	zw.Reset(buf)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	return mem
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
