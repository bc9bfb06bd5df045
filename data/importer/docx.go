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

// readDocx reads the paragraphs and tables of word/document.xml with the
// standard library: merged cells (gridSpan across, vMerge down) and line
// breaks inside cells are kept.
func readDocx(name string, src []byte) (*document, error) {
	if bytes.HasPrefix(src, []byte("\xD0\xCF\x11\xE0")) {
		return nil, formatError(name, "the document is password-protected or an old .doc file; remove the password (File > Info > Protect Document) and save it as .docx")
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, formatError(name, "not a .docx file (it is not a readable zip archive: %v)", err)
	}
	r, closePart, err := openPart(name, zr, "word/document.xml", "not a Word document")
	if err != nil {
		return nil, err
	}
	defer closePart()
	d, err := parseDocumentXML(r)
	if err != nil {
		return nil, formatError(name, "word/document.xml is damaged: %v", err)
	}
	return d, nil
}

// openPart opens one part of a zip-based document (.docx, .odt, .ods),
// to be read no further than maxUnzipped: the size in the zip's directory
// can lie.
func openPart(name string, zr *zip.Reader, path, notWhat string) (io.Reader, func() error, error) {
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == path {
			part = f
		}
	}
	if part == nil {
		return nil, nil, formatError(name, "%s (%s is missing)", notWhat, path)
	}
	if part.UncompressedSize64 > maxUnzipped {
		return nil, nil, formatError(name, "%s unzips to more than %d MB; plandoc imports programs of at most that", path, maxUnzipped>>20)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, nil, formatError(name, "cannot open %s: %v", path, err)
	}
	return io.LimitReader(rc, maxUnzipped), rc.Close, nil
}

// docxCell is a table cell as the XML gives it.
type docxCell struct {
	text     string
	span     int
	vMerge   bool // continues the cell above
	hasMerge bool
}

func parseDocumentXML(r io.Reader) (*document, error) {
	dec := xml.NewDecoder(r)
	d := &document{}
	var (
		depth     int // table nesting
		para      strings.Builder
		cellParas []string
		cell      *docxCell
		rowCells  []docxCell
		rows      [][]docxCell
		tables    int
		paras     int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
				if depth == 1 {
					rows = nil
				}
			case "tr":
				if depth == 1 {
					rowCells = nil
				}
			case "tc":
				if depth == 1 {
					cell = &docxCell{span: 1}
					cellParas = nil
				}
			case "gridSpan":
				if cell != nil && depth == 1 {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n < 100 {
						cell.span = n
					}
				}
			case "vMerge":
				if cell != nil && depth == 1 {
					cell.hasMerge = true
					cell.vMerge = attr(t, "val") != "restart"
				}
			case "p":
				para.Reset()
			case "tab":
				para.WriteString(" ")
			case "br", "cr":
				para.WriteString("\n")
			case "t":
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return nil, err
				}
				para.WriteString(s)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if depth > 0 {
					cellParas = append(cellParas, para.String())
				} else {
					paras++
					d.paragraph(para.String(), msg.Sprintf("paragraph %d", paras))
				}
				para.Reset()
			case "tc":
				if depth == 1 && cell != nil {
					cell.text = clean(strings.Join(cellParas, "\n"))
					rowCells = append(rowCells, *cell)
					cell = nil
				}
			case "tr":
				if depth == 1 {
					rows = append(rows, rowCells)
				}
			case "tbl":
				if depth == 1 {
					tables++
					d.blocks = append(d.blocks, docxTable(rows, tables))
				}
				depth--
			}
		}
	}
	return d, nil
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxTable lays the cells on the grid: a cell spanning columns fills the
// first, a cell merged down repeats the text above it (a unit written once
// for several tasks belongs to each).
func docxTable(rows [][]docxCell, n int) block {
	b := block{where: msg.Sprintf("table %d", n)}
	var above []string
	for i, cells := range rows {
		var grid []string
		for _, c := range cells {
			col := len(grid)
			text := c.text
			if c.hasMerge && c.vMerge && col < len(above) {
				text = above[col]
			}
			grid = append(grid, text)
			for k := 1; k < c.span; k++ {
				grid = append(grid, "")
			}
		}
		above = grid
		b.rows = append(b.rows, row{cells: grid, where: msg.Sprintf("table %d row %d", n, i+1)})
	}
	return b
}
