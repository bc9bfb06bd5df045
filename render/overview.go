package render

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/templates"
)

// overviewWorkbook writes overview.xlsx for the office: every task, a sheet
// per quarter, the year at a glance, and counts per unit and month.
func overviewWorkbook(p *data.Plan, tpl *templates.Workbook, kit bookKit) ([]byte, error) {
	b, err := newBook(p, tpl, kit)
	if err != nil {
		return nil, err
	}
	all := make([]*data.Task, len(p.Tasks))
	for i := range p.Tasks {
		all[i] = &p.Tasks[i]
	}
	if err := b.writeTaskSheet(taskSheet{name: tpl.Sheets.All, title: tpl.Titles.All, tasks: all}); err != nil {
		return nil, err
	}
	for q := 1; q <= 4; q++ {
		var tasks []*data.Task
		for _, t := range all {
			if t.Schedule.Months.InQuarter(q) {
				tasks = append(tasks, t)
			}
		}
		name := strings.ReplaceAll(tpl.Sheets.Quarter, "{quarter}", data.Roman(q))
		title := strings.ReplaceAll(tpl.Titles.Quarter, "{quarter}", data.Roman(q))
		if err := b.writeTaskSheet(taskSheet{name: name, title: title, tasks: tasks}); err != nil {
			return nil, err
		}
	}
	if err := b.writeTimeline(all); err != nil {
		return nil, err
	}
	if err := b.writeSummary(p.Workloads(), all); err != nil {
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
		out[m-1] = strings.ReplaceAll(b.tpl.Columns.Month, "{month}", fmt.Sprint(m))
	}
	return out
}

// writeTimeline writes tasks down and months across, the months each task
// covers filled in and marked "x" (for black-and-white printers).
func (b *book) writeTimeline(tasks []*data.Task) error {
	name, c := b.tpl.Sheets.Timeline, b.tpl.Columns
	sw, err := b.streamSheet(name, "")
	if err != nil {
		return err
	}
	widths := []float64{6, 50, 22}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(4, 15, 5); err != nil {
		return err
	}
	// Panes go before the first row: the header row comes after the titles.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 3, YSplit: overviewHeaderRow, TopLeftCell: cellName(4, overviewHeaderRow+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	header, err := b.writeTitles(sw, 15, b.tpl.Titles.Timeline)
	if err != nil {
		return err
	}
	row := []any{excelize.Cell{StyleID: b.st.header, Value: c.TT}, excelize.Cell{StyleID: b.st.header, Value: c.Content}, excelize.Cell{StyleID: b.st.header, Value: c.Units}}
	for _, m := range b.monthHeaders() {
		row = append(row, excelize.Cell{StyleID: b.st.header, Value: m})
	}
	if err := sw.SetRow(cellName(1, header), row, excelize.RowOpts{Height: 33}); err != nil {
		return err
	}
	for i, t := range tasks {
		row := []any{excelize.Cell{StyleID: b.st.center, Value: ttValue(t.TT)}, excelize.Cell{StyleID: b.st.cell, Value: t.Content},
			excelize.Cell{StyleID: b.st.center, Value: b.printed[t].cells[3]}}
		for m := 1; m <= 12; m++ {
			if t.Schedule.Months.Has(m) {
				row = append(row, excelize.Cell{StyleID: b.st.monthOn, Value: "x"})
			} else {
				row = append(row, excelize.Cell{StyleID: b.st.month})
			}
		}
		pt := b.printed[t]
		height := b.cells.rowHeight([]string{pt.cells[0], pt.cells[1], pt.cells[3]}, widths)
		if err := sw.SetRow(cellName(1, header+1+i), row, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	if err := b.printSetup(name, header); err != nil {
		return err
	}
	return sw.Flush()
}

// writeSummary counts, for each unit, the tasks it leads in each month, the
// tasks it leads in all and those it coordinates. The last row counts the
// plan's tasks: a task led jointly is counted once there, so it can be less
// than the sum of the rows above it.
func (b *book) writeSummary(loads []data.Workload, tasks []*data.Task) error {
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
	header, err := b.writeTitles(sw, width, b.tpl.Titles.Summary)
	if err != nil {
		return err
	}
	row := []any{excelize.Cell{StyleID: b.st.header, Value: c.Unit}}
	for _, m := range b.monthHeaders() {
		row = append(row, excelize.Cell{StyleID: b.st.header, Value: m})
	}
	row = append(row, excelize.Cell{StyleID: b.st.header, Value: c.LeadTotal}, excelize.Cell{StyleID: b.st.header, Value: c.PartnerTotal})
	if err := sw.SetRow(cellName(1, header), row, excelize.RowOpts{Height: 33}); err != nil {
		return err
	}
	line := func(r int, label string, labelStyle, style int, group []*data.Task, partner int) error {
		row := []any{excelize.Cell{StyleID: labelStyle, Value: label}}
		for m := 1; m <= 12; m++ {
			n := 0
			for _, t := range group {
				if t.Schedule.Months.Has(m) {
					n++
				}
			}
			row = append(row, excelize.Cell{StyleID: style, Value: n})
		}
		row = append(row, excelize.Cell{StyleID: style, Value: len(group)})
		if partner >= 0 {
			row = append(row, excelize.Cell{StyleID: style, Value: partner})
		} else {
			row = append(row, excelize.Cell{StyleID: style})
		}
		return sw.SetRow(cellName(1, r), row)
	}
	for i, w := range loads {
		if err := line(header+1+i, w.Unit.Name, b.st.unitName, b.st.count, w.Lead, len(w.Partner)); err != nil {
			return err
		}
	}
	if err := line(header+1+len(loads), c.Total, b.st.totalLabel, b.st.countBold, tasks, -1); err != nil {
		return err
	}
	if err := b.printSetup(name, header); err != nil {
		return err
	}
	return sw.Flush()
}
