package render

import (
	"fmt"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// quarterlyLayout is a quarterly report placed on pages.
type quarterlyLayout struct {
	*flow
	summary, tasks *tableStyle
	chart          []placedBox
}

// reportWords fills the placeholders of the report's wording.
func reportWords(p *data.Plan, q int, date data.Date, tpl *templates.Quarterly) *strings.Replacer {
	dec := p.Decision
	code := dec.Symbol
	if i := strings.Index(code, "-"); i >= 0 {
		code = code[i+1:]
	}
	reference := referenceText(tpl.Heading.Reference, p)
	return strings.NewReplacer(
		"{quarter}", data.Roman(q), "{plan_year}", fmt.Sprint(p.Program.Year),
		"{place}", p.Organisation.Place, "{organisation}", p.Organisation.Name,
		"{title}", lowerFirst(p.Program.Title), "{reference}", reference, "{code}", code,
		"{day}", fmt.Sprintf("%02d", date.Day), "{month}", officialMonth(date.Month), "{year}", fmt.Sprint(date.Year),
	)
}

// lowerFirst writes a title inside a sentence: "Chương trình công tác năm
// 2021" becomes "chương trình công tác năm 2021".
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// renderQuarterlyPDF lays out and draws quarter q's report.
func renderQuarterlyPDF(p *data.Plan, qd *quarterData, date data.Date, annexTpl *templates.Annex, tpl *templates.Quarterly, fam *fonts.Family) ([]byte, *quarterlyLayout, error) {
	words := reportWords(p, qd.q, date, tpl)
	h := tpl.Heading
	summary := words.Replace(h.Summary)
	if err := checkQuarterText(p, qd, tpl, fam, words); err != nil {
		return nil, nil, err
	}
	d := newPDFDoc(fam, annexTpl.Page.Orientation, docMeta{
		title: summary, author: p.Organisation.Name, subject: words.Replace(h.Type) + " " + summary,
		keywords: fmt.Sprintf("báo cáo, Quý %s, %d, %s", data.Roman(qd.q), p.Program.Year, p.Program.Title),
		date:     date,
	})
	pg := annexTpl.Page
	l := &quarterlyLayout{flow: newFlow(d, pg.MarginLeft, d.w-pg.MarginRight, pg.MarginTop, d.h-pg.MarginBottom)}
	l.y = officialHeading(l.flow, p, annexTpl.Header, &[2]placedLine{
		{text: words.Replace(h.Number), style: fonts.Regular, size: h.NumberSize},
		{text: words.Replace(h.DateLine), style: fonts.Italic, size: h.DateSize},
	})
	placeTitle(l.flow, annexTpl.Title.Size, words.Replace(h.Type), summary, "")
	l.paragraph(words.Replace(h.Opening), fonts.Regular, h.OpeningSize, 1.2, "justify", 12.7)

	l.section(tpl.Summary.Section, h.OpeningSize)
	l.summary = summaryTableStyle(d, tpl, qd, l.flow)
	l.table(l.summary, summaryRows(d, tpl, qd, l.summary))
	l.y += 1
	l.paragraph(tpl.Summary.Note, fonts.Italic, 11, 1.2, "left", 0)
	l.y += 3
	l.barChart(tpl.Summary, qd)

	l.section(tpl.Tasks.Section, h.OpeningSize)
	l.tasks = newTableStyle(d, tpl.Table, l.flow)
	if rows := quarterTaskRows(d, p, qd, l.tasks); len(rows) > 0 {
		l.table(l.tasks, rows)
	} else {
		l.paragraph(tpl.Tasks.Empty, fonts.Italic, h.OpeningSize, 1.2, "left", 0)
	}
	l.numberPages(annexTpl.PageNumber.Size)
	l.draw()
	out, err := d.bytes()
	if err != nil {
		return nil, nil, err
	}
	return out, l, nil
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
	t := tpl.Table
	t.Columns = []templates.Column{{Field: "tt", Title: s.TT, Width: 10, Align: "center"}, {Field: "unit", Title: s.Unit, Width: 60, Align: "left"}}
	for _, m := range qd.months {
		t.Columns = append(t.Columns, templates.Column{Title: strings.ReplaceAll(s.Month, "{month}", fmt.Sprint(m)), Width: 18, Align: "center"})
	}
	for _, b := range qd.bodies {
		t.Columns = append(t.Columns, templates.Column{Title: b.Name, Width: 24, Align: "center"})
	}
	t.Columns = append(t.Columns, templates.Column{Title: s.Total, Width: 18, Align: "center"})
	return newTableStyle(d, t, f)
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
	return append(rows, ts.row(d, cells("", tpl.Summary.TotalsRow, qd.totals), fonts.Bold))
}

// quarterTaskRows lists the quarter's tasks under month headings, then
// under the units that lead them.
func quarterTaskRows(d *pdfDoc, p *data.Plan, qd *quarterData, ts *tableStyle) []*tableRow {
	var rows []*tableRow
	note := func(t *data.Task) string { return qd.notes[t] }
	for _, g := range qd.groups {
		rows = append(rows, ts.band(d, g.label, fonts.Bold, g.label, 1))
		for _, u := range g.units {
			rows = append(rows, ts.band(d, u.label, fonts.Italic, "", 0))
			for _, t := range u.tasks {
				rows = append(rows, ts.row(d, taskCells(p, t, ts, note), fonts.Regular))
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
	titleW := d.width(s.ChartTitle)
	l.page().texts = append(l.page().texts, placedText{x: (l.left+l.right)/2 - titleW/2, y: baseline(top, 6, 12), style: fonts.Bold, size: 12, text: s.ChartTitle})

	plotL, plotR := l.left+12, l.right-40 // the key stands at the right
	plotT, plotB := top+9, top+s.ChartHeight-12
	most := 1
	for _, c := range qd.units {
		for _, n := range c.months {
			most = max(most, n)
		}
	}
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		step = s
		if most/s <= 8 {
			break
		}
	}
	ceiling := (most + step - 1) / step * step
	scale := (plotB - plotT) / float64(ceiling)
	d.font(fonts.Regular, 9)
	for v := 0; v <= ceiling; v += step {
		y := plotB - float64(v)*scale
		l.page().rules = append(l.page().rules, placedRule{x1: plotL, y: y, x2: plotR})
		label := fmt.Sprint(v)
		l.page().texts = append(l.page().texts, placedText{x: plotL - 1.5 - d.width(label), y: y + 1.1, style: fonts.Regular, size: 9, text: label})
	}
	grays := []int{40, 130, 215}
	slot := (plotR - plotL) / float64(len(qd.units))
	barW := slot * 0.7 / 3
	for i, c := range qd.units {
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
		for k, line := range wrap(d, c.unit.Name, slot-1, 0) {
			if k == 2 {
				break // two lines under a group; the table above has the full name
			}
			l.page().texts = append(l.page().texts, placedText{x: plotL + float64(i)*slot + slot/2 - d.width(line)/2, y: plotB + 4 + float64(k)*3.6, style: fonts.Regular, size: 9, text: line})
		}
	}
	for j, m := range qd.months {
		y := plotT + float64(j)*6
		l.page().boxes = append(l.page().boxes, placedBox{x: plotR + 6, y: y, w: 5, h: 3.5, gray: grays[j]})
		label := strings.ReplaceAll(s.Month, "{month}", fmt.Sprint(m))
		l.page().texts = append(l.page().texts, placedText{x: plotR + 13, y: y + 3, style: fonts.Regular, size: 10, text: label})
	}
	l.y = top + s.ChartHeight
}

// checkQuarterText refuses a character the font cannot draw before anything
// is drawn.
func checkQuarterText(p *data.Plan, qd *quarterData, tpl *templates.Quarterly, fam *fonts.Family, words *strings.Replacer) error {
	h := tpl.Heading
	items := []drawnText{
		{"organisation name", fonts.Bold, strings.ToUpper(p.Organisation.Name + p.Organisation.Parent)},
		{"report heading", fonts.Bold, words.Replace(h.Type + h.Summary + tpl.Summary.Section + tpl.Tasks.Section)},
		{"report opening", fonts.Regular, words.Replace(h.Opening + h.Number)},
		{"report date line", fonts.Italic, words.Replace(h.DateLine)},
	}
	for _, t := range qd.tasks {
		items = append(items, taskTexts(p, t, tpl.Table.Columns)...)
		// The unit headings of the task list are set in italics.
		items = append(items, drawnText{fmt.Sprintf("task %s (line %d), its units", t.TT, t.Line), fonts.Italic, p.UnitsLabel(t)})
	}
	return checkTexts(fam, items)
}
