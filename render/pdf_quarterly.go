package render

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// quarterlyLayout is a quarterly or the year's report placed on pages.
type quarterlyLayout struct {
	*flow
	summary, tasks *tableStyle
	chart          []placedBox
	results        *tableStyle  // the results table, when returns were collected
	stacked        []placedBox  // the results chart's boxes
	end            []placedText // the closing paragraph
	recipients     []placedText // "Nơi nhận:" and its list
	signature      []placedText // the signer's block
	titleRule      placedRule   // under the summary line
}

// renderQuarterlyPDF lays out and draws quarter q's report: the tasks it
// holds and, from the returns, what was done.
func renderQuarterlyPDF(p *data.Plan, qd *quarterData, date data.Date, set *templates.Set, fam *fonts.Family, printed printedPlan, rec *progress.Progress) (pdfParts, *quarterlyLayout, error) {
	return renderReportPDF(p, qd, date, set, fam, printed, rec)
}

// renderYearPDF lays out and draws the year's report: what was done, from
// the returns.
func renderYearPDF(p *data.Plan, date data.Date, set *templates.Set, fam *fonts.Family, printed printedPlan, rec *progress.Progress) (pdfParts, *quarterlyLayout, error) {
	return renderReportPDF(p, nil, date, set, fam, printed, rec)
}

// renderReportPDF draws a quarter's report, or with qd nil the year's.
func renderReportPDF(p *data.Plan, qd *quarterData, date data.Date, set *templates.Set, fam *fonts.Family, printed printedPlan, rec *progress.Progress) (pdfParts, *quarterlyLayout, error) {
	annexTpl, tpl := set.Annex, set.Quarterly
	q := 0
	if qd != nil {
		q = qd.q
	}
	words := reportWords(p, q, date, tpl)
	h := tpl.Heading
	summary, opening := h.Summary.Fill(words), h.Opening.Fill(words)
	keywords := fmt.Sprintf("báo cáo, Quý %s, %d, %s", data.Roman(q), p.Program.Year, p.Program.Title)
	if qd == nil {
		summary, opening = tpl.Year.Summary.Fill(words), tpl.Year.Opening.Fill(words)
		keywords = fmt.Sprintf("báo cáo tổng kết, %d, %s", p.Program.Year, p.Program.Title)
	}
	d := newPDFDoc(fam, annexTpl.Page.Orientation, docMeta{
		title: summary, author: p.Organisation.Name, subject: h.Type.Fill(words) + " " + summary,
		keywords: keywords, date: date,
		// A report's number is written by hand when it is issued: its symbol alone is known.
		record: recordMeta{docType: "Báo cáo", symbol: "BC-" + words["code"], issued: date, issuer: p.Organisation.Name, summary: summary},
	})
	pg := annexTpl.Page
	l := &quarterlyLayout{flow: newFlow(d, pg.MarginLeft, d.w-pg.MarginRight, pg.MarginTop, d.h-pg.MarginBottom)}
	l.y = officialHeading(l.flow, p, annexTpl.Header, &[2]placedLine{
		{text: h.Number.Fill(words), style: fonts.Regular, size: h.NumberSize},
		{text: h.DateLine.Fill(words), style: fonts.Italic, size: h.DateSize},
	})
	l.titleRule = placeTitle(l.flow, annexTpl.Title.Size, h.Type.Fill(words), summary, "")
	l.paragraph(opening, fonts.Regular, h.OpeningSize, 1.2, "justify", 12.7)
	if qd == nil {
		l.resultsSection(p, tpl.Year.Section.String(), 1, 4, set, printed, rec, h.OpeningSize)
		l.reportEnd(p, tpl, tpl.Closing.YearParagraph.Fill(words), h.OpeningSize)
	} else {
		l.quarterSections(p, qd, tpl, printed, h.OpeningSize)
		l.resultsSection(p, tpl.Results.Section.String(), qd.q, qd.q, set, printed, rec, h.OpeningSize)
		l.reportEnd(p, tpl, tpl.Closing.Paragraph.Fill(words), h.OpeningSize)
	}
	l.numberPages(annexTpl.PageNumber.Size)
	l.draw()
	out, err := d.parts()
	if err != nil {
		return pdfParts{}, nil, err
	}
	return out, l, nil
}

