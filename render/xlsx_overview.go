package render

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
)

// overviewWorkbook writes overview.xlsx for the office: every task, a sheet
// per quarter, the year at a glance, and counts per unit and month.
func overviewWorkbook(p *data.Plan, k *kit) ([]byte, error) {
	b, err := newBook(p, k)
	if err != nil {
		return nil, err
	}
	tpl := b.tpl
	all := make([]*data.Task, len(p.Tasks))
	for i := range p.Tasks {
		all[i] = &p.Tasks[i]
	}
	if err := b.writeTaskSheet(taskSheet{name: tpl.Sheets.All, title: tpl.Titles.All.String(), tasks: all, role: "overview", reported: k.reportedByLeads}); err != nil {
		return nil, err
	}
	for q := 1; q <= 4; q++ {
		name := tpl.Sheets.Quarter.Fill(quarterWords(q))
		title := tpl.Titles.Quarter.Fill(quarterWords(q))
		if err := b.writeTaskSheet(taskSheet{name: name, title: title, tasks: p.QuarterTasks(q), role: "overview", reported: k.reportedByLeads}); err != nil {
			return nil, err
		}
	}
	loads := k.workloads()
	refs, err := b.writeTimeline(all, loads)
	if err != nil {
		return nil, err
	}
	if err := b.writeSummary(loads, all, refs); err != nil {
		return nil, err
	}
	// What was done in the year so far, per lead unit, from the returns.
	if err := b.writeResults(p, 1, 4, k, strings.ToUpper(p.Program.Title), k.set.Quarterly.Year.Section.String()); err != nil {
		return nil, err
	}
	props := map[string]string{"plandoc.kind": "overview", "plandoc.plan_sha256": p.Source.SHA256, "plandoc.version": Version}
	return b.finish(p.Program.Title, props, []string{"plandoc.kind", "plandoc.plan_sha256", "plandoc.version"})
}

// writeTitles writes the organisation, program and sheet title rows merged
// across width columns, and returns the next row.
func (b *book) writeTitles(sw *excelize.StreamWriter, width int, title string) (int, error) {
	p := b.plan
	rows := []struct {
		text  string
		style int
	}{{strings.ToUpper(p.Organisation.Name), b.st.title}, {strings.ToUpper(p.Program.Title), b.st.subtitle}, {title, b.st.subtitle}}
	for i, r := range rows {
		if err := sw.SetRow(cellName(1, i+1), []any{excelize.Cell{StyleID: r.style, Value: r.text}}, excelize.RowOpts{Height: 20}); err != nil {
			return 0, err
		}
		if err := sw.MergeCell(cellName(1, i+1), cellName(width, i+1)); err != nil {
			return 0, err
		}
	}
	return overviewHeaderRow, nil
}

// overviewHeaderRow is the header row of the timeline and summary sheets:
// three title rows and a blank one above it.
const overviewHeaderRow = 5

func (b *book) monthHeaders() []string {
	out := make([]string, 12)
	for m := 1; m <= 12; m++ {
		out[m-1] = b.tpl.Columns.Month.Fill(monthWords(m))
	}
	return out
}

// writeTimeline writes tasks down and months across, the months each task
// covers filled in and marked "x" (for black-and-white printers).
func (b *book) writeTimeline(tasks []*data.Task, loads []data.Workload) (*timelineRefs, error) {
	return b.timeline(tasks, loads)
}

// timelineRefs say where the timeline holds what the summary's formulas
// count: each month's "x" column, and two hidden columns listing each
// task's lead units and its other partner units as "|id|id|".
type timelineRefs struct {
	sheet             string
	first, last       int // the task rows
	monthCol          [12]int
	tt, lead, partner int
}

// timeline writes the timeline sheet.
func (b *book) timeline(tasks []*data.Task, loads []data.Workload) (*timelineRefs, error) {
	name := b.tpl.Sheets.Timeline
	sw, err := b.streamSheet(name, "")
	if err != nil {
		return nil, err
	}
	// The task is named by the columns of the workbooks that say which it
	// is and who leads it; the months follow them.
	var cols []taskColumn
	var widths []float64
	for _, c := range b.cols {
		if w, ok := timelineWidth[c.Field]; ok {
			cols = append(cols, c)
			widths = append(widths, w)
		}
	}
	n := len(cols)
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetColWidth(n+1, n+12, 5); err != nil {
		return nil, err
	}
	// Two hidden columns list each task's lead units and its partner units
	// that do not lead it, between bars ("|van-phong|ban-a|"), for the
	// summary's formulas to count: ids hold no "|", so "*|van-phong|*"
	// matches that unit alone.
	leadCol, partnerCol := n+13, n+14
	if err := sw.SetColVisible(leadCol, partnerCol, false); err != nil {
		return nil, err
	}
	// Panes go before the first row: the header row comes after the titles.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: n, YSplit: overviewHeaderRow, TopLeftCell: cellName(n+1, overviewHeaderRow+1), ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	header, err := b.writeTitles(sw, n+12, b.tpl.Titles.Timeline.String())
	if err != nil {
		return nil, err
	}
	refs := &timelineRefs{sheet: name, first: header + 1, last: header + max(len(tasks), 1), lead: leadCol, partner: partnerCol, tt: 1}
	for m := range 12 {
		refs.monthCol[m] = n + 1 + m
	}
	partners := map[*data.Task][]string{}
	for _, w := range loads {
		for _, t := range w.Partner {
			partners[t] = append(partners[t], w.Unit.ID)
		}
	}
	var row []any
	for _, c := range cols {
		row = append(row, excelize.Cell{StyleID: b.st.header, Value: c.Heading})
	}
	for _, m := range b.monthHeaders() {
		row = append(row, excelize.Cell{StyleID: b.st.header, Value: m})
	}
	row = append(row, "lead", "partner")
	if err := sw.SetRow(cellName(1, header), row, excelize.RowOpts{Height: 33}); err != nil {
		return nil, err
	}
	// The sheet has no column styles: its unstyled cells (the hidden
	// lists) are written past excelize too.
	rows := rowWriter{sw: sw, runs: b.runs, plainOK: true}
	cells := make([]excelize.Cell, 0, n+14)
	for i, t := range tasks {
		cells = b.planCells(t, cols, cells[:0])
		for m := 1; m <= 12; m++ {
			if t.Schedule.Months.Has(m) {
				cells = append(cells, excelize.Cell{StyleID: b.st.monthOn, Value: "x"})
			} else {
				cells = append(cells, excelize.Cell{StyleID: b.st.month})
			}
		}
		cells = append(cells, excelize.Cell{Value: "|" + strings.Join(t.Units, "|") + "|"}, excelize.Cell{Value: "|" + strings.Join(partners[t], "|") + "|"})
		height := b.cells.taskRowHeight(b.printed[t], cols, widths)
		if err := rows.add(header+1+i, cells, height); err != nil {
			return nil, err
		}
	}
	if err := rows.flush(); err != nil {
		return nil, err
	}
	if err := b.printSetup(name, header); err != nil {
		return nil, err
	}
	if err := b.printArea(name, n+12, header+max(len(tasks), 1)); err != nil {
		return nil, err
	}
	return refs, sw.Flush()
}

