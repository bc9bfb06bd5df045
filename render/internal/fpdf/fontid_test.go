// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"testing"
	"time"
)

// The id written straight into the hash is the SHA-1 of encoding/json's
// bytes, as upstream computes it.
func TestFontDefSHA1IsTheJSONs(t *testing.T) {
	widths := make([]int32, 65536)
	for i := range widths {
		widths[i] = int32((i * 7919) % 2048)
	}
	// Runs of every length, long ones past a copied block, as a font's
	// widths have them (most code points without a glyph).
	runs := make([]int32, 65536)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < len(runs); {
		n := 1 + r.Intn([]int{2, 30, 3000, 40000}[r.Intn(4)])
		v := []int32{0, 65535, int32(r.Intn(2048)), -int32(r.Intn(100))}[r.Intn(4)]
		for k := i; k < min(i+n, len(runs)); k++ {
			runs[k] = v
		}
		i += n
	}
	for _, def := range []fontDefType{
		{Tp: "UTF8", Name: "runs", Cw: runs},
		{Tp: "UTF8", Name: "one run", Cw: make([]int32, 65536)},
		{Tp: "UTF8", Name: "one width", Cw: []int32{7}},
		{Tp: "UTF8", Name: "no widths", Cw: []int32{}},
		{Tp: "UTF8", Name: "liberationserifB", Cw: widths, Up: -109, Ut: 49,
			Desc: FontDescType{Ascent: 891, Descent: -216, CapHeight: 662, Flags: 262148, FontBBox: fontBoxType{-568, -307, 2000, 1007}, ItalicAngle: -12, StemV: 165, MissingWidth: 778}},
		{Tp: "TrueType", Name: "odd <name> & \"quote\" é\u2028", Enc: "cp1252", Diff: "1 /a 2 /b", Size1: 3, Size2: 4, OriginalSize: 5, N: 6, DiffN: 7},
		{},
	} {
		b, err := json.Marshal(&def)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%x", sha1.Sum(b))
		if got, err := fontDefSHA1(&def); err != nil || got != want {
			t.Errorf("%q: id %s, %v; encoding/json's gives %s", def.Name, got, err, want)
		}
	}
}

// putText writes what Text wrote through fmt, for any position, in the
// fill's colour and in a colour of its own.
func TestPutTextIsSprintf(t *testing.T) {
	for _, coloured := range []bool{false, true} {
		for _, xy := range [][2]float64{{0, 0}, {10.005, 297}, {-0.004, 1e-9}, {123.456789, 88.8849999}, {1e6, -3.14159}} {
			f := New("P", "mm", "A4", "")
			f.AddPage()
			if coloured {
				f.SetFillColor(230, 230, 230)
				f.SetTextColor(200, 0, 0)
			}
			if f.colorFlag != coloured {
				t.Fatalf("colour flag %v; the test wants %v", f.colorFlag, coloured)
			}
			f.pages[f.page].Reset()
			f.putText(xy[0], xy[1], "(esc)")
			want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", xy[0]*f.k, (f.h-xy[1])*f.k, "(esc)")
			if coloured {
				want = fmt.Sprintf("q %s %s Q", f.color.text.str, want)
			}
			if got := f.pages[f.page].String(); got != want+"\n" {
				t.Errorf("at %v, coloured %v: %q, fmt writes %q", xy, coloured, got, want+"\n")
			}
		}
	}
}