// quarterSections places a quarter's parts I and II: the tasks per unit and
// month, with a chart, and the list of the quarter's tasks.
func (l *quarterlyLayout) quarterSections(p *data.Plan, qd *quarterData, tpl *templates.Quarterly, printed printedPlan, size float64) {
	d := l.d
	l.section(tpl.Summary.Section.String(), size)
	l.summary = summaryTableStyle(d, tpl, qd, l.flow)
	l.table(l.summary, summaryRows(d, tpl, qd, l.summary))
	l.y += 1
	l.paragraph(tpl.Summary.Note.String(), fonts.Italic, 11, 1.2, "left", 0)
	l.y += 3
	l.barChart(tpl.Summary, qd)

	l.section(tpl.Tasks.Section.String(), size)
	l.tasks = newTableStyle(d, tpl.Table, headedColumns(taskColumns(tpl.Table.Columns)), l.flow)
	if rows := quarterTaskRows(d, qd, l.tasks, printed); len(rows) > 0 {
		l.table(l.tasks, rows)
	} else {
		l.paragraph(tpl.Tasks.Empty.String(), fonts.Italic, size, 1.2, "left", 0)
	}
}

// section places a bold heading ("I. …") and its bookmark, kept with at
// least a few lines of what follows.
func (l *quarterlyLayout) section(title string, size float64) {
	l.y += 4
	l.need(lineHeight(size, 1.2) + 30)
	l.page().bookmarks = append(l.page().bookmarks, placedBookmark{title: title, level: 0, y: l.y})
	l.paragraph(title, fonts.Bold, size, 1.2, "left", 0)
	l.y += 2
}

func summaryTableStyle(d *pdfDoc, tpl *templates.Quarterly, qd *quarterData, f *flow) *tableStyle {
	s := tpl.Summary
	count := func(heading string, width float64) tableColumn {
		return tableColumn{heading: heading, width: width, align: "center", field: -1}
	}
	cols := []tableColumn{count(s.TT.String(), 10), {heading: s.Unit.String(), width: 60, align: "left", field: -1}}
	for _, m := range qd.months {
		cols = append(cols, count(s.Month.Fill(monthWords(m)), 18))
	}
	for _, b := range qd.bodies {
		cols = append(cols, count(b.Name, 24))
	}
	cols = append(cols, count(s.Total.String(), 18))
	return newTableStyle(d, tpl.Table, cols, f)
}

func summaryRows(d *pdfDoc, tpl *templates.Quarterly, qd *quarterData, ts *tableStyle) []*tableRow {
	cells := func(tt, label string, c unitCount) []string {
		out := []string{tt, label}
		for _, n := range c.months {
			out = append(out, fmt.Sprint(n))
		}
		for _, n := range c.bodies {
			out = append(out, fmt.Sprint(n))
		}
		return append(out, fmt.Sprint(c.total))
	}
	var rows []*tableRow
	for i, c := range qd.units {
		rows = append(rows, ts.row(d, cells(fmt.Sprint(i+1), c.unit.Name, c), fonts.Regular))
	}
	return append(rows, ts.row(d, cells("", tpl.Summary.TotalsRow.String(), qd.totals), fonts.Bold))
}

// quarterTaskRows lists the quarter's tasks under month headings, then
// under the units that lead them.
func quarterTaskRows(d *pdfDoc, qd *quarterData, ts *tableStyle, printed printedPlan) []*tableRow {
	var rows []*tableRow
	for _, g := range qd.groups {
		rows = append(rows, ts.band(d, g.label, fonts.Bold, g.label, 1))
		for _, u := range g.units {
			rows = append(rows, ts.band(d, u.label, fonts.Italic, "", 0))
			for _, t := range u.tasks {
				rows = append(rows, ts.row(d, taskCells(printed[t], ts, qd.notes[t]), fonts.Regular))
			}
		}
	}
	return rows
}

