// Package fonts holds the TrueType fonts plandoc embeds in its PDFs
// (Liberation Serif 2.1.5, metric-compatible with Times New Roman, SIL OFL
// 1.1; see LICENSE-OFL.txt) and reads other TrueType files a user supplies.
package fonts

import (
	_ "embed"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
)

// The faces are embedded as byte slices, not as an embed.FS: a slice is
// the program's own copy, read in place, where FS.ReadFile copies each
// file (1.6 MB, a millisecond of every run, most of it the kernel giving
// the copy fresh memory).
var (
	//go:embed LiberationSerif-Regular.ttf
	regularTTF []byte
	//go:embed LiberationSerif-Bold.ttf
	boldTTF []byte
	//go:embed LiberationSerif-Italic.ttf
	italicTTF []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	boldItalicTTF []byte
)

// Style is one of the four faces of a family.
type Style int

const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// styles lists the four faces of a family.
var styles = []Style{Regular, Bold, Italic, BoldItalic}

func (s Style) String() string { return [...]string{"regular", "bold", "italic", "bold italic"}[s] }

// Face is one TrueType file and the characters it can draw.
type Face struct {
	File       string // where it came from, for messages
	Data       []byte
	cover      *coverage
	advances   []uint16
	unitsPerEm float64
}

// Has reports whether the face has a glyph for r. Characters beyond the
// Basic Multilingual Plane are reported missing: the PDF writer cannot
// embed them.
func (f *Face) Has(r rune) bool { return f.cover.has(r) }

// Width is the advance width of s set at size points, in points, as a
// typesetter without kerning lays it out. Missing characters count as the
// missing glyph.
func (f *Face) Width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		g := 0
		if r >= 0 && r < 0x10000 {
			g = int(f.cover[r])
		}
		if g >= len(f.advances) {
			g = len(f.advances) - 1
		}
		units += int(f.advances[g])
	}
	return float64(units) * size / f.unitsPerEm
}

// Family is the four faces used together.
type Family struct {
	Faces  [4]*Face
	Source string // "embedded Liberation Serif" or the folder given
}

// Face returns the face of a style.
func (fam *Family) Face(s Style) *Face { return fam.Faces[s] }

var embeddedFiles = [4]string{"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"}

// embeddedData is each embedded face's bytes, by style. They are the
// program's: nothing may write into them.
var embeddedData = [4][]byte{regularTTF, boldTTF, italicTTF, boldItalicTTF}

// Embedded returns Liberation Serif as shipped with plandoc, read once per
// process: a family is only read after it is made, and the PDF writer
// parses each face once for all documents when its bytes stay the same.
func Embedded() (*Family, error) { return embeddedFamily() }

var embeddedFamily = sync.OnceValues(readEmbedded)

func readEmbedded() (*Family, error) {
	fam := &Family{Source: "embedded Liberation Serif"}
	for i, name := range embeddedFiles {
		face, _, err := parseFace(name, embeddedData[i])
		if err != nil {
			return nil, err
		}
		fam.Faces[i] = face
	}
	return fam, nil
}

// maxFontBytes bounds a font file: Liberation Serif is 0.4 MB a face, a
// face with every CJK character about 20 MB.
const maxFontBytes = 32 << 20

// FromDir reads the .ttf files of a folder (for example Windows' times.ttf,
// timesbd.ttf, timesi.ttf, timesbi.ttf) and picks the four faces by the
// style each file declares, not by its name.
func FromDir(dir string) (*Family, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, msg.Errorf("reading fonts folder: %w", err)
	}
	fam := &Family{Source: dir}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".ttf") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		data, err := safefile.Read(path, maxFontBytes, "font")
		if err != nil {
			return nil, err
		}
		face, style, err := parseFace(path, data)
		if err != nil {
			return nil, err
		}
		if fam.Faces[style] == nil {
			fam.Faces[style] = face
		}
	}
	var missing []string
	for _, s := range styles {
		if fam.Faces[s] == nil {
			missing = append(missing, s.String())
		}
	}
	if len(missing) > 0 {
		return nil, msg.Errorf("fonts folder %s: no TrueType (.ttf) file for the %s face; it needs regular, bold, italic and bold italic", dir, strings.Join(missing, ", "))
	}
	return fam, nil
}
