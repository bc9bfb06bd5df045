package render

import (
	"fmt"

	"github.com/plandoc/plandoc/fonts"
)

// flow places a document's parts one after another down the pages: text,
// tables, boxes. It decides every position before anything is drawn, so
// tests can check the layout itself and drawing only follows it.
type flow struct {
	d                        *pdfDoc
	left, right, top, bottom float64
	pages                    []docPage
	y                        float64 // where the next part goes on the last page
}

// docPage is what one page holds.
type docPage struct {
	tables    []tablePart
	texts     []placedText
	rules     []placedRule
	boxes     []placedBox
	bookmarks []placedBookmark
}

type tablePart struct {
	ts *tableStyle
	tablePage
}

// placedText is one line of text; justify > 0 spreads it over that width.
type placedText struct {
	x, y    float64 // left end of the baseline
	style   fonts.Style
	size    float64
	text    string
	justify float64
}

type placedRule struct{ x1, y, x2 float64 }

// placedBox is a filled rectangle with a black outline (a chart's bar or key).
type placedBox struct {
	x, y, w, h float64
	gray       int // fill, 0 black to 255 white
}

type placedBookmark struct {
	title string
	level int
	y     float64
}

func newFlow(d *pdfDoc, left, right, top, bottom float64) *flow {
	return &flow{d: d, left: left, right: right, top: top, bottom: bottom, pages: []docPage{{}}, y: top}
}

func (f *flow) page() *docPage { return &f.pages[len(f.pages)-1] }

func (f *flow) newPage() {
	f.pages = append(f.pages, docPage{})
	f.y = f.top
}

// need starts a new page unless h more millimetres fit on this one (or the
// page is still empty, when nothing would be gained).
func (f *flow) need(h float64) {
	if f.y+h > f.bottom+epsilon && f.y > f.top+epsilon {
		f.newPage()
	}
}

// table places a table from the current position, its header row repeated
// on every page it reaches.
func (f *flow) table(ts *tableStyle, rows []*tableRow) {
	if len(rows) > 0 {
		// Never a header row alone at the foot of a page.
		f.need(ts.headerH + ts.rowHeight(min(rows[0].lines, ts.minSplitLines)))
	}
	parts := layoutTable(ts, rows, f.y)
	for i, part := range parts {
		if i > 0 {
			f.newPage()
		}
		f.page().tables = append(f.page().tables, tablePart{ts: ts, tablePage: part})
	}
	f.y = parts[len(parts)-1].endY
}

// lines places lines of text of one style. align is "left", "center",
// "justify" (every line but the last spread to the width) or "justify-all"
// (for the head of a paragraph whose last line is placed apart); indent
// shifts the first line. It returns the placed lines.
func (f *flow) lines(lines []string, style fonts.Style, size, lineH float64, align string, indent float64) []placedText {
	var out []placedText
	f.d.font(style, size)
	width := f.right - f.left
	for i, line := range lines {
		f.need(lineH)
		x, w := f.left, width
		if i == 0 {
			x, w = f.left+indent, width-indent
		}
		t := placedText{x: x, y: baseline(f.y, lineH, size), style: style, size: size, text: line}
		switch {
		case align == "center":
			t.x = f.left + (width-f.d.width(line))/2
		case align == "justify" && i < len(lines)-1, align == "justify-all":
			t.justify = w
		}
		f.page().texts = append(f.page().texts, t)
		out = append(out, t)
		f.y += lineH
	}
	return out
}

// paragraph wraps text to the text width and places it.
func (f *flow) paragraph(text string, style fonts.Style, size, spacing float64, align string, indent float64) []placedText {
	f.d.font(style, size)
	return f.lines(wrap(f.d, text, f.right-f.left, indent), style, size, lineHeight(size, spacing), align, indent)
}

// numberPages puts the page number, centred in the top margin, on every
// page but the first, as Decree 30 asks.
func (f *flow) numberPages(size float64) {
	f.d.font(fonts.Regular, size)
	lh := lineHeight(size, 1)
	for i := 1; i < len(f.pages); i++ {
		n := fmt.Sprint(i + 1)
		f.pages[i].texts = append(f.pages[i].texts, placedText{
			x: (f.left+f.right)/2 - f.d.width(n)/2, y: baseline((f.top-lh)/2, lh, size),
			style: fonts.Regular, size: size, text: n})
	}
}

// draw draws every page as laid out.
func (f *flow) draw() { f.drawPages(false) }

// drawReleasing is draw for a render, which has no use for the layout once
// drawn: each page's layout goes as soon as the page is drawn (a
// 100,000-task annex's layout holds 100 MB).
func (f *flow) drawReleasing() { f.drawPages(true) }

func (f *flow) drawPages(release bool) {
	d := f.d
	for i, page := range f.pages {
		if release {
			f.pages[i] = docPage{}
		}
		d.pdf.AddPage()
		for _, b := range page.bookmarks {
			d.font(fonts.Regular, 12) // bookmarks are UTF-16 only under a UTF-8 font
			d.pdf.Bookmark(b.title, b.level, b.y)
		}
		for _, r := range page.rules {
			d.line(r.x1, r.y, r.x2, r.y)
		}
		for _, b := range page.boxes {
			d.pdf.SetFillColor(b.gray, b.gray, b.gray)
			d.pdf.Rect(b.x, b.y, b.w, b.h, "FD")
		}
		for _, t := range page.texts {
			d.font(t.style, t.size)
			if t.justify > 0 {
				drawJustified(d, t.x, t.y, t.justify, t.text)
			} else {
				d.text(t.x, t.y, t.text)
			}
		}
		for _, part := range page.tables {
			part.ts.drawHeaderRow(d, part.headerY)
			for _, piece := range part.pieces {
				if piece.row.bookmark != "" && piece.from == 0 {
					d.font(fonts.Regular, part.ts.size)
					d.pdf.Bookmark(piece.row.bookmark, piece.row.level, piece.y)
				}
				part.ts.drawPiece(d, piece)
			}
		}
	}
}
