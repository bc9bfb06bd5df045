package importer

import (
	"strconv"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// known is a name last year's plan registered, and the id that its
// workbooks, progress records and templates know it by.
type known struct {
	id, name, key string
	external      bool
}

// lastYear is what import -like takes from last year's plan.
type lastYear struct {
	plan                          *data.Plan
	units, groups, people, bodies []known
}

func newLastYear(p *data.Plan) *lastYear {
	if p == nil {
		return nil
	}
	ly := &lastYear{plan: p}
	for _, u := range p.Units {
		ly.units = append(ly.units, known{u.ID, u.Name, nameKey(u.Name), u.External})
	}
	for _, g := range p.Groups {
		ly.groups = append(ly.groups, known{id: g.ID, name: g.Name, key: nameKey(g.Name)})
	}
	for _, x := range p.People {
		ly.people = append(ly.people, known{id: x.ID, name: x.Name, key: nameKey(x.Name)})
	}
	for _, b := range p.Bodies {
		ly.bodies = append(ly.bodies, known{id: b.ID, name: b.Name, key: nameKey(b.Name)})
	}
	return ly
}

// partnerUnits registers the partners last year's plan had as units
// (external ones among them), so they stay units, with their ids, and
// are not turned into free text.
func (ly *lastYear) partnerUnits(p *parsed, units *registry) {
	if ly == nil {
		return
	}
	for _, t := range p.tasks {
		for _, part := range hardSplit(t.partners) {
			key := nameKey(part)
			if _, ok := units.byKey[key]; ok {
				continue
			}
			for _, k := range ly.units {
				if k.key == key {
					units.add(part, t.where).external = k.external
				}
			}
		}
	}
}

// keepNames gives the entries last year's plan knows its id and spelling,
// reserving those ids first, so a unit's workbook and progress carry over;
// a new name is reported, and so is one a letter from an old one.
func (r *registry) keepNames(p *parsed, last []known, taken map[string]bool) {
	for _, k := range last {
		taken[k.id] = true
	}
	for _, e := range r.live() {
		var match *known
		for i, k := range last {
			for _, s := range e.spellings {
				if nameKey(s) == k.key {
					match = &last[i]
				}
			}
		}
		name := e.mostFrequent()
		if match != nil {
			if name != match.name {
				p.infer(e.where[e.spellings[0]], kindLike, "%s %q written as last year's %q (id %s)", msg.Text(r.kind), name, match.name, match.id)
			}
			e.name, e.id, e.kept = match.name, match.id, true
			continue
		}
		near := ""
		for _, k := range last {
			if data.Distance(e.key, k.key) == 1 {
				near = k.name
			}
		}
		if near != "" {
			p.infer(e.where[e.spellings[0]], kindLike, "new %s %q is one letter from last year's %q: probably the same; if so, write it as last year", msg.Text(r.kind), name, near)
		} else {
			p.infer(e.where[e.spellings[0]], kindLike, "new %s %q, not in last year's plan", msg.Text(r.kind), name)
		}
	}
}

// The heading parts last year's plan gives when the table says nothing of
// them; each is reported, the decision to be replaced by this year's.

func (ly *lastYear) organisation(p *parsed, h *heading) bool {
	if ly == nil {
		return false
	}
	o := ly.plan.Organisation
	h.orgName, h.place, h.parent = o.Name, o.Place, o.Parent
	p.infer("", kindLike, "organisation %q taken from last year's plan", h.orgName)
	return true
}

func (ly *lastYear) year(p *parsed, h *heading) bool {
	if ly == nil {
		return false
	}
	h.year = ly.plan.Program.Year + 1
	h.title = "Chương trình công tác năm " + strconv.Itoa(h.year)
	p.infer("", kindLike, "year %d: the year after last year's plan (the table names none)", h.year)
	return true
}

func (ly *lastYear) decision(p *parsed, h *heading) bool {
	if ly == nil {
		return false
	}
	h.decision = ly.plan.Decision
	h.decision.Signer = nil // given, and reported, by signer
	p.infer("", kindLike, "decision %s/%s of %s taken from last year's plan: write this year's number and date", h.decision.Number, h.decision.Symbol, h.decision.Date)
	return true
}

// signer gives the decision last year's signer when the table's decision
// names none (a table never does), for the clerk to confirm.
func (ly *lastYear) signer(p *parsed, h *heading) {
	if ly == nil || h.decision.Signer != nil || ly.plan.Decision.Signer == nil {
		return
	}
	sg := *ly.plan.Decision.Signer
	h.decision.Signer = &sg
	p.infer("", kindLike, "signer %q (%s) taken from last year's plan; check who signs this year", sg.Name, sg.Title)
}
