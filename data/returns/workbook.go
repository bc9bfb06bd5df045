// Package returns reads the workbooks the departments send back (.xlsx
// from Excel or LibreOffice, .ods) and turns what they filled in into
// progress facts, reporting everything odd: plandoc collect.
package returns

import (
	"strings"

	"github.com/plandoc/plandoc/data"
)

// workbook is a returned file as read, whatever its format.
type workbook struct {
	name   string // as given on the command line, for messages
	sha256 string
	saved  string // when the file says it was last saved, RFC 3339 UTC; "" when it does not
	sheets []sheet
}

// sheet is one sheet's cells, row by row; a cell is its text, or for a
// date cell the date (Excel stores dates as day numbers, ODF as ISO text).
type sheet struct {
	name string
	rows [][]cell
}

type cell struct {
	text string
	date data.Date // set when the cell holds a date
}

// marks are what plandoc wrote into the hidden key column above each task
// sheet's header: the plan, the unit and which sheet it is. They survive
// tools that drop the workbook's custom properties (openpyxl does).
type marks struct{ plan, unit, sheet string }

const markPrefix = "plandoc:"

func (s *sheet) marks() marks {
	var m marks
	for _, row := range s.rows[:min(len(s.rows), 6)] {
		for _, c := range row {
			key, value, ok := strings.Cut(strings.TrimPrefix(c.text, markPrefix), "=")
			if !ok || !strings.HasPrefix(c.text, markPrefix) {
				continue
			}
			switch key {
			case "plan":
				m.plan = value
			case "unit":
				m.unit = value
			case "sheet":
				m.sheet = value
			}
		}
	}
	return m
}

// fold compares headings and statuses as people type them: case and
// spacing do not matter.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
