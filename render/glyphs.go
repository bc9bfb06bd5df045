package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// Every character a PDF draws must be in the font: fpdf would otherwise
// draw nothing, or panic. The check runs before any output is made, on
// every text of the plan and the templates that a PDF prints, in each face
// it is printed in, and names the place in the file that holds it, so
// `plandoc check` reports what `render` would refuse.

// drawn is a text a PDF prints, where it comes from, and its faces.
type drawn struct {
	path   string // key path in the plan: "tasks[4].content"
	what   string // how messages call it: "task 5", "unit \"van-phong\""
	text   string
	styles []fonts.Style
}

var (
	regular     = []fonts.Style{fonts.Regular}
	bold        = []fonts.Style{fonts.Bold}
	italic      = []fonts.Style{fonts.Italic}
	regularBold = []fonts.Style{fonts.Regular, fonts.Bold}
	namesFaces  = []fonts.Style{fonts.Regular, fonts.Italic} // in cells and in the reports' italic headings
)

// planTexts lists what the annex and the reports print of the plan but
// its tasks (taskTexts).
func planTexts(p *data.Plan, set *templates.Set) []drawn {
	o, dec, prog := p.Organisation, p.Decision, p.Program
	out := []drawn{
		{"organisation.name", msg.Sprintf("the organisation's name"), strings.ToUpper(o.Name) + o.Name, regularBold},
		{"organisation.parent", msg.Sprintf("the parent body"), strings.ToUpper(o.Parent), regular},
		{"organisation.place", msg.Sprintf("the place"), o.Place, italic},
		{"program.title", msg.Sprintf("the program's title"), strings.ToUpper(prog.Title) + prog.Title, regularBold},
		{"program.summary", msg.Sprintf("the program's summary"), prog.Summary, bold},
		{"program.closing", msg.Sprintf("the closing paragraph"), prog.Closing, regular},
		{"decision.number", msg.Sprintf("the decision's number"), dec.Number, []fonts.Style{fonts.Regular, fonts.Italic}},
		{"decision.symbol", msg.Sprintf("the decision's symbol"), dec.Symbol, []fonts.Style{fonts.Regular, fonts.Italic}},
		{"decision.issuer", msg.Sprintf("the decision's issuer"), dec.Issuer, []fonts.Style{fonts.Regular, fonts.Italic}},
	}
	if s := dec.Signer; s != nil {
		out = append(out,
			drawn{"decision.signer.authority", msg.Sprintf("the signer's authority"), strings.ToUpper(s.Authority), bold},
			drawn{"decision.signer.title", msg.Sprintf("the signer's title"), strings.ToUpper(s.Title), bold},
			drawn{"decision.signer.name", msg.Sprintf("the signer's name"), s.Name, bold})
	}
	if s := p.Reports.Signer; s != nil {
		out = append(out,
			drawn{"reports.signer.authority", msg.Sprintf("the reports' signer's authority"), strings.ToUpper(s.Authority), bold},
			drawn{"reports.signer.title", msg.Sprintf("the reports' signer's title"), strings.ToUpper(s.Title), bold},
			drawn{"reports.signer.name", msg.Sprintf("the reports' signer's name"), s.Name, bold})
	}
	for i, r := range p.Reports.Recipients {
		out = append(out, drawn{fmt.Sprintf("reports.recipients[%d]", i), "a recipient of the reports", r, regular})
	}
	for i, s := range p.Sections {
		out = append(out, drawn{fmt.Sprintf("sections[%d].title", i), msg.Sprintf("section %q", s.ID), s.Label + s.Title, bold})
	}
	for i, u := range p.Units {
		out = append(out, drawn{fmt.Sprintf("units[%d].name", i), msg.Sprintf("unit %q", u.ID), u.Name, namesFaces})
	}
	for i, g := range p.Groups {
		out = append(out, drawn{fmt.Sprintf("groups[%d].name", i), msg.Sprintf("group %q", g.ID), g.Name, regular})
	}
	for i, ps := range p.People {
		out = append(out, drawn{fmt.Sprintf("people[%d].name", i), msg.Sprintf("person %q", ps.ID), ps.Honorific + ps.Name, regular})
	}
	for i, b := range p.Bodies {
		out = append(out, drawn{fmt.Sprintf("bodies[%d].name", i), msg.Sprintf("approving body %q", b.ID), b.Name, regularBold})
	}
	return out
}

