package render

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// Warm starts, on other goroutines, what a render with these options reads
// and parses whatever the plan: the patterns reading a plan uses, the
// embedded templates, and fpdf's parse of each embedded face when it makes
// a PDF. A process does that once in any case (six milliseconds, a third of
// the real plan's annex); started before the plan is read, it is done while
// the plan is read. A -templates or -fonts folder is read by the render
// itself.
func Warm(opts Options) {
	go func() {
		// The plan's patterns first: the plan is read now. Then the
		// templates: every output waits for them, only the PDFs for the
		// faces.
		data.Warm()
		if opts.TemplatesDir == "" {
			templates.Embedded()
		}
		if opts.FontsDir == "" && opts.MakesPDF() {
			for _, style := range allStyles {
				// The annex sets no text bold italic: the reports do.
				if style != fonts.BoldItalic || opts.selection().wants("quarterly") {
					go faceParsed[style]()
				}
			}
		}
	}()
}

var allStyles = []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}

// faceParsed has fpdf parse one embedded face, once. A document using an
// embedded face waits for that face alone, so two documents never parse
// one face at the same time.
var faceParsed = func() (parse [4]func()) {
	for _, style := range allStyles {
		parse[style] = sync.OnceFunc(func() {
			fam, err := fonts.Embedded()
			if err != nil {
				return // the render reports it
			}
			// fpdf keeps what it parsed for the process, by the font's
			// bytes and name: the documents' AddUTF8FontFromBytes finds it.
			fpdf.New("P", "mm", "A4", "").AddUTF8FontFromBytes(family, fpdfStyle[style], fam.Face(style).Data)
		})
	}
	return parse
}()

// isEmbedded says the family is the embedded one.
func isEmbedded(fam *fonts.Family) bool {
	embedded, err := fonts.Embedded()
	return err == nil && fam == embedded
}
