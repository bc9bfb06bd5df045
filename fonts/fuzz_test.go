package fonts

import (
	"os"
	"testing"
)

// A font a user gives may be damaged anyhow: reading it never panics, and
// a face it accepts answers every question about its characters.
func FuzzParseFace(f *testing.F) {
	raw, err := os.ReadFile("LiberationSerif-Regular.ttf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw[:4096]) // the table directory and the first tables
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		face, _, err := parseFace("fuzz.ttf", data)
		if err != nil {
			return
		}
		for _, r := range "Aă Ệ😀\x00\uffff" {
			face.Has(r)
		}
		face.Width("Chương trình công tác", 12)
	})
}