// The escaped UTF-16 written in one pass is what escape(utf8toutf16(s))
// gives, for texts with every escape, every UTF-8 length fpdf handles.
func TestUTF16EscapedInOnePass(t *testing.T) {
	f := New("P", "mm", "A4", "")
	for _, s := range []string{"", "Văn phòng (Hội đồng)", `back\slash`, "cr\rlf\n", "Ǆ Ω ĩ ồ", "€ 中文 ữ", "(x)\\(y)", "\u00a9\u2028\uFFFD"} {
		want := f.escape(utf8toutf16(s, false))
		if got := string(appendUTF16Escaped(nil, s)); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

// dated gives a document fixed creation and modification dates: two
// documents made a second apart are otherwise dated apart.
func dated(f *Fpdf) {
	when := time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
}

// OutputParts gives, joined, what Output writes, and what the document is
// told afterwards does not reach the bytes handed over.
func TestOutputPartsAreOutput(t *testing.T) {
	make := func() *Fpdf {
		f := New("P", "mm", "A4", "")
		dated(f)
		f.AddPage()
		f.SetFont("Helvetica", "", 12)
		f.Text(20, 20, "plandoc")
		return f
	}
	var want bytes.Buffer
	if err := make().Output(&want); err != nil {
		t.Fatal(err)
	}
	f := make()
	parts, err := f.OutputParts()
	got := bytes.Join(parts, nil)
	if err != nil {
		t.Fatal(err)
	}
	kept := append([]byte(nil), got...)
	f.SetFont("Helvetica", "B", 14) // writes into the closed document's buffer
	got = bytes.Join(parts, nil)
	if !bytes.Equal(got, want.Bytes()) || !bytes.Equal(got, kept) {
		t.Fatalf("OutputParts: %d bytes, equal to Output's %v, unchanged after %v", len(got), bytes.Equal(kept, want.Bytes()), bytes.Equal(got, kept))
	}
}

// A document given the font parts another made for the same face and the
// same used runes is the document made without them, byte for byte; and
// documents whose runes differ, even only among the digits every document
// starts with, are each given their own.
func TestSharedFontPartsAreTheDocumentsOwn(t *testing.T) {
	face, err := os.ReadFile("../../../fonts/LiberationSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Hội nghị 2021", "Hội nghị 2021", "Hội nghị 2022", "Hội nghị 2021 (quý I)", "Hội nghị 2022"}
	document := func(text string) []byte {
		f := New("P", "mm", "A4", "")
		f.SetCatalogSort(true)
		dated(f)
		f.AddUTF8FontFromBytes("serif", "", face)
		f.AddPage()
		f.SetFont("serif", "", 12)
		f.Text(20, 20, text)
		parts, err := f.OutputParts()
		if err != nil {
			t.Fatal(err)
		}
		return bytes.Join(parts, nil)
	}
	forget := func() {
		madeFontParts.mu.Lock()
		madeFontParts.entries = map[fontPartsID]fontPartsEntry{}
		madeFontParts.mu.Unlock()
	}
	forget()
	var shared [][]byte
	for _, text := range texts {
		shared = append(shared, document(text))
	}
	if n := len(madeFontParts.entries); n != 3 {
		t.Errorf("%d sets of parts made for 3 different texts", n)
	}
	for i, text := range texts {
		forget()
		if own := document(text); !bytes.Equal(own, shared[i]) {
			t.Errorf("%q: the document with shared parts differs from the one made alone", text)
		}
	}
}

// OutputParts of a document whose pages were packed is, joined, what
// Output writes of the same document unpacked; each packed page's stream
// is a part of its own, the very bytes the packer made, not a copy.
func TestOutputPartsHoldPackedPagesUncopied(t *testing.T) {
	make := func(pack bool) *Fpdf {
		f := New("P", "mm", "A4", "")
		dated(f)
		f.SetCompression(true)
		f.SetPackPages(pack)
		f.SetFont("Helvetica", "", 12)
		for p := range 5 {
			f.AddPage()
			for l := range 40 {
				f.Text(20, float64(10+6*l), fmt.Sprintf("page %d line %d: Chương trình công tác", p, l))
			}
		}
		return f
	}
	var want bytes.Buffer
	if err := make(false).Output(&want); err != nil {
		t.Fatal(err)
	}
	f := make(true)
	packed := map[*byte]bool{} // pages 1 to 4; the fifth is packed as the document closes
	for _, p := range f.packedPages() {
		packed[&p[0]] = true
	}
	parts, err := f.OutputParts()
	if err != nil {
		t.Fatal(err)
	}
	if got := bytes.Join(parts, nil); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("parts join to %d bytes, not the %d Output writes", len(got), want.Len())
	}
	uncopied := 0
	for _, p := range parts {
		if len(p) > 0 && packed[&p[0]] {
			uncopied++
		}
	}
	if len(packed) != 4 || uncopied != 4 || len(parts) != 2*5+1 {
		t.Fatalf("%d pages packed before closing, %d of them parts uncopied, in %d parts; want 4, 4, 11", len(packed), uncopied, len(parts))
	}
	var out bytes.Buffer
	g := make(true)
	if err := g.Output(&out); err != nil || !bytes.Equal(out.Bytes(), want.Bytes()) {
		t.Fatalf("Output of a packed document: %v, %d bytes; want %d", err, out.Len(), want.Len())
	}
}

// upstreamUnpack is upstream's unpackUint16Array and unpackUint32Array,
// which plandoc's patch replaced.
func upstreamUnpack(data []byte, size int) []int {
	answer := make([]int, 1)
	r := bytes.NewReader(data)
	bs := make([]byte, size)
	c, e := r.Read(bs)
	for e == nil && c > 0 {
		if size == 2 {
			answer = append(answer, int(binary.BigEndian.Uint16(bs)))
		} else {
			answer = append(answer, int(binary.BigEndian.Uint32(bs)))
		}
		c, e = r.Read(bs)
	}
	return answer
}

// The arrays are read as upstream read them, lengths that are not a
// multiple of the number's size included.
func TestUnpackArraysAreUpstreams(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for n := range 70 {
		data := make([]byte, n)
		r.Read(data)
		if got, want := unpackUint16Array(data), upstreamUnpack(data, 2); !slices.Equal(got, want) {
			t.Errorf("16-bit, %d bytes: %v, upstream %v", n, got, want)
		}
		if got, want := unpackUint32Array(data), upstreamUnpack(data, 4); !slices.Equal(got, want) {
			t.Errorf("32-bit, %d bytes: %v, upstream %v", n, got, want)
		}
	}
}
