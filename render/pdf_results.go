package render

import (
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// outcomeLabels are the results table's count columns, in outcome order.
func outcomeLabels(r templates.Results) [outcomes]string {
	return [outcomes]string{r.OnTime.String(), r.Late.String(), r.UndatedKey.String(), r.InProgress.String(), r.Postponed.String(),
		r.NotStarted.String(), r.NotDone.String(), r.NotReported.String()}
}

// tableOutcomes are the outcomes the results table has a column for; a
// task completed without a date is counted in the share and said in a note.
var tableOutcomes = []outcome{onTime, late, inProgress, postponed, notStarted, notDone, notReported}

// share is the part completed, written as Vietnamese writes it: "62,5%".
func share(done, due int) string {
	if due == 0 {
		return "–"
	}
	return strings.Replace(strconv.FormatFloat(float64(done)*100/float64(due), 'f', 1, 64), ".", ",", 1) + "%"
}

// reportingUnits counts the units with at least one fact.
func reportingUnits(rec *progress.Progress) int {
	seen := map[string]bool{}
	for _, e := range rec.Entries {
		seen[e.Unit] = true
	}
	return len(seen)
}

// resultsCells are the cells of a results row.
func resultsCells(tt, label string, row resultRow) []string {
	out := []string{tt, label, strconv.Itoa(row.due)}
	for _, o := range tableOutcomes {
		out = append(out, strconv.Itoa(row.counts[o]))
	}
	return append(out, share(row.completed(), row.due))
}

// resultsSection places what was done in the quarters first..last: a
// table per lead unit, a chart of it, the tasks due earlier still open and
// the tasks not completed with their reasons; or, with no returns, says so
// plainly instead of showing zeros as if they were facts.
func (l *quarterlyLayout) resultsSection(p *data.Plan, title string, first, last int, set *templates.Set, printed printedPlan, rec *progress.Progress, size float64) {
	r, d := set.Quarterly.Results, l.d
	l.section(title, size)
	if rec == nil || len(rec.Entries) == 0 {
		l.paragraph(r.None.String(), fonts.Italic, size, 1.2, "left", 0)
		return
	}
	res := buildResults(p, rec, first, last, set.Columns.Progress, printed)
	day, month, year := officialDate(rec.AsOf)
	l.paragraph(r.AsOf.Fill(templates.Words{"day": day, "month": month, "year": year, "count": strconv.Itoa(reportingUnits(rec))}), fonts.Italic, 12, 1.2, "left", 0)
	l.y += 2

	labels := outcomeLabels(r)
	count := func(heading string, width float64) tableColumn {
		return tableColumn{heading: heading, width: width, align: "center", field: -1}
	}
	cols := []tableColumn{count(r.TT.String(), 8), {heading: r.Unit.String(), width: 44, align: "left", field: -1}, count(r.Due.String(), 16)}
	for _, o := range tableOutcomes {
		cols = append(cols, count(labels[o], 16))
	}
	cols = append(cols, count(r.Share.String(), 16))
	l.results = newTableStyle(d, set.Quarterly.Table, cols, l.flow)
	var rows []*tableRow
	for i, row := range res.rows[:len(res.rows)-1] {
		rows = append(rows, l.results.row(d, resultsCells(strconv.Itoa(i+1), row.unit.Name, row), fonts.Regular))
	}
	totals := res.rows[len(res.rows)-1]
	rows = append(rows, l.results.row(d, resultsCells("", r.TotalsRow.String(), totals), fonts.Bold))
	l.table(l.results, rows)
	l.y += 1
	if n := totals.counts[undated]; n > 0 {
		l.paragraph(r.Undated.Fill(templates.Words{"count": strconv.Itoa(n)}), fonts.Italic, 11, 1.2, "left", 0)
	}
	l.paragraph(set.Quarterly.Summary.Note.String(), fonts.Italic, 11, 1.2, "left", 0)
	l.y += 3
	l.stackedChart(r, res.rows[:len(res.rows)-1], set.Quarterly.Summary)

	if first > 1 {
		l.openList(p, r.Carried.String(), res.carried, set, printed, size)
	}
	l.openList(p, r.Open.String(), res.open, set, printed, size)
}

// openList places a list of tasks not completed: what each lead unit
// reported of it, its new time and its reason.
func (l *quarterlyLayout) openList(p *data.Plan, title string, tasks []openTask, set *templates.Set, printed printedPlan, size float64) {
	r, pr, d := set.Quarterly.Results, set.Columns.Progress, l.d
	l.y += 3
	l.need(lineHeight(size, 1.2) + 30)
	l.page().bookmarks = append(l.page().bookmarks, placedBookmark{title: title, level: 1, y: l.y})
	l.paragraph(title, fonts.BoldItalic, size, 1.2, "left", 0)
	l.y += 1
	if len(tasks) == 0 {
		l.paragraph(r.NoneOpen.String(), fonts.Italic, size, 1.2, "left", 0)
		return
	}
	heading := func(field string) string {
		for _, c := range set.Columns.Column {
			if c.Field == field {
				return c.Heading
			}
		}
		return field
	}
	ts := newTableStyle(d, set.Quarterly.Table, []tableColumn{
		{heading: heading("tt"), width: 10, align: "center", field: -1},
		{heading: heading("content"), width: 84, align: "justify", field: -1},
		{heading: heading("units"), width: 34, align: "center", field: -1},
		{heading: pr.Status, width: 34, align: "center", field: -1},
		{heading: pr.Notes, width: 74, align: "left", field: -1},
	}, l.flow)
	var rows []*tableRow
	for _, ot := range tasks {
		t := ot.task
		if len(ot.reports) == 0 {
			rows = append(rows, ts.row(d, []string{t.TT, t.Content, p.UnitsLabel(t), r.NotReported.String(), ""}, fonts.Regular))
			continue
		}
		for _, e := range ot.reports {
			status := e.Status
			if status == "" {
				status = r.NotReported.String()
			}
			if e.NewTime != "" {
				status += "\n(" + r.NewTime.Fill(templates.Words{"time": e.NewTime}) + ")"
			}
			reason := e.Notes
			if reason == "" {
				reason = r.NoReason.String()
			}
			rows = append(rows, ts.row(d, []string{t.TT, t.Content, p.Unit(e.Unit).Name, status, reason}, fonts.Regular))
		}
	}
	l.table(ts, rows)
}

// stackGrays fills the chart's parts, dark for done to light for not reported.
var stackGrays = [outcomes]int{30, 80, 110, 150, 185, 210, 235, 255}

// stackedChart draws, for each unit (at most maxChartGroups groups, as
// the quarter's chart), one bar of its due tasks split by outcome, with a
// key.
func (l *quarterlyLayout) stackedChart(r templates.Results, rows []resultRow, s templates.QuarterlySummary) {
	if len(rows) == 0 {
		return
	}
	height := s.ChartHeight
	d := l.d
	l.need(height)
	top := l.y
	d.font(fonts.Bold, 12)
	title := r.ChartTitle.String()
	l.page().texts = append(l.page().texts, placedText{x: (l.left+l.right)/2 - d.width(title)/2, y: baseline(top, 6, 12), style: fonts.Bold, size: 12, text: title})
	plotL, plotR := l.left+12, l.right-62
	plotT, plotB := top+9, top+height-12
	groups := stackGroups(rows, s.ChartOthers)
	most := 1
	for _, g := range groups {
		most = max(most, g.due)
	}
	scale := l.chartScale(d, plotL, plotR, plotT, plotB, most)
	slot := (plotR - plotL) / float64(len(groups))
	barW := slot * 0.5
	for i, g := range groups {
		x := plotL + float64(i)*slot + (slot-barW)/2
		y := plotB
		for o := range outcome(outcomes) {
			if n := g.counts[o]; n > 0 {
				h := float64(n) * scale
				box := placedBox{x: x, y: y - h, w: barW, h: h, gray: stackGrays[o]}
				l.page().boxes = append(l.page().boxes, box)
				l.stacked = append(l.stacked, box)
				y -= h
			}
		}
		d.font(fonts.Regular, 9)
		for k, line := range wrap(d, g.label, slot-1, 0) {
			if k == 2 {
				break
			}
			l.page().texts = append(l.page().texts, placedText{x: plotL + float64(i)*slot + slot/2 - d.width(line)/2, y: plotB + 4 + float64(k)*3.6, style: fonts.Regular, size: 9, text: line})
		}
	}
	labels := outcomeLabels(r)
	for o := range outcome(outcomes) {
		y := plotT + float64(o)*5.2
		l.page().boxes = append(l.page().boxes, placedBox{x: plotR + 5, y: y, w: 5, h: 3.5, gray: stackGrays[o]})
		l.page().texts = append(l.page().texts, placedText{x: plotR + 12, y: y + 3, style: fonts.Regular, size: 9, text: labels[o]})
	}
	l.y = top + height
}

// stackGroup is one bar of the results chart.
type stackGroup struct {
	label  string
	due    int
	counts [outcomes]int
}

// stackGroups are the units' rows, or past maxChartGroups the units with
// the most tasks due and one group of the others.
func stackGroups(rows []resultRow, othersLabel templates.Text) []stackGroup {
	shown, others := topGroups(len(rows), func(i int) int { return rows[i].due })
	var groups []stackGroup
	for _, i := range shown {
		groups = append(groups, stackGroup{label: rows[i].unit.Name, due: rows[i].due, counts: rows[i].counts})
	}
	if len(others) > 0 {
		g := stackGroup{label: othersLabel.Fill(templates.Words{"count": strconv.Itoa(len(others))})}
		for _, i := range others {
			g.due += rows[i].due
			for o := range g.counts {
				g.counts[o] += rows[i].counts[o]
			}
		}
		groups = append(groups, g)
	}
	return groups
}
