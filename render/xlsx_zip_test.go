package render

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
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
