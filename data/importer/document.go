// Package importer turns the table an office already has (a Word or
// OpenDocument text, a workbook or text copied out of a PDF) into a plan file, and reports
// every inference a person should confirm.
package importer

import (
	"path/filepath"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"golang.org/x/text/unicode/norm"
)

// document is what a reader found in a source, in order: lines of text
// outside tables, and tables.
type document struct {
	blocks []block
}

// block is a paragraph (text) or a table (rows).
type block struct {
	text  string
	where string
	rows  []row
}

// row is a table row and where it came from, for the report ("row 12",
// "line 40").
type row struct {
	cells []string
	where string
}

func (d *document) paragraph(text, where string) {
	text = clean(text)
	if text != "" {
		d.blocks = append(d.blocks, block{text: text, where: where})
	}
}

// clean normalises a cell or line: NFC, no BOM or NUL, single spaces within
// lines, no blank lines at the ends.
func clean(s string) string {
	if s == "" {
		return s
	}
	s = norm.NFC.String(cleaner.Replace(s))
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return strings.Trim(strings.Join(out, "\n"), "\n ")
}

// cleaner is made once: building a Replacer costs more than using it.
var cleaner = strings.NewReplacer("\uFEFF", "", "\x00", "", "\r\n", "\n", "\r", "\n", "\u00A0", " ")

// ErrFormat is wrapped by every error about the source itself.
var ErrFormat error = importError{}

// importError says "cannot import" in the language of the moment it is
// printed, not of the moment the program started.
type importError struct{}

func (importError) Error() string { return msg.Sprintf("cannot import") }

func formatError(name, format string, args ...any) error {
	return msg.Errorf("%w %s: %s", ErrFormat, name, msg.Sprintf(format, args...))
}

// read picks the reader by the file's name and content.
func read(name string, src []byte, sheet string) (*document, error) {
	if len(strings.TrimSpace(string(src))) == 0 {
		return nil, formatError(name, "the file is empty")
	}
	ext := strings.ToLower(filepath.Ext(name))
	format := data.OfficeFormat(src)
	switch {
	case ext == ".odt" || ext == ".ods" || format == ".odt" || format == ".ods":
		return readODF(name, src, sheet)
	case ext == ".docx" || format == ".docx":
		return readDocx(name, src)
	case ext == ".xlsx" || ext == ".xlsm" || format == ".xlsx" || format == ".zip" || format == ".doc/.xls":
		return readXlsx(name, src, sheet)
	case ext == ".doc" || ext == ".xls":
		return nil, formatError(name, "old binary %s files are not read; open it and save it as %sx", ext, ext)
	}
	return readText(name, src)
}
