package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/lazy"
)

// planOut is the plan as it will be written.
type planOut struct {
	head     heading
	sections []sectionOut
	units    []*entry
	groups   []*entry
	people   []*entry
	bodies   []*entry
	tasks    []taskOut
}

type sectionOut struct{ id, label, title string }

type taskOut struct {
	tt, content, time       string
	units                   []string
	presiding               string
	partners                []string // ids, or free text
	approvers               []string
	section                 string
	unitsText, partnersText string
}

var honorific = lazy.Regexp(`^(Đ/c|Đ/C|đ/c|Đồng chí|đồng chí|Ông|ông|Bà|bà)\.?\s+`)

// build makes the registries and the tasks from what was read.
func (p *parsed) build(ly *lastYear) *planOut {
	out := &planOut{head: p.readHeading(ly)}
	units, people, bodies, groups := newRegistry("unit"), newRegistry("person"), newRegistry("approving body"), newRegistry("group")

	// Units: every name that leads a task; then names joining several.
	// "Các tổ chuyên môn" leading a task is every unit, not a unit of its
	// own that would get a workbook nobody reads.
	var leadGroups []rawTask
	seenLeadGroup := map[string]bool{}
	for _, t := range p.tasks {
		for _, part := range hardSplit(t.units) {
			if groupName().MatchString(data.Fold(part)) {
				if !seenLeadGroup[nameKey(part)] {
					seenLeadGroup[nameKey(part)] = true
					leadGroups = append(leadGroups, rawTask{where: t.where, units: part})
				}
				continue
			}
			units.add(part, t.where)
		}
	}
	if len(units.entries) == 0 { // nothing else leads: the group is the only unit there is
		for _, g := range leadGroups {
			units.add(g.units, g.where)
		}
		leadGroups = nil
	}
	joint := units.jointUnits(p)
	ly.partnerUnits(p, units)
	// People: the honorific is kept apart from the name.
	titles := map[*entry]map[string]int{}
	for _, t := range p.tasks {
		if t.presiding == "" {
			continue
		}
		h, name := splitHonorific(t.presiding)
		e := people.add(name, t.where)
		if titles[e] == nil {
			titles[e] = map[string]int{}
		}
		titles[e][h]++
	}
	// Approving bodies: commas separate them; a name that is the beginning
	// of exactly one other ("Thường trực" of "Thường trực LHH") is that one.
	for _, t := range p.tasks {
		for _, part := range bodyParts(t.approvers) {
			bodies.add(part, t.where)
		}
	}
	for _, e := range bodies.entries {
		if o, ok := bodies.resolve(e.spellings[0], e); ok {
			bodies.alias[e] = o
			p.infer(e.where[e.spellings[0]], kindSpelling, "approving body %q read as %q; confirm", e.spellings[0], o.spellings[0])
		}
	}
	// Groups: "Các ban …" among the partners means every internal unit.
	for _, t := range p.tasks {
		for _, part := range hardSplit(t.partners) {
			if groupName().MatchString(data.Fold(part)) {
				groups.add(part, t.where)
			}
		}
	}

	taken := map[string]bool{}
	peopleTaken, bodiesTaken := map[string]bool{}, map[string]bool{}
	if ly != nil {
		units.keepNames(p, ly.units, taken)
		groups.keepNames(p, ly.groups, taken)
		people.keepNames(p, ly.people, peopleTaken)
		bodies.keepNames(p, ly.bodies, bodiesTaken)
	}
	units.finish(p, taken)
	groups.finish(p, taken)
	people.finish(p, peopleTaken)
	bodies.finish(p, bodiesTaken)
	for e, h := range titles {
		for name, n := range h {
			if n > h[e.honorific] || (n == h[e.honorific] && name < e.honorific) {
				e.honorific = name
			}
		}
	}
	for _, g := range groups.live() {
		p.infer(g.where[g.spellings[0]], kindPartner, "partner %q read as a group of every internal unit (all_internal = true); confirm", g.name)
	}
	out.units, out.groups, out.people, out.bodies = units.live(), groups.live(), people.live(), bodies.live()
	for _, g := range leadGroups {
		p.infer(g.where, kindJoint, "lead %q read as every unit that leads a task (%d units), so each gets the task in its workbook; confirm", g.units, len(out.units))
	}

	sectionIDs := map[string]bool{}
	for _, s := range p.sections {
		out.sections = append(out.sections, sectionOut{id: uniqueID(data.Slug(s.label), "section", sectionIDs), label: s.label, title: s.title})
	}
	for i, t := range p.tasks {
		out.tasks = append(out.tasks, p.buildTask(i, t, out, units, joint, people, bodies, groups))
	}
	return out
}

