package render

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/templates"
)

// quarterlyWorkbook writes quarterly/qN.xlsx: the summary with a native
// column chart, and the quarter's tasks with their month, filterable.
func quarterlyWorkbook(p *data.Plan, qd *quarterData, date data.Date, wtpl *templates.Workbook, tpl *templates.Quarterly, kit bookKit) ([]byte, error) {
	b, err := newBook(p, wtpl, kit)
	if err != nil {
		return nil, err
	}
	words := reportWords(p, qd.q, date, tpl)
	summary := words.Replace(tpl.Heading.Summary)
	if err := b.writeQuarterSummary(qd, tpl, summary); err != nil {
		return nil, err
	}
	if err := b.writeQuarterTasks(qd, tpl, summary); err != nil {
		return nil, err
	}
	b.created = fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", date.Year, date.Month, date.Day)
	props := map[string]string{"plandoc.kind": "quarterly", "plandoc.plan_sha256": p.Source.SHA256, "plandoc.quarter": fmt.Sprint(qd.q), "plandoc.version": Version}
	return b.finish(summary, props, []string{"plandoc.kind", "plandoc.plan_sha256", "plandoc.quarter", "plandoc.version"})
}

// writeQuarterSummary writes the counts per unit, then the chart under them.
func (b *book) writeQuarterSummary(qd *quarterData, tpl *templates.Quarterly, title string) error {
	s, name := tpl.Summary, tpl.Sheets.Summary
	if err := b.newSheet(name); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	f := b.f
	headers := []string{s.TT, s.Unit}
	for _, m := range qd.months {
		headers = append(headers, strings.ReplaceAll(s.Month, "{month}", fmt.Sprint(m)))
	}
	for _, body := range qd.bodies {
		headers = append(headers, body.Name)
	}
	headers = append(headers, s.Total)
	width := len(headers)
	titles := []struct {
		text  string
		style int
	}{{strings.ToUpper(b.plan.Organisation.Name), b.st.title}, {title, b.st.subtitle}, {s.Section, b.st.subtitle}}
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
	rows = append(rows, countRow(0, s.TotalsRow, qd.totals))
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
	if err := b.mergedTitle(name, last+1, width, s.Note, b.st.note); err != nil {
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
		if err := b.addQuarterChart(name, qd, s, header); err != nil {
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
func (b *book) addQuarterChart(sheet string, qd *quarterData, s templates.QuarterlySummary, header int) error {
	first, last := header+1, header+len(qd.units)
	ref := func(col, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, colName(col), from, colName(col), to)
	}
	var series []excelize.ChartSeries
	for i := range qd.months {
		col := 3 + i
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", sheet, colName(col), header),
			Categories: ref(2, first, last),
			Values:     ref(col, first, last),
		})
	}
	chart := &excelize.Chart{
		Type:      excelize.Col,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s.ChartTitle}}},
		Legend:    excelize.ChartLegend{Position: "right"},
		Dimension: excelize.ChartDimension{Width: 760, Height: 340},
	}
	if err := b.f.AddChart(sheet, cellName(2, last+4), chart); err != nil {
		return fmt.Errorf("sheet %s: chart: %w", sheet, err)
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

// writeQuarterTasks lists the quarter's tasks in the report's order, each
// with the month it is listed under and its continuing mark.
func (b *book) writeQuarterTasks(qd *quarterData, tpl *templates.Quarterly, title string) error {
	name, c := tpl.Sheets.Tasks, b.tpl.Columns
	headers := []string{tpl.Sheets.Month, c.TT, c.Content, c.Time, c.Units, c.Presiding, c.Partners, c.Approvers, tpl.Sheets.Key}
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
	widths := []float64{14, 6, 60, 16, 22, 20, 26, 18, 14}
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
	for _, g := range qd.groups {
		for _, u := range g.units {
			for _, t := range u.tasks {
				pt := b.printed[t]
				timeText := pt.cells[2]
				if note := qd.notes[t]; note != "" {
					timeText += "\n" + note
				}
				cells := []string{g.label, pt.cells[0], pt.cells[1], timeText, pt.cells[3], pt.cells[4], pt.cells[5], pt.cells[6]}
				values := []any{excelize.Cell{StyleID: b.st.center, Value: g.label}, excelize.Cell{StyleID: b.st.center, Value: ttValue(t.TT)}}
				for i := 2; i < len(cells); i++ {
					style := b.st.center
					if i == 2 {
						style = b.st.cell
					}
					values = append(values, excelize.Cell{StyleID: style, Value: cells[i]})
				}
				values = append(values, excelize.Cell{StyleID: b.st.cell, Value: pt.key})
				if err := sw.SetRow(cellName(1, r), values, excelize.RowOpts{Height: b.cells.rowHeight(cells, widths)}); err != nil {
					return err
				}
				r++
			}
		}
	}
	if n == 0 {
		if err := sw.SetRow(cellName(1, r), []any{excelize.Cell{StyleID: b.st.note, Value: tpl.Tasks.Empty}}); err != nil {
			return err
		}
	}
	if err := b.printSetup(name, overviewHeaderRow); err != nil {
		return err
	}
	return sw.Flush()
}
