package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/templates"
)

// A task sheet has four title rows, the header row and a row per task. The
// plan's columns come first, those of columns.toml as every document
// prints them, then the three the department fills in, then the task's
// key, hidden.
const (
	titleRows = 4
	headerRow = titleRows + 1
	firstRow  = headerRow + 1
)

// sheetColumns numbers a task sheet's columns (1-based, as Excel does):
// the plan's, then status, date, new time, notes and the template's extra
// columns, which the department fills in, then the hidden key.
type sheetColumns struct{ status, done, newTime, notes, extra, key int }

func (b *book) sheetColumns() sheetColumns {
	n := len(b.cols)
	return sheetColumns{status: n + 1, done: n + 2, newTime: n + 3, notes: n + 4, extra: n + 5, key: n + 5 + len(b.progress.Extra)}
}

// fittedWidth bounds each plan column's width (in characters) in a task
// sheet: at least the narrower, at most the wider; text wraps past it.
var fittedWidth = map[string][2]float64{
	"tt": {5, 8}, "content": {30, 60}, "time": {12, 16}, "units": {14, 28},
	"presiding": {14, 24}, "partners": {14, 30}, "approvers": {12, 22},
}

// taskSheet is one sheet listing tasks.
type taskSheet struct {
	name    string
	title   string
	tasks   []*data.Task
	protect bool // lock the plan's cells so a department cannot change them by accident
	// mark says, in the hidden key column above the header, which plan,
	// unit and sheet this is, so collect knows a returned sheet from its
	// cells even when a tool drops the workbook's properties.
	unit string
	role string // "lead", "partner", or "overview" for the office's sheets
	// plan identifies the plan in the mark: a department's Digest, so its
	// workbook changes only with what it shows; else the plan's sha256.
	plan string
	// reported is what the progress record holds of a task, for the
	// columns the department fills in; nil when nothing was collected.
	reported func(*data.Task) *reportedCells
}

// reportedCells is what a task sheet shows in the columns a department
// fills in.
type reportedCells struct {
	status  string
	done    data.Date
	newTime string
	notes   string
	extra   []string // in the template's order
}

