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
	pageW, pageH       float64
	left, right        float64
	top, bottom        float64
	table              *tableStyle
	pages              []annexPage
	titleBottom        float64 // where the first page's heading ends
	closing, signature []placedText
}

type annexPage struct {
	table *tablePage // nil on a page with no part of the table
	texts []placedText
	rules []placedRule
}

// placedText is one line of text; justify > 0 spreads it over that width.
type placedText struct {
	x, y    float64 // left end of the baseline
	style   fonts.Style
	size    float64
	text    string
	justify float64
}

type placedRule struct{ x1, y, x2 float64 }

// renderAnnex lays out and draws the decision annex.
func renderAnnex(p *data.Plan, tpl *templates.Annex, fam *fonts.Family) ([]byte, *annexLayout, error) {
	if err := checkAnnexText(p, tpl, fam); err != nil {
		return nil, nil, err
	}
	ref := referenceLine(p, tpl)
	d := newPDFDoc(fam, tpl.Page.Orientation, docMeta{
		title:    p.Program.Title,
		author:   p.Organisation.Name,
		subject:  strings.Trim(ref, "()"),
		keywords: fmt.Sprintf("chương trình công tác, %d, %s, %s/%s", p.Program.Year, p.Organisation.Name, p.Decision.Number, p.Decision.Symbol),
		date:     p.Decision.Date,
	})
	l := &annexLayout{pageW: d.w, pageH: d.h,
		left: tpl.Page.MarginLeft, right: d.w - tpl.Page.MarginRight,
		top: tpl.Page.MarginTop, bottom: d.h - tpl.Page.MarginBottom}
	first := annexPage{}
	y := l.layoutHeading(d, p, tpl, &first, ref)
	l.titleBottom = y

	l.table = newTableStyle(d, tpl, l)
	rows := annexRows(d, p, tpl, l.table)
	tpages := layoutTable(l.table, rows, y)
	for i := range tpages {
		page := annexPage{table: &tpages[i]}
		if i == 0 {
			page.texts, page.rules = first.texts, first.rules
		}
		l.pages = append(l.pages, page)
	}
	l.layoutEnd(d, p, tpl, tpages[len(tpages)-1].endY)
	l.numberPages(d, tpl)
	l.draw(d, rows)
	out, err := d.bytes()
	if err != nil {
		return nil, nil, err
	}
	return out, l, nil
}

// layoutHeading places the first page's header blocks, type line, summary
// and reference line, and returns where the table starts.
func (l *annexLayout) layoutHeading(d *pdfDoc, p *data.Plan, tpl *templates.Annex, page *annexPage, ref string) float64 {
	h := tpl.Header
	centred := func(y, cx, width float64, style fonts.Style, size float64, s string) (float64, float64) {
		d.font(style, size)
		lh := lineHeight(size, 1.15)
		widest := 0.0
		for _, line := range balancedWrap(d, s, width) {
			w := d.width(line)
			widest = max(widest, w)
			page.texts = append(page.texts, placedText{x: cx - w/2, y: baseline(y, lh, size), style: style, size: size, text: line})
			y += lh
		}
		return y, widest
	}
	rule := func(y, cx, length float64) {
		page.rules = append(page.rules, placedRule{x1: cx - length/2, y: y, x2: cx + length/2})
	}

	// Left: parent body, then the issuing body in bold with a rule of about
	// 40% of its length under it.
	leftCX := l.left + h.LeftWidth/2
	ly := l.top
	if p.Organisation.Parent != "" {
		ly, _ = centred(ly, leftCX, h.LeftWidth, fonts.Regular, h.BodySize, strings.ToUpper(p.Organisation.Parent))
	}
	ly, widest := centred(ly, leftCX, h.LeftWidth, fonts.Bold, h.BodySize, strings.ToUpper(p.Organisation.Name))
	rule(ly+1.2, leftCX, 0.4*widest)

	// Right: national title and motto, the rule as long as the motto.
	rightCX := l.right - h.RightWidth/2
	ry, _ := centred(l.top, rightCX, h.RightWidth, fonts.Bold, h.NationalTitleSize, h.NationalTitle)
	ry, mottoW := centred(ry, rightCX, h.RightWidth, fonts.Bold, h.MottoSize, h.Motto)
	rule(ry+1.2, rightCX, mottoW)

	// The type line, summary and reference, centred over the text width.
	cx, width := (l.left+l.right)/2, l.right-l.left
	y := max(ly, ry) + 10
	y, typeW := centred(y, cx, width, fonts.Bold, tpl.Title.Size, strings.ToUpper(p.Program.Title))
	if p.Program.Summary != "" {
		y, _ = centred(y, cx, width, fonts.Bold, tpl.Title.Size, p.Program.Summary)
	}
	y, _ = centred(y, cx, width, fonts.Italic, tpl.Title.Size, ref)
	rule(y+2, cx, typeW/3)
	return y + 7
}

