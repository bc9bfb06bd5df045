package render

import (
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// Documents are the names -only takes, in the order a render makes them.
var Documents = []string{"annex", "departments", "overview", "quarterly"}

// Selection is the part of a render a clerk asks for: some documents,
// some departments' workbooks, one quarter's reports. The zero Selection
// is everything.
type Selection struct {
	Only    []string // of Documents; empty: all of them
	Units   []string // department ids whose workbooks to make; empty: every department's
	Quarter int      // 1–4: that quarter's reports only (and not the year's); 0: all
}

// whole says the selection is the whole render, whose files replace
// everything an earlier render left.
func (s Selection) whole() bool { return len(s.Only) == 0 && len(s.Units) == 0 && s.Quarter == 0 }

// wants says whether the selection asks for a document; naming units asks
// for their workbooks even without -only departments.
func (s Selection) wants(doc string) bool {
	if len(s.Only) == 0 && len(s.Units) == 0 {
		return true
	}
	return slices.Contains(s.Only, doc) || (doc == "departments" && len(s.Units) > 0)
}

// MakesPDF says whether the options ask for a PDF (the annex or the
// reports): only then are fonts parsed for fpdf.
func (o Options) MakesPDF() bool {
	sel := o.selection()
	return sel.wants("annex") || sel.wants("quarterly")
}

// MakesWorkbooks says whether the options ask for the department
// workbooks or the overview, a render's largest outputs.
func (o Options) MakesWorkbooks() bool {
	sel := o.selection()
	return sel.wants("departments") || sel.wants("overview")
}

// makesWorkbookCells says whether any workbook is made: the quarterly
// reports have one too.
func (o Options) makesWorkbookCells() bool {
	return o.MakesWorkbooks() || o.selection().wants("quarterly")
}

// wantsUnit says whether a department's workbook is asked for.
func (s Selection) wantsUnit(id string) bool {
	return s.wants("departments") && (len(s.Units) == 0 || slices.Contains(s.Units, id))
}

// covers says whether a file of an earlier render is one this selection
// makes (again, or no longer): those it does not cover stay as they are.
func (s Selection) covers(f File) bool {
	switch f.Kind {
	case "annex":
		return s.wants("annex")
	case "department":
		return f.Unit != nil && s.wantsUnit(f.Unit.ID)
	case "overview":
		return s.wants("overview")
	case "quarterly":
		return s.wants("quarterly") && (s.Quarter == 0 || s.Quarter == f.Quarter)
	case "year":
		return s.wants("quarterly") && s.Quarter == 0
	}
	return s.whole()
}

// check refuses what names nothing: a document plandoc does not make, a
// unit the plan does not have or that has no workbook.
func (s Selection) check(p *data.Plan) error {
	for _, doc := range s.Only {
		if !slices.Contains(Documents, doc) {
			return msg.Errorf("-only %s: there is no such document; give %s", doc, strings.Join(Documents, ", "))
		}
	}
	if s.Quarter < 0 || s.Quarter > 4 {
		return msg.Errorf("quarter %d does not exist; give 1, 2, 3 or 4", s.Quarter)
	}
	if len(s.Units) == 0 {
		return nil
	}
	var have []string
	for _, w := range p.Workloads() {
		have = append(have, w.Unit.ID)
	}
	for _, id := range s.Units {
		if slices.Contains(have, id) {
			continue
		}
		if u := p.Unit(id); u != nil {
			return msg.Errorf("-unit %s: %s has no workbook (it leads and coordinates no task, or is outside the organisation); give one of %s", id, u.Name, strings.Join(have, ", "))
		}
		return msg.Errorf("-unit %s: the plan has no unit with this id; give one of %s", id, strings.Join(have, ", "))
	}
	return nil
}
