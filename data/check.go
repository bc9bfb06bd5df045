package data

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/plandoc/plandoc/data/lazy"
	"github.com/plandoc/plandoc/data/msg"
)

// check finds what is wrong between the parts of a decoded plan: ids,
// references, numbering, times; and what is probably a mistake (warnings).
func (d *decoder) check(p *Plan) {
	p.unitByID = map[string]*Unit{}
	p.groupByID = map[string]*Group{}
	p.personByID = map[string]*Person{}
	p.bodyByID = map[string]*Body{}
	p.sectionByID = map[string]*Section{}

	// Units and groups share one namespace: a partner id may name either.
	partyLine := map[string]idPlace{}
	for i := range p.Units {
		u := &p.Units[i]
		if d.checkID(msg.Mark("unit"), "units", i, u.ID, partyLine) {
			p.unitByID[u.ID] = u
		}
	}
	for i := range p.Groups {
		g := &p.Groups[i]
		if d.checkID(msg.Mark("group"), "groups", i, g.ID, partyLine) {
			p.groupByID[g.ID] = g
		}
	}
	seen := map[string]idPlace{}
	for i := range p.People {
		if d.checkID(msg.Mark("person"), "people", i, p.People[i].ID, seen) {
			p.personByID[p.People[i].ID] = &p.People[i]
		}
	}
	seen = map[string]idPlace{}
	for i := range p.Bodies {
		if d.checkID(msg.Mark("approving body"), "bodies", i, p.Bodies[i].ID, seen) {
			p.bodyByID[p.Bodies[i].ID] = &p.Bodies[i]
		}
	}
	seen = map[string]idPlace{}
	for i := range p.Sections {
		if d.checkID(msg.Mark("section"), "sections", i, p.Sections[i].ID, seen) {
			p.sectionByID[p.Sections[i].ID] = &p.Sections[i]
		}
	}
	for i, g := range p.Groups {
		for j, m := range g.Members {
			path := fmt.Sprintf("groups[%d].members[%d]", i, j)
			if _, ok := p.unitByID[m]; !ok {
				d.errorf(path, "group %q: unknown unit %q%s", g.ID, m, didYouMean(m, keys(p.unitByID)))
			}
		}
	}

	d.parties = registeredNames(p)
	d.nearest = map[string]match{}
	used := map[string]bool{} // "unit:id", "person:id", …
	ttIndex := map[string]int{}
	for i := range p.Tasks {
		d.checkTask(p, i, ttIndex, used)
	}
	d.checkDecisionDate(p)
	d.checkTitleYears(p)
	d.checkSectionOrder(p)
	d.checkUnused(p, used)
}

// checkID checks one registry id: safe as a file name and not taken. seen
// maps ids to where they were first defined.
// idPlace is where an id was first defined; its line is looked up only
// for the message about a second definition.
type idPlace struct{ kind, path string }

func (d *decoder) checkID(kind, key string, i int, id string, seen map[string]idPlace) bool {
	path := fmt.Sprintf("%s[%d].id", key, i)
	kind = msg.Text(kind)
	if id == "" {
		return false // reported as missing already
	}
	if reservedNames[id] {
		d.errorf(path, "%s id %q cannot be a file name on Windows; choose another id, like %q", kind, id, id+"-1")
		return false
	}
	if !isSafeID(id) {
		example := Slug(id)
		if example == "" || reservedNames[example] {
			example = "van-phong"
		}
		d.errorf(path, "%s id %q is not safe as a file name; ids take lower-case ASCII letters, digits and hyphens (at most %d), like %q", kind, id, maxIDLength, example)
		return false
	}
	if first, dup := seen[id]; dup {
		d.errorf(path, "%s id %q is already used by %s; ids must be unique", kind, id, msg.Sprintf("the %s at line %d", first.kind, d.pos.at(first.path).Line))
		return false
	}
	seen[id] = idPlace{kind, fmt.Sprintf("%s[%d]", key, i)}
	return true
}

