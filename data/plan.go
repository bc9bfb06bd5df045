package data

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Unit returns the unit with the id, or nil.
func (p *Plan) Unit(id string) *Unit { return p.unitByID[id] }

// Group returns the group with the id, or nil.
func (p *Plan) Group(id string) *Group { return p.groupByID[id] }

// Person returns the person with the id, or nil.
func (p *Plan) Person(id string) *Person { return p.personByID[id] }

// Body returns the approving body with the id, or nil.
func (p *Plan) Body(id string) *Body { return p.bodyByID[id] }

// Section returns the section with the id, or nil.
func (p *Plan) Section(id string) *Section { return p.sectionByID[id] }

// InternalUnits lists the organisation's own units in registry order.
func (p *Plan) InternalUnits() []*Unit {
	var out []*Unit
	for i := range p.Units {
		if !p.Units[i].External {
			out = append(out, &p.Units[i])
		}
	}
	return out
}

// GroupUnits expands a group into its units, in registry order.
func (p *Plan) GroupUnits(g *Group) []*Unit {
	var out []*Unit
	for i := range p.Units {
		u := &p.Units[i]
		if (g.AllInternal && !u.External) || slices.Contains(g.Members, u.ID) {
			out = append(out, u)
		}
	}
	return out
}

// PartnerUnitIDs gives the ids of the registered units that coordinate a
// task, directly or through a group, in registry order, leaving out the
// units that lead it.
func (p *Plan) PartnerUnitIDs(t *Task) []string {
	in := map[string]bool{}
	p.partnerUnits(t, func(u *Unit) { in[u.ID] = true })
	var out []string
	for _, u := range p.Units {
		if in[u.ID] && !slices.Contains(t.Units, u.ID) {
			out = append(out, u.ID)
		}
	}
	return out
}

// partnerUnits gives visit each registered unit a task's partners name,
// directly or through a group, in the order named; a unit named twice
// comes twice.
func (p *Plan) partnerUnits(t *Task, visit func(*Unit)) {
	for _, pt := range t.Partners {
		if u := p.Unit(pt.Ref); u != nil {
			visit(u)
		}
		if g := p.Group(pt.Ref); g != nil {
			for _, u := range p.GroupUnits(g) {
				visit(u)
			}
		}
	}
}

// UnitsLabel is the "Bộ phận tham mưu, thực hiện" cell as printed.
func (p *Plan) UnitsLabel(t *Task) string {
	if t.UnitsText != "" {
		return t.UnitsText
	}
	names := make([]string, 0, len(t.Units))
	for _, id := range t.Units {
		names = append(names, p.Unit(id).Name)
	}
	// Unit names may hold commas ("Ban KHCN, TVPB"), so they are joined
	// with a sign that cannot be mistaken for part of a name.
	return strings.Join(names, " + ")
}

// PresidingLabel is the "Người chủ trì" cell: "Đ/c Nguyễn Văn Phát".
func (p *Plan) PresidingLabel(t *Task) string {
	x := p.Person(t.Presiding)
	if x == nil {
		return ""
	}
	if x.Honorific == "" {
		return x.Name
	}
	return x.Honorific + " " + x.Name
}

// PartnersLabel is the "Đơn vị phối hợp" cell as printed.
func (p *Plan) PartnersLabel(t *Task) string {
	if t.PartnersText != "" {
		return t.PartnersText
	}
	names := make([]string, 0, len(t.Partners))
	for _, pt := range t.Partners {
		switch {
		case p.Unit(pt.Ref) != nil:
			names = append(names, p.Unit(pt.Ref).Name)
		case p.Group(pt.Ref) != nil:
			names = append(names, p.Group(pt.Ref).Name)
		default:
			names = append(names, pt.Text)
		}
	}
	return strings.Join(names, "; ")
}

// ApproversLabel is the "Cấp thông qua" cell as printed.
func (p *Plan) ApproversLabel(t *Task) string {
	if t.ApproversText != "" {
		return t.ApproversText
	}
	names := make([]string, 0, len(t.Approvers))
	for _, id := range t.Approvers {
		names = append(names, p.Body(id).Name)
	}
	return strings.Join(names, ", ")
}

