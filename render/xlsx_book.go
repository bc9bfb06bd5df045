package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// book is one workbook being written, with the styles its sheets share.
type book struct {
	f        *excelize.File
	plan     *data.Plan
	tpl      *templates.Workbook
	progress templates.Progress
	cols     []taskColumn // the task sheets' plan columns
	sheets   int
	st       bookStyles
	created  string
	cells    *cellMeasurer
	printed  printedPlan
	runs     rowRuns // task rows written past excelize (xlsx_rows.go)
}

type bookStyles struct {
	title, subtitle, reference, header int
	cell, center, input, date, note    int
	month, monthOn, count, countBold   int
	unitName, totalLabel               int
}

// cellFont is Times New Roman: the recipients have it, and Liberation Serif
// (in the PDFs) has its metrics.
const cellFont = "Times New Roman"

func newBook(p *data.Plan, k *kit) (*book, error) {
	proto, err := styledFile()
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	if err := f.CopyStylesFrom(proto.f); err != nil {
		return nil, msg.Errorf("workbook style: %w", err)
	}
	return &book{f: f, plan: p, runs: rowRuns{}, tpl: k.set.Workbook, progress: k.set.Columns.Progress, cols: taskColumns(k.set.Workbook.Tasks.Columns),
		cells: k.cells, printed: k.printed, created: p.Decision.Date.Time().Format(time.RFC3339), st: proto.st}, nil
}

// styled is a file holding the styles every workbook starts with, and
// their ids.
type styled struct {
	f  *excelize.File
	st bookStyles
}

// styledFile makes the workbooks' styles once per process; each workbook
// starts from a copy (excelize's NewStyle compares a new style with every
// one before it: making 15 cost each workbook more than copying them).
func styledFile() (*styled, error) {
	styledOnce.Do(func() { styledMade, styledErr = makeStyled() })
	return styledMade, styledErr
}

// A sync.Once and plain variables, not sync.OnceValues: the generic's
// instance would hold *excelize.File as an interface, and with excelize's
// formulas calling methods by name the linker then keeps every exported
// method of File (4 MB of program, 0.15 ms of every start).
var (
	styledOnce sync.Once
	styledMade *styled
	styledErr  error
)

