package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/lazy"
	"github.com/plandoc/plandoc/data/msg"
)

// abbreviations are the short forms offices write for the same words; they
// are expanded only to compare names, never in what is printed.
var abbreviations = map[string]string{
	"btv": "ban thường vụ", "bch": "ban chấp hành", "btc": "ban tổ chức", "btk": "ban thư ký",
	"lhh": "liên hiệp hội", "lhhội": "liên hiệp hội", "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân",
	"tw": "trung ương", "khcn": "khoa học công nghệ", "kh&cn": "khoa học và công nghệ",
}

// nameKey is what two spellings of one name share: case, spacing, tone
// placement, NFC, abbreviations and stray punctuation at the ends aside.
func nameKey(s string) string {
	f := strings.ReplaceAll(strings.Trim(data.Fold(s), " .;:,"), ",", " , ")
	// "HĐND - UBND", "HĐND-UBND" and "HĐND – UBND" are one spelling.
	f = dashes.Replace(f)
	words := strings.Fields(f)
	for i, w := range words {
		if e, ok := abbreviations[w]; ok {
			words[i] = e
		}
	}
	return strings.ReplaceAll(strings.Join(words, " "), " , ", ", ")
}

// spellingKey is what two spellings of one wording share: case, spacing,
// tone placement and spacing around dashes aside, but not abbreviations,
// so "BTV" and "Ban Thường vụ" stay two wordings. A cell that differs from
// the chosen spelling only so is printed in the chosen spelling, and the
// annex reads one way in every row.
func spellingKey(s string) string {
	return strings.Join(strings.Fields(dashes.Replace(data.Fold(s))), " ")
}

// dashes spaces every hyphen and dash alike, so spacing around them does
// not tell two names apart.
var dashes = strings.NewReplacer("-", " - ", "–", " - ", "—", " - ")

// hasWordPrefix reports whether key begins with prefix followed by a word
// boundary.
func hasWordPrefix(key, prefix string) bool {
	return len(key) > len(prefix) && strings.HasPrefix(key, prefix) && strings.ContainsRune(" ,", rune(key[len(prefix)]))
}

// entry is one unit, person, body or group, with every spelling seen.
type entry struct {
	kept      bool // named and numbered as in last year's plan
	external  bool // a unit outside the organisation (last year's plan says)
	key       string
	spellings []string
	counts    map[string]int
	where     map[string]string // where each spelling first appears
	name, id  string
	honorific string // people only
}

// mostFrequent is the spelling written most often, the first seen of equals.
func (e *entry) mostFrequent() string {
	name := e.spellings[0]
	for _, s := range e.spellings {
		if e.counts[s] > e.counts[name] {
			name = s
		}
	}
	return name
}

// registry collects the names of one kind and decides their ids.
type registry struct {
	kind    string
	entries []*entry
	byKey   map[string]*entry
	alias   map[*entry]*entry // spellings found to name another entry
}

func newRegistry(kind string) *registry {
	return &registry{kind: kind, byKey: map[string]*entry{}, alias: map[*entry]*entry{}}
}

func (r *registry) add(name, where string) *entry {
	k := nameKey(name)
	e, ok := r.byKey[k]
	if !ok {
		e = &entry{key: k, counts: map[string]int{}, where: map[string]string{}}
		r.byKey[k] = e
		r.entries = append(r.entries, e)
	}
	if e.counts[name] == 0 {
		e.spellings = append(e.spellings, name)
		e.where[name] = where
	}
	e.counts[name]++
	return e
}

// resolve finds the entry a name stands for: the same name, or the
// beginning of exactly one other name ("Ban KHCN" for "Ban KHCN, TVPB").
func (r *registry) resolve(name string, exclude *entry) (*entry, bool) {
	k := nameKey(name)
	if e, ok := r.byKey[k]; ok && e != exclude {
		return r.final(e), true
	}
	var found *entry
	for _, e := range r.entries {
		if e == exclude || r.alias[e] != nil || !hasWordPrefix(e.key, k) {
			continue
		}
		if found != nil {
			return nil, false // the beginning of two names: not sure
		}
		found = e
	}
	return found, found != nil
}

