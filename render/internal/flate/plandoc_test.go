// Copyright 2026 The plandoc Authors. Use of this source code is governed
// by a BSD-style license that can be found in the LICENSE file.

package flate

import (
	"bytes"
	std "compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// corpus is what plandoc compresses, and what a compressor finds hard:
// the fonts it embeds, sheet XML, page operators, a CID-to-glyph map (long
// runs of zeros), random bytes, and short and empty inputs.
func corpus(t testing.TB) map[string][]byte {
	t.Helper()
	c := map[string][]byte{"empty": nil, "one byte": []byte("x"), "zeros 300 KB": make([]byte, 300<<10)}
	fonts, err := filepath.Glob("../../../fonts/*.ttf")
	if err != nil || len(fonts) == 0 {
		t.Fatalf("the embedded fonts: %v (%d found)", err, len(fonts))
	}
	for _, f := range fonts {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c[filepath.Base(f)] = b
	}
	var sheet strings.Builder
	for row := 1; row <= 2000; row++ {
		fmt.Fprintf(&sheet, `<row r="%d" ht="%d" customHeight="1"><c r="A%d" s="3" t="inlineStr"><is><t>Tổ chức hội nghị %d</t></is></c><c r="B%d" s="4"><v>%d</v></c></row>`, row, 15+row%40, row, row*7, row, row%12)
	}
	c["sheet XML"] = []byte(sheet.String())
	var page strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&page, "BT /F%x 12.00 Tf %.2f %.2f Td (\\000C\\000h\\00%o) Tj ET\n", i%4, float64(i%500)*1.13, float64(i%700)*0.97, i%8)
	}
	c["page"] = []byte(page.String())
	cid := make([]byte, 128<<10)
	r := rand.New(rand.NewSource(1))
	for _, cc := range r.Perm(0x1f00)[:300] {
		cid[2*cc+1] = byte(r.Intn(255) + 1)
	}
	c["CID map"] = cid
	random := make([]byte, 200<<10)
	r.Read(random)
	c["random"] = random
	mixed := append(append(append([]byte{}, random[:70<<10]...), make([]byte, 70<<10)...), c["sheet XML"][:70<<10]...)
	c["mixed"] = mixed
	return c
}

