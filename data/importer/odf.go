package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
)

// readODF reads an OpenDocument text (.odt, LibreOffice Writer) or
// spreadsheet (.ods, Calc) with the standard library, as readDocx reads
// Word: content.xml holds the paragraphs and tables of both, so one parser
// serves them. A text gives every paragraph and table; a spreadsheet gives
// one sheet (the first, or the one -sheet names), whole, as a workbook does.
func readODF(name string, src []byte, sheet string) (*document, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, formatError(name, "not an OpenDocument file (it is not a readable zip archive: %v)", err)
	}
	spreadsheet := false
	for _, f := range zr.File {
		if f.Name == "mimetype" {
			spreadsheet = zipText(f, 200) == "application/vnd.oasis.opendocument.spreadsheet"
		}
	}
	r, closePart, err := openPart(name, zr, "content.xml", "not an OpenDocument file")
	if err != nil {
		return nil, err
	}
	defer closePart()
	d, sheets, err := parseODFContent(r, spreadsheet)
	if err != nil {
		return nil, formatError(name, "content.xml is damaged: %v", err)
	}
	if !spreadsheet {
		return d, nil
	}
	if len(sheets) == 0 {
		return nil, formatError(name, "the spreadsheet has no sheet")
	}
	at := 0
	if sheet != "" {
		at = -1
		for i, s := range sheets {
			if s == sheet {
				at = i
			}
		}
		if at < 0 {
			return nil, formatError(name, "no sheet named %q; the sheets are %s", sheet, strings.Join(quoteAll(sheets), ", "))
		}
	}
	return &document{blocks: []block{d.blocks[at]}}, nil
}

// zipText is the start of a small part such as mimetype.
func zipText(f *zip.File, limit int64) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, limit))
	return strings.TrimSpace(string(b))
}

// odfCell is a table cell as content.xml gives it.
type odfCell struct {
	text    string
	span    int  // number-columns-spanned
	repeat  int  // number-columns-repeated
	covered bool // covered-table-cell: hidden under a merged cell
}

// odfRow is a table row and how many times it stands (number-rows-repeated).
type odfRow struct {
	cells  []odfCell
	repeat int
}

// parseODFContent reads the body of content.xml. Spreadsheets declare
// repeats in the thousands for their empty margins, so repeats are only
// expanded as far as the limits that checkLimits enforces.
func parseODFContent(r io.Reader, spreadsheet bool) (*document, []string, error) {
	dec := xml.NewDecoder(r)
	d := &document{}
	var (
		depth     int // table nesting
		inPara    int
		para      strings.Builder
		cellParas []string
		cell      *odfCell
		row       *odfRow
		rows      []odfRow
		tableName string
		sheets    []string
		paras     int
		budget    = maxRows + 1 // rows all tables may still expand to; checkLimits refuses past maxRows
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "table":
				depth++
				if depth == 1 {
					rows, tableName = nil, attr(t, "name")
				}
			case "table-row":
				if depth == 1 {
					row = &odfRow{repeat: count(attr(t, "number-rows-repeated"))}
				}
			case "table-cell", "covered-table-cell":
				if depth == 1 {
					cell = &odfCell{span: count(attr(t, "number-columns-spanned")), repeat: count(attr(t, "number-columns-repeated")),
						covered: t.Name.Local == "covered-table-cell"}
					cellParas = nil
				}
			case "p", "h":
				inPara++
				if inPara == 1 {
					para.Reset()
				}
			case "s":
				para.WriteString(strings.Repeat(" ", min(count(attr(t, "c")), 64)))
			case "tab":
				para.WriteString(" ")
			case "line-break":
				para.WriteString("\n")
			case "note", "annotation", "tracked-changes":
				// Footnotes, comments and deleted text are not the program's text.
				if err := dec.Skip(); err != nil {
					return nil, nil, err
				}
			}
		case xml.CharData:
			if inPara > 0 {
				// ODF collapses white space in text; spaces that count are <text:s/>.
				para.WriteString(strings.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\t' {
						return ' '
					}
					return r
				}, string(t)))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p", "h":
				inPara--
				if inPara > 0 {
					continue
				}
				if depth > 0 {
					cellParas = append(cellParas, para.String())
				} else {
					paras++
					d.paragraph(para.String(), msg.Sprintf("paragraph %d", paras))
				}
				para.Reset()
			case "table-cell", "covered-table-cell":
				if depth == 1 && cell != nil && row != nil {
					cell.text = clean(strings.Join(cellParas, "\n"))
					row.cells = append(row.cells, *cell)
					cell = nil
				}
			case "table-row":
				if depth == 1 && row != nil {
					rows = append(rows, *row)
					row = nil
				}
			case "table":
				if depth == 1 {
					sheets = append(sheets, tableName)
					d.blocks = append(d.blocks, odfTable(rows, len(sheets), tableName, spreadsheet, &budget))
				}
				depth--
			}
		}
	}
	return d, sheets, nil
}

// count reads a repeat or span attribute: 1 when absent or unreadable.
func count(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// odfTable lays the cells on the grid as docxTable does: a cell spanning
// columns fills the first and leaves the covered ones empty; a cell
// covered by one spanning rows repeats the text above it, as a unit
// written once for several tasks belongs to each — in a text; a sheet
// reads as its .xlsx does, where the text stands in the first cell only.
func odfTable(rows []odfRow, n int, name string, spreadsheet bool, budget *int) block {
	where := func(i int) string { return msg.Sprintf("table %d row %d", n, i) }
	b := block{where: msg.Sprintf("table %d", n)}
	if spreadsheet {
		where = func(i int) string { return msg.Sprintf("sheet %q row %d", name, i) }
		b.where = msg.Sprintf("sheet %q", name)
	}
	var above []string
	number := 0
	for _, r := range rows {
		var grid []string
		spanLeft := 0
		for _, c := range r.cells {
			for k := 0; k < c.repeat && len(grid) <= maxColumns; k++ {
				text := c.text
				switch {
				case c.covered && spanLeft > 0:
					text = ""
					spanLeft--
				case c.covered && spreadsheet:
					text = "" // as a workbook gives it: the text stands in the first cell only
				case c.covered && len(grid) < len(above):
					text = above[len(grid)]
				case !c.covered:
					spanLeft = c.span - 1
				}
				grid = append(grid, text)
			}
		}
		grid = trimRow(grid)
		if spreadsheet && dropOwnMarks(grid) {
			number += r.repeat
			continue
		}
		// A repeated row with text stands as often as it is repeated, up
		// to what checkLimits refuses; empty ones are skipped anyway.
		times := 1
		if len(grid) > 0 {
			times = r.repeat
		}
		times = min(times, *budget)
		*budget -= times
		for k := 0; k < times; k++ {
			b.rows = append(b.rows, row{cells: grid, where: where(number + k + 1)})
		}
		number += r.repeat
		above = grid
	}
	return b
}
