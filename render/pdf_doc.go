package render

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/fonts"
)

const (
	// family is fpdf's name for the fonts; fpdf writes it into the file as
	// "utf8serif-pd…", which subsetName turns into a subset tag of the same length.
	family = "serif-pd"
	ptToMM = 25.4 / 72
)

// fpdfStyle is how fpdf names each face.
var fpdfStyle = map[fonts.Style]string{fonts.Regular: "", fonts.Bold: "B", fonts.Italic: "I", fonts.BoldItalic: "BI"}

// pdfDoc wraps fpdf with what every plandoc PDF needs: the four faces,
// metadata, and the settings that make the bytes the same on every run.
type pdfDoc struct {
	pdf       *fpdf.Fpdf
	fam       *fonts.Family
	w, h      float64 // page size, mm
	style     fonts.Style
	size      float64
	wordWidth map[fontKey]map[string]float64
	widths    map[string]float64 // wordWidth of the current font
	added     [4]bool            // faces given to fpdf so far
	meta      docMeta
}

type fontKey struct {
	style fonts.Style
	size  float64
}

// docMeta is the document information of a PDF.
type docMeta struct {
	title, author, subject, keywords string
	date                             data.Date // creation and modification date
	record                           recordMeta
}

// recordMeta is what Decree 30/2020 Appendix VI lists for a records
// system to keep of each document, written into the XMP so the system
// reads it without parsing the page.
type recordMeta struct {
	docType        string       // tên loại văn bản: "Chương trình", "Báo cáo"
	number, symbol string       // số, ký hiệu: "313", "QĐ-LHH" ("" when the clerk numbers it by hand)
	issued         data.Date    // ngày tháng năm văn bản
	issuer         string       // tên cơ quan, tổ chức ban hành
	summary        string       // trích yếu nội dung
	signer         *data.Signer // chức vụ, họ tên người ký; nil when none is named
}

func newPDFDoc(fam *fonts.Family, orientation string, meta docMeta) *pdfDoc {
	o := "L"
	if orientation == "portrait" {
		o = "P"
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: o, UnitStr: "mm", SizeStr: "A4"})
	// The decision's date, not the clock, and in UTC: the bytes must not
	// depend on when or where the document is rendered.
	day := meta.date.Time()
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day)
	pdf.SetCatalogSort(true)
	pdf.SetProducer("plandoc "+Version, true)
	pdf.SetCreator("plandoc "+Version, true)
	pdf.SetTitle(meta.title, true)
	pdf.SetAuthor(meta.author, true)
	pdf.SetSubject(meta.subject, true)
	pdf.SetKeywords(meta.keywords, true)
	pdf.SetLang("vi-VN")
	pdf.SetAutoPageBreak(false, 0) // pages are broken by the layout, never by fpdf
	// Pages are drawn in order and never revisited: each is kept
	// compressed once the next begins (the same bytes, a tenth the memory).
	pdf.SetPackPages(true)
	pdf.SetMargins(0, 0, 0)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	w, h := pdf.GetPageSize()
	d := &pdfDoc{pdf: pdf, fam: fam, w: w, h: h, size: -1, wordWidth: map[fontKey]map[string]float64{}, meta: meta}
	d.font(fonts.Regular, 12)
	return d
}

func (d *pdfDoc) font(style fonts.Style, size float64) {
	if style == d.style && size == d.size {
		return
	}
	// A face is added on first use: fpdf parses and fingerprints each font
	// it is given, which costs more than laying out a short report, and a
	// face never used would be embedded empty.
	if !d.added[style] {
		if isEmbedded(d.fam) {
			faceParsed[style]()
		}
		d.pdf.AddUTF8FontFromBytes(family, fpdfStyle[style], d.fam.Face(style).Data)
		d.added[style] = true
	}
	d.style, d.size = style, size
	d.pdf.SetFont(family, fpdfStyle[style], size)
	k := fontKey{style, size}
	if d.wordWidth[k] == nil {
		d.wordWidth[k] = map[string]float64{}
	}
	d.widths = d.wordWidth[k]
}

// width measures s in the current font, in mm.
func (d *pdfDoc) width(s string) float64 { return d.pdf.GetStringWidth(s) }

// wordW measures a word in the current font, remembering it: plans repeat
// their words, and measuring dominates layout time.
func (d *pdfDoc) wordW(s string) float64 {
	w, ok := d.widths[s]
	if !ok {
		w = d.pdf.GetStringWidth(s)
		d.widths[s] = w
	}
	return w
}

// text draws s with its baseline at y.
func (d *pdfDoc) text(x, y float64, s string) {
	if s != "" {
		d.pdf.Text(x, y, s)
	}
}

func (d *pdfDoc) line(x1, y1, x2, y2 float64) { d.pdf.Line(x1, y1, x2, y2) }

func (d *pdfDoc) rect(x, y, w, h float64) { d.pdf.Rect(x, y, w, h, "D") }

// parts finishes the document: its bytes are taken from fpdf as the
// parts it made them in, not copied (54 MB for a 100,000-task annex), and
// made PDF/A as the parts the file is written from.
func (d *pdfDoc) parts() (pdfParts, error) {
	doc, err := d.pdf.OutputParts()
	if err != nil {
		return pdfParts{}, msg.Errorf("writing PDF: %w", err)
	}
	return pdfA(doc, d.meta, d.pdf.PageCount())
}

// fpdfFontPrefix begins fpdf's name for each face: /utf8serif-pd, then
// B, I or BI, then a character that is not a letter.
const fpdfFontPrefix = "/utf8" + family

// subsetTags are the subset names, each as long as the name it replaces,
// the longest style first.
var subsetTags = []struct{ style, tag string }{
	{"BI", "/PDBDIT+SerifBI"}, {"B", "/PDBOLD+SerifB"}, {"I", "/PDITAL+SerifI"}, {"", "/PDREGU+Serif"},
}

// subsetName renames fpdf's fonts to the PDF convention for subsets, a tag
// of six capitals and "+" (PDF 32000 9.6.4), so readers such as pdffonts
// see them as the subsets they are. The new names have the same length as
// the old and are written in place, so no offset in the cross-reference
// table moves.
func subsetName(pdf []byte) []byte {
	for i := 0; ; {
		j := bytes.Index(pdf[i:], []byte(fpdfFontPrefix))
		if j < 0 {
			return pdf
		}
		at := i + j
		rest := pdf[at+len(fpdfFontPrefix):]
		i = at + 1
		for _, s := range subsetTags {
			if len(rest) > len(s.style) && string(rest[:len(s.style)]) == s.style && !isASCIILetter(rest[len(s.style)]) {
				copy(pdf[at:], s.tag)
				i = at + len(fpdfFontPrefix) + len(s.style) + 1 // past the character after the name, as a regular expression's match
				break
			}
		}
	}
}

func isASCIILetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

// lineHeight is the height of a line of text of the given size, in mm.
func lineHeight(size, spacing float64) float64 { return size * spacing * ptToMM }

// baseline places text inside a line box: Liberation Serif's ascent is
// 0.891 em and descent 0.216 em, so this centres the glyphs in the box.
func baseline(top, boxHeight, size float64) float64 {
	em := size * ptToMM
	return top + (boxHeight-1.107*em)/2 + 0.891*em
}
