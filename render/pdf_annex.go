package render

import (
	"fmt"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// annexLayout is the whole annex placed on pages, before drawing.
type annexLayout struct {
	*flow
	table              *tableStyle
	titleBottom        float64 // where the first page's heading ends
	closing, signature []placedText
}

// renderAnnex lays out and draws the decision annex, and returns the
// layout too, for tests to measure.
func renderAnnex(p *data.Plan, tpl *templates.Annex, fam *fonts.Family, printed printedPlan) ([]byte, *annexLayout, error) {
	l := layoutAnnex(p, tpl, fam, printed)
	l.draw()
	out, err := l.d.parts()
	if err != nil {
		return nil, nil, err
	}
	return out.join(), l, nil
}

// annexParts is renderAnnex for a render, which has no use for the layout:
// each page's goes once the page is drawn (a 100,000-task annex's layout
// holds 100 MB).
func annexParts(p *data.Plan, tpl *templates.Annex, fam *fonts.Family, printed printedPlan) (pdfParts, error) {
	l := layoutAnnex(p, tpl, fam, printed)
	l.drawReleasing()
	return l.d.parts()
}

// layoutAnnex lays out the decision annex on its pages.
func layoutAnnex(p *data.Plan, tpl *templates.Annex, fam *fonts.Family, printed printedPlan) *annexLayout {
	ref := referenceText(tpl.Title.Reference, p)
	d := newPDFDoc(fam, tpl.Page.Orientation, docMeta{
		title:    p.Program.Title,
		author:   p.Organisation.Name,
		subject:  strings.Trim(ref, "()"),
		keywords: fmt.Sprintf("chương trình công tác, %d, %s, %s/%s", p.Program.Year, p.Organisation.Name, p.Decision.Number, p.Decision.Symbol),
		date:     p.Decision.Date,
		record: recordMeta{docType: "Chương trình", number: officialNumber(p.Decision.Number), symbol: p.Decision.Symbol,
			issued: p.Decision.Date, issuer: p.Organisation.Name, summary: p.Program.Title, signer: p.Decision.Signer},
	})
	l := &annexLayout{flow: newFlow(d, tpl.Page.MarginLeft, d.w-tpl.Page.MarginRight, tpl.Page.MarginTop, d.h-tpl.Page.MarginBottom)}
	l.y = officialHeading(l.flow, p, tpl.Header, nil)
	placeTitle(l.flow, tpl.Title.Size, strings.ToUpper(p.Program.Title), p.Program.Summary, ref)
	l.titleBottom = l.y

	l.table = newTableStyle(d, tpl.Table.TaskTable, headedColumns(taskColumns(tpl.Table.Columns)), l.flow)
	l.flow.table(l.table, annexRows(d, p, tpl, l.table, printed))
	l.layoutEnd(p, tpl)
	l.numberPages(tpl.PageNumber.Size)
	return l
}

// headedColumns are task columns as a PDF table sets them.
func headedColumns(cols []taskColumn) []tableColumn {
	out := make([]tableColumn, len(cols))
	for i, c := range cols {
		out[i] = tableColumn{heading: c.Heading, width: c.Width, align: c.Align, field: c.field}
	}
	return out
}

// tableColumn is a column of a PDF table before it is placed: a task
// column (field ≥ 0) or a report's count column (field -1).
type tableColumn struct {
	heading, align string
	width          float64 // relative
	field          int
}

// newTableStyle places the columns across the flow's width, their widths
// scaled to fill it, and wraps their headings.
func newTableStyle(d *pdfDoc, t templates.TaskTable, cols []tableColumn, f *flow) *tableStyle {
	ts := &tableStyle{size: t.Size, hsize: t.HeaderSize,
		lineH: lineHeight(t.Size, t.LineSpacing), hLineH: lineHeight(t.HeaderSize, t.LineSpacing),
		padX: t.PaddingX, padY: t.PaddingY, left: f.left, right: f.right,
		top: f.top, bottom: f.bottom, minSplitLines: 3}
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	x := f.left
	for _, c := range cols {
		w := c.width / total * (f.right - f.left)
		ts.cols = append(ts.cols, column{field: c.field, title: c.heading, align: c.align, x: x, w: w})
		x += w
	}
	d.font(fonts.Bold, ts.hsize)
	most := 0
	for _, c := range ts.cols {
		lines := wrap(d, c.title, c.w-2*ts.padX, 0)
		ts.headerCells = append(ts.headerCells, lines)
		most = max(most, len(lines))
	}
	ts.headerH = float64(most)*ts.hLineH + 2*ts.padY
	return ts
}

// annexRows wraps every task into a row, with section and group rows.
func annexRows(d *pdfDoc, p *data.Plan, tpl *templates.Annex, ts *tableStyle, printed printedPlan) []*tableRow {
	var rows []*tableRow
	band := func(text, bookmark string) {
		rows = append(rows, ts.band(d, text, fonts.Bold, bookmark, 0))
	}
	section, group := "", ""
	for i := range p.Tasks {
		t := &p.Tasks[i]
		bookmark := ""
		if t.Section != "" && t.Section != section {
			section = t.Section
			s := p.Section(t.Section)
			band(s.Label+". "+s.Title, s.Label+". "+s.Title)
		}
		// Bookmarks go by section when there are sections, else by group:
		// on the group's row when the template shows one, else on its first task.
		if g := groupLabel(t, tpl); g != group {
			group = g
			switch {
			case tpl.Table.GroupBy != "" && len(p.Sections) == 0:
				band(g, g)
			case tpl.Table.GroupBy != "":
				band(g, "")
			case len(p.Sections) == 0:
				bookmark = g
			}
		}
		row := ts.row(d, taskCells(printed[t], ts, ""), fonts.Regular)
		row.bookmark = bookmark
		rows = append(rows, row)
	}
	return rows
}

// groupLabel names the month or quarter group of a task; tasks with no
// fixed month are grouped under their own wording ("Thường xuyên").
func groupLabel(t *data.Task, tpl *templates.Annex) string {
	if !t.Schedule.Fixed() {
		return t.Time
	}
	first := t.Schedule.Months.First()
	if tpl.Table.GroupBy == "quarter" {
		return tpl.Table.QuarterLabel.Fill(quarterWords((first-1)/3 + 1))
	}
	return tpl.Table.MonthLabel.Fill(monthWords(first))
}

// taskCells is what each column of a PDF task table shows for a task;
// note, when set, adds a line to the time cell (a report's "continuing" mark).
func taskCells(pt *printedTask, ts *tableStyle, note string) []string {
	out := make([]string, len(ts.cols))
	for i, c := range ts.cols {
		out[i] = pt.cells[c.field]
		if note != "" && data.TaskFields[c.field].Name == "time" {
			out[i] += "\n" + note
		}
	}
	return out
}

// layoutEnd places the closing paragraph and the signature block after the
// table. The signature never stands alone on a page: the closing's last
// line goes over with it.
func (l *annexLayout) layoutEnd(p *data.Plan, tpl *templates.Annex) {
	c, d := tpl.Closing, l.d
	s := p.Decision.Signer
	size := tpl.Signature.Size
	sigLH := lineHeight(size, 1.2)
	var sigLines []string
	if s != nil {
		if s.Authority != "" {
			sigLines = append(sigLines, strings.ToUpper(s.Authority))
		}
		sigLines = append(sigLines, strings.ToUpper(s.Title))
	}
	sigHeight := float64(len(sigLines)+1)*sigLH + tpl.Signature.Space + 4
	if text := closingText(p, tpl); text != "" {
		l.y += c.SpaceBefore * ptToMM
		d.font(fonts.Regular, c.Size)
		lh := lineHeight(c.Size, 1.2)
		lines := wrap(d, text, l.right-l.left, c.Indent)
		head, last := lines[:len(lines)-1], lines[len(lines)-1:]
		l.closing = append(l.closing, l.lines(head, fonts.Regular, c.Size, lh, "justify-all", c.Indent)...)
		if s != nil {
			l.need(lh + sigHeight)
		}
		indent := 0.0
		if len(head) == 0 {
			indent = c.Indent
		}
		l.closing = append(l.closing, l.lines(last, fonts.Regular, c.Size, lh, "left", indent)...)
	}
	if s == nil {
		return
	}
	l.y += 4
	l.need(sigHeight - 4)
	cx := l.right - tpl.Header.RightWidth/2
	d.font(fonts.Bold, size)
	place := func(line string) {
		t := placedText{x: cx - d.width(line)/2, y: baseline(l.y, sigLH, size), style: fonts.Bold, size: size, text: line}
		l.page().texts = append(l.page().texts, t)
		l.signature = append(l.signature, t)
		l.y += sigLH
	}
	for _, line := range sigLines {
		place(line)
	}
	l.y += tpl.Signature.Space
	place(s.Name)
}

// closingText is the closing paragraph ending with the closing mark.
func closingText(p *data.Plan, tpl *templates.Annex) string {
	return withMark(p.Program.Closing, string(tpl.Closing.Mark))
}
