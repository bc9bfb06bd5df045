package render

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync"
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
type rowRuns map[string]*chunks

// markerNonce makes the placeholders' text impossible to meet in a plan:
// it is never written out, so the bytes stay the same every run.
var markerNonce = sync.OnceValue(func() string {
	var b [16]byte
	rand.Read(b[:])
	return "plandoc-rows-" + hex.EncodeToString(b[:]) + "-"
})

// rowWriter collects one sheet's task rows into runs.
type rowWriter struct {
	sw      *excelize.StreamWriter
	runs    rowRuns
	run     *chunks
	first   int    // row number of the run's first row; 0 when no run is open
	row     []byte // the row being written, kept for the next
	plainOK bool   // cells without a style may be written here: the sheet has no column or row styles
}

// add writes one task row: into the open run when every cell is of a
// kind it knows, else through the stream writer, after the run. The
// cells are values, not each boxed in an interface as SetRow takes them:
// a 10,000-task plan's sheets hold 177,000 rows.
func (w *rowWriter) add(row int, cells []excelize.Cell, height float64) error {
	if w.run == nil {
		w.run = new(chunks)
	}
	var ok bool
	if w.row, ok = w.appendRow(w.row[:0], row, cells, height); ok {
		w.run.Write(w.row)
		if w.first == 0 {
			w.first = row
		}
		return nil
	}
	if err := w.flush(); err != nil {
		return err
	}
	values := make([]any, len(cells))
	for i, c := range cells {
		values[i] = c
	}
	return w.sw.SetRow(cellName(1, row), values, excelize.RowOpts{Height: height})
}

// flush ends the open run with its placeholder row.
func (w *rowWriter) flush() error {
	if w.first == 0 {
		return nil
	}
	marker := markerNonce() + strconv.Itoa(len(w.runs))
	w.runs[marker] = w.run
	w.run = new(chunks) // the run keeps its bytes; the next starts anew
	first := w.first
	w.first = 0
	return w.sw.SetRow(cellName(1, first), []any{marker})
}

// appendRow appends the row's XML to b as excelize writes it, and says
// false for a row with a cell it leaves to excelize.
func (w *rowWriter) appendRow(b []byte, row int, cells []excelize.Cell, height float64) ([]byte, bool) {
	if height > excelize.MaxRowHeight {
		return b, false
	}
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, c := range cells {
		// A cell without a style takes the column's or the row's in
		// excelize: only a sheet that has none writes it here.
		if c.StyleID < 0 || (c.StyleID == 0 && !w.plainOK) || c.Formula != "" {
			return b, false
		}
		b = append(b, `<c r="`...)
		b = appendColName(b, i+1)
		b = strconv.AppendInt(b, int64(row), 10)
		b = append(b, '"')
		if c.StyleID > 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(c.StyleID), 10)
			b = append(b, '"')
		}
		switch val := c.Value.(type) {
		case nil:
			b = append(b, `></c>`...)
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(val), 10)
			b = append(b, `</v></c>`...)
		case string:
			b = append(b, ` t="inlineStr"><is><t`...)
			if val != "" && (isXMLSpace(val[0]) || isXMLSpace(val[len(val)-1])) {
				b = append(b, ` xml:space="preserve"`...)
			}
			b = append(b, '>')
			var ok bool
			if b, ok = appendPlainText(b, val); !ok {
				return b, false
			}
			b = append(b, `</t></is></c>`...)
		default:
			return b, false
		}
	}
	return append(b, `</row>`...), true
}

// appendColName appends the column's letters, A to ZZ, as
// excelize.ColumnNumberToName names it, without making a string.
func appendColName(b []byte, col int) []byte {
	if col > 26*27 {
		return append(b, colName(col)...)
	}
	if col > 26 {
		b = append(b, byte('A'+(col-1)/26-1))
	}
	return append(b, byte('A'+(col-1)%26))
}

func isXMLSpace(c byte) bool { return c == 9 || c == 10 || c == 13 || c == 32 }

// appendPlainText escapes s onto b as xml.EscapeText does, and then as
// excelize undoes for line feeds (it writes them as they are), and says
// false, having written part of it perhaps, for a text that needs more:
// excelize cuts a text over Excel's 32,767 characters, writes "_xHHHH_"
// sequences escaped, and replaces what XML cannot hold (control
// characters, U+FFFE, U+FFFF; invalid UTF-8 and so surrogates). One pass
// over the bytes: 177,000 rows of a 10,000-task plan go through here.
func appendPlainText(b []byte, s string) ([]byte, bool) {
	if len(s) > excelize.TotalCellChars && data.UTF16Len(s) > excelize.TotalCellChars {
		return b, false
	}
	if !utf8.ValidString(s) {
		return b, false
	}
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; c {
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
		case '\n':
			continue
		case '_':
			if i+1 < len(s) && s[i+1] == 'x' {
				return b, false
			}
			continue
		case 0xEF: // U+FFFE and U+FFFF are EF BF BE and EF BF BF
			if i+2 < len(s) && s[i+1] == 0xBF && s[i+2] >= 0xBE {
				return b, false
			}
			continue
		default:
			if c < 0x20 {
				return b, false
			}
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...), true
}
