package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
	parts := pdfParts{parts: w.done()}
	if !bytes.Equal(parts.join(), want) || parts.size() != len(want) {
		t.Fatalf("the parts hold %d bytes; want the %d written, in order", parts.size(), len(want))
	}
	if len(parts.parts) < 10 {
		t.Fatalf("%d parts: large pieces must stay parts of their own", len(parts.parts))
	}
}

// A file's bytes read across its parts are the bytes of the whole, every
// range of them, and pieces are slices of the parts, never copies.
func TestPDFFilePiecesAreTheWholesBytes(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	var parts [][]byte
	var whole []byte
	for range 40 {
		part := make([]byte, r.Intn(50)) // empty parts too
		r.Read(part)
		parts = append(parts, part)
		whole = append(whole, part...)
	}
	f := newPDFFile(parts)
	if f.size != len(whole) {
		t.Fatalf("size %d; want %d", f.size, len(whole))
	}
	for range 5000 {
		from := r.Intn(len(whole) + 1)
		to := from + r.Intn(len(whole)-from+1)
		pieces := f.pieces(from, to)
		if got := bytes.Join(pieces, nil); !bytes.Equal(got, whole[from:to]) {
			t.Fatalf("pieces(%d, %d) hold %d bytes, not the whole's", from, to, len(got))
		}
		if got := f.bytes(from, to); !bytes.Equal(got, whole[from:to]) {
			t.Fatalf("bytes(%d, %d) differ from the whole's", from, to)
		}
		at := from
		for _, p := range pieces {
			if len(p) == 0 {
				t.Fatalf("pieces(%d, %d) has an empty piece", from, to)
			}
			p[0] ^= 0xff // a slice of a part changes the part
			changed := bytes.Join(parts, nil)[at] != whole[at]
			p[0] ^= 0xff
			if !changed {
				t.Fatalf("pieces(%d, %d): the piece at %d is a copy, not a slice of a part", from, to, at)
			}
			at += len(p)
		}
	}
}

// A PDF's sha256, carried on from the hash of its ID instead of read again,
// is the sha256 of its bytes: the file is what newFile makes of them.
func TestPDFPartsSumIsTheFilesSHA256(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	parts, err := annexParts(p, k.set.Annex, k.fam, k.printed)
	if err != nil {
		t.Fatal(err)
	}
	got, want := parts.file("annex.pdf", "annex"), newFile("annex.pdf", "annex", parts.parts...)
	if got.SHA256 != want.SHA256 || got.Bytes != want.Bytes || got.Path != want.Path || got.Kind != want.Kind || len(got.parts) != len(want.parts) {
		t.Fatalf("the annex's file %+v; newFile makes %+v", got, want)
	}
	if sum := sha256.Sum256(parts.join()); hex.EncodeToString(sum[:]) != got.SHA256 {
		t.Fatal("the annex's sha256 is not its bytes'")
	}
}
