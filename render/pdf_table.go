package render

import (
	"strings"

	"github.com/plandoc/plandoc/fonts"
)

// The table is laid out before anything is drawn: rows are wrapped into
// lines, lines into pieces that fit the pages. Tests check the layout itself
// (no line wider than its column, no row past the bottom margin, a header
// row on every page), and drawing only follows it.

// column is a table column placed across the page.
type column struct {
	field        int // index in data.TaskFields; -1 for a column that is not a task's
	title, align string
	x, w         float64
}

type rowKind int

const (
	taskRow rowKind = iota
	bandRow         // a section or month/quarter row spanning the table
)

type tableRow struct {
	kind     rowKind
	style    fonts.Style // of the row's text
	cells    [][]string  // wrapped lines, one slice per column; a band has one
	lines    int         // the most lines of any cell
	bookmark string      // outline entry starting at this row, if any
	level    int         // the bookmark's outline level
}

// bandRow makes a row spanning the table: a section, month or unit heading.
func (ts *tableStyle) band(d *pdfDoc, text string, style fonts.Style, bookmark string, level int) *tableRow {
	d.font(style, ts.size)
	lines := wrap(d, text, ts.right-ts.left-2*ts.padX, 0)
	return &tableRow{kind: bandRow, style: style, cells: [][]string{lines}, lines: len(lines), bookmark: bookmark, level: level}
}

// row makes a row of cells, one text per column, each wrapped to its column.
func (ts *tableStyle) row(d *pdfDoc, texts []string, style fonts.Style) *tableRow {
	d.font(style, ts.size)
	r := &tableRow{kind: taskRow, style: style}
	for i, c := range ts.cols {
		lines := wrap(d, texts[i], c.w-2*ts.padX, 0)
		r.cells = append(r.cells, lines)
		r.lines = max(r.lines, len(lines))
	}
	return r
}

// rowPiece is the part of a row on one page: lines [from, to).
type rowPiece struct {
	row      *tableRow
	from, to int
	y, h     float64
}

type tablePage struct {
	headerY float64 // top of the repeated header row
	pieces  []rowPiece
	endY    float64 // bottom of the last piece
}

// tableStyle holds the measures the layout needs.
type tableStyle struct {
	cols          []column
	size, hsize   float64
	lineH, hLineH float64
	padX, padY    float64
	headerCells   [][]string
	headerH       float64
	left, right   float64 // table edges
	top, bottom   float64 // page body: below the top margin, above the bottom margin
	minSplitLines int     // a split row leaves at least this many lines on a page
}

func (ts *tableStyle) rowHeight(lines int) float64 {
	return float64(lines)*ts.lineH + 2*ts.padY
}

// layoutTable places rows on pages. The first page's table starts at
// firstTop; later pages start at the top margin. A row moves whole to the
// next page when it does not fit; only a row taller than a page is split,
// line by line.
func layoutTable(ts *tableStyle, rows []*tableRow, firstTop float64) []tablePage {
	pages := []tablePage{{headerY: firstTop}}
	cur := &pages[0]
	y := firstTop + ts.headerH
	newPage := func() {
		cur.endY = y
		pages = append(pages, tablePage{headerY: ts.top})
		cur = &pages[len(pages)-1]
		y = ts.top + ts.headerH
	}
	bodyLines := int((ts.bottom - ts.top - ts.headerH - 2*ts.padY) / ts.lineH)
	for i, r := range rows {
		h := ts.rowHeight(r.lines)
		need := h
		if r.kind == bandRow && i+1 < len(rows) {
			// A band row stays with the start of what follows it.
			next := rows[i+1]
			need += ts.rowHeight(min(next.lines, ts.minSplitLines))
		}
		if y+need <= ts.bottom+epsilon {
			cur.pieces = append(cur.pieces, rowPiece{row: r, from: 0, to: r.lines, y: y, h: h})
			y += h
			continue
		}
		if r.lines <= bodyLines {
			newPage()
			cur.pieces = append(cur.pieces, rowPiece{row: r, from: 0, to: r.lines, y: y, h: h})
			y += h
			continue
		}
		// Taller than a page: fill this page if a few lines fit, then go on.
		from, fresh := 0, false
		for from < r.lines {
			fit := int((ts.bottom - y - 2*ts.padY + epsilon) / ts.lineH)
			if fit < ts.minSplitLines && fit < r.lines-from && !fresh {
				newPage()
				fresh = true
				continue
			}
			fit = max(fit, 1) // a page too short for one line still advances
			fresh = false
			to := min(r.lines, from+fit)
			ph := ts.rowHeight(to - from)
			cur.pieces = append(cur.pieces, rowPiece{row: r, from: from, to: to, y: y, h: ph})
			y += ph
			from = to
			if from < r.lines {
				newPage()
				fresh = true
			}
		}
	}
	cur.endY = y
	return pages
}

