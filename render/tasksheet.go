package render

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
)

// A task sheet has four title rows, the header row and a row per task. The
// plan's columns come first as the annex prints them, then the three the
// department fills in, then the task's key, hidden.
const (
	titleRows = 4
	headerRow = titleRows + 1
	firstRow  = headerRow + 1

	colStatus = 8
	colDone   = 9
	colNotes  = 10
	colKey    = 11
	lastCol   = colKey
)

// taskSheet is one sheet listing tasks.
type taskSheet struct {
	name    string
	title   string
	tasks   []*data.Task
	protect bool // lock the plan's cells so a department cannot change them by accident
}

func (b *book) writeTaskSheet(s taskSheet) error {
	f, p, c := b.f, b.plan, b.tpl.Columns
	last := headerRow + max(len(s.tasks), 1)
	// The filter takes in the hidden key column, so sorting moves each key
	// with its row.
	sw, err := b.streamSheet(s.name, fmt.Sprintf("A%d:%s%d", headerRow, colName(colKey), last))
	if err != nil {
		return err
	}

	headers := []string{c.TT, c.Content, c.Time, c.Units, c.Presiding, c.Partners, c.Approvers, c.Status, c.Done, c.Notes, c.Key}
	rows := make([][]string, len(s.tasks))
	for i, t := range s.tasks {
		rows[i] = b.printed[t].cells[:]
	}
	limits := [][2]float64{{5, 8}, {30, 60}, {12, 16}, {14, 28}, {14, 24}, {14, 30}, {12, 22}}
	widths := make([]float64, 7)
	for col := 1; col <= 7; col++ {
		values := []string{}
		for _, r := range rows {
			values = append(values, r[col-1])
		}
		// Headings wrap on their words; the widest word must still fit.
		values = append(values, longestWord(headers[col-1]))
		widths[col-1] = fitWidth(limits[col-1][0], limits[col-1][1], values...)
		if err := sw.SetColWidth(col, col, widths[col-1]); err != nil {
			return err
		}
	}
	for _, cw := range []struct {
		col int
		w   float64
	}{{colStatus, 18}, {colDone, 15}, {colNotes, 40}, {colKey, 14}} {
		if err := sw.SetColWidth(cw.col, cw.col, cw.w); err != nil {
			return err
		}
	}
	if err := sw.SetColVisible(colKey, colKey, false); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cellName(1, firstRow), ActivePane: "bottomLeft"}); err != nil {
		return err
	}

	titles := []struct {
		text   string
		style  int
		height float64
	}{
		{strings.ToUpper(p.Organisation.Name), b.st.title, 20},
		{strings.ToUpper(p.Program.Title), b.st.subtitle, 20},
		{referenceText(b.tpl.Titles.Reference, p), b.st.reference, 33},
		{s.title, b.st.subtitle, 24},
	}
	for i, t := range titles {
		row := i + 1
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: t.style, Value: t.text}}, excelize.RowOpts{Height: t.height}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, row), cellName(colNotes, row)); err != nil {
			return err
		}
	}
	header := make([]any, len(headers))
	for i, h := range headers {
		header[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	if err := sw.SetRow(cellName(1, headerRow), header, excelize.RowOpts{Height: 33}); err != nil {
		return err
	}
	st := b.st
	for i, t := range s.tasks {
		r := rows[i]
		values := []any{
			excelize.Cell{StyleID: st.center, Value: ttValue(t.TT)},
			excelize.Cell{StyleID: st.cell, Value: r[1]},
			excelize.Cell{StyleID: st.center, Value: r[2]},
			excelize.Cell{StyleID: st.center, Value: r[3]},
			excelize.Cell{StyleID: st.center, Value: r[4]},
			excelize.Cell{StyleID: st.center, Value: r[5]},
			excelize.Cell{StyleID: st.center, Value: r[6]},
			excelize.Cell{StyleID: st.input},
			excelize.Cell{StyleID: st.date},
			excelize.Cell{StyleID: st.input},
			excelize.Cell{StyleID: st.cell, Value: b.printed[t].key},
		}
		if err := sw.SetRow(cellName(1, firstRow+i), values, excelize.RowOpts{Height: b.cells.taskRowHeight(b.printed[t], widths)}); err != nil {
			return err
		}
	}
	if len(s.tasks) == 0 {
		if err := sw.SetRow(cellName(1, firstRow), []any{excelize.Cell{StyleID: st.note, Value: b.tpl.Titles.Empty}}); err != nil {
			return err
		}
	} else if err := b.addValidations(s.name, firstRow, firstRow+len(s.tasks)-1); err != nil {
		return err
	}
	if err := b.printSetup(s.name, headerRow); err != nil {
		return err
	}
	if s.protect {
		if err := f.ProtectSheet(s.name, &excelize.SheetProtectionOptions{
			AutoFilter: true, Sort: true, SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
		}); err != nil {
			return fmt.Errorf("sheet %s: protection: %w", s.name, err)
		}
	}
	return sw.Flush()
}

// addValidations puts the status drop-down and the date check on rows
// from..to.
func (b *book) addValidations(sheet string, from, to int) error {
	m := b.tpl.Messages
	status := excelize.NewDataValidation(true)
	status.Sqref = fmt.Sprintf("%s%d:%s%d", colName(colStatus), from, colName(colStatus), to)
	if err := status.SetDropList(b.tpl.Columns.StatusOptions); err != nil {
		return fmt.Errorf("sheet %s: status list: %w", sheet, err)
	}
	status.SetError(excelize.DataValidationErrorStyleStop, m.StatusTitle, m.StatusError)
	if err := b.f.AddDataValidation(sheet, status); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	y := b.plan.Program.Year
	done := excelize.NewDataValidation(true)
	done.Sqref = fmt.Sprintf("%s%d:%s%d", colName(colDone), from, colName(colDone), to)
	if err := done.SetRange(fmt.Sprintf("DATE(%d,1,1)", y), fmt.Sprintf("DATE(%d,12,31)", y),
		excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return fmt.Errorf("sheet %s: date check: %w", sheet, err)
	}
	done.SetError(excelize.DataValidationErrorStyleStop, m.DateTitle, strings.ReplaceAll(m.DateError, "{year}", fmt.Sprint(y)))
	if err := b.f.AddDataValidation(sheet, done); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// printSetup prints the sheet on A4 landscape, one page wide, the header
// row on every page and the page number in the footer.
func (b *book) printSetup(sheet string, header int) error {
	size, orientation, wide, tall := 9, "landscape", 1, 0
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return fmt.Errorf("sheet %s: page layout: %w", sheet, err)
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&CTrang &P/&N"}); err != nil {
		return fmt.Errorf("sheet %s: footer: %w", sheet, err)
	}
	if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, header, header), Scope: sheet}); err != nil {
		return fmt.Errorf("sheet %s: print titles: %w", sheet, err)
	}
	return nil
}

func longestWord(s string) string {
	longest := ""
	for _, w := range strings.Fields(s) {
		if len([]rune(w)) > len([]rune(longest)) {
			longest = w
		}
	}
	return longest
}

// printedTask is a task's cells as the annex prints them, and its key.
type printedTask struct {
	cells [7]string // tt, content, time, units, presiding, partners, approvers
	key   string
}

// printedPlan holds every task's printed cells, made once per render: a
// task can appear in many workbooks.
type printedPlan map[*data.Task]*printedTask

func printPlan(p *data.Plan) printedPlan {
	out := make(printedPlan, len(p.Tasks))
	for i := range p.Tasks {
		t := &p.Tasks[i]
		out[t] = &printedTask{
			cells: [7]string{t.TT, t.Content, t.Time, p.UnitsLabel(t), p.PresidingLabel(t), p.PartnersLabel(t), p.ApproversLabel(t)},
			key:   t.Key(),
		}
	}
	return out
}
