package render

import (
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/progress"
)

// reportedBy gives what one unit reported of each task on one sheet, for
// its next workbook to start from; nil when the render has no progress.
func (k *kit) reportedBy(unit string, role progress.Role) func(*data.Task) *reportedCells {
	if k.progress == nil {
		return nil
	}
	return func(t *data.Task) *reportedCells {
		e := k.progress.Find(k.printed[t].key, unit, role)
		if e == nil {
			return nil
		}
		return k.cellsOf([]progress.Entry{*e}, nil)
	}
}

// reportedByLeads gives what the lead units reported of a task, for the
// office's overview: the one lead's facts, or, for a task led jointly,
// each lead's, named, when they differ.
func (k *kit) reportedByLeads(t *data.Task) *reportedCells {
	if k.progress == nil {
		return nil
	}
	var entries []progress.Entry
	for _, u := range t.Units {
		if e := k.progress.Find(k.printed[t].key, u, progress.Lead); e != nil {
			entries = append(entries, *e)
		}
	}
	if len(entries) == 0 {
		return nil
	}
	return k.cellsOf(entries, k.plan)
}

// cellsOf writes entries into cells: one entry as it is; several, each
// prefixed with its unit's name where they differ.
func (k *kit) cellsOf(entries []progress.Entry, p *data.Plan) *reportedCells {
	r := &reportedCells{}
	pick := func(get func(progress.Entry) string) string {
		first := get(entries[0])
		same := true
		for _, e := range entries[1:] {
			same = same && get(e) == first
		}
		if same || p == nil {
			return first
		}
		var parts []string
		for _, e := range entries {
			if v := get(e); v != "" {
				parts = append(parts, p.Unit(e.Unit).Name+": "+v)
			}
		}
		return strings.Join(parts, "\n")
	}
	r.status = pick(func(e progress.Entry) string { return e.Status })
	r.newTime = pick(func(e progress.Entry) string { return e.NewTime })
	r.notes = pick(func(e progress.Entry) string { return e.Notes })
	r.done = entries[0].Done
	for _, e := range entries[1:] {
		if e.Done != r.done {
			r.done = data.Date{} // the leads differ: the status cell says each
			r.status = pick(func(e progress.Entry) string { return e.Status + " " + e.Done.String() })
		}
	}
	for _, name := range k.set.Columns.Progress.Extra {
		r.extra = append(r.extra, pick(func(e progress.Entry) string {
			for _, f := range e.Extra {
				if f.Name == name {
					return f.Value
				}
			}
			return ""
		}))
	}
	return r
}
