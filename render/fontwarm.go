package render

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/plandoc/plandoc/fonts"
)

// WarmFonts reads the embedded faces and has fpdf parse each, all at
// once: a process parses them once in any case (several milliseconds, a
// third of the time of the real plan's annex), and started before the
// plan is read, that time is spent while the plan is being read. Only the
// embedded faces are warmed; a -fonts folder is read by the render.
func WarmFonts() { embeddedParsed() }

// embeddedParsed has fpdf parse the four embedded faces, on as many cores
// as there are. A document using an embedded face waits for it, so two
// do not parse one face at the same time.
var embeddedParsed = sync.OnceFunc(func() {
	fam, err := fonts.Embedded()
	if err != nil {
		return // the render reports it
	}
	var wg sync.WaitGroup
	for _, style := range []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
		wg.Go(func() {
			// fpdf keeps what it parsed for the process, by the font's
			// bytes and name: the documents' AddUTF8FontFromBytes finds it.
			fpdf.New("P", "mm", "A4", "").AddUTF8FontFromBytes(family, fpdfStyle[style], fam.Face(style).Data)
		})
	}
	wg.Wait()
})

// isEmbedded says the family is the embedded one.
func isEmbedded(fam *fonts.Family) bool {
	embedded, err := fonts.Embedded()
	return err == nil && fam == embedded
}
