package render

import (
	"bytes"
	"fmt"
	"math/rand"
	"regexp"
	"slices"
	"testing"
	"time"
)

// elementSpans finds what the regular expression it replaced found, in
// well-formed entries and in what only looks like them.
func TestElementSpansAreThePatterns(t *testing.T) {
	inputs := []string{
		`<Types><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="r"/></Types>`,
		`<Default Extension="png" ContentType="image/png"></Default><Default />`,
		`<Default/><Default >x</Default><Default a="1"/ ><Default a="/"/>`,
		`<Override PartName="/xl/workbook.xml" ContentType="w"/><Default Extension="bin"></Default >`,
		`<Default a="1"></Defaul><Default b="2"/>`,
		`<Default <Default c="3"/>`,
		`<Default never closed`,
		`<Default x="1"`,
		`<Default />`,
		`<Default ></Default>`,
		``,
	}
	for _, tag := range contentTypeEntries {
		re := regexp.MustCompile(`<` + tag + ` [^>]*?(?:/>|></` + tag + `>)`)
		for _, in := range inputs {
			var want [][2]int
			for _, l := range re.FindAllIndex([]byte(in), -1) {
				want = append(want, [2]int{l[0], l[1]})
			}
			if got := elementSpans([]byte(in), tag); !slices.Equal(got, want) {
				t.Errorf("elementSpans(%q, %s) = %v; the pattern finds %v", in, tag, got, want)
			}
		}
	}
}

// The entries are sorted only when they stand in one run, and all else is
// kept as it was.
func TestSortContentTypes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<T><Default Extension="xml"/><Default Extension="png"/><Override PartName="/b"/><Override PartName="/a"/></T>`,
			`<T><Default Extension="png"/><Default Extension="xml"/><Override PartName="/a"/><Override PartName="/b"/></T>`},
		{`<T><Default Extension="xml"/> <Default Extension="png"/></T>`, `<T><Default Extension="xml"/> <Default Extension="png"/></T>`},
		{`<T><Override PartName="/b"></Override><Override PartName="/a"/></T>`, `<T><Override PartName="/a"/><Override PartName="/b"></Override></T>`},
	} {
		if got := string(sortContentTypes([]byte(c.in))); got != c.want {
			t.Errorf("sortContentTypes(%s)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	// Many entries, from map order to name order, every byte kept.
	var in, want string
	for i := 9; i >= 0; i-- {
		in += fmt.Sprintf(`<Override PartName="/xl/p%d.xml" ContentType="c"/>`, i)
	}
	for i := range 10 {
		want += fmt.Sprintf(`<Override PartName="/xl/p%d.xml" ContentType="c"/>`, i)
	}
	if got := string(sortContentTypes([]byte("<Types>" + in + "</Types>"))); got != "<Types>"+want+"</Types>" {
		t.Errorf("ten overrides: got %s", got)
	}
}

// A workbook's zip file is made in a buffer reserved at its size: zipSize
// is at least the file's size, and not much more.
func TestZipSizeHoldsTheFile(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for trial := range 20 {
		var out bytes.Buffer
		z := &sortedZip{out: &out, when: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)}
		for i := range 1 + r.Intn(30) {
			name := fmt.Sprintf("xl/part%02d.xml", i)
			if i == 0 {
				name = contentTypesPart
			}
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			content := make([]byte, r.Intn(3*smallPart))
			if i == 0 {
				content = content[:r.Intn(2048)] // as excelize's: a few entries
			}
			for j := range content {
				content[j] = "<c r=\"A1\"/>"[r.Intn(11)]
			}
			if r.Intn(4) == 0 {
				r.Read(content) // incompressible
			}
			w.Write(content)
		}
		if err := z.finishPart(); err != nil {
			t.Fatal(err)
		}
		size := zipSize(z.parts)
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		if out.Len() > size || size-out.Len() > 2048+32*len(z.parts) {
			t.Fatalf("trial %d: a zip of %d bytes, reserved %d", trial, out.Len(), size)
		}
	}
}