func (d *decoder) checkTask(p *Plan, i int, ttIndex map[string]int, used map[string]bool) {
	t := &p.Tasks[i]
	path := fmt.Sprintf("tasks[%d]", i)
	name := msg.Sprintf("task %s", Printable(t.TT))
	if t.TT == "" {
		name = msg.Sprintf("task #%d", i+1)
	} else if first, dup := ttIndex[t.TT]; dup {
		d.errorf(path+".tt", "task number %q is used twice (first at line %d); give each task its own number", t.TT, d.pos.at(fmt.Sprintf("tasks[%d]", first)).Line)
	} else {
		ttIndex[t.TT] = i // its line is looked up only for the message
	}

	if t.Schedule.kind != kindExplicit && t.Time != "" {
		sched, err := ParseTime(t.Time, p.Program.Year)
		if err != nil {
			d.timeProblem(path+".time", name, err)
		}
		t.Schedule = sched
	}

	d.checkRepeats(path, name, "units", t.Units)
	d.checkRepeats(path, name, "approvers", t.Approvers)
	refs := make([]string, len(t.Partners))
	for j, pt := range t.Partners {
		refs[j] = pt.Ref + "\x00" + pt.Text // a name and an id never compare equal
	}
	d.checkRepeats(path, name, "partners", refs)
	for j, id := range t.Units {
		if _, ok := p.unitByID[id]; ok {
			used["unit:"+id] = true
			continue
		}
		at := fmt.Sprintf("%s.units[%d]", path, j)
		if _, isGroup := p.groupByID[id]; isGroup {
			d.errorf(at, "%s: %q is a group; units takes the ids of the units that lead the task", name, id)
			continue
		}
		d.errorf(at, "%s: unknown unit %q%s", name, id, didYouMean(id, keys(p.unitByID)))
	}
	if t.Presiding != "" {
		if _, ok := p.personByID[t.Presiding]; ok {
			used["person:"+t.Presiding] = true
		} else {
			d.errorf(path+".presiding", "%s: unknown person %q%s", name, t.Presiding, personHint(p, t.Presiding))
		}
	}
	for j, id := range t.Approvers {
		if _, ok := p.bodyByID[id]; ok {
			used["body:"+id] = true
		} else {
			d.errorf(fmt.Sprintf("%s.approvers[%d]", path, j), "%s: unknown approving body %q%s", name, id, didYouMean(id, keys(p.bodyByID)))
		}
	}
	for j, pt := range t.Partners {
		at := fmt.Sprintf("%s.partners[%d]", path, j)
		switch {
		case pt.Ref != "":
			if _, ok := p.unitByID[pt.Ref]; ok {
				used["unit:"+pt.Ref] = true
			} else if _, ok := p.groupByID[pt.Ref]; ok {
				used["group:"+pt.Ref] = true
			} else {
				if _, isBody := p.bodyByID[pt.Ref]; isBody {
					d.errorf(at, "%s: partner %q is an approving body; list it in approvers, or write the partner's name as text", name, pt.Ref)
					continue
				}
				d.errorf(at, "%s: partner %q is no unit or group id%s (an outside body is written as its name, like \"Sở, ngành liên quan\")",
					name, pt.Ref, didYouMean(pt.Ref, append(keys(p.unitByID), keys(p.groupByID)...)))
			}
		case pt.Text == "":
			d.errorf(at, "%s: a partner is empty", name)
		default:
			d.checkFreeText(at, name, pt.Text)
		}
	}
	if n := UTF16Len(t.Content); n > maxCellChars {
		d.warnf(path+".content", "%s: the content is %d characters long; an Excel cell holds %d, so the workbooks will cut it (the PDFs keep it whole)", name, n, maxCellChars)
	}
	if t.Section != "" {
		if _, ok := p.sectionByID[t.Section]; ok {
			used["section:"+t.Section] = true
		} else {
			d.errorf(path+".section", "%s: unknown section %q%s", name, t.Section, didYouMean(t.Section, keys(p.sectionByID)))
		}
	} else if len(p.Sections) > 0 {
		d.errorf(path, "%s has no section, but the plan has sections; add section = \"%s\"", name, p.Sections[0].ID)
	}
}

var (
	fourDigitYear = lazy.Regexp(`\b(19|20|21)\d\d\b`)
	yearRange     = lazy.Regexp(`\b\d{4}\s*[-–—]\s*\d{4}\b`) // "giai đoạn 2021 – 2025" names a period
)

