package importer

import "github.com/xuri/excelize/v2"

// What a real program table can be, with room to spare: the 2021 program
// is 72 rows and 40 KB of text; a 10,000-row workbook is 0.3 MB zipped,
// 2.6 MB unzipped, 1.9 MB of plan. Past these a source is refused with the
// limit named, before the work it would cost (a merged cell repeated down
// thousands of rows, a cell in column XFD, millions of shared strings).
const (
	MaxSourceBytes = 16 << 20 // the file as given; cmd/plandoc reads no more
	maxUnzipped    = 32 << 20 // a .docx's or .xlsx's parts, unzipped
	maxTextBytes   = 16 << 20 // all the text of the tables and paragraphs read
	maxRows        = 100_000  // rows of all the tables
	maxColumns     = 64       // a program table has about ten
	maxCellRunes   = 32_767   // Excel's limit for one cell
)

// checkLimits refuses a document larger than a program table can be.
func (d *document) checkLimits(name string) error {
	text, rows := 0, 0
	for _, b := range d.blocks {
		text += len(b.text)
		for _, r := range b.rows {
			rows++
			if rows > maxRows {
				return formatError(name, "more than %d table rows; plandoc imports programs of at most %d rows", maxRows, maxRows)
			}
			for c, cell := range r.cells {
				if cell == "" {
					continue
				}
				if c >= maxColumns {
					col, _ := excelize.ColumnNumberToName(c + 1)
					return formatError(name, "%s has text in column %d (%s); plandoc reads tables of at most %d columns: delete what stands right of the table", r.where, c+1, col, maxColumns)
				}
				if n := len([]rune(cell)); n > maxCellRunes {
					return formatError(name, "%s, column %d holds %d characters; a cell holds at most %d", r.where, c+1, n, maxCellRunes)
				}
				text += len(cell)
			}
		}
		if text > maxTextBytes {
			return formatError(name, "more than %d MB of text (merged cells count once for each row they cover); plandoc imports programs of at most %d MB", maxTextBytes>>20, maxTextBytes>>20)
		}
	}
	return nil
}

// sourceTooLarge refuses a file larger than a program can be, before it is read.
func sourceTooLarge(name string, size int) error {
	if size > MaxSourceBytes {
		return formatError(name, "the file is %.1f MB; plandoc imports files of at most %d MB (a 10,000-row program is under 1 MB)", float64(size)/(1<<20), MaxSourceBytes>>20)
	}
	return nil
}

// trimRow drops a row's empty cells at the right: a sheet pads a row to
// its last cell, which may stand far to the right.
func trimRow(cells []string) []string {
	last := len(cells) - 1
	for last >= 0 && cells[last] == "" {
		last--
	}
	return cells[:last+1]
}
