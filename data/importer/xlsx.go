package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/xuri/excelize/v2"
)

// readXlsx reads one sheet (the first, or the one named) with its values as
// displayed: a date cell formatted "Tháng 3/2026" comes in as that text.
// Merged cells keep their text in the first cell; a header row merged over
// two rows is joined with the row under it by the table reader.
func readXlsx(name string, src []byte, sheet string) (*document, error) {
	f, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped / 4})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) || bytes.HasPrefix(src, []byte("\xD0\xCF\x11\xE0")) {
			return nil, formatError(name, "the workbook is password-protected or an old .xls file; remove the password (File > Info > Protect Workbook) and save it as .xlsx")
		}
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, formatError(name, "the workbook unzips to more than %d MB; plandoc imports programs of at most that (a 10,000-row program is 3 MB)", maxUnzipped>>20)
		}
		return nil, formatError(name, "not a readable .xlsx workbook: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, formatError(name, "the workbook has no sheet")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, formatError(name, "no sheet named %q; the sheets are %s", sheet, strings.Join(quoteAll(sheets), ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, formatError(name, "cannot read sheet %q: %v", sheet, err)
	}
	defer rows.Close()
	// The whole sheet is one table: rows above the header are the titles and
	// lone texts after the tasks the closing, as the table reader decides.
	// Rows are read one at a time, so a row padded to column XFD is trimmed
	// before the next is read.
	b := block{where: msg.Sprintf("sheet %q", sheet)}
	for i := 1; rows.Next(); i++ {
		if i > maxRows {
			return nil, formatError(name, "more than %d rows in sheet %q; plandoc imports programs of at most %d rows", maxRows, sheet, maxRows)
		}
		cells, err := rows.Columns()
		if err != nil {
			return nil, formatError(name, "cannot read row %d of sheet %q: %v", i, sheet, err)
		}
		cells = trimRow(cells)
		if len(cells) > maxColumns {
			col, _ := excelize.ColumnNumberToName(len(cells))
			return nil, formatError(name, "row %d has text in column %d (%s); plandoc reads tables of at most %d columns: delete what stands right of the table", i, len(cells), col, maxColumns)
		}
		for j := range cells {
			cells[j] = clean(cells[j])
		}
		if dropOwnMarks(cells) {
			continue
		}
		b.rows = append(b.rows, row{cells: cells, where: msg.Sprintf("row %d", i)})
	}
	if err := rows.Error(); err != nil {
		return nil, formatError(name, "cannot read sheet %q: %v", sheet, err)
	}
	return &document{blocks: []block{b}}, nil
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// dropOwnMarks blanks the marks plandoc hides in its own workbooks: they
// are not the program's text, and the rows they mark under a table
// (totals, signatures) are no tasks, which it reports.
func dropOwnMarks(cells []string) (ownRow bool) {
	for j, c := range cells {
		if strings.HasPrefix(c, "plandoc:") {
			ownRow = ownRow || c == "plandoc:total" || c == "plandoc:footer"
			cells[j] = ""
		}
	}
	return ownRow
}