// referenceLine fills the template's reference line from the decision.
func referenceLine(p *data.Plan, tpl *templates.Annex) string {
	dec := p.Decision
	return strings.NewReplacer(
		"{number}", officialNumber(dec.Number),
		"{symbol}", dec.Symbol,
		"{day}", fmt.Sprintf("%02d", dec.Date.Day),
		"{month}", officialMonth(dec.Date.Month),
		"{year}", fmt.Sprint(dec.Date.Year),
		"{issuer}", dec.Issuer,
	).Replace(tpl.Title.Reference)
}

// officialMonth writes months 1 and 2 with a leading zero and the others
// without, as Decree 30 asks ("tháng 01", "tháng 6").
func officialMonth(m int) string {
	if m < 3 {
		return fmt.Sprintf("%02d", m)
	}
	return fmt.Sprint(m)
}

// officialNumber gives numbers below 10 a leading zero ("05/QĐ-BNV").
func officialNumber(n string) string {
	if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
		return "0" + n
	}
	return n
}

func newTableStyle(d *pdfDoc, tpl *templates.Annex, l *annexLayout) *tableStyle {
	t := tpl.Table
	ts := &tableStyle{size: t.Size, hsize: t.HeaderSize,
		lineH: lineHeight(t.Size, t.LineSpacing), hLineH: lineHeight(t.HeaderSize, t.LineSpacing),
		padX: t.PaddingX, padY: t.PaddingY, left: l.left, right: l.right,
		top: l.top, bottom: l.bottom, minSplitLines: 3, continuedLabel: t.Continued}
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	x := l.left
	for _, c := range t.Columns {
		w := c.Width / total * (l.right - l.left)
		ts.cols = append(ts.cols, column{field: c.Field, title: c.Title, align: c.Align, x: x, w: w})
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
func annexRows(d *pdfDoc, p *data.Plan, tpl *templates.Annex, ts *tableStyle) []*tableRow {
	var rows []*tableRow
	band := func(text, bookmark string) {
		d.font(fonts.Bold, ts.size)
		lines := wrap(d, text, ts.right-ts.left-2*ts.padX, 0)
		rows = append(rows, &tableRow{kind: bandRow, cells: [][]string{lines}, lines: len(lines), bookmark: bookmark})
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
		if g := groupLabel(t, tpl); g != group {
			group = g
			if tpl.Table.GroupBy != "" {
				band(g, bookmarkIf(len(p.Sections) == 0, g))
			} else if len(p.Sections) == 0 {
				bookmark = monthBookmark(t)
			}
		}
		d.font(fonts.Regular, ts.size)
		row := &tableRow{kind: taskRow, bookmark: bookmark}
		for _, c := range ts.cols {
			lines := wrap(d, cellText(p, t, c.field), c.w-2*ts.padX, 0)
			row.cells = append(row.cells, lines)
			row.lines = max(row.lines, len(lines))
		}
		rows = append(rows, row)
	}
	return rows
}

func bookmarkIf(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// groupLabel names the month or quarter group of a task; tasks with no
// fixed month are grouped under their own wording ("Thường xuyên").
func groupLabel(t *data.Task, tpl *templates.Annex) string {
	if !t.Schedule.Fixed() {
		return t.Time
	}
	first := t.Schedule.Months.First()
	if tpl.Table.GroupBy == "quarter" {
		return strings.ReplaceAll(tpl.Table.QuarterLabel, "{quarter}", []string{"I", "II", "III", "IV"}[(first-1)/3])
	}
	return strings.ReplaceAll(tpl.Table.MonthLabel, "{month}", fmt.Sprint(first))
}

func monthBookmark(t *data.Task) string {
	if !t.Schedule.Fixed() {
		return t.Time
	}
	return fmt.Sprintf("Tháng %d", t.Schedule.Months.First())
}

// cellText is what a column shows for a task, as printed.
func cellText(p *data.Plan, t *data.Task, field string) string {
	switch field {
	case "tt":
		return t.TT
	case "content":
		return t.Content
	case "time":
		return t.Time
	case "units":
		return p.UnitsLabel(t)
	case "presiding":
		return p.PresidingLabel(t)
	case "partners":
		return p.PartnersLabel(t)
	case "approvers":
		return p.ApproversLabel(t)
	}
	return ""
}

// layoutEnd places the closing paragraph and the signature block after the
// table, adding pages as needed.
func (l *annexLayout) layoutEnd(d *pdfDoc, p *data.Plan, tpl *templates.Annex, y float64) {
	c := tpl.Closing
	page := &l.pages[len(l.pages)-1]
	newPage := func() {
		l.pages = append(l.pages, annexPage{})
		page = &l.pages[len(l.pages)-1]
		y = l.top
	}
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
		y += c.SpaceBefore * ptToMM
		d.font(fonts.Regular, c.Size)
		lh := lineHeight(c.Size, 1.2)
		width := l.right - l.left
		lines := wrap(d, text, width, c.Indent)
		for i, line := range lines {
			last := i == len(lines)-1
			if y+lh > l.bottom+epsilon || (last && s != nil && y > l.top+epsilon && y+lh+sigHeight > l.bottom+epsilon) {
				// The last line goes over with the signature, which must
				// never stand alone on a page.
				newPage()
			}
			x, w := l.left, width
			if i == 0 {
				x, w = l.left+c.Indent, width-c.Indent
			}
			t := placedText{x: x, y: baseline(y, lh, c.Size), style: fonts.Regular, size: c.Size, text: line}
			if i < len(lines)-1 {
				t.justify = w
			}
			page.texts = append(page.texts, t)
			l.closing = append(l.closing, t)
			y += lh
		}
	}
	if s == nil {
		return
	}
	lh := sigLH
	lines := sigLines
	y += 4
	if y+sigHeight-4 > l.bottom+epsilon {
		newPage()
	}
	cx := l.right - tpl.Header.RightWidth/2
	d.font(fonts.Bold, size)
	for _, line := range lines {
		t := placedText{x: cx - d.width(line)/2, y: baseline(y, lh, size), style: fonts.Bold, size: size, text: line}
		page.texts = append(page.texts, t)
		l.signature = append(l.signature, t)
		y += lh
	}
	y += tpl.Signature.Space
	t := placedText{x: cx - d.width(s.Name)/2, y: baseline(y, lh, size), style: fonts.Bold, size: size, text: s.Name}
	page.texts = append(page.texts, t)
	l.signature = append(l.signature, t)
}

// closingText is the closing paragraph ending with the closing mark.
func closingText(p *data.Plan, tpl *templates.Annex) string {
	text := p.Program.Closing
	mark := tpl.Closing.Mark
	if text == "" || mark == "" || strings.HasSuffix(text, mark) {
		return text
	}
	// "./." replaces the sentence's own full stop: "thực tế./.", never "thực tế../.".
	if strings.HasPrefix(mark, ".") {
		text = strings.TrimRight(text, ".")
	}
	return text + mark
}

// numberPages puts the page number, centred in the top margin, on every
// page but the first.
func (l *annexLayout) numberPages(d *pdfDoc, tpl *templates.Annex) {
	size := tpl.PageNumber.Size
	d.font(fonts.Regular, size)
	for i := 1; i < len(l.pages); i++ {
		n := fmt.Sprint(i + 1)
		lh := lineHeight(size, 1)
		l.pages[i].texts = append(l.pages[i].texts, placedText{
			x: (l.left+l.right)/2 - d.width(n)/2, y: baseline((l.top-lh)/2, lh, size),
			style: fonts.Regular, size: size, text: n})
	}
}

func (l *annexLayout) draw(d *pdfDoc, rows []*tableRow) {
	for _, page := range l.pages {
		d.pdf.AddPage()
		for _, r := range page.rules {
			d.line(r.x1, r.y, r.x2, r.y)
		}
		for _, t := range page.texts {
			d.font(t.style, t.size)
			if t.justify > 0 {
				drawJustified(d, t.x, t.y, t.justify, t.text)
			} else {
				d.text(t.x, t.y, t.text)
			}
		}
		if page.table == nil {
			continue
		}
		l.table.drawHeaderRow(d, page.table.headerY)
		for _, piece := range page.table.pieces {
			if piece.row.bookmark != "" && piece.from == 0 {
				d.font(fonts.Regular, l.table.size) // bookmarks are UTF-16 only under a UTF-8 font
				d.pdf.Bookmark(piece.row.bookmark, 0, piece.y)
			}
			l.table.drawPiece(d, piece)
		}
	}
}

// checkAnnexText refuses, before anything is drawn, a character the font
// cannot draw, naming the task or part of the document that holds it.
func checkAnnexText(p *data.Plan, tpl *templates.Annex, fam *fonts.Family) error {
	type item struct {
		where string
		style fonts.Style
		text  string
	}
	items := []item{
		{"organisation name", fonts.Bold, strings.ToUpper(p.Organisation.Name)},
		{"parent body", fonts.Regular, strings.ToUpper(p.Organisation.Parent)},
		{"program title", fonts.Bold, strings.ToUpper(p.Program.Title)},
		{"program summary", fonts.Bold, p.Program.Summary},
		{"decision reference", fonts.Italic, referenceLine(p, tpl)},
		{"closing paragraph", fonts.Regular, closingText(p, tpl)},
		{"template header", fonts.Bold, tpl.Header.NationalTitle + tpl.Header.Motto},
	}
	for _, c := range tpl.Table.Columns {
		items = append(items, item{"column title " + c.Title, fonts.Bold, c.Title})
	}
	if s := p.Decision.Signer; s != nil {
		items = append(items, item{"signer", fonts.Bold, strings.ToUpper(s.Authority+s.Title) + s.Name})
	}
	for _, s := range p.Sections {
		items = append(items, item{"section " + s.Label, fonts.Bold, s.Label + s.Title})
	}
	for _, it := range items {
		if err := checkText(fam, it.style, it.where, it.text); err != nil {
			return err
		}
	}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		for _, c := range tpl.Table.Columns {
			if err := checkText(fam, fonts.Regular, fmt.Sprintf("task %s (line %d), %s", t.TT, t.Line, c.Title), cellText(p, t, c.Field)); err != nil {
				return err
			}
		}
	}
	return nil
}
