package returns

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// readOds reads an OpenDocument spreadsheet with the standard library:
// content.xml holds the sheets (table:table), rows and cells, each of
// which may stand for several (number-rows-repeated, number-columns-
// repeated: a sheet can declare a million empty rows, so repeats are
// expanded only up to the last row or cell that holds something).
func readOds(name string, src []byte) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, msg.Errorf("not a spreadsheet plandoc can read (%v)", err)
	}
	wb := &workbook{}
	var content *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "content.xml":
			content = f
		case "meta.xml":
			wb.saved = odsSaved(f)
		}
	}
	if content == nil {
		return nil, msg.Errorf("not an OpenDocument spreadsheet (content.xml is missing)")
	}
	if content.UncompressedSize64 > maxUnzipped {
		return nil, msg.Errorf("content.xml unzips to more than %d MB; a returned workbook is far smaller", maxUnzipped>>20)
	}
	rc, err := content.Open()
	if err != nil {
		return nil, msg.Errorf("cannot open content.xml: %v", err)
	}
	defer rc.Close()
	sheets, err := parseOdsContent(io.LimitReader(rc, maxUnzipped))
	if err != nil {
		return nil, msg.Errorf("content.xml is damaged: %v", err)
	}
	wb.sheets = sheets
	return wb, nil
}

func odsSaved(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var meta struct {
		Date string `xml:"meta>date"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&meta) != nil {
		return ""
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, meta.Date); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return ""
}

func parseOdsContent(r io.Reader) ([]sheet, error) {
	dec := xml.NewDecoder(r)
	var (
		sheets     []sheet
		cur        *sheet
		row        []cell
		rowRepeat  int
		pending    int // empty rows not yet added: added only if a later row has text
		c          *cell
		cellRepeat int
		text       strings.Builder
		paras      int
	)
	attr := func(t xml.StartElement, local string) string {
		for _, a := range t.Attr {
			if a.Name.Local == local {
				return a.Value
			}
		}
		return ""
	}
	repeat := func(t xml.StartElement, local string) int {
		n, err := strconv.Atoi(attr(t, local))
		if err != nil || n < 1 {
			return 1
		}
		return n
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sheets, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "table":
				if t.Name.Space != "" && strings.HasSuffix(t.Name.Space, "table:1.0") {
					sheets = append(sheets, sheet{name: attr(t, "name")})
					cur = &sheets[len(sheets)-1]
					pending = 0
				}
			case "table-row":
				row, rowRepeat = nil, repeat(t, "number-rows-repeated")
			case "table-cell", "covered-table-cell":
				c, cellRepeat = &cell{}, repeat(t, "number-columns-repeated")
				text.Reset()
				paras = 0
				if attr(t, "value-type") == "date" {
					if d, err := data.ParseDate(strings.SplitN(attr(t, "date-value"), "T", 2)[0]); err == nil {
						c.date = d
					}
				}
				if v := attr(t, "value"); v != "" && attr(t, "value-type") == "float" {
					c.text = v
				}
			case "p":
				if c != nil && paras > 0 {
					text.WriteString("\n")
				}
				paras++
			case "line-break":
				text.WriteString("\n")
			case "s":
				text.WriteString(strings.Repeat(" ", repeat(t, "c")))
			case "tab":
				text.WriteString(" ")
			}
		case xml.CharData:
			if c != nil {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "table-cell", "covered-table-cell":
				if c == nil {
					continue
				}
				if c.text == "" || !c.date.IsZero() {
					c.text = text.String()
				}
				if c.text != "" || !c.date.IsZero() {
					for range min(cellRepeat, maxColumns) {
						if len(row) < maxColumns {
							row = append(row, *c)
						}
					}
				} else if len(row)+cellRepeat <= maxColumns {
					for range cellRepeat {
						row = append(row, cell{}) // kept only if a later cell has text
					}
				}
				c = nil
			case "table-row":
				if cur == nil {
					continue
				}
				for len(row) > 0 && row[len(row)-1].text == "" && row[len(row)-1].date.IsZero() {
					row = row[:len(row)-1]
				}
				if len(row) == 0 {
					pending += rowRepeat
					continue
				}
				if len(cur.rows)+pending+rowRepeat > maxRows {
					return nil, msg.Errorf("sheet %q has more than %d rows", cur.name, maxRows)
				}
				for range pending {
					cur.rows = append(cur.rows, nil)
				}
				pending = 0
				for range rowRepeat {
					cur.rows = append(cur.rows, row)
				}
			case "table":
				cur = nil
			}
		}
	}
}
