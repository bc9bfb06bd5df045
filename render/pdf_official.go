package render

import (
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// What Decree 30 fixes for every PDF plandoc writes: the header blocks and
// the title lines. The annex and the quarterly reports share it; the
// official way of writing dates and numbers is in words.go.

// officialHeading places the header blocks of Decree 30 on the first page:
// the parent and issuing body top left, upper case, the issuing body bold
// with a rule of about 40% of its length under it; the national title and
// motto top right with a rule as long as the motto. below, when given, adds
// a line under each block (the number line and the place-and-date line of a
// report). It returns where the blocks end.
func officialHeading(f *flow, p *data.Plan, h templates.Header, below *[2]placedLine) float64 {
	page := f.page()
	centred := func(y, cx, width float64, style fonts.Style, size float64, s string) (float64, float64) {
		f.d.font(style, size)
		lh := lineHeight(size, 1.15)
		widest := 0.0
		for _, line := range balancedWrap(f.d, s, width) {
			w := f.d.width(line)
			widest = max(widest, w)
			page.texts = append(page.texts, placedText{x: cx - w/2, y: baseline(y, lh, size), style: style, size: size, text: line})
			y += lh
		}
		return y, widest
	}
	rule := func(y, cx, length float64) {
		page.rules = append(page.rules, placedRule{x1: cx - length/2, y: y, x2: cx + length/2})
	}
	leftCX := f.left + h.LeftWidth/2
	ly := f.top
	if p.Organisation.Parent != "" {
		ly, _ = centred(ly, leftCX, h.LeftWidth, fonts.Regular, h.BodySize, strings.ToUpper(p.Organisation.Parent))
	}
	ly, widest := centred(ly, leftCX, h.LeftWidth, fonts.Bold, h.BodySize, strings.ToUpper(p.Organisation.Name))
	rule(ly+1.2, leftCX, 0.4*widest)

	rightCX := f.right - h.RightWidth/2
	ry, _ := centred(f.top, rightCX, h.RightWidth, fonts.Bold, h.NationalTitleSize, string(h.NationalTitle))
	ry, mottoW := centred(ry, rightCX, h.RightWidth, fonts.Bold, h.MottoSize, string(h.Motto))
	rule(ry+1.2, rightCX, mottoW)

	y := max(ly, ry)
	if below != nil {
		// The number and the date stand on one line, under their blocks,
		// as written: the blank in "Số:      /BC-LHH" is the clerk's to fill.
		y += 4
		lh := 0.0
		for i, cx := range []float64{leftCX, rightCX} {
			b := below[i]
			f.d.font(b.style, b.size)
			lh = max(lh, lineHeight(b.size, 1.15))
			page.texts = append(page.texts, placedText{x: cx - f.d.width(b.text)/2, y: baseline(y, lineHeight(b.size, 1.15), b.size), style: b.style, size: b.size, text: b.text})
		}
		y += lh
	}
	return y + 10
}

// placedLine is a line of text not yet placed.
type placedLine struct {
	text  string
	style fonts.Style
	size  float64
}

// placeTitle places a document's type line, summary (optional) and
// reference line (optional), centred, and under them a rule as Decree 30
// draws it: 1/3 to 1/2 of the summary line's length (0.4 of it), or a third
// of the type line's when there is no summary.
func placeTitle(f *flow, size float64, typeLine, summary, ref string) placedRule {
	cx := (f.left + f.right) / 2
	typeLines := f.paragraph(typeLine, fonts.Bold, size, 1.15, "center", 0)
	f.d.font(fonts.Bold, size)
	length := f.d.width(typeLines[0].text) / 3
	if summary != "" {
		lines := f.paragraph(summary, fonts.Bold, size, 1.15, "center", 0)
		f.d.font(fonts.Bold, size)
		widest := 0.0
		for _, l := range lines {
			widest = max(widest, f.d.width(l.text))
		}
		length = 0.4 * widest
	}
	if ref != "" {
		f.paragraph(ref, fonts.Italic, size, 1.15, "center", 0)
	}
	rule := placedRule{x1: cx - length/2, y: f.y + 2, x2: cx + length/2}
	f.page().rules = append(f.page().rules, rule)
	f.y += 7
	return rule
}
