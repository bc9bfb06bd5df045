package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/templates"
)

// yearWorkbook writes quarterly/year.xlsx: the year's results per unit
// with a native stacked chart, and the tasks not completed.
func yearWorkbook(p *data.Plan, date data.Date, k *kit) ([]byte, error) {
	b, err := newBook(p, k)
	if err != nil {
		return nil, err
	}
	tpl := k.set.Quarterly
	summary := tpl.Year.Summary.Fill(reportWords(p, 0, date, tpl))
	if err := b.writeResults(p, 1, 4, k, summary, tpl.Year.Section.String()); err != nil {
		return nil, err
	}
	if err := b.writeOpen(p, 1, 4, k, summary); err != nil {
		return nil, err
	}
	b.created = date.Time().Format(time.RFC3339)
	props := map[string]string{"plandoc.kind": "year", "plandoc.version": Version}
	return b.finish(summary, props, []string{"plandoc.kind", "plandoc.version"})
}

// writeResults writes the results of quarters first..last per lead unit,
// then a stacked column chart of them; with no returns it says so.
func (b *book) writeResults(p *data.Plan, first, last int, k *kit, title, section string) error {
	tpl := k.set.Quarterly
	r, name := tpl.Results, tpl.Sheets.Results
	if err := b.newSheet(name); err != nil {
		return msg.Errorf("sheet %s: %w", name, err)
	}
	labels := outcomeLabels(r)
	headers := []string{r.TT.String(), r.Unit.String(), r.Due.String()}
	for _, o := range tableOutcomes {
		headers = append(headers, labels[o])
	}
	headers = append(headers, r.Share.String())
	width := len(headers)
	for i, t := range []struct {
		text  string
		style int
	}{{strings.ToUpper(p.Organisation.Name), b.st.title}, {title, b.st.subtitle}, {section, b.st.subtitle}} {
		if err := b.mergedTitle(name, i+1, width, t.text, t.style); err != nil {
			return err
		}
	}
	if err := b.f.SetColWidth(name, "A", "A", 6); err != nil {
		return err
	}
	if err := b.f.SetColWidth(name, "B", "B", 34); err != nil {
		return err
	}
	if err := b.f.SetColWidth(name, "C", colName(width), 14); err != nil {
		return err
	}
	rec := k.progress
	if rec == nil || len(rec.Entries) == 0 {
		if err := b.mergedTitle(name, overviewHeaderRow, width, r.None.String(), b.st.note); err != nil {
			return err
		}
		return b.f.SetRowHeight(name, overviewHeaderRow, 33)
	}
	res := buildResults(p, rec, first, last, k.set.Columns.Progress, k.printed)
	day, month, year := officialDate(rec.AsOf)
	asOf := r.AsOf.Fill(templates.Words{"day": day, "month": month, "year": year, "count": strconv.Itoa(reportingUnits(rec))})
	if err := b.mergedTitle(name, 4, width, asOf, b.st.reference); err != nil {
		return err
	}
	header := overviewHeaderRow
	if err := b.f.SetSheetRow(name, cellName(1, header), &headers); err != nil {
		return err
	}
	for i, row := range res.rows {
		label, n := r.TotalsRow.String(), any(nil)
		if row.unit != nil {
			label, n = row.unit.Name, i+1
		}
		values := []any{n, label, row.due}
		for _, o := range tableOutcomes {
			values = append(values, row.counts[o])
		}
		values = append(values, share(row.completed(), row.due))
		if err := b.f.SetSheetRow(name, cellName(1, header+1+i), &values); err != nil {
			return err
		}
	}
	lastRow := header + len(res.rows)
	for _, st := range []struct {
		from, to string
		style    int
	}{
		{cellName(1, header), cellName(width, header), b.st.header},
		{cellName(1, header+1), cellName(width, lastRow), b.st.count},
		{cellName(2, header+1), cellName(2, lastRow), b.st.unitName},
		{cellName(1, lastRow), cellName(width, lastRow), b.st.countBold},
		{cellName(2, lastRow), cellName(2, lastRow), b.st.totalLabel},
	} {
		if err := b.f.SetCellStyle(name, st.from, st.to, st.style); err != nil {
			return err
		}
	}
	if err := b.f.SetRowHeight(name, header, 48); err != nil {
		return err
	}
	note := tpl.Summary.Note.String()
	if n := res.rows[len(res.rows)-1].counts[undated]; n > 0 {
		note = r.Undated.Fill(templates.Words{"count": strconv.Itoa(n)}) + " " + note
	}
	if err := b.mergedTitle(name, lastRow+1, width, note, b.st.note); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, lastRow+1, 33); err != nil {
		return err
	}
	if len(res.rows) > 1 {
		if err := b.addResultsChart(name, tpl.Sheets.ResultsChart, r, header, len(res.rows)-1); err != nil {
			return err
		}
	}
	return b.printSetup(name, header)
}