// Key identifies a task across the files made from one plan: its number and
// a digest of its content, so a returned workbook's rows find their tasks
// even after sorting, and a row whose task was rewritten since does not.
func (t *Task) Key() string {
	sum := sha256.Sum256([]byte(t.Content))
	return t.TT + "-" + hex.EncodeToString(sum[:4])
}

// Workload is what one internal unit does in the plan.
type Workload struct {
	Unit    *Unit
	Lead    []*Task // tasks it leads, alone or jointly
	Partner []*Task // tasks it coordinates, directly or through a group, and does not lead
}

// Workloads lists, in registry order, every internal unit that leads or
// coordinates at least one task, with those tasks in plan order.
func (p *Plan) Workloads() []Workload {
	index := map[string]int{}
	loads := make([]Workload, 0, len(p.Units))
	for i := range p.Units {
		if !p.Units[i].External {
			index[p.Units[i].ID] = len(loads)
			loads = append(loads, Workload{Unit: &p.Units[i]})
		}
	}
	// marked[w] == i+1: unit w leads task i or already coordinates it. The
	// units that coordinate a task are those of PartnerUnitIDs, found
	// without a set per task: a render of 10,000 tasks waited 30 ms here.
	marked := make([]int, len(loads))
	for i := range p.Tasks {
		t := &p.Tasks[i]
		for _, id := range t.Units {
			if w, ok := index[id]; ok {
				loads[w].Lead = append(loads[w].Lead, t)
				marked[w] = i + 1
			}
		}
		p.partnerUnits(t, func(u *Unit) {
			if w, ok := index[u.ID]; ok && marked[w] != i+1 {
				marked[w] = i + 1
				loads[w].Partner = append(loads[w].Partner, t)
			}
		})
	}
	out := loads[:0]
	for _, w := range loads {
		if len(w.Lead)+len(w.Partner) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// Digest identifies what a department's workbook shows of the plan: the
// organisation, the program and its decision, the unit, and every column
// of each task the unit leads or coordinates. The workbook carries it
// instead of the whole plan's sha256, so editing another department's task
// leaves this one's bytes alone, and collect still tells a workbook made
// from an earlier version of what it shows.
func (p *Plan) Digest(w Workload) string { return p.Digests([]Workload{w})[w.Unit.ID] }

// Digests is Digest of each of the workloads (from Workloads), by unit
// id: each task's columns are written out once, not once for each of the
// fifty sheets it is on.
func (p *Plan) Digests(loads []Workload) map[string]string {
	shown := map[*Task][]byte{}
	out := make(map[string]string, len(loads))
	var b []byte
	for _, w := range loads {
		h := sha256.New()
		for _, s := range p.digestHeader(w) {
			b = appendField(b[:0], s)
			h.Write(b)
		}
		for role, tasks := range [][]*Task{w.Lead, w.Partner} {
			b = appendField(b[:0], strconv.Itoa(role)+"/"+strconv.Itoa(len(tasks)))
			h.Write(b)
			for _, t := range tasks {
				cols, ok := shown[t]
				if !ok {
					cols = p.taskShown(t)
					shown[t] = cols
				}
				h.Write(cols)
			}
		}
		out[w.Unit.ID] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

func (p *Plan) digestHeader(w Workload) []string {
	d := p.Decision
	return []string{p.Organisation.Name, p.Organisation.Place, p.Program.Title, strconv.Itoa(p.Program.Year),
		d.Number, d.Symbol, d.Date.String(), d.Issuer, w.Unit.ID, w.Unit.Name}
}

// taskShown is a task's part of a digest: its key, its section and every
// column, each length-prefixed, so no two lists of fields write alike.
func (p *Plan) taskShown(t *Task) []byte {
	b := appendField(nil, t.Key())
	b = appendField(b, t.Section)
	for _, f := range TaskFields {
		b = appendField(b, f.Text(p, t))
	}
	return b
}

func appendField(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}
