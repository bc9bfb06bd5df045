package excelize

import (
	"math/rand"
	"net/http"
	"testing"
)

// The copy answers as net/http's DetectContentType: for each kind of file
// it knows, for the same kinds cut short or led by spaces, and for random
// bytes.
func TestDetectContentTypeIsNetHTTPs(t *testing.T) {
	inputs := [][]byte{nil, []byte(" "), []byte("<!DOCTYPE HTML>x"), []byte("<?xml version"), []byte("%PDF-1.3\n"),
		[]byte("%!PS-Adobe-"), []byte("\xFE\xFF"), []byte("\xFF\xFE"), []byte("\xEF\xBB\xBFhi"), []byte("\x00\x00\x01\x00"),
		[]byte("GIF89a"), []byte("\x89PNG\x0D\x0A\x1A\x0A"), []byte("\xFF\xD8\xFF"), []byte("BM"), []byte("RIFF\x00\x00\x00\x00WEBPVP"),
		[]byte("PK\x03\x04"), []byte("\x1F\x8B\x08"), []byte("Rar!\x1A\x07\x00"), []byte("\x00asm"), []byte("wOFF"),
		[]byte("OggS\x00"), []byte("ID3"), []byte("\x00\x00\x00\x18ftypmp42"), []byte("\x1A\x45\xDF\xA3"), []byte("plain text, văn bản")}
	r := rand.New(rand.NewSource(11))
	for range 2000 {
		b := make([]byte, r.Intn(600))
		r.Read(b)
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		for _, b := range [][]byte{in, append([]byte("\t\n "), in...), in[:len(in)/2]} {
			if got, want := detectContentType(b), http.DetectContentType(b); got != want {
				t.Errorf("%q: %q; net/http says %q", b[:min(len(b), 24)], got, want)
			}
		}
	}
}
