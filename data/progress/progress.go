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

	index map[string]int // by ID, made on the first Find after a change
}

// ID is what makes an entry itself: the same task, unit and sheet.
func (e Entry) ID() string { return e.Task + "|" + e.Unit + "|" + string(e.Role) }

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
	slices.SortStableFunc(p.Entries, func(a, b Entry) int {
		ia, oka := order[a.Task]
		ib, okb := order[b.Task]
		switch {
		case oka && okb && ia != ib:
			return ia - ib
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Task, b.Task), cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Role, b.Role))
	})
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
		p.index = make(map[string]int, len(p.Entries))
		for i, e := range p.Entries {
			p.index[e.ID()] = i
		}
	}
	if i, ok := p.index[Entry{Task: key, Unit: unit, Role: role}.ID()]; ok {
		return &p.Entries[i]
	}
	return nil
}