const epsilon = 1e-6

// drawHeaderRow draws the column titles at y.
func (ts *tableStyle) drawHeaderRow(d *pdfDoc, y float64) {
	d.font(fonts.Bold, ts.hsize)
	for i, c := range ts.cols {
		d.rect(c.x, y, c.w, ts.headerH)
		lines := ts.headerCells[i]
		top := y + (ts.headerH-float64(len(lines))*ts.hLineH)/2
		for j, l := range lines {
			d.text(c.x+(c.w-d.width(l))/2, baseline(top+float64(j)*ts.hLineH, ts.hLineH, ts.hsize), l)
		}
	}
}

// drawPiece draws the lines [from, to) of a row with its borders.
func (ts *tableStyle) drawPiece(d *pdfDoc, p rowPiece) {
	r := p.row
	if r.kind == bandRow {
		d.rect(ts.left, p.y, ts.right-ts.left, p.h)
		d.font(r.style, ts.size)
		for j := p.from; j < p.to; j++ {
			l := r.cells[0][j]
			d.text(ts.left+ts.padX, baseline(p.y+ts.padY+float64(j-p.from)*ts.lineH, ts.lineH, ts.size), l)
		}
		return
	}
	d.font(r.style, ts.size)
	for i, c := range ts.cols {
		d.rect(c.x, p.y, c.w, p.h)
		lines := r.cells[i]
		inner := c.w - 2*ts.padX
		for j := p.from; j < p.to && j < len(lines); j++ {
			l := lines[j]
			base := baseline(p.y+ts.padY+float64(j-p.from)*ts.lineH, ts.lineH, ts.size)
			lastOfPara := j == len(lines)-1 || lines[j+1] == "" || l == ""
			switch c.align {
			case "center":
				d.text(c.x+(c.w-d.width(l))/2, base, l)
			case "right":
				d.text(c.x+c.w-ts.padX-d.width(l), base, l)
			case "justify":
				if lastOfPara {
					d.text(c.x+ts.padX, base, l)
				} else {
					drawJustified(d, c.x+ts.padX, base, inner, l)
				}
			default:
				d.text(c.x+ts.padX, base, l)
			}
		}
	}
}

// drawJustified spreads the words of a line over width. fpdf's word spacing
// does not apply to UTF-8 fonts, so the words are placed one by one.
func drawJustified(d *pdfDoc, x, y, width float64, line string) {
	words := strings.Fields(line)
	if len(words) < 2 {
		d.text(x, y, line)
		return
	}
	var room [32]float64 // a line's words, measured once
	widths := room[:0]
	total := 0.0
	for _, w := range words {
		widths = append(widths, d.wordW(w))
		total += widths[len(widths)-1]
	}
	gap := (width - total) / float64(len(words)-1)
	if gap > 4*d.wordW(" ") || gap < 0 {
		d.text(x, y, line) // too loose to look justified: leave it ragged
		return
	}
	for i, w := range words {
		d.text(x, y, w)
		x += widths[i] + gap
	}
}