func (r *registry) final(e *entry) *entry {
	for r.alias[e] != nil {
		e = r.alias[e]
	}
	return e
}

// live lists the entries that are not aliases, in order of appearance.
func (r *registry) live() []*entry {
	var out []*entry
	for _, e := range r.entries {
		if r.alias[e] == nil {
			out = append(out, e)
		}
	}
	return out
}

// finish names every entry by its most frequent spelling, reports merged
// spellings and near-identical names, and gives each a unique id.
func (r *registry) finish(p *parsed, taken map[string]bool) {
	live := r.live()
	for _, e := range live {
		if e.kept {
			continue // last year's name and id (keepNames)
		}
		e.name = e.mostFrequent()
		if len(e.spellings) > 1 {
			var forms []string
			for _, s := range e.spellings {
				forms = append(forms, fmt.Sprintf("%q (%s)", s, e.where[s]))
			}
			p.infer("", kindSpelling, "%s spellings taken as one %s %q: %s; confirm they are the same", msg.Text(r.kind), msg.Text(r.kind), e.name, strings.Join(forms, ", "))
		}
		e.id = uniqueID(data.Slug(e.name), r.kind, taken)
	}
	for i, a := range live {
		for _, b := range live[i+1:] {
			if len([]rune(a.key)) >= 6 && data.Distance(a.key, b.key) == 1 {
				p.infer(b.where[b.spellings[0]], kindSpelling, "%s %q and %q differ by one letter and are kept apart; if they are one %s, write them the same", msg.Text(r.kind), a.name, b.name, msg.Text(r.kind))
			}
		}
	}
}

func uniqueID(id, kind string, taken map[string]bool) string {
	if id == "" {
		id = kind
	}
	base := id
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	taken[id] = true
	return id
}

var (
	// Separators that always part names: "+", ";", line breaks, bullets.
	hardSeparators = lazy.Regexp(`\s*(?:\+|;|\n)\s*`)
	bullet         = lazy.Regexp(`^[-•–·+*]\s*`)
	// Separators that may be part of a name: commas and "và".
	softSeparators = lazy.Regexp(`\s*,\s*|\s+và\s+`)
	groupName      = lazy.Regexp(`^các (ban|phòng|bộ phận|tổ|đơn vị|khoa)( |$)`)
)

// hardSplit parts a cell on the separators that never belong to a name.
func hardSplit(cell string) []string {
	var out []string
	for _, part := range hardSeparators().Split(cell, -1) {
		part = strings.TrimSpace(bullet().ReplaceAllString(strings.TrimSpace(part), ""))
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

// jointUnits splits names like "Ban KHCN, Ban Thông tin PBKT" into the
// units they name, but only when every part is a unit on its own (or the
// beginning of exactly one): "Ban KHCN, TVPB" stays one unit.
func (r *registry) jointUnits(p *parsed) map[*entry][]*entry {
	joint := map[*entry][]*entry{}
	for _, e := range r.entries {
		name := e.spellings[0]
		parts := softSeparators().Split(name, -1)
		if len(parts) < 2 {
			continue
		}
		var found []*entry
		for _, part := range parts {
			if u, ok := r.resolve(part, e); ok && !slices.Contains(found, u) {
				found = append(found, u)
			}
		}
		switch {
		case len(found) == len(parts):
			joint[e] = found
			r.alias[e] = found[0] // no longer a unit of its own
			var names []string
			for _, u := range found {
				names = append(names, fmt.Sprintf("%q", u.spellings[0]))
			}
			p.infer(e.where[name], kindJoint, "%q read as %d units leading jointly: %s; confirm", name, len(found), strings.Join(names, " + "))
		case len(found) > 0:
			p.infer(e.where[name], kindJoint, "%q kept whole as one unit (not every part is a unit of its own); if it names several, separate them with \"+\"", name)
		}
	}
	return joint
}