// checkTitleYears refuses a title or summary that names another year than
// the one the program plans ("năm 2026" in a plan for 2027): it would be
// printed on every document.
func (d *decoder) checkTitleYears(p *Plan) {
	y := strconv.Itoa(p.Program.Year)
	for _, f := range []struct{ key, text string }{{"title", p.Program.Title}, {"summary", p.Program.Summary}} {
		for _, m := range fourDigitYear().FindAllString(yearRange().ReplaceAllString(f.text, ""), -1) {
			if m != y && p.Program.Year != 0 {
				d.errorf("program."+f.key, "[program]: %s names the year %s, but year = %s; correct one of them", f.key, m, y)
			}
		}
	}
}

// checkSectionOrder warns of a task placed after another section than its
// own: the annex groups tasks in the order given, so it would print its
// section's heading a second time.
func (d *decoder) checkSectionOrder(p *Plan) {
	seen, current := map[string]bool{}, ""
	for i, t := range p.Tasks {
		if t.Section == "" || t.Section == current {
			continue
		}
		if seen[t.Section] {
			d.warnf(fmt.Sprintf("tasks[%d].section", i), "task %s is in section %q but comes after section %q; the annex would print %q's heading a second time: move the task up among its section's tasks",
				Printable(t.TT), t.Section, current, t.Section)
		}
		seen[t.Section] = true
		current = t.Section
	}
}

// personHint suggests the id of a person written by name ("Trần Minh Đức"
// for tran-minh-duc), else the nearest id.
func personHint(p *Plan, written string) string {
	f := Fold(written)
	for _, ps := range p.People {
		if Fold(ps.Name) == f || Fold(ps.Honorific+" "+ps.Name) == f {
			return msg.Sprintf("; that is the name of person %q: write presiding = %q", ps.ID, ps.ID)
		}
	}
	return didYouMean(written, keys(p.personByID))
}

// checkRepeats refuses a list that names one entry twice: it would be
// printed twice, and a unit would get the task twice in its workbook.
func (d *decoder) checkRepeats(path, name, key string, list []string) {
	seen := map[string]bool{}
	for j, v := range list {
		if seen[v] {
			shown, _, _ := strings.Cut(v, "\x00")
			if shown == "" {
				_, shown, _ = strings.Cut(v, "\x00")
			}
			d.errorf(fmt.Sprintf("%s.%s[%d]", path, key, j), "%s: %s names %q twice; remove the second", name, key, shown)
		}
		seen[v] = true
	}
}

// Printable is s as a message can show it: quoted, with escapes, when it
// holds a control or invisible character (a NUL would otherwise reach the
// terminal raw).
func Printable(s string) string {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return strconv.Quote(s)
		}
	}
	return s
}

func (d *decoder) timeProblem(path, name string, err error) {
	text := msg.Sprintf("%s: %v", name, err)
	if te, ok := err.(*TimeError); ok && te.UnknownForm {
		text += msg.Sprintf(`; write it like "Tháng 3", "Tháng 3-6", "Tháng 3, 6, 9", "Quý II", "6 tháng đầu năm", "Cả năm", "Thường xuyên" or "18/5", or give the months: months = [3]`)
	}
	d.errorf(path, "%s", text)
}

// match is what nearestParty found for one free text.
type match struct {
	party        party
	exact, found bool
}

// party is a registered unit or group name, folded once for comparing.
type party struct{ kind, id, name, folded string }

func registeredNames(p *Plan) []party {
	var out []party
	for _, u := range p.Units {
		out = append(out, party{"unit", u.ID, u.Name, Fold(u.Name)})
		if u.FullName != "" {
			out = append(out, party{"unit", u.ID, u.FullName, Fold(u.FullName)})
		}
	}
	for _, g := range p.Groups {
		out = append(out, party{"group", g.ID, g.Name, Fold(g.Name)})
	}
	return out
}

// nearestParty finds the registered name a free-text partner equals once
// folded, or is a typo or two away from; exact is false for the latter.
func nearestParty(parties []party, text string) (pt party, exact, found bool) {
	f := Fold(text)
	n := len([]rune(f))
	for _, pt := range parties {
		if pt.folded == f {
			return pt, true, true
		}
	}
	if n < 8 {
		return party{}, false, false // short names differ by a letter on purpose
	}
	for _, pt := range parties {
		if m := len([]rune(pt.folded)); m-n <= 2 && n-m <= 2 && Distance(f, pt.folded) <= 2 {
			return pt, false, true
		}
	}
	return party{}, false, false
}

