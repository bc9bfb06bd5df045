package render

import (
	"bytes"
	"math/rand"
	"regexp"
	"testing"
)

// subsetName renames in place what the regular expression it replaced
// renamed, for names of every face, next to each other, cut short, and
// followed by letters, digits, delimiters and bytes of other characters.
func TestSubsetNameAsTheRegularExpression(t *testing.T) {
	name := regexp.MustCompile(`/utf8serif-pd(BI|B|I)?([^A-Za-z])`)
	tags := map[string]string{"": "PDREGU+Serif", "B": "PDBOLD+SerifB", "I": "PDITAL+SerifI", "BI": "PDBDIT+SerifBI"}
	reference := func(pdf []byte) []byte {
		return name.ReplaceAllFunc(pdf, func(m []byte) []byte {
			sub := name.FindSubmatch(m)
			return append([]byte("/"+tags[string(sub[1])]), sub[2]...)
		})
	}
	pieces := []string{"/utf8serif-pd", "/utf8serif-pdB", "/utf8serif-pdI", "/utf8serif-pdBI", "/utf8serif-p", "BIX", "B", "I", " ", "/", "\n", "0", ">>", "ồ", "\xff", "x"}
	r := rand.New(rand.NewSource(3))
	for range 20000 {
		var b []byte
		for range r.Intn(10) {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		want := reference(append([]byte(nil), b...))
		if got := subsetName(append([]byte(nil), b...)); !bytes.Equal(got, want) {
			t.Fatalf("%q: %q; the expression gives %q", b, got, want)
		}
	}
}