func (b *book) writeTaskSheet(s taskSheet) error {
	f, p, pr, sc := b.f, b.plan, b.progress, b.sheetColumns()
	last := headerRow + max(len(s.tasks), 1)
	// The filter takes in the hidden key column, so sorting moves each key
	// with its row.
	sw, err := b.streamSheet(s.name, fmt.Sprintf("A%d:%s%d", headerRow, colName(sc.key), last))
	if err != nil {
		return err
	}

	var headers []string
	for _, c := range b.cols {
		headers = append(headers, c.Heading)
	}
	headers = append(headers, pr.Status, pr.Done, pr.NewTime, pr.Notes)
	headers = append(headers, pr.Extra...)
	headers = append(headers, pr.Key)
	widths := sheetWidths(b.cols, s.tasks, b.printed)
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	for _, cw := range []struct {
		col int
		w   float64
	}{{sc.status, 18}, {sc.done, 15}, {sc.newTime, 16}, {sc.notes, 40}, {sc.key, 14}} {
		if err := sw.SetColWidth(cw.col, cw.col, cw.w); err != nil {
			return err
		}
	}
	for c := sc.extra; c < sc.key; c++ {
		if err := sw.SetColWidth(c, c, 24); err != nil {
			return err
		}
	}
	if err := sw.SetColVisible(sc.key, sc.key, false); err != nil {
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
	plan := s.plan
	if plan == "" {
		plan = p.Source.SHA256
	}
	marks := []string{"plandoc:plan=" + plan, "plandoc:unit=" + s.unit, "plandoc:sheet=" + s.role}
	for i, t := range titles {
		row := i + 1
		values := make([]any, sc.key)
		values[0] = excelize.Cell{StyleID: t.style, Value: t.text}
		if i < len(marks) {
			values[sc.key-1] = marks[i]
		}
		if err := sw.SetRow(cellName(1, row), values, excelize.RowOpts{Height: t.height}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, row), cellName(sc.notes, row)); err != nil {
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
	rows := rowWriter{sw: sw, runs: b.runs}
	values := make([]excelize.Cell, 0, sc.key)
	for i, t := range s.tasks {
		pt := b.printed[t]
		values = b.planCells(t, b.cols, values[:0])
		values = b.reportedRow(s, t, values)
		values = append(values, excelize.Cell{StyleID: st.cell, Value: pt.keyv})
		if err := rows.add(firstRow+i, values, b.cells.taskRowHeight(pt, b.cols, widths)); err != nil {
			return err
		}
	}
	if err := rows.flush(); err != nil {
		return err
	}
	lastRow := firstRow + len(s.tasks) - 1
	if len(s.tasks) == 0 {
		if err := sw.SetRow(cellName(1, firstRow), []any{excelize.Cell{StyleID: st.note, Value: b.tpl.Titles.Empty.String()}}); err != nil {
			return err
		}
		lastRow = firstRow
	} else {
		if err := b.addValidations(s.name, firstRow, lastRow); err != nil {
			return err
		}
		if lastRow, err = b.writeTotals(sw, s, lastRow+2); err != nil {
			return err
		}
	}
	if s.role == "lead" || s.role == "partner" {
		if lastRow, err = b.writeSignatures(sw, lastRow+2); err != nil {
			return err
		}
	}
	if err := b.printSetup(s.name, headerRow); err != nil {
		return err
	}
	if err := b.printArea(s.name, sc.key-1, lastRow); err != nil {
		return err
	}
	if s.protect {
		if err := f.ProtectSheet(s.name, &excelize.SheetProtectionOptions{
			AutoFilter: true, Sort: true, SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
		}); err != nil {
			return msg.Errorf("sheet %s: protection: %w", s.name, err)
		}
	}
	return sw.Flush()
}

// writeTotals writes, from row r, the number of the sheet's tasks in each
// status as COUNTIF formulas over the status column, so the counts follow
// as the department fills the sheet; each cell also holds the count as
// the sheet is written, for readers that do not calculate. It returns the
// last row written. The hidden key column marks the rows as plandoc's, so
// collect does not read them as tasks.
func (b *book) writeTotals(sw *excelize.StreamWriter, s taskSheet, r int) (int, error) {
	sc, ft := b.sheetColumns(), b.tpl.Footer
	label := b.contentColumn()
	status := colName(sc.status)
	span := fmt.Sprintf("$%s$%d:$%s$%d", status, firstRow, status, firstRow+len(s.tasks)-1)
	counts := map[string]int{}
	blank := 0
	for _, t := range s.tasks {
		if rc := b.reportedCells(s, t); rc != nil && rc.status != "" {
			counts[rc.status]++
		} else {
			blank++
		}
	}
	row := func(r int, text string, style int, formula string, value int) error {
		values := make([]any, sc.key)
		values[label-1] = excelize.Cell{StyleID: style, Value: text}
		if formula != "" {
			values[sc.status-1] = excelize.Cell{StyleID: b.st.count, Formula: formula, Value: value}
		}
		values[sc.key-1] = "plandoc:total"
		return sw.SetRow(cellName(1, r), values)
	}
	if err := row(r, ft.Totals.String(), b.st.totalLabel, fmt.Sprintf("ROWS(%s)", span), len(s.tasks)); err != nil {
		return 0, err
	}
	for _, o := range b.progress.StatusOptions {
		r++
		if err := row(r, o, b.st.unitName, fmt.Sprintf("COUNTIF(%s,%q)", span, o), counts[o]); err != nil {
			return 0, err
		}
	}
	r++
	if err := row(r, ft.Blank.String(), b.st.unitName, fmt.Sprintf("COUNTBLANK(%s)", span), blank); err != nil {
		return 0, err
	}
	return r, nil
}

// writeSignatures writes, from row r, the place-and-date line and the
// signature blocks a returned sheet carries, with room to sign, and
// returns the last row.
func (b *book) writeSignatures(sw *excelize.StreamWriter, r int) (int, error) {
	sc, ft := b.sheetColumns(), b.tpl.Footer
	left0, left1 := 1, b.contentColumn()
	right0, right1 := sc.status, sc.notes
	line := func(r int, cells map[int]excelize.Cell, merges [][2]int) error {
		values := make([]any, sc.key)
		for c, v := range cells {
			values[c-1] = v
		}
		values[sc.key-1] = "plandoc:footer"
		if err := sw.SetRow(cellName(1, r), values, excelize.RowOpts{Height: 20}); err != nil {
			return err
		}
		for _, m := range merges {
			if err := sw.MergeCell(cellName(m[0], r), cellName(m[1], r)); err != nil {
				return err
			}
		}
		return nil
	}
	date := ft.DateLine.Fill(templates.Words{"place": b.plan.Organisation.Place, "year": strconv.Itoa(b.plan.Program.Year)})
	rows := []struct {
		cells  map[int]excelize.Cell
		merges [][2]int
	}{
		{map[int]excelize.Cell{right0: {StyleID: b.st.reference, Value: date}}, [][2]int{{right0, right1}}},
		{map[int]excelize.Cell{left0: {StyleID: b.st.subtitle, Value: ft.Left.String()}, right0: {StyleID: b.st.subtitle, Value: ft.Right.String()}}, [][2]int{{left0, left1}, {right0, right1}}},
		{map[int]excelize.Cell{left0: {StyleID: b.st.reference, Value: ft.Sign.String()}, right0: {StyleID: b.st.reference, Value: ft.Sign.String()}}, [][2]int{{left0, left1}, {right0, right1}}},
	}
	for i, row := range rows {
		if err := line(r+i, row.cells, row.merges); err != nil {
			return 0, err
		}
	}
	// Room for the signatures, and the rows print with the blocks.
	last := r + len(rows) + 3
	return last, nil
}

// contentColumn is the sheet column of the tasks' contents (1-based).
func (b *book) contentColumn() int {
	for i, c := range b.cols {
		if c.Field == "content" {
			return i + 1
		}
	}
	return 1
}

// reportedCells is what the sheet shows of a task's report, or nil.
func (b *book) reportedCells(s taskSheet, t *data.Task) *reportedCells {
	if s.reported == nil {
		return nil
	}
	return s.reported(t)
}

// reportedRow is the cells a department fills in, with what it reported
// before when the render has progress: text always, so a note that starts
// with = + - or @ stays a note and never becomes a formula.
func (b *book) reportedRow(s taskSheet, t *data.Task, row []excelize.Cell) []excelize.Cell {
	st := b.st
	r := b.reportedCells(s, t)
	if r == nil {
		r = &reportedCells{}
	}
	var done any
	if !r.done.IsZero() {
		done = r.done.Time()
	}
	row = append(row,
		excelize.Cell{StyleID: st.input, Value: textCell(r.status)},
		excelize.Cell{StyleID: st.date, Value: done},
		excelize.Cell{StyleID: st.input, Value: textCell(r.newTime)},
		excelize.Cell{StyleID: st.input, Value: textCell(r.notes)},
	)
	for i := range b.progress.Extra {
		v := ""
		if i < len(r.extra) {
			v = r.extra[i]
		}
		row = append(row, excelize.Cell{StyleID: st.input, Value: textCell(v)})
	}
	return row
}

// textCell is a value for a text cell: nil for an empty one, so an
// unfilled workbook is as it was.
func textCell(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// sheetWidths fits each plan column to the widest of the tasks' cells and
// the longest word of its heading (headings wrap on their words), within
// the column's bounds.
func sheetWidths(cols []taskColumn, tasks []*data.Task, printed printedPlan) []float64 {
	widths := make([]float64, len(cols))
	hi := make([]float64, len(cols)) // the widest each column gets
	open := 0                        // columns not yet that wide
	for i, c := range cols {
		limit := fittedWidth[c.Field]
		hi[i] = limit[1]
		widths[i] = fitWidth(limit[0], limit[1], longestWord(c.Heading))
		if widths[i] < hi[i] {
			open++
		}
	}
	// One pass over the tasks, each looked up once, ending when every
	// column is as wide as it gets: a 100,000-task plan's department
	// sheets hold 1.8 million rows.
	for _, t := range tasks {
		if open == 0 {
			break
		}
		pt := printed[t]
		for i, c := range cols {
			if widths[i] >= hi[i] {
				continue
			}
			if widths[i] = widen(widths[i], hi[i], pt.widest[c.field]); widths[i] >= hi[i] {
				open--
			}
		}
	}
	return widths
}

// planCells appends a task's cells in the columns to row: the number as a
// number when it is one, the content left-aligned, the rest centred.
func (b *book) planCells(t *data.Task, cols []taskColumn, row []excelize.Cell) []excelize.Cell {
	pt := b.printed[t]
	for _, c := range cols {
		switch c.Field {
		case "tt":
			row = append(row, excelize.Cell{StyleID: b.st.center, Value: pt.tt})
		case "content":
			row = append(row, excelize.Cell{StyleID: b.st.cell, Value: pt.values[c.field]})
		default:
			row = append(row, excelize.Cell{StyleID: b.st.center, Value: pt.values[c.field]})
		}
	}
	return row
}

// addValidations puts the status drop-down and the date check on rows
// from..to.
func (b *book) addValidations(sheet string, from, to int) error {
	m, sc := b.tpl.Messages, b.sheetColumns()
	status := excelize.NewDataValidation(true)
	status.Sqref = fmt.Sprintf("%s%d:%s%d", colName(sc.status), from, colName(sc.status), to)
	if err := status.SetDropList(b.progress.StatusOptions); err != nil {
		return msg.Errorf("sheet %s: status list: %w", sheet, err)
	}
	status.SetError(excelize.DataValidationErrorStyleStop, m.StatusTitle.String(), m.StatusError.String())
	status.SetInput(m.StatusTitle.String(), m.StatusInput.String())
	if err := b.f.AddDataValidation(sheet, status); err != nil {
		return msg.Errorf("sheet %s: %w", sheet, err)
	}
	y := b.plan.Program.Year
	done := excelize.NewDataValidation(true)
	done.Sqref = fmt.Sprintf("%s%d:%s%d", colName(sc.done), from, colName(sc.done), to)
	// A postponed task may be completed in the next year.
	if err := done.SetRange(fmt.Sprintf("DATE(%d,1,1)", y), fmt.Sprintf("DATE(%d,12,31)", y+1),
		excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return msg.Errorf("sheet %s: date check: %w", sheet, err)
	}
	done.SetError(excelize.DataValidationErrorStyleStop, m.DateTitle.String(), m.DateError.Fill(templates.Words{"year": strconv.Itoa(y), "next_year": strconv.Itoa(y + 1)}))
	done.SetInput(m.DateTitle.String(), m.DateInput.Fill(templates.Words{"year": strconv.Itoa(y)}))
	if err := b.f.AddDataValidation(sheet, done); err != nil {
		return msg.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// printSetup prints the sheet on A4 landscape with Decree 30's margins
// (20/20/30/15 mm), at most two pages wide (a task sheet is about 280
// characters wide: on one page its 12 pt text would print at 7.5 pt, on
// two at about 12), the header row on every page and the page number in
// the footer.
func (b *book) printSetup(sheet string, header int) error {
	size, orientation, wide, tall := 9, "landscape", 2, 0
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return msg.Errorf("sheet %s: page layout: %w", sheet, err)
	}
	mm := func(v float64) *float64 { in := v / 25.4; return &in }
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Top: mm(20), Bottom: mm(20), Left: mm(30), Right: mm(15), Header: mm(8), Footer: mm(8)}); err != nil {
		return msg.Errorf("sheet %s: margins: %w", sheet, err)
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&CTrang &P/&N"}); err != nil {
		return msg.Errorf("sheet %s: footer: %w", sheet, err)
	}
	if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, header, header), Scope: sheet}); err != nil {
		return msg.Errorf("sheet %s: print titles: %w", sheet, err)
	}
	return nil
}

// printArea prints columns 1..lastCol of rows 1..lastRow: the hidden key
// column stays off the paper.
func (b *book) printArea(sheet string, lastCol, lastRow int) error {
	ref := fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, colName(lastCol), lastRow)
	if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: ref, Scope: sheet}); err != nil {
		return msg.Errorf("sheet %s: print area: %w", sheet, err)
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