// checkFreeText warns when an outside body's name is really a registered
// unit's or group's: the task would then miss that unit's workbook.
func (d *decoder) checkFreeText(at, name, text string) {
	// Plans repeat the same outside bodies on many rows: compare each once.
	m, seen := d.nearest[text]
	if !seen {
		m.party, m.exact, m.found = nearestParty(d.parties, text)
		d.nearest[text] = m
	}
	pt, exact, found := m.party, m.exact, m.found
	switch {
	case !found:
	case exact:
		d.warnf(at, "%s: partner %q is the name of %s %q; write %q so the task counts for it", name, text, pt.kind, pt.id, pt.id)
	default:
		d.warnf(at, "%s: partner %q is close to %q, the name of %s %q; if that is meant, write %q", name, text, pt.name, pt.kind, pt.id, pt.id)
	}
}

func (d *decoder) checkDecisionDate(p *Plan) {
	dt := p.Decision.Date
	if dt.IsZero() || p.Program.Year == 0 {
		return
	}
	// A decision is signed the year before the program or in its first
	// months; a year further off is a typing slip (0021 for 2021).
	if dt.Year < p.Program.Year-2 || dt.Year > p.Program.Year+1 {
		d.errorf("decision.date", "decision date %s is not near %d, the year the program plans; correct the year", dt, p.Program.Year)
		return
	}
	// Programs are often signed in the first days of their year: only a
	// date after its first quarter, or in December of the year itself
	// (31/12/2021 for the 2021 program: most likely 31/12/2020), is likely
	// a slip.
	y := p.Program.Year
	switch {
	case dt.Year == y && dt.Month == 12:
		d.warnf("decision.date", "decision date %s is in December of %d, the year the program plans: a program is issued before or early in its year; was %d-12-%02d meant? (it is printed as given)", dt, y, y-1, dt.Day)
	case QuarterEnd(y, 1).Before(dt):
		d.warnf("decision.date", "decision date %s is after %s, the end of the first quarter the program plans; check it (it is printed as given)", dt, QuarterEnd(y, 1))
	}
}

// checkUnused warns of registry entries no task needs: usually a typo in
// the id of the task that meant them.
func (d *decoder) checkUnused(p *Plan, used map[string]bool) {
	if len(p.Tasks) == 0 {
		return // everything is unused, and the missing tasks are already an error
	}
	covered := map[string]bool{}
	for _, g := range p.Groups {
		if !used["group:"+g.ID] {
			continue
		}
		for _, u := range p.Units {
			if (g.AllInternal && !u.External) || slices.Contains(g.Members, u.ID) {
				covered[u.ID] = true
			}
		}
	}
	unused := func(key, kind string, ids []string, format string) {
		for i, id := range ids {
			if isSafeID(id) && !used[kind+":"+id] && !(kind == "unit" && covered[id]) {
				d.warnf(fmt.Sprintf("%s[%d].id", key, i), format, id)
			}
		}
	}
	unused("units", "unit", ids(p.Units, func(u Unit) string { return u.ID }), msg.Mark("unit %q is not used by any task; remove it or refer to it"))
	unused("groups", "group", ids(p.Groups, func(g Group) string { return g.ID }), msg.Mark("group %q is not used by any task; remove it or refer to it"))
	unused("people", "person", ids(p.People, func(x Person) string { return x.ID }), msg.Mark("person %q presides over no task; remove them or refer to them"))
	unused("bodies", "body", ids(p.Bodies, func(b Body) string { return b.ID }), msg.Mark("approving body %q approves no task; remove it or refer to it"))
	unused("sections", "section", ids(p.Sections, func(s Section) string { return s.ID }), msg.Mark("section %q holds no task; remove it or refer to it"))
}

func ids[T any](entries []T, id func(T) string) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = id(e)
	}
	return out
}

func didYouMean(s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return msg.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// keys are the ids of a registry, sorted: suggest picks the first of
// equally near candidates, so the order must be stable.
func keys[T any](m map[string]T) []string { return slices.Sorted(maps.Keys(m)) }

// maxCellChars is what one Excel cell holds, in UTF-16 units.
const maxCellChars = 32767

// UTF16Len is the length of s in UTF-16 units, as Excel counts a cell's
// characters (at most 32,767).
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