func makeStyled() (*styled, error) {
	f := excelize.NewFile()
	if err := f.SetDefaultFont(cellFont); err != nil {
		return nil, msg.Errorf("setting the default font: %w", err)
	}
	b := &styled{f: f}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: cellFont, Size: size, Bold: bold, Italic: italic}
	}
	unlocked := &excelize.Protection{Locked: false}
	inputFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	dateFmt := "dd/mm/yyyy"
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.st.title, excelize.Style{Font: font(13, true, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.subtitle, excelize.Style{Font: font(12, true, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.reference, excelize.Style{Font: font(12, false, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.header, excelize.Style{Font: font(12, true, false), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.cell, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.center, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&b.st.input, excelize.Style{Font: font(12, false, false), Border: border, Fill: inputFill, Protection: unlocked, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.date, excelize.Style{Font: font(12, false, false), Border: border, Fill: inputFill, Protection: unlocked, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&b.st.note, excelize.Style{Font: font(12, false, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.month, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.st.monthOn, excelize.Style{Font: font(12, true, false), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.st.count, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.st.countBold, excelize.Style{Font: font(12, true, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.st.unitName, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&b.st.totalLabel, excelize.Style{Font: font(12, true, false), Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return nil, msg.Errorf("workbook style: %w", err)
		}
		*s.id = id
	}
	return b, nil
}

// newSheet adds a sheet; the first one takes the place of excelize's
// default "Sheet1".
func (b *book) newSheet(name string) error {
	b.sheets++
	if b.sheets == 1 {
		return b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return err
}

// streamSheet adds a sheet printed one page wide, filtered over filter
// when it is not empty, and returns its stream writer. The order is
// excelize's: AutoFilter replaces the sheet properties, so it goes first,
// and both go before the stream writer, which writes them when it starts.
func (b *book) streamSheet(name, filter string) (*excelize.StreamWriter, error) {
	if err := b.newSheet(name); err != nil {
		return nil, msg.Errorf("sheet %s: %w", name, err)
	}
	if filter != "" {
		if err := b.f.AutoFilter(name, filter, nil); err != nil {
			return nil, msg.Errorf("sheet %s: filter: %w", name, err)
		}
	}
	fit := true
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, msg.Errorf("sheet %s: %w", name, err)
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, msg.Errorf("sheet %s: %w", name, err)
	}
	return sw, nil
}

// finish sets the document properties and returns the workbook's bytes.
func (b *book) finish(title string, custom map[string]string, customOrder []string) ([]byte, error) {
	p := b.plan
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: referenceText(b.tpl.Titles.Reference, p), Creator: "plandoc " + Version, LastModifiedBy: "plandoc " + Version,
		Keywords: fmt.Sprintf("chương trình công tác, %d", p.Program.Year), Language: "vi-VN",
		Created: b.created, Modified: b.created,
	}); err != nil {
		return nil, msg.Errorf("document properties: %w", err)
	}
	for _, name := range customOrder {
		if err := b.f.SetCustomProps(excelize.CustomProperty{Name: name, Value: custom[name]}); err != nil {
			return nil, msg.Errorf("custom property %s: %w", name, err)
		}
	}
	// The first sheet is already the active one. SetActiveSheet would read
	// every streamed sheet back into memory to mark it, costing more than
	// writing it did.
	when, _ := time.Parse(time.RFC3339, b.created)
	b.f.SetZipWriter(newSortedZip(when, b.runs))
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return nil, msg.Errorf("writing workbook: %w", err)
	}
	if err := b.f.Close(); err != nil {
		return nil, msg.Errorf("closing workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// ttValue writes a task number as a number when it is one, so sorting by
// TT in Excel sorts 2 before 10; "01" or "1a" stay text, as printed.
func ttValue(tt string) any {
	if n, err := strconv.Atoi(tt); err == nil && strconv.Itoa(n) == tt {
		return n
	}
	return tt
}

// fitWidth is a column width (in characters) that fits the longest value,
// between lo and hi; longer text wraps.
func fitWidth(lo, hi float64, values ...string) float64 {
	w := lo
	for _, v := range values {
		if w >= hi {
			break // the widest a column gets: a 100,000-task sheet's content column is there at once
		}
		w = widen(w, hi, widestLine(v))
	}
	return min(w, hi)
}

// widen is a column width w made to fit a line of so many characters,
// at most hi.
func widen(w, hi, line float64) float64 { return min(max(w, line+2), hi) }

// widestLine is the number of characters of the longest line of v.
func widestLine(v string) float64 {
	widest := 0
	for v != "" {
		line, rest, _ := strings.Cut(v, "\n")
		widest = max(widest, utf8.RuneCountInString(line))
		v = rest
	}
	return float64(widest)
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// cellMeasurer wraps cell text as a spreadsheet will, to give each row the
// height its longest cell needs: rows written by the stream writer are not
// fitted by LibreOffice on opening, and wrapped text would overlap. One
// measurer serves all the workbooks of a render, concurrently; a task that
// appears in fifty departments' sheets is measured once, on the task.
type cellMeasurer struct {
	face *fonts.Face
}

// maxFields bounds data.TaskFields for the row-height cache's key.
const maxFields = 8

// Cell text is 12 pt; a 12 pt Times line takes 15.75 pt in Excel.
const (
	cellFontSize   = 12
	cellLineHeight = 15.75
)

func newCellMeasurer(face *fonts.Face) *cellMeasurer { return &cellMeasurer{face: face} }

// wordW measures a word. It is not remembered: summing a word's advances
// from the face's tables costs less than finding it in a map shared by
// every workbook (a twentieth of the 100,000-task render went to that).
func (m *cellMeasurer) wordW(s string) float64 { return m.face.Width(s, cellFontSize) }

// columnPoints is the room for text in a column of width w (in Excel's
// units, the default font's digit width: 7 px for Times New Roman 11),
// less the cell's padding, with a margin for renderers that differ.
func columnPoints(w float64) float64 { return (w*7 - 3) * 0.75 * 0.95 }

// taskRowHeight is rowHeight for a task's cells in the columns, of the
// widths, remembered on the task, and so is each cell's count of lines at
// its width: sheets of other widths mostly differ in one column.
func (m *cellMeasurer) taskRowHeight(pt *printedTask, cols []taskColumn, widths []float64) float64 {
	var at [maxFields]float64
	for i, c := range cols {
		at[c.field] = widths[i]
	}
	pt.mu.Lock()
	defer pt.mu.Unlock()
	for _, h := range pt.heights {
		if h.widths == at {
			return h.height
		}
	}
	lines := 1
	for i, c := range cols {
		if text := pt.cells[c.field]; text != "" {
			lines = max(lines, m.taskCellLines(pt, c.field, text, widths[i]))
		}
	}
	h := min(linesHeight(lines), maxRowHeight)
	pt.heights = append(pt.heights, rowHeightAt{at, h})
	return h
}

// taskCellLines is cellLines for a task's cell, remembered on the task
// (whose lock the caller holds): found there without hashing its text.
func (m *cellMeasurer) taskCellLines(pt *printedTask, field int, text string, width float64) int {
	for _, l := range pt.lines {
		if l.field == field && l.width == width {
			return l.lines
		}
	}
	n := m.cellLines(text, width)
	pt.lines = append(pt.lines, linesAt{field, width, n})
	return n
}

// maxRowHeight is the tallest row Excel allows, in points: a cell whose
// text needs more keeps it whole but shows only what fits (check warns).
const maxRowHeight = 409

// rowHeight is the height in points that the cells need, wrapped to their
// columns' widths, at most maxRowHeight.
func (m *cellMeasurer) rowHeight(cells []string, widths []float64) float64 {
	return min(m.neededHeight(cells, widths), maxRowHeight)
}

// heightAtMost bounds neededHeight without wrapping: wrapping greedily
// puts more than a line's room of text on any two lines in a row, so a
// paragraph as wide as W takes at most 2W/room + 1 lines.
func (m *cellMeasurer) heightAtMost(cells []string, widths []float64) float64 {
	lines := 1
	for i, text := range cells {
		if text == "" || i >= len(widths) {
			continue
		}
		room := columnPoints(widths[i])
		if room <= 0 {
			return math.Inf(1)
		}
		n := 0
		for _, par := range strings.Split(strings.ReplaceAll(text, "\t", " "), "\n") {
			n += int(2*m.face.Width(par, cellFontSize)/room) + 1
		}
		lines = max(lines, n)
	}
	return float64(lines)*cellLineHeight + 2
}

// neededHeight is the height the cells need, however tall.
func (m *cellMeasurer) neededHeight(cells []string, widths []float64) float64 {
	lines := 1
	for i, text := range cells {
		if text == "" || i >= len(widths) {
			continue
		}
		lines = max(lines, m.cellLines(text, widths[i]))
	}
	return linesHeight(lines)
}

// linesHeight is the height of a row whose tallest cell holds so many
// lines.
func linesHeight(lines int) float64 { return float64(lines)*cellLineHeight + 2 }

// cellLines is how many lines the text wraps to in a column of the width.
// It is not remembered across tasks: counting a unit's name or a month
// again costs less than finding it in a map every workbook shares.
func (m *cellMeasurer) cellLines(text string, width float64) int {
	return countLines(m, text, columnPoints(width), 0)
}