// taskTexts calls fn with each text the PDFs print of task i, its key in
// the task's table and its faces. Paths and names are made by the caller
// only for a text with a problem: a plan has a hundred thousand tasks.
func taskTexts(t *data.Task, shown map[string]bool, fn func(key, text string, styles []fonts.Style)) {
	fn("tt", t.TT, regular)
	if shown["content"] {
		fn("content", t.Content, regular)
	}
	if shown["time"] {
		fn("time", t.Time, regular)
	}
	fn("units_text", t.UnitsText, namesFaces)
	if shown["approvers"] {
		fn("approvers_text", t.ApproversText, regular)
	}
	if shown["partners"] {
		fn("partners_text", t.PartnersText, regular)
		for j, pt := range t.Partners {
			fn("partners["+strconv.Itoa(j)+"]", pt.Text, regular)
		}
	}
}

// shownFields are the task fields the annex or the quarterly reports print.
func shownFields(set *templates.Set) map[string]bool {
	shown := map[string]bool{}
	for _, c := range append(append([]templates.Column{}, set.Annex.Table.Columns...), set.Quarterly.Table.Columns...) {
		shown[c.Field] = true
	}
	return shown
}

// drawable says whether every character of text is in each face.
func drawable(fam *fonts.Family, text string, styles []fonts.Style) bool {
	for _, r := range text {
		if r == '\n' || r == '\t' {
			continue
		}
		for _, s := range styles {
			if !fam.Face(s).Has(r) {
				return false
			}
		}
	}
	return true
}

// checkGlyphs reports each character a font face lacks, once for each
// place that holds it, in the plan and in the templates.
func checkGlyphs(p *data.Plan, set *templates.Set, fam *fonts.Family) data.Problems {
	var probs data.Problems
	report := func(file string, line, col int, what, text string, styles []fonts.Style) {
		seen := map[rune]bool{}
		for _, r := range text {
			if r == '\n' || r == '\t' || seen[r] {
				continue
			}
			for _, s := range styles {
				if !fam.Face(s).Has(r) {
					seen[r] = true
					probs = append(probs, data.Problem{File: file, Line: line, Col: col,
						Msg: msg.Sprintf("%s: the character %s (U+%04X) is not in the font (%s, %s); remove it, or render with -fonts DIR naming fonts that have it", what, quoteRune(r), r, fam.Source, s)})
					break
				}
			}
		}
	}
	for _, d := range planTexts(p, set) {
		if !drawable(fam, d.text, d.styles) {
			line, col := p.Where(d.path)
			report(p.Source.Name, line, col, d.what, d.text, d.styles)
		}
	}
	shown := shownFields(set)
	for i := range p.Tasks {
		t := &p.Tasks[i]
		taskTexts(t, shown, func(key, text string, styles []fonts.Style) {
			if !drawable(fam, text, styles) {
				line, col := p.Where("tasks[" + strconv.Itoa(i) + "]." + key)
				report(p.Source.Name, line, col, msg.Sprintf("task %s", data.Printable(t.TT)), text, styles)
			}
		})
	}
	// Template wording the PDFs print, every face: a template string may
	// be set in any of them.
	all := []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic}
	for _, t := range set.Printed() {
		report(t.File, t.Line, t.Col, t.Key, t.Text, all)
	}
	return probs.Sorted()
}

// quoteRune shows a character, or only its code when printing it would
// garble a terminal (a control character, a NUL).
func quoteRune(r rune) string {
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff || r == 0x061c || (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
		return "(invisible)"
	}
	return fmt.Sprintf("%q", r)
}
