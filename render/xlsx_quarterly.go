package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/templates"
)

// quarterlyWorkbook writes quarterly/qN.xlsx: the summary with a native
// column chart, and the quarter's tasks with their month, filterable.
func quarterlyWorkbook(p *data.Plan, qd *quarterData, date data.Date, k *kit) ([]byte, error) {
	b, err := newBook(p, k)
	if err != nil {
		return nil, err
	}
	tpl := k.set.Quarterly
	summary := tpl.Heading.Summary.Fill(reportWords(p, qd.q, date, tpl))
	if err := b.writeQuarterSummary(qd, tpl, summary); err != nil {
		return nil, err
	}
	if err := b.writeQuarterTasks(qd, tpl, summary); err != nil {
		return nil, err
	}
	if err := b.writeResults(p, qd.q, qd.q, k, summary, tpl.Results.Section.String()); err != nil {
		return nil, err
	}
	if err := b.writeOpen(p, qd.q, qd.q, k, summary); err != nil {
		return nil, err
	}
	b.created = date.Time().Format(time.RFC3339)
	props := map[string]string{"plandoc.kind": "quarterly", "plandoc.quarter": fmt.Sprint(qd.q), "plandoc.version": Version}
	return b.finish(summary, props, []string{"plandoc.kind", "plandoc.quarter", "plandoc.version"})
}

// writeQuarterSummary writes the counts per unit, then the chart under them.
func (b *book) writeQuarterSummary(qd *quarterData, tpl *templates.Quarterly, title string) error {
	s, name := tpl.Summary, tpl.Sheets.Summary
	if err := b.newSheet(name); err != nil {
		return msg.Errorf("sheet %s: %w", name, err)
	}
	f := b.f
	headers := []string{s.TT.String(), s.Unit.String()}
	for _, m := range qd.months {
		headers = append(headers, s.Month.Fill(monthWords(m)))
	}
	for _, body := range qd.bodies {
		headers = append(headers, body.Name)
	}
	headers = append(headers, s.Total.String())
	width := len(headers)
	titles := []struct {
		text  string
		style int
	}{{strings.ToUpper(b.plan.Organisation.Name), b.st.title}, {title, b.st.subtitle}, {s.Section.String(), b.st.subtitle}}
	for i, t := range titles {
		if err := b.mergedTitle(name, i+1, width, t.text, t.style); err != nil {
			return err
		}
	}
	header := overviewHeaderRow
	rows := [][]any{}
	for i, c := range qd.units {
		rows = append(rows, countRow(i+1, c.unit.Name, c))
	}
	rows = append(rows, countRow(0, s.TotalsRow.String(), qd.totals))
	if err := f.SetSheetRow(name, cellName(1, header), &headers); err != nil {
		return err
	}
	for i, r := range rows {
		if err := f.SetSheetRow(name, cellName(1, header+1+i), &r); err != nil {
			return err
		}
	}
	last := header + len(rows)
	styles := []struct {
		from, to string
		style    int
	}{
		{cellName(1, header), cellName(width, header), b.st.header},
		{cellName(1, header+1), cellName(width, last), b.st.count},
		{cellName(2, header+1), cellName(2, last), b.st.unitName},
		{cellName(1, last), cellName(width, last), b.st.countBold},
		{cellName(2, last), cellName(2, last), b.st.totalLabel},
	}
	for _, st := range styles {
		if err := f.SetCellStyle(name, st.from, st.to, st.style); err != nil {
			return err
		}
	}
	if err := b.mergedTitle(name, last+1, width, s.Note.String(), b.st.note); err != nil {
		return err
	}
	if err := f.SetRowHeight(name, last+1, 33); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", 6); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", 34); err != nil {
		return err
	}
	if err := f.SetColWidth(name, colName(3), colName(width), 14); err != nil {
		return err
	}
	if err := f.SetRowHeight(name, header, 33); err != nil {
		return err
	}
	if len(qd.units) > 0 {
		if err := b.addQuarterChart(name, tpl.Sheets.Chart, qd, s, header); err != nil {
			return err
		}
	}
	return b.printSetup(name, header)
}

func countRow(n int, label string, c unitCount) []any {
	row := []any{nil, label}
	if n > 0 {
		row[0] = n
	}
	for _, v := range c.months {
		row = append(row, v)
	}
	for _, v := range c.bodies {
		row = append(row, v)
	}
	return append(row, c.total)
}

// addQuarterChart adds a clustered column chart: a series per month, the
// units along the axis.
func (b *book) addQuarterChart(sheet, chartSheet string, qd *quarterData, s templates.QuarterlySummary, header int) error {
	first, last := header+1, header+len(qd.units)
	labelCol, valueCol := 2, 3
	if len(qd.units) > maxChartGroups {
		// As the PDF's: the units leading the most and one group of the
		// others, from a small table right of the summary the chart reads.
		groups := chartGroups(qd.units, s)
		labelCol = 4 + len(qd.months) + len(qd.bodies) + 2
		valueCol = labelCol + 1
		for i, g := range groups {
			row := []any{g.label}
			for _, n := range g.months {
				row = append(row, n)
			}
			if err := b.f.SetSheetRow(sheet, cellName(labelCol, first+i), &row); err != nil {
				return err
			}
		}
		for i, m := range qd.months {
			if err := b.f.SetCellStr(sheet, cellName(valueCol+i, header), s.Month.Fill(monthWords(m))); err != nil {
				return err
			}
		}
		last = first + len(groups) - 1
	}
	// A sheet of its own: on the summary's page the chart fell across the
	// page break, under the repeated header row.
	return b.addChartSheet(chartSheet, columnChart{sheet: sheet, kind: excelize.Col, title: s.ChartTitle.String(),
		header: header, first: first, last: last, labelCol: labelCol, valueCol: valueCol, series: len(qd.months)})
}

