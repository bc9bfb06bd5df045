package progress

import "slices"

// Change is one fact a collect added or changed.
type Change struct {
	Now    Entry
	Before *Entry // nil for a fact the record did not have
}

// Merge puts new facts into the record: for the same task, unit and sheet
// a fact from a workbook saved later replaces the older one (when either
// workbook does not say when it was saved, the later collect wins). It
// returns how many facts changed what the record says, and the first
// list of them (a first collect of a large plan changes every fact: the
// record holds them all, a person reads the first).
func (p *Progress) Merge(facts []Entry, list int) (changed int, first []Change) {
	p.index = nil
	index := make(map[entryID]int, len(p.Entries)+len(facts))
	for i, e := range p.Entries {
		index[e.id()] = i
	}
	p.Entries = slices.Grow(p.Entries, len(facts))
	note := func(c Change) {
		if changed < list {
			first = append(first, c)
		}
		changed++
	}
	for _, f := range facts {
		i, ok := index[f.id()]
		if !ok {
			index[f.id()] = len(p.Entries)
			p.Entries = append(p.Entries, f)
			note(Change{Now: f})
			continue
		}
		old := p.Entries[i]
		if older(f, old) {
			continue // the record holds a newer return of the same unit
		}
		p.Entries[i] = f
		if !sameFacts(old, f) {
			note(Change{Now: f, Before: &old})
		}
	}
	return changed, first
}

// older reports whether fact a comes from an earlier return than b.
func older(a, b Entry) bool {
	if a.Saved != "" && b.Saved != "" && a.Saved != b.Saved {
		return a.Saved < b.Saved // RFC 3339 in UTC: text order is time order
	}
	return a.AsOf.Before(b.AsOf)
}

// sameFacts compares what a department reported, not where it came from.
func sameFacts(a, b Entry) bool {
	return a.Status == b.Status && a.Done == b.Done && a.NewTime == b.NewTime && a.Notes == b.Notes && slices.Equal(a.Extra, b.Extra)
}
