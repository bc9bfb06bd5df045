package importer

import (
	"fmt"
	"strings"

	"github.com/plandoc/plandoc/data"
)

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string { return data.TOMLString(s) }

func tomlList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// write renders the plan as a tidy TOML file: registries first, then the
// tasks in order, each value as the source printed it.
func (o *planOut) write(source string) []byte {
	var b strings.Builder
	kv := func(key, value string) { fmt.Fprintf(&b, "%s = %s\n", key, value) }
	str := func(key, value string) { kv(key, tomlString(value)) }
	optional := func(key, value string) {
		if value != "" {
			str(key, value)
		}
	}
	h := o.head
	fmt.Fprintf(&b, "# Imported by plandoc import from %s. Check what the import report says,\n# then run: plandoc check PLAN.toml\n", strings.ReplaceAll(source, "\n", " "))
	fmt.Fprintf(&b, "schema = %d\n\n[organisation]\n", data.SchemaVersion)
	str("name", h.orgName)
	optional("parent", h.parent)
	str("place", h.place)
	b.WriteString("\n[decision]\n")
	d := h.decision
	str("number", d.Number)
	str("symbol", d.Symbol)
	if d.Date.IsZero() {
		b.WriteString("# date = 2021-01-01  (not found in the source)\n")
	} else {
		kv("date", d.Date.String())
	}
	str("issuer", d.Issuer)
	if sg := d.Signer; sg != nil {
		b.WriteString("\n[decision.signer]\n")
		optional("authority", sg.Authority)
		str("title", sg.Title)
		str("name", sg.Name)
	}
	b.WriteString("\n[program]\n")
	kv("year", fmt.Sprint(h.year))
	str("title", h.title)
	optional("closing", h.closing)
	for _, s := range o.sections {
		b.WriteString("\n[[sections]]\n")
		str("id", s.id)
		str("label", s.label)
		str("title", s.title)
	}
	for _, u := range o.units {
		b.WriteString("\n[[units]]\n")
		str("id", u.id)
		str("name", u.name)
		if u.external {
			kv("external", "true")
		}
	}
	for _, g := range o.groups {
		b.WriteString("\n[[groups]]\n")
		str("id", g.id)
		str("name", g.name)
		kv("all_internal", "true")
	}
	for _, x := range o.people {
		b.WriteString("\n[[people]]\n")
		str("id", x.id)
		optional("honorific", x.honorific)
		str("name", x.name)
	}
	for _, x := range o.bodies {
		b.WriteString("\n[[bodies]]\n")
		str("id", x.id)
		str("name", x.name)
	}
	for _, t := range o.tasks {
		b.WriteString("\n[[tasks]]\n")
		str("tt", t.tt)
		str("content", t.content)
		str("time", t.time)
		kv("units", tomlList(t.units))
		optional("units_text", t.unitsText)
		optional("presiding", t.presiding)
		if len(t.partners) > 0 {
			kv("partners", tomlList(t.partners))
		}
		optional("partners_text", t.partnersText)
		if len(t.approvers) > 0 {
			kv("approvers", tomlList(t.approvers))
		}
		optional("section", t.section)
	}
	return []byte(b.String())
}
