// Package progress is the record of what the departments reported: one
// entry per task, unit and sheet, kept as a TOML file a person can read
// and diff (progress.toml), made and merged by plandoc collect and read by
// plandoc render -progress.
package progress

import (
	"cmp"
	"slices"

	"github.com/plandoc/plandoc/data"
)

// Role is the sheet a fact was reported on: the unit leads the task, or
// coordinates it.
type Role string

const (
	Lead    Role = "lead"
	Partner Role = "partner"
)

// Entry is what one unit reported of one task.
type Entry struct {
	Task    string // the task's key (its number and a digest of its content)
	TT      string // its number, for the reader of the file
	Unit    string // unit id
	Role    Role
	Status  string    // as written, one of the template's options
	Done    data.Date // the completion date; zero when none was given
	NewTime string    // the new time of a postponed task, as written
	Notes   string
	Extra   []Field // the template's extra columns, in their order
	// Where the fact came from: the returned workbook's name, its sha256 and
	// the time it says it was saved (empty when it does not say), and the
	// date the facts were collected as of.
	Source       string
	SourceSHA256 string
	Saved        string
	AsOf         data.Date
}

// Field is one extra column's heading and value.
type Field struct {
	Name, Value string
}

// Progress is every entry for one plan.
type Progress struct {
	PlanSHA256 string    // the plan the entries were collected against
	AsOf       data.Date // the latest collect's date
	Entries    []Entry

	index map[entryID]int // made on the first Find after a change
}

// entryID is what makes an entry itself: the same task, unit and sheet.
type entryID struct {
	task, unit string
	role       Role
}

func (e Entry) id() entryID { return entryID{e.Task, e.Unit, e.Role} }

// Sort orders the entries by task number, then unit, then role, the order
// of the file: the same facts give the same bytes.
func (p *Progress) Sort(plan *data.Plan) {
	p.index = nil
	order := map[string]int{}
	if plan != nil {
		for i := range plan.Tasks {
			order[plan.Tasks[i].Key()] = i
		}
	}
	// Entries are large: sort small keys, then move each entry once.
	type key struct {
		rank int // the task's place in the plan; past the end for a task it no longer has
		id   entryID
		at   int
	}
	keys := make([]key, len(p.Entries))
	for i, e := range p.Entries {
		rank, ok := order[e.Task]
		if !ok {
			rank = len(order)
		}
		keys[i] = key{rank, e.id(), i}
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.id.task, b.id.task), cmp.Compare(a.id.unit, b.id.unit), cmp.Compare(a.id.role, b.id.role))
	})
	sorted := make([]Entry, len(p.Entries))
	for i, k := range keys {
		sorted[i] = p.Entries[k.at]
	}
	p.Entries = sorted
}

// Of is the entries of one task, the lead units' first, in registry order.
func (p *Progress) Of(key string) []Entry {
	var out []Entry
	for _, e := range p.Entries {
		if e.Task == key {
			out = append(out, e)
		}
	}
	return out
}

// Find is the entry of a task for one unit and role, or nil. A render looks
// up every task of every unit: the entries are indexed once, and the record
// must not change while it is read (Merge and Sort drop the index).
func (p *Progress) Find(key, unit string, role Role) *Entry {
	if p.index == nil {
		p.index = make(map[entryID]int, len(p.Entries))
		for i, e := range p.Entries {
			p.index[e.id()] = i
		}
	}
	if i, ok := p.index[entryID{key, unit, role}]; ok {
		return &p.Entries[i]
	}
	return nil
}
