package render

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damagedFonts makes broken copies of Liberation Serif Regular, the kinds
// that once made fpdf panic: a table renamed, garbage in glyf or loca, a
// bad indexToLocFormat, a table of length 0, random bytes, a cut file.
func damagedFonts(t *testing.T) map[string][]byte {
	raw, err := os.ReadFile("../fonts/LiberationSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	type record struct{ at, off, length int }
	tables := map[string]record{}
	for i := range int(binary.BigEndian.Uint16(raw[4:])) {
		at := 12 + 16*i
		tables[string(raw[at:at+4])] = record{at, int(binary.BigEndian.Uint32(raw[at+8:])), int(binary.BigEndian.Uint32(raw[at+12:]))}
	}
	edit := func(f func(b []byte)) []byte {
		b := append([]byte(nil), raw...)
		f(b)
		return b
	}
	garbage := func(tag string, seed uint64) []byte {
		return edit(func(b []byte) {
			r := rand.New(rand.NewPCG(seed, 1))
			tb := tables[tag]
			for i := tb.off; i < tb.off+tb.length; i++ {
				b[i] = byte(r.IntN(256))
			}
		})
	}
	out := map[string][]byte{
		"name renamed":         edit(func(b []byte) { copy(b[tables["name"].at:], "nama") }),
		"glyf garbage":         garbage("glyf", 1),
		"loca garbage":         garbage("loca", 2),
		"hmtx garbage":         garbage("hmtx", 3),
		"cmap garbage":         garbage("cmap", 4),
		"indexToLocFormat = 7": edit(func(b []byte) { binary.BigEndian.PutUint16(b[tables["head"].off+50:], 7) }),
		"post length 0":        edit(func(b []byte) { binary.BigEndian.PutUint32(b[tables["post"].at+12:], 0) }),
		"loca length 0":        edit(func(b []byte) { binary.BigEndian.PutUint32(b[tables["loca"].at+12:], 0) }),
		"glyf offset past end": edit(func(b []byte) { binary.BigEndian.PutUint32(b[tables["glyf"].at+8:], uint32(len(raw)+10)) }),
	}
	for _, cut := range []int{100, 1000, len(raw) / 2, len(raw) - 100} {
		out[fmt.Sprintf("cut at %d", cut)] = raw[:cut]
	}
	for seed := range uint64(26) {
		out[fmt.Sprintf("random bytes %d", seed)] = edit(func(b []byte) {
			r := rand.New(rand.NewPCG(seed, 7))
			for range 64 {
				b[r.IntN(len(b))] = byte(r.IntN(256))
			}
		})
	}
	return out
}

// No damaged font makes plandoc panic: each is refused with its file named,
// or, when the damage is where no drawn letter looks, the render succeeds.
func TestDamagedFontsNeverPanic(t *testing.T) {
	p := parsePlan(t, planWithTasks("Hội nghị tổng kết công tác năm", "Thông qua phương án kiện toàn"))
	refused := 0
	for name, font := range damagedFonts(t) {
		dir := t.TempDir()
		for _, f := range []string{"Bold", "Italic", "BoldItalic"} {
			raw, err := os.ReadFile("../fonts/LiberationSerif-" + f + ".ttf")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, f+".ttf"), raw, 0o644)
		}
		bad := filepath.Join(dir, "Regular.ttf")
		os.WriteFile(bad, font, 0o644)
		_, err := Build(p, Options{FontsDir: dir})
		switch {
		case err == nil:
		case strings.Contains(err.Error(), bad) || strings.Contains(err.Error(), "no TrueType (.ttf) file for the regular face"):
			refused++
		default:
			t.Errorf("%s: %v; want the damaged file named", name, err)
		}
	}
	if refused < 10 {
		t.Errorf("only %d damaged fonts refused", refused)
	}
	t.Logf("%d damaged fonts refused, each naming its file", refused)
}

// A panic inside a library while an output is made is an error, never a crash.
func TestAPanickingOutputIsAnError(t *testing.T) {
	_, err := runAll([]job{func() (File, error) { return File{}, nil }, func() (File, error) { panic("index out of range [7] with length 7") }}, nil)
	if err == nil || !strings.Contains(err.Error(), "the library writing it failed (index out of range [7] with length 7)") {
		t.Errorf("runAll = %v", err)
	}
}