func splitHonorific(cell string) (string, string) {
	if m := honorific().FindStringSubmatch(cell); m != nil {
		return m[1], strings.TrimSpace(cell[len(m[0]):])
	}
	return "", cell
}

func bodyParts(cell string) []string {
	var out []string
	for _, part := range hardSplit(cell) {
		for _, sub := range softSeparators().Split(part, -1) {
			if sub = strings.Trim(strings.TrimSpace(sub), ".;"); sub != "" {
				out = append(out, sub)
			}
		}
	}
	return out
}

func (p *parsed) buildTask(i int, t rawTask, out *planOut, units *registry, joint map[*entry][]*entry, people, bodies, groups *registry) taskOut {
	task := taskOut{tt: t.tt, content: t.content, time: t.time}
	if task.tt == "" {
		task.tt = fmt.Sprint(i + 1)
		p.infer(t.where, kindMissing, "no TT; numbered %s", task.tt)
	}
	if t.section >= 0 {
		task.section = out.sections[t.section].id
	}
	if t.time == "" {
		p.infer(t.where, kindMissing, "no time given; fill in time")
	} else if _, err := data.ParseTime(strings.ReplaceAll(t.time, "\n", " "), out.head.year); err != nil {
		p.infer(t.where, kindTime, "%v; kept as written: add months = […] to this task, or rewrite the time", err)
	}
	var names []string
	for _, part := range hardSplit(t.units) {
		e, ok := units.byKey[nameKey(part)]
		members := []*entry{units.final(e)}
		if j, isJoint := joint[e]; isJoint {
			members = j
		} else if !ok { // a group such as "Các tổ chuyên môn"
			members = out.units
		}
		for _, m := range members {
			if !slices.Contains(task.units, m.id) {
				task.units = append(task.units, m.id)
				names = append(names, m.name)
			}
		}
	}
	if len(task.units) == 0 {
		p.infer(t.where, kindMissing, "no implementing unit; fill in units")
	}
	if spellingKey(strings.Join(names, " + ")) != spellingKey(t.units) {
		task.unitsText = t.units // worded otherwise, not only spelt otherwise
	}
	if t.presiding != "" {
		_, name := splitHonorific(t.presiding)
		e := people.final(people.byKey[nameKey(name)])
		task.presiding = e.id
		if e.honorific != "" && !strings.HasPrefix(t.presiding, e.honorific) {
			p.infer(t.where, kindPresiding, "presiding %q printed as %q", t.presiding, e.honorific+" "+e.name)
		}
	}
	names = names[:0]
	for _, part := range bodyParts(t.approvers) {
		e := bodies.final(bodies.byKey[nameKey(part)])
		if !slices.Contains(task.approvers, e.id) {
			task.approvers = append(task.approvers, e.id)
			names = append(names, e.name)
		}
	}
	var printed []string
	for _, part := range hardSplit(t.partners) {
		switch u, isUnit := units.byKey[nameKey(part)]; {
		case isUnit && units.alias[u] == nil:
			task.partners = append(task.partners, u.id)
			printed = append(printed, u.name)
			if u.name != part {
				p.infer(t.where, kindPartner, "partner %q read as the unit %q", part, u.name)
			}
		case groupName().MatchString(data.Fold(part)):
			g := groups.final(groups.byKey[nameKey(part)])
			task.partners = append(task.partners, g.id)
			printed = append(printed, g.name)
		default:
			if us := partnerUnits(units, part); us != nil {
				var names []string
				for _, u := range us {
					if !slices.Contains(task.partners, u.id) {
						task.partners = append(task.partners, u.id)
						printed = append(printed, u.name)
					}
					names = append(names, fmt.Sprintf("%q", u.name))
				}
				p.infer(t.where, kindPartner, "partner %q read as %d units: %s; confirm", part, len(us), strings.Join(names, " + "))
				continue
			}
			task.partners = append(task.partners, part)
			printed = append(printed, part)
		}
	}
	if spellingKey(strings.Join(printed, "; ")) != spellingKey(t.partners) {
		task.partnersText = t.partners // the printed wording stays the user's
	}
	return task
}

// partnerUnits reads a partner cell such as "Tổ Toán - Tin, Tổ Ngữ văn" as
// the units it lists, as a lead cell is read, so each gets the task in its
// own workbook; only when every part separated by commas or "và" is
// exactly a unit's name, otherwise the cell stays free text (nil).
func partnerUnits(units *registry, cell string) []*entry {
	parts := softSeparators().Split(cell, -1)
	if len(parts) < 2 {
		return nil
	}
	var found []*entry
	for _, part := range parts {
		u, ok := units.byKey[nameKey(part)]
		if !ok || units.alias[u] != nil {
			return nil
		}
		found = append(found, u)
	}
	return found
}
