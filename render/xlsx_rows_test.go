package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbookWith writes rows into a one-sheet workbook, through excelize's
// SetRow or through rowWriter, and returns its bytes. To SetRow, a cell
// without a style is given as its bare value, as plandoc gave it before
// rows were written past excelize.
func workbookWith(t *testing.T, rows [][]excelize.Cell, fast, plainOK bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if plainOK {
		// As the overview's timeline: hidden columns, no column styles.
		if err := sw.SetColVisible(5, 6, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.SetRow("A1", []any{"above"}); err != nil {
		t.Fatal(err)
	}
	runs := rowRuns{}
	w := rowWriter{sw: sw, runs: runs, plainOK: plainOK}
	for i, r := range rows {
		h := 15 + float64(i%3)*7.25
		if fast {
			err = w.add(i+3, r, h)
		} else {
			values := make([]any, len(r))
			for j, c := range r {
				values[j] = c
				if c.StyleID == 0 {
					values[j] = c.Value
				}
			}
			err = sw.SetRow(cellName(1, i+3), values, excelize.RowOpts{Height: h})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow(cellName(1, len(rows)+5), []any{"below"}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if !fast {
		runs = nil
	} else if len(runs) < 3 {
		t.Fatalf("%d runs of rows; the date row and the rows excelize must write split them into more", len(runs))
	}
	f.SetZipWriter(newSortedZip(time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC), runs))
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Rows written past excelize are the bytes excelize writes, for every
// kind of text a plan holds, and rows it must write itself (a date, a
// text it escapes further or cuts) go through it between runs.
func TestRowsWrittenAsExcelizeWritesThem(t *testing.T) {
	long := strings.Repeat("Hội nghị thông qua phương án ", 1200) // over Excel's 32,767 characters
	texts := []string{"Văn phòng", `"quoted" & <tagged> 'single'`, "tab\there", "line one\nline two\r\nthree", " leading space", "trailing\n",
		"", "=1+1", "_x0041_ stays", "bad \x01 control", "emoji 🎉 ok", "\uFFFE", long, "12", "1.0",
		"\uFFFF end", "\uFFFD kept", "under_score", "ends_", "ends_x", "_X0041_ upper", "\x1f unit separator", "\x7f delete", "bad \xff byte", "Thanh Hóa\u00a0"}
	var rows [][]excelize.Cell
	for i, s := range texts {
		rows = append(rows, []excelize.Cell{{StyleID: 2, Value: i + 1}, {StyleID: 3, Value: s}, {StyleID: 4}, {StyleID: 5, Value: "TT-" + s}})
	}
	rows = append(rows, []excelize.Cell{{StyleID: 2, Value: 99}, {StyleID: 6, Value: time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC)}})
	rows = append(rows, []excelize.Cell{{StyleID: 2, Value: 100}, {StyleID: 3, Value: "after a date"}})
	slow, fast := workbookWith(t, rows, false, false), workbookWith(t, rows, true, false)
	if !bytes.Equal(slow, fast) {
		t.Fatalf("the workbooks differ: %d and %d bytes", len(slow), len(fast))
	}
	// Unstyled texts, as the timeline's hidden lists, in a sheet without
	// column styles.
	for i := range rows {
		rows[i] = append(rows[i], excelize.Cell{Value: "|" + texts[i%len(texts)] + "|"}, excelize.Cell{Value: texts[(i+3)%len(texts)]})
	}
	slow, fast = workbookWith(t, rows, false, true), workbookWith(t, rows, true, true)
	if !bytes.Equal(slow, fast) {
		t.Fatalf("with unstyled texts, the workbooks differ: %d and %d bytes", len(slow), len(fast))
	}
}

// appendColName names every column as excelize does.
func TestAppendColNameIsExcelizes(t *testing.T) {
	for col := 1; col <= 800; col++ {
		if got, want := string(appendColName(nil, col)), colName(col); got != want {
			t.Fatalf("column %d: %q; excelize names it %q", col, got, want)
		}
	}
}
