package data

import "github.com/plandoc/plandoc/data/msg"

// The keys each table takes, in the order the README documents them.
var (
	planKeys         = []string{"schema", "organisation", "decision", "reports", "program", "sections", "units", "groups", "people", "bodies", "tasks"}
	reportsKeys      = []string{"signer", "recipients"}
	organisationKeys = []string{"name", "parent", "place"}
	decisionKeys     = []string{"number", "symbol", "date", "issuer", "signer"}
	signerKeys       = []string{"authority", "title", "name"}
	programKeys      = []string{"year", "title", "summary", "closing"}
	sectionKeys      = []string{"id", "label", "title"}
	unitKeys         = []string{"id", "name", "full_name", "external"}
	groupKeys        = []string{"id", "name", "members", "all_internal"}
	personKeys       = []string{"id", "honorific", "name", "title"}
	bodyKeys         = []string{"id", "name"}
	taskKeys         = []string{"tt", "content", "time", "months", "units", "presiding", "partners", "approvers", "section", "units_text", "partners_text", "approvers_text"}
)

func (d *decoder) decodePlan(raw map[string]any) *Plan {
	root := table{d: d, name: msg.Sprintf("the plan"), m: raw}
	root.unknown(planKeys...)
	p := &Plan{}

	if v, ok := raw["schema"]; !ok {
		d.addf(Error, pos{Line: 1, Col: 1}, "the plan has no schema version; add schema = %d as its first line", SchemaVersion)
	} else if n, isInt := v.(int64); !isInt {
		root.wrongType("schema", v, "a whole number")
	} else if n > SchemaVersion {
		d.errorf("schema", "schema %d is newer than this plandoc reads (%d); update plandoc", n, SchemaVersion)
	} else if n < 1 {
		d.errorf("schema", "schema %d does not exist; write schema = %d", n, SchemaVersion)
	} else {
		p.Schema = int(n)
	}

	if t, ok := root.sub("organisation", "[organisation]", true); ok {
		t.unknown(organisationKeys...)
		p.Organisation = Organisation{Name: t.str("name", true), Parent: t.str("parent", false), Place: t.str("place", true)}
	}
	if t, ok := root.sub("decision", "[decision]", true); ok {
		t.unknown(decisionKeys...)
		p.Decision = Decision{Number: t.label("number", true), Symbol: t.str("symbol", true), Date: t.date("date", true), Issuer: t.str("issuer", true)}
		if s, ok := t.sub("signer", "[decision.signer]", false); ok {
			s.unknown(signerKeys...)
			p.Decision.Signer = &Signer{Authority: s.str("authority", false), Title: s.str("title", true), Name: s.str("name", true)}
		}
	}
	if t, ok := root.sub("reports", "[reports]", false); ok {
		t.unknown(reportsKeys...)
		if s, ok := t.sub("signer", "[reports.signer]", false); ok {
			s.unknown(signerKeys...)
			p.Reports.Signer = &Signer{Authority: s.str("authority", false), Title: s.str("title", true), Name: s.str("name", true)}
		}
		p.Reports.Recipients = t.list("recipients", false, `["Thường trực LHH (để báo cáo)", "Lưu: VT"]`)
	}
	if t, ok := root.sub("program", "[program]", true); ok {
		t.unknown(programKeys...)
		if y, ok := t.integer("year", true); ok {
			if y < 1900 || y > 2200 {
				d.errorf(t.keyPath("year"), "[program]: year %d is not a plausible plan year", y)
			}
			p.Program.Year = y
		}
		p.Program.Title = t.str("title", true)
		p.Program.Summary = t.str("summary", false)
		p.Program.Closing = t.str("closing", false)
	}

	for i, t := range root.tables("sections") {
		t.name = ordinalName(msg.Mark("section %q"), msg.Mark("section #%d"), i, t.m)
		t.unknown(sectionKeys...)
		s := Section{ID: t.str("id", true), Label: t.str("label", false), Title: t.str("title", true)}
		if s.Label == "" {
			s.Label = Roman(i + 1)
		}
		p.Sections = append(p.Sections, s)
	}
	for i, t := range root.tables("units") {
		t.name = ordinalName(msg.Mark("unit %q"), msg.Mark("unit #%d"), i, t.m)
		t.unknown(unitKeys...)
		p.Units = append(p.Units, Unit{ID: t.str("id", true), Name: t.str("name", true), FullName: t.str("full_name", false), External: t.boolean("external")})
	}
	for i, t := range root.tables("groups") {
		t.name = ordinalName(msg.Mark("group %q"), msg.Mark("group #%d"), i, t.m)
		t.unknown(groupKeys...)
		g := Group{ID: t.str("id", true), Name: t.str("name", true), Members: t.list("members", false, `["van-phong"]`), AllInternal: t.boolean("all_internal")}
		if len(g.Members) == 0 && !g.AllInternal {
			d.errorf(t.path, "%s has no members; list them (members = [\"van-phong\", …]) or write all_internal = true", t.name)
		}
		p.Groups = append(p.Groups, g)
	}
	for i, t := range root.tables("people") {
		t.name = ordinalName(msg.Mark("person %q"), msg.Mark("person #%d"), i, t.m)
		t.unknown(personKeys...)
		p.People = append(p.People, Person{ID: t.str("id", true), Honorific: t.str("honorific", false), Name: t.str("name", true), Title: t.str("title", false)})
	}
	for i, t := range root.tables("bodies") {
		t.name = ordinalName(msg.Mark("approving body %q"), msg.Mark("approving body #%d"), i, t.m)
		t.unknown(bodyKeys...)
		p.Bodies = append(p.Bodies, Body{ID: t.str("id", true), Name: t.str("name", true)})
	}
	tasks := root.tables("tasks")
	if len(tasks) == 0 {
		d.addf(Error, d.pos.at("tasks"), "the plan has no tasks; add them as [[tasks]] tables")
	}
	p.Tasks = make([]Task, 0, len(tasks))
	for i, t := range tasks {
		p.Tasks = append(p.Tasks, d.decodeTask(i, t))
	}
	return p
}