// addResultsChart adds a stacked column chart: a series per outcome, the
// units along the axis.
func (b *book) addResultsChart(sheet, chartSheet string, r templates.Results, header, units int) error {
	return b.addChartSheet(chartSheet, columnChart{sheet: sheet, kind: excelize.ColStacked, title: r.ChartTitle.String(),
		header: header, first: header + 1, last: header + units, labelCol: 2, valueCol: 4, series: len(tableOutcomes)})
}

// writeOpen lists the tasks not completed: those due in the period, and
// for a period after the first quarter those due earlier, with what each
// lead unit reported and why.
func (b *book) writeOpen(p *data.Plan, first, last int, k *kit, title string) error {
	tpl, pr := k.set.Quarterly, k.set.Columns.Progress
	r, name := tpl.Results, tpl.Sheets.Open
	rec := k.progress
	heading := func(field string) string {
		for _, c := range k.set.Columns.Column {
			if c.Field == field {
				return c.Heading
			}
		}
		return field
	}
	headers := []string{"", heading("tt"), heading("content"), heading("units"), pr.Status, pr.NewTime, pr.Notes}
	width := len(headers)
	if err := b.newSheet(name); err != nil {
		return msg.Errorf("sheet %s: %w", name, err)
	}
	for i, w := range []float64{22, 6, 60, 22, 18, 16, 50} {
		if err := b.f.SetColWidth(name, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	for i, t := range []struct {
		text  string
		style int
	}{{strings.ToUpper(p.Organisation.Name), b.st.title}, {title, b.st.subtitle}, {r.Open.String(), b.st.subtitle}} {
		if err := b.mergedTitle(name, i+1, width, t.text, t.style); err != nil {
			return err
		}
	}
	if rec == nil || len(rec.Entries) == 0 {
		return b.mergedTitle(name, overviewHeaderRow, width, r.None.String(), b.st.note)
	}
	res := buildResults(p, rec, first, last, pr, k.printed)
	if err := b.f.SetSheetRow(name, cellName(1, overviewHeaderRow), &headers); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, cellName(1, overviewHeaderRow), cellName(width, overviewHeaderRow), b.st.header); err != nil {
		return err
	}
	row := overviewHeaderRow + 1
	list := func(label string, tasks []openTask) error {
		for _, ot := range tasks {
			t := ot.task
			reports := ot.reports
			if len(reports) == 0 {
				reports = append(reports, progressEntryFor(t))
			}
			for _, e := range reports {
				unit, status := p.UnitsLabel(t), r.NotReported.String()
				if e.Unit != "" {
					unit = p.Unit(e.Unit).Name
				}
				if e.Status != "" {
					status = e.Status
				}
				values := []any{label, ttValue(t.TT), t.Content, unit, status, textCell(e.NewTime), textCell(e.Notes)}
				if err := b.f.SetSheetRow(name, cellName(1, row), &values); err != nil {
					return err
				}
				if err := b.f.SetCellStyle(name, cellName(1, row), cellName(width, row), b.st.cell); err != nil {
					return err
				}
				row++
			}
		}
		return nil
	}
	if first > 1 {
		if err := list(r.Carried.String(), res.carried); err != nil {
			return err
		}
	}
	if err := list(r.Open.String(), res.open); err != nil {
		return err
	}
	if row == overviewHeaderRow+1 {
		if err := b.f.SetCellStr(name, cellName(1, row), r.NoneOpen.String()); err != nil {
			return err
		}
	}
	return b.printSetup(name, overviewHeaderRow)
}
