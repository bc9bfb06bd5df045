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
// returns the facts that changed what the record says, in its order.
func (p *Progress) Merge(facts []Entry) []Change {
	p.index = nil
	index := map[string]int{}
	for i, e := range p.Entries {
		index[e.ID()] = i
	}
	var changes []Change
	for _, f := range facts {
		i, ok := index[f.ID()]
		if !ok {
			index[f.ID()] = len(p.Entries)
			p.Entries = append(p.Entries, f)
			changes = append(changes, Change{Now: f})
			continue
		}
		old := p.Entries[i]
		if older(f, old) {
			continue // the record holds a newer return of the same unit
		}
		p.Entries[i] = f
		if !sameFacts(old, f) {
			changes = append(changes, Change{Now: f, Before: &old})
		}
	}
	return changes
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