func (d *decoder) decodeTask(i int, t table) Task {
	t.name = msg.Sprintf("task #%d", i+1)
	if tt, ok := t.m["tt"].(string); ok && tt != "" {
		t.name = msg.Sprintf("task %s", Printable(tt))
	} else if n, ok := t.m["tt"].(int64); ok {
		t.name = msg.Sprintf("task %d", n)
	}
	t.unknown(taskKeys...)
	task := Task{
		TT:            t.label("tt", true),
		Content:       t.str("content", true),
		Time:          t.str("time", true),
		Units:         t.list("units", true, `["van-phong"]`),
		Presiding:     t.str("presiding", false),
		Approvers:     t.list("approvers", false, `["thuong-truc"]`),
		Section:       t.str("section", false),
		UnitsText:     t.str("units_text", false),
		PartnersText:  t.str("partners_text", false),
		ApproversText: t.str("approvers_text", false),
	}
	for _, s := range t.list("partners", false, `["cac-ban-lhh", "Sở, ngành liên quan"]`) {
		if isSafeID(s) {
			task.Partners = append(task.Partners, Partner{Ref: s})
		} else {
			task.Partners = append(task.Partners, Partner{Text: s})
		}
	}
	// The time expression is read in check, once the plan's year is known.
	if _, given := t.m["months"]; given {
		task.Schedule = d.explicitMonths(t)
	}
	return task
}

// explicitMonths reads months = [3, 6]: the plan's own statement of when a
// task runs, for time wording no parser could be expected to read.
func (d *decoder) explicitMonths(t table) Schedule {
	v := t.m["months"]
	items, ok := v.([]any)
	if !ok {
		t.wrongType("months", v, "a list of month numbers like [3, 6]")
		return Schedule{kind: kindExplicit}
	}
	if len(items) == 0 {
		d.errorf(t.keyPath("months"), "%s: months is empty; list at least one month, like months = [3]", t.name)
	}
	var set Months
	for i, item := range items {
		path := indexPath(t.keyPath("months"), i)
		n, isInt := item.(int64)
		switch {
		case !isInt:
			d.errorf(path, "%s: months must hold month numbers, not %s", t.name, typeName(item))
		case n < 1 || n > 12:
			d.errorf(path, "%s: month %d is outside 1–12", t.name, n)
		default:
			set = set.With(int(n))
		}
	}
	return Schedule{kind: kindExplicit, Months: set}
}

// ordinalName calls a registry entry by its id when it has a usable one.
func ordinalName(byID, byNumber string, i int, m map[string]any) string {
	if id, ok := m["id"].(string); ok && id != "" {
		return msg.Sprintf(byID, id)
	}
	return msg.Sprintf(byNumber, i+1)
}