// columnChart is a column chart over a table: series in the columns from
// valueCol named by the header row, categories in labelCol.
type columnChart struct {
	sheet                      string
	kind                       excelize.ChartType
	title                      string
	header, first, last        int
	labelCol, valueCol, series int
}

// addChartSheet draws a column chart on a chart sheet of its own, which
// prints whole on one page.
func (b *book) addChartSheet(chartSheet string, c columnChart) error {
	ref := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", c.sheet, colName(col), c.first, colName(col), c.last)
	}
	var series []excelize.ChartSeries
	for i := range c.series {
		col := c.valueCol + i
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", c.sheet, colName(col), c.header),
			Categories: ref(c.labelCol),
			Values:     ref(col),
		})
	}
	chart := &excelize.Chart{
		Type:      c.kind,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
		Legend:    excelize.ChartLegend{Position: "right"},
		Dimension: excelize.ChartDimension{Width: 760, Height: 340},
	}
	if err := b.f.AddChartSheet(chartSheet, chart); err != nil {
		return msg.Errorf("sheet %s: chart: %w", chartSheet, err)
	}
	return nil
}

// mergedTitle writes a row of text merged across the table's width.
func (b *book) mergedTitle(sheet string, row, width int, text string, style int) error {
	if err := b.f.SetCellStr(sheet, cellName(1, row), text); err != nil {
		return err
	}
	if err := b.f.MergeCell(sheet, cellName(1, row), cellName(width, row)); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cellName(1, row), cellName(width, row), style)
}

// reportSheetWidth is the width of each task column in a quarterly
// workbook's task sheet.
var reportSheetWidth = map[string]float64{"tt": 6, "content": 60, "time": 16, "units": 22, "presiding": 20, "partners": 26, "approvers": 18}

// writeQuarterTasks lists the quarter's tasks in the report's order, each
// with the month it is listed under and its continuing mark, in the
// report's columns.
func (b *book) writeQuarterTasks(qd *quarterData, tpl *templates.Quarterly, title string) error {
	name, cols := tpl.Sheets.Tasks, taskColumns(tpl.Table.Columns)
	headers := []string{tpl.Sheets.Month}
	widths := []float64{14}
	for _, c := range cols {
		headers = append(headers, c.Heading)
		widths = append(widths, reportSheetWidth[c.Field])
	}
	headers = append(headers, b.progress.Key)
	widths = append(widths, 14)
	n := 0
	for _, g := range qd.groups {
		for _, u := range g.units {
			n += len(u.tasks)
		}
	}
	last := overviewHeaderRow + max(n, 1)
	sw, err := b.streamSheet(name, fmt.Sprintf("A%d:%s%d", overviewHeaderRow, colName(len(headers)), last))
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetColVisible(len(headers), len(headers), false); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: overviewHeaderRow, TopLeftCell: cellName(1, overviewHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if _, err := b.writeTitles(sw, len(headers)-1, title); err != nil {
		return err
	}
	row := make([]any, len(headers))
	for i, h := range headers {
		row[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	if err := sw.SetRow(cellName(1, overviewHeaderRow), row, excelize.RowOpts{Height: 33}); err != nil {
		return err
	}
	r := overviewHeaderRow + 1
	rows := rowWriter{sw: sw, runs: b.runs}
	for _, g := range qd.groups {
		for _, u := range g.units {
			for _, t := range u.tasks {
				pt := b.printed[t]
				cells := append([]string{g.label}, pt.cellsOf(cols)...)
				values := b.planCells(t, cols, []excelize.Cell{{StyleID: b.st.center, Value: g.label}})
				if note := qd.notes[t]; note != "" {
					for i, c := range cols {
						if c.Field == "time" {
							cells[i+1] += "\n" + note
							values[i+1] = excelize.Cell{StyleID: b.st.center, Value: cells[i+1]}
						}
					}
				}
				values = append(values, excelize.Cell{StyleID: b.st.cell, Value: pt.keyv})
				if err := rows.add(r, values, b.cells.rowHeight(cells, widths)); err != nil {
					return err
				}
				r++
			}
		}
	}
	if err := rows.flush(); err != nil {
		return err
	}
	if n == 0 {
		if err := sw.SetRow(cellName(1, r), []any{excelize.Cell{StyleID: b.st.note, Value: tpl.Tasks.Empty.String()}}); err != nil {
			return err
		}
	}
	if err := b.printSetup(name, overviewHeaderRow); err != nil {
		return err
	}
	return sw.Flush()
}
