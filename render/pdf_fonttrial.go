package render

import (
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/fonts"
)

// fpdf reads TrueType itself and panics on some damaged fonts (a renamed
// name table, garbage in glyf or loca, a bad indexToLocFormat) that
// plandoc's own reading of the font accepts. Each face is tried once, before
// anything is rendered, by embedding a sample in a throwaway PDF, so a bad
// file is named as such instead of crashing the render.

// trialText holds the letters every Vietnamese document draws.
const trialText = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc 0123456789 ăâđêôơư ẠẢẤẦẨẪẬ ./.()"

// tryFaces embeds each face of the family in a throwaway PDF.
func tryFaces(fam *fonts.Family) error {
	for _, style := range []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
		if err := tryFace(fam.Face(style), style); err != nil {
			return err
		}
	}
	return nil
}

func tryFace(face *fonts.Face, style fonts.Style) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = msg.Errorf("font %s (%s) is damaged: the PDF writer cannot embed it (%v); use another copy of the font", face.File, style, r)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(family, fpdfStyle[style], face.Data)
	pdf.SetFont(family, fpdfStyle[style], 12)
	pdf.AddPage()
	var sample []rune
	for _, r := range trialText {
		if face.Has(r) {
			sample = append(sample, r)
		}
	}
	pdf.Text(10, 10, string(sample))
	pdf.GetStringWidth(string(sample))
	if err := pdf.Output(io.Discard); err != nil {
		return msg.Errorf("font %s (%s) is damaged: the PDF writer cannot embed it (%v); use another copy of the font", face.File, style, err)
	}
	return nil
}