// col is an absolute reference to one of the timeline's columns over the
// task rows.
func (r *timelineRefs) col(c int) string {
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", r.sheet, colName(c), r.first, colName(c), r.last)
}

// timelineWidth is the width of each task column the timeline shows.
var timelineWidth = map[string]float64{"tt": 6, "content": 50, "units": 22}

// writeSummary counts, for each unit, the tasks it leads in each month, the
// tasks it leads in all and those it coordinates. The last row counts the
// plan's tasks: a task led jointly is counted once there, so it can be less
// than the sum of the rows above it.
//
// The counts are formulas over the timeline (COUNTIFS), so they follow an
// edit of it; each also holds its value, for readers that do not calculate.
func (b *book) writeSummary(loads []data.Workload, tasks []*data.Task, refs *timelineRefs) error {
	name, c := b.tpl.Sheets.Summary, b.tpl.Columns
	width := 1 + 12 + 2
	sw, err := b.streamSheet(name, "")
	if err != nil {
		return err
	}
	for _, cw := range []struct {
		from, to int
		w        float64
	}{{1, 1, 30}, {2, 13, 6}, {14, 15, 14}} {
		if err := sw.SetColWidth(cw.from, cw.to, cw.w); err != nil {
			return err
		}
	}
	header, err := b.writeTitles(sw, width, b.tpl.Titles.Summary.String())
	if err != nil {
		return err
	}
	row := []any{excelize.Cell{StyleID: b.st.header, Value: c.Unit.String()}}
	for _, m := range b.monthHeaders() {
		row = append(row, excelize.Cell{StyleID: b.st.header, Value: m})
	}
	row = append(row, excelize.Cell{StyleID: b.st.header, Value: c.LeadTotal.String()}, excelize.Cell{StyleID: b.st.header, Value: c.PartnerTotal.String()})
	if err := sw.SetRow(cellName(1, header), row, excelize.RowOpts{Height: 33}); err != nil {
		return err
	}
	// unit is "" for the totals row, which counts every task once.
	line := func(r int, label, unit string, labelStyle, style int, group []*data.Task, partner int) error {
		row := []any{excelize.Cell{StyleID: labelStyle, Value: label}}
		match := fmt.Sprintf("\"*|%s|*\"", unit)
		for m := 1; m <= 12; m++ {
			n := 0
			for _, t := range group {
				if t.Schedule.Months.Has(m) {
					n++
				}
			}
			formula := fmt.Sprintf("COUNTIFS(%s,%s,%s,\"x\")", refs.col(refs.lead), match, refs.col(refs.monthCol[m-1]))
			if unit == "" {
				formula = fmt.Sprintf("COUNTIF(%s,\"x\")", refs.col(refs.monthCol[m-1]))
			}
			row = append(row, excelize.Cell{StyleID: style, Formula: formula, Value: n})
		}
		if unit == "" {
			row = append(row, excelize.Cell{StyleID: style, Formula: fmt.Sprintf("COUNTA(%s)", refs.col(refs.tt)), Value: len(group)}, excelize.Cell{StyleID: style})
		} else {
			row = append(row,
				excelize.Cell{StyleID: style, Formula: fmt.Sprintf("COUNTIF(%s,%s)", refs.col(refs.lead), match), Value: len(group)},
				excelize.Cell{StyleID: style, Formula: fmt.Sprintf("COUNTIF(%s,%s)", refs.col(refs.partner), match), Value: partner})
		}
		return sw.SetRow(cellName(1, r), row)
	}
	for i, w := range loads {
		if err := line(header+1+i, w.Unit.Name, w.Unit.ID, b.st.unitName, b.st.count, w.Lead, len(w.Partner)); err != nil {
			return err
		}
	}
	if err := line(header+1+len(loads), c.Total.String(), "", b.st.totalLabel, b.st.countBold, tasks, -1); err != nil {
		return err
	}
	if err := b.printSetup(name, header); err != nil {
		return err
	}
	return sw.Flush()
}