// barChart draws the tasks each unit leads in each month of the quarter as
// grouped bars, with a scale and a key.
func (l *quarterlyLayout) barChart(s templates.QuarterlySummary, qd *quarterData) {
	if len(qd.units) == 0 {
		return
	}
	d := l.d
	l.need(s.ChartHeight)
	top := l.y
	d.font(fonts.Bold, 12)
	title := s.ChartTitle.String()
	titleW := d.width(title)
	l.page().texts = append(l.page().texts, placedText{x: (l.left+l.right)/2 - titleW/2, y: baseline(top, 6, 12), style: fonts.Bold, size: 12, text: title})

	plotL, plotR := l.left+12, l.right-40 // the key stands at the right
	plotT, plotB := top+9, top+s.ChartHeight-12
	groups := chartGroups(qd.units, s)
	most := 1
	for _, g := range groups {
		for _, n := range g.months {
			most = max(most, n)
		}
	}
	scale := l.chartScale(d, plotL, plotR, plotT, plotB, most)
	grays := []int{40, 130, 215}
	slot := (plotR - plotL) / float64(len(groups))
	barW := slot * 0.7 / 3
	for i, c := range groups {
		x := plotL + float64(i)*slot + slot*0.15
		for j, n := range c.months {
			if n > 0 {
				h := float64(n) * scale
				box := placedBox{x: x + float64(j)*barW, y: plotB - h, w: barW, h: h, gray: grays[j]}
				l.page().boxes = append(l.page().boxes, box)
				l.chart = append(l.chart, box)
				label := fmt.Sprint(n)
				d.font(fonts.Regular, 8)
				l.page().texts = append(l.page().texts, placedText{x: box.x + barW/2 - d.width(label)/2, y: box.y - 0.8, style: fonts.Regular, size: 8, text: label})
			}
		}
		d.font(fonts.Regular, 9)
		for k, line := range wrap(d, c.label, slot-1, 0) {
			if k == 2 {
				break // two lines under a group; the table above has the full name
			}
			l.page().texts = append(l.page().texts, placedText{x: plotL + float64(i)*slot + slot/2 - d.width(line)/2, y: plotB + 4 + float64(k)*3.6, style: fonts.Regular, size: 9, text: line})
		}
	}
	for j, m := range qd.months {
		y := plotT + float64(j)*6
		l.page().boxes = append(l.page().boxes, placedBox{x: plotR + 6, y: y, w: 5, h: 3.5, gray: grays[j]})
		label := s.Month.Fill(monthWords(m))
		l.page().texts = append(l.page().texts, placedText{x: plotR + 13, y: y + 3, style: fonts.Regular, size: 10, text: label})
	}
	l.y = top + s.ChartHeight
}

// maxChartGroups is how many groups of bars the chart shows: past it the
// bars would be too thin to read and their names would not fit under them.
const maxChartGroups = 12

// chartGroup is one group of bars: a unit, or the units the chart has no
// room for, added up.
type chartGroup struct {
	label  string
	months [3]int
}

// chartGroups are the units of the quarter, or when there are more than
// the chart holds, the units leading the most tasks (in registry order
// among equals) and one group of all the others; the table above the
// chart lists every unit.
// chartScale draws the value axis of a bar chart whose tallest bar is
// most — lines at 1, 2, 5, 10, 20, 50, … so there are at most eight steps —
// and returns the height in millimetres of one unit.
func (l *quarterlyLayout) chartScale(d *pdfDoc, plotL, plotR, plotT, plotB float64, most int) float64 {
	step := 1
	for i := 0; most/step > 8; i++ {
		step = []int{2, 5, 10}[i%3] * step / []int{1, 2, 5}[i%3]
	}
	ceiling := (most + step - 1) / step * step
	scale := (plotB - plotT) / float64(ceiling)
	d.font(fonts.Regular, 9)
	for v := 0; v <= ceiling; v += step {
		y := plotB - float64(v)*scale
		l.page().rules = append(l.page().rules, placedRule{x1: plotL, y: y, x2: plotR})
		label := strconv.Itoa(v)
		l.page().texts = append(l.page().texts, placedText{x: plotL - 1.5 - d.width(label), y: y + 1.1, style: fonts.Regular, size: 9, text: label})
	}
	return scale
}

func chartGroups(units []unitCount, s templates.QuarterlySummary) []chartGroup {
	shown, others := topGroups(len(units), func(i int) int { return units[i].total })
	var groups []chartGroup
	for _, i := range shown {
		groups = append(groups, chartGroup{label: units[i].unit.Name, months: units[i].months})
	}
	if len(others) > 0 {
		g := chartGroup{label: s.ChartOthers.Fill(templates.Words{"count": strconv.Itoa(len(others))})}
		for _, i := range others {
			for j := range g.months {
				g.months[j] += units[i].months[j]
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// topGroups picks what a chart of n groups shows: all of them, or past
// maxChartGroups the maxChartGroups-1 of the largest weight (in their
// order among equals) and the rest to add up into one group.
func topGroups(n int, weight func(int) int) (shown, others []int) {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if n <= maxChartGroups {
		return order, nil
	}
	slices.SortStableFunc(order, func(a, b int) int { return weight(b) - weight(a) })
	shown, others = order[:maxChartGroups-1], order[maxChartGroups-1:]
	slices.Sort(shown)
	slices.Sort(others)
	return shown, others
}
