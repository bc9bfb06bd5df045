package render

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/plandoc/plandoc/data"
	"github.com/xuri/excelize/v2"
)

// A task sheet's rows are written here, as the XML excelize's stream
// writer would write for them, byte for byte, instead of through it:
// SetRow turns every cell into objects, escapes it twice and runs a
// regular expression over it, and a 10,000-task plan's department sheets
// hold 177,000 rows. The sheet itself (columns, panes, protection, the
// rows above and below the tasks) is still excelize's: each run of task
// rows stands there as one placeholder row, which the workbook's zip
// writer replaces with the run's XML.
//
// Only cells of the kinds the task sheets use are written here: a number,
// a text, an empty styled cell. A row with anything else (a completion
// date, a text excelize would cut or escape further) goes through
// SetRow, between two runs.

// rowRuns are a workbook's runs of task rows, by the marker of their
// placeholder row.
type rowRuns map[string][]byte

// markerNonce makes the placeholders' text impossible to meet in a plan:
// it is never written out, so the bytes stay the same every run.
var markerNonce = func() string {
	var b [16]byte
	rand.Read(b[:])
	return "plandoc-rows-" + hex.EncodeToString(b[:]) + "-"
}()

// rowWriter collects one sheet's task rows into runs.
type rowWriter struct {
	sw    *excelize.StreamWriter
	runs  rowRuns
	run   bytes.Buffer
	first int // row number of the run's first row; 0 when no run is open
}

// add writes one task row: into the open run when every cell is of a
// kind it knows, else through the stream writer, after the run.
func (w *rowWriter) add(row int, values []any, height float64) error {
	mark := w.run.Len()
	if w.appendRow(row, values, height) {
		if w.first == 0 {
			w.first = row
		}
		return nil
	}
	w.run.Truncate(mark)
	if err := w.flush(); err != nil {
		return err
	}
	return w.sw.SetRow(cellName(1, row), values, excelize.RowOpts{Height: height})
}

// flush ends the open run with its placeholder row.
func (w *rowWriter) flush() error {
	if w.first == 0 {
		return nil
	}
	marker := markerNonce + strconv.Itoa(len(w.runs))
	w.runs[marker] = w.run.Bytes()
	w.run = bytes.Buffer{} // the run keeps its bytes; the next starts anew
	first := w.first
	w.first = 0
	return w.sw.SetRow(cellName(1, first), []any{marker})
}

// appendRow appends the row's XML as excelize writes it, and says false,
// having written part of it perhaps, for a cell it leaves to excelize.
func (w *rowWriter) appendRow(row int, values []any, height float64) bool {
	if height > excelize.MaxRowHeight {
		return false
	}
	r := strconv.Itoa(row)
	b := &w.run
	b.WriteString(`<row r="`)
	b.WriteString(r)
	b.WriteString(`"`)
	if height > 0 {
		b.WriteString(` ht="`)
		b.WriteString(strconv.FormatFloat(height, 'f', -1, 64))
		b.WriteString(`" customHeight="1"`)
	}
	b.WriteString(`>`)
	for i, v := range values {
		if v == nil {
			continue
		}
		c, ok := v.(excelize.Cell)
		if !ok || c.StyleID <= 0 || c.Formula != "" {
			return false
		}
		b.WriteString(`<c r="`)
		b.WriteString(colName(i + 1))
		b.WriteString(r)
		b.WriteString(`" s="`)
		b.WriteString(strconv.Itoa(c.StyleID))
		b.WriteString(`"`)
		switch val := c.Value.(type) {
		case nil:
			b.WriteString(`></c>`)
		case int:
			b.WriteString(`><v>`)
			b.WriteString(strconv.Itoa(val))
			b.WriteString(`</v></c>`)
		case string:
			if !plainText(val) {
				return false
			}
			b.WriteString(` t="inlineStr"><is><t`)
			if val != "" && (isXMLSpace(val[0]) || isXMLSpace(val[len(val)-1])) {
				b.WriteString(` xml:space="preserve"`)
			}
			b.WriteString(`>`)
			writeEscaped(b, val)
			b.WriteString(`</t></is></c>`)
		default:
			return false
		}
	}
	b.WriteString(`</row>`)
	return true
}

func isXMLSpace(c byte) bool { return c == 9 || c == 10 || c == 13 || c == 32 }

// plainText says the text needs no more than the escaping appendEscaped
// does: excelize cuts a text over Excel's 32,767 characters, writes
// "_xHHHH_" sequences escaped, and replaces what XML cannot hold.
func plainText(s string) bool {
	if len(s) > excelize.TotalCellChars && data.UTF16Len(s) > excelize.TotalCellChars {
		return false
	}
	if strings.Contains(s, "_x") || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0xD800 && r <= 0xDFFF) || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}

// writeEscaped escapes as xml.EscapeText does, and then as excelize undoes
// for line feeds (it writes them as they are).
func writeEscaped(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