// compress writes in with w, made by newWriter, in pieces of size step
// (all at once when 0), flushing after the first piece when flush is set.
func compress(t *testing.T, in []byte, step int, flush bool, w io.WriteCloser, flusher func() error) {
	t.Helper()
	if step == 0 {
		step = len(in) + 1
	}
	for i := 0; i < len(in); i += step {
		if _, err := w.Write(in[i:min(i+step, len(in))]); err != nil {
			t.Fatal(err)
		}
		if flush && i == 0 {
			if err := flusher(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// The copy writes what Go's compress/flate writes, byte for byte, at every
// level, however the input is written, flushed, reset or primed with a
// dictionary.
func TestSameBytesAsGo(t *testing.T) {
	inputs := corpus(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range inputs {
			if !yield(name) {
				return
			}
		}
	})
	levels := []int{HuffmanOnly, DefaultCompression, NoCompression, BestSpeed, 2, 3, 4, 5, 6, 7, 8, BestCompression}
	dict := []byte("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Chương trình công tác</t></is></c></row>")
	for _, name := range names {
		in := inputs[name]
		for _, level := range levels {
			for _, way := range []struct {
				step  int
				flush bool
				dict  bool
			}{{0, false, false}, {1000, false, false}, {4096, true, false}, {0, false, true}} {
				var want, got bytes.Buffer
				sw, err := std.NewWriterDict(&want, level, pick(way.dict, dict))
				if err != nil {
					t.Fatal(err)
				}
				compress(t, in, way.step, way.flush, sw, sw.Flush)
				ow, err := NewWriterDict(&got, level, pick(way.dict, dict))
				if err != nil {
					t.Fatal(err)
				}
				compress(t, in, way.step, way.flush, ow, ow.Flush)
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("%s at level %d (pieces of %d, flush %v, dictionary %v): %d bytes, Go writes %d other ones",
						name, level, way.step, way.flush, way.dict, got.Len(), want.Len())
				}
				// A writer reset writes what a new one writes.
				got.Reset()
				ow.Reset(&got)
				compress(t, in, way.step, way.flush, ow, ow.Flush)
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("%s at level %d: a reset writer writes other bytes", name, level)
				}
			}
		}
	}
}

func pick(yes bool, dict []byte) []byte {
	if yes {
		return dict
	}
	return nil
}

// golden is the sha256 of what Go 1.26.8's compress/flate writes at
// BestSpeed, the level plandoc uses, for the corpus: the copy keeps these
// bytes whatever release of Go builds it.
var golden = map[string]string{
	"CID map":                        "af3a2e75232d6478b2cae8fe854099e3a5e6f29e7fbe741334ad1d274bdb8252",
	"LiberationSerif-Bold.ttf":       "40d135ddf71f9278430eae8073020491480e2d86e571acddb931085e4389526f",
	"LiberationSerif-BoldItalic.ttf": "94da856a1cba979ac307a88d38a4a28b203ce9205533f714f2d4d02302991adc",
	"LiberationSerif-Italic.ttf":     "42c98d1437a3f99a4a3d749e5abc589f00804e4d6dcd02862bcd1d81901b172b",
	"LiberationSerif-Regular.ttf":    "48c6f6dfc2f3c779c413bc4ae2480c01ad49447e602c0bf17bd8c0e1e1b67cf0",
	"empty":                          "f067985d352d2da6dfaef4844a66d06c5371ecbd9530a4d195ac599fef8b3427",
	"mixed":                          "1b975c613d7f2064753e1cd636f3e5b287301ed510d0a1c8c52848fa08e23cfa",
	"one byte":                       "e6d41a18584aa523f8883b5677b9f960cb370b5608f6da26f38b9c8621e17e46",
	"page":                           "b5dd55cb7ef56e9c07e757cd362794d99cbcb333525412c8b02960bc03757125",
	"random":                         "84c7d7dbdd37ab5cf5b070c412fc3b397f18ad0f2f28272d10c252bd2786e135",
	"sheet XML":                      "19bee632dd8f7a4e4d322b9d6780a31f40dcec136510b3c4f1dd474e57a8b885",
	"zeros 300 KB":                   "62a91d69f4ffc4e133e2876646ea069d5d00d5a62235dfa4c5dda202d8f7aa72",
}

func TestGoldenBytesAtBestSpeed(t *testing.T) {
	inputs := corpus(t)
	if len(golden) != len(inputs) {
		t.Fatalf("%d golden sums for %d inputs", len(golden), len(inputs))
	}
	for name, in := range inputs {
		var b bytes.Buffer
		w, _ := NewWriter(&b, BestSpeed)
		w.Write(in)
		w.Close()
		sum := sha256.Sum256(b.Bytes())
		if got := hex.EncodeToString(sum[:]); got != golden[name] {
			t.Errorf("%s: compressed to sha256 %s; Go 1.26.8 wrote %s", name, got, golden[name])
		}
	}
}

// The copy reads what it writes, and what Go writes.
func TestRoundTrip(t *testing.T) {
	for name, in := range corpus(t) {
		var b bytes.Buffer
		w, _ := NewWriter(&b, BestSpeed)
		w.Write(in)
		w.Close()
		out, err := io.ReadAll(NewReader(bytes.NewReader(b.Bytes())))
		if err != nil || !bytes.Equal(out, in) {
			t.Errorf("%s: read back %d bytes (%v), wrote %d", name, len(out), err, len(in))
		}
		out, err = io.ReadAll(std.NewReader(bytes.NewReader(b.Bytes())))
		if err != nil || !bytes.Equal(out, in) {
			t.Errorf("%s: Go's reader read back %d bytes (%v), wrote %d", name, len(out), err, len(in))
		}
	}
}

// commonPrefix finds what comparing a byte at a time finds.
func TestCommonPrefixIsBytewise(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 20000 {
		n := r.Intn(300)
		a := make([]byte, n)
		r.Read(a)
		b := append(append([]byte{}, a...), byte(r.Intn(256)))
		if n > 0 && r.Intn(3) > 0 {
			b[r.Intn(n)] ^= byte(r.Intn(255) + 1)
		}
		want := 0
		for want < n && a[want] == b[want] {
			want++
		}
		if got := commonPrefix(a, b); got != want {
			t.Fatalf("commonPrefix of %d bytes = %d; byte by byte %d", n, got, want)
		}
	}
}

// The sorts on packed keys order as sort.Sort with upstream's Less does.
func TestSortsAreSortSorts(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for range 2000 {
		n := r.Intn(maxNumLit)
		list := make([]literalNode, n)
		for i, lit := range r.Perm(maxNumLit)[:n] {
			list[i] = literalNode{literal: uint16(lit), freq: int32(r.Intn(1 + r.Intn(1<<20)))}
		}
		want := slices.Clone(list)
		sort.Sort(byFreq(want))
		got := slices.Clone(list)
		var f byFreq
		f.sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("byFreq of %d nodes: order differs from sort.Sort", n)
		}
		// In literal order, as generate makes the list: sorted by radix.
		inOrder := slices.Clone(list)
		slices.SortFunc(inOrder, func(a, b literalNode) int { return int(a.literal) - int(b.literal) })
		f.sort(inOrder)
		if !slices.Equal(inOrder, want) {
			t.Fatalf("byFreq of %d nodes in literal order: order differs from sort.Sort", n)
		}
		want = slices.Clone(list)
		sort.Sort(byLiteral(want))
		var l byLiteral
		l.sort(list)
		if !slices.Equal(list, want) {
			t.Fatalf("byLiteral of %d nodes: order differs from sort.Sort", n)
		}
	}
	// Literals generate never makes (repeated, or past maxNumLit) are
	// sorted by literal, then frequency, all kept.
	for _, list := range [][]literalNode{
		{{7, 3}, {2, 9}, {7, 1}, {0, 4}},
		{{maxNumLit + 3, 1}, {5, 2}, {maxNumLit, 7}},
	} {
		want := slices.Clone(list)
		slices.SortFunc(want, func(a, b literalNode) int {
			if a.literal != b.literal {
				return int(a.literal) - int(b.literal)
			}
			return int(a.freq - b.freq)
		})
		var l byLiteral
		l.sort(list)
		if !slices.Equal(list, want) {
			t.Fatalf("byLiteral of %v: got %v", want, list)
		}
	}
}

// A writer at BestSpeed no longer carries the hash chains of the slower
// levels (640 KB) nor tokens for a whole block before it needs them.
func TestBestSpeedWriterIsSmaller(t *testing.T) {
	size := func(newWriter func() any) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		w := newWriter()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(w)
		return after.TotalAlloc - before.TotalAlloc
	}
	ours := size(func() any { w, _ := NewWriter(io.Discard, BestSpeed); return w })
	gos := size(func() any { w, _ := std.NewWriter(io.Discard, BestSpeed); return w })
	if ours+800<<10 > gos {
		t.Errorf("a BestSpeed writer takes %d bytes, Go's %d: want 800 KB less", ours, gos)
	}
}

// BenchmarkBestSpeedCorpus compresses the corpus, each input with a writer
// reset for it, as plandoc compresses its streams.
func BenchmarkBestSpeedCorpus(b *testing.B) {
	inputs := corpus(b)
	names := slices.Sorted(maps.Keys(inputs))
	total := 0
	for _, name := range names {
		total += len(inputs[name])
	}
	w, err := NewWriter(io.Discard, BestSpeed)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, name := range names {
			w.Reset(io.Discard)
			w.Write(inputs[name])
			w.Close()
		}
	}
}
