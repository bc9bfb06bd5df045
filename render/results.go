package render

import (
	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/templates"
)

// outcome is how a task stood for one lead unit, from what it reported.
type outcome int

const (
	onTime outcome = iota
	late
	undated // completed, the date not given
	inProgress
	postponed
	notStarted
	notDone
	notReported
	outcomes
)

// resultRow is a row of the results table: for a unit, or for all tasks.
type resultRow struct {
	unit   *data.Unit // nil for the totals
	due    int
	counts [outcomes]int
}

// completed is what counts toward the share completed.
func (r resultRow) completed() int { return r.counts[onTime] + r.counts[late] + r.counts[undated] }

// openTask is a task not completed, with what each lead unit said.
type openTask struct {
	task    *data.Task
	reports []progress.Entry // the lead units' entries; none when no lead reported
}

// results is what a period's report says of progress: the tasks due in it
// (a quarter, or the year), per lead unit and in all; the tasks due
// earlier still open; and the tasks not completed, with their reasons.
type results struct {
	rows    []resultRow // units in registry order, then the totals
	carried []openTask  // due before the period, not completed
	open    []openTask  // due in the period, not completed
}

// outcomeOf is how a task stood for a unit, by what it reported.
func outcomeOf(e *progress.Entry, t *data.Task, year int, pr templates.Progress) outcome {
	if e == nil || e.Status == "" {
		return notReported
	}
	switch pr.StatusIndex(e.Status) {
	case templates.Completed:
		switch {
		case e.Done.IsZero():
			return undated
		case e.Done.Before(t.Schedule.Due(year)) || e.Done == t.Schedule.Due(year):
			return onTime
		}
		return late
	case templates.InProgress:
		return inProgress
	case templates.Postponed:
		return postponed
	case templates.NotStarted:
		return notStarted
	case templates.WillNotBeDone:
		return notDone
	}
	return notReported
}

// taskOutcome is a task's outcome for the totals, counting it once: that
// of its first lead unit that reported (the lists show every lead's).
func taskOutcome(rec *progress.Progress, t *data.Task, key string, year int, pr templates.Progress) outcome {
	for _, u := range t.Units {
		if e := rec.Find(key, u, progress.Lead); e != nil && e.Status != "" {
			return outcomeOf(e, t, year, pr)
		}
	}
	return notReported
}

// buildResults works out the results of the quarters from first to last
// (1–4; the year is 1 to 4).
func buildResults(p *data.Plan, rec *progress.Progress, first, last int, pr templates.Progress, printed printedPlan) *results {
	res := &results{}
	year := p.Program.Year
	inPeriod := func(t *data.Task) bool { q := t.Schedule.DueQuarter(); return q >= first && q <= last }
	totals := resultRow{}
	for i := range p.Units {
		u := &p.Units[i]
		row := resultRow{unit: u}
		for j := range p.Tasks {
			t := &p.Tasks[j]
			if !inPeriod(t) || !contains(t.Units, u.ID) {
				continue
			}
			row.due++
			row.counts[outcomeOf(rec.Find(printed[t].key, u.ID, progress.Lead), t, year, pr)]++
		}
		if row.due > 0 {
			res.rows = append(res.rows, row)
		}
	}
	for j := range p.Tasks {
		t := &p.Tasks[j]
		key := printed[t].key
		o := taskOutcome(rec, t, key, year, pr)
		open := o != onTime && o != late && o != undated && o != notDone
		switch {
		case inPeriod(t):
			totals.due++
			totals.counts[o]++
			if open {
				res.open = append(res.open, openTask{task: t, reports: leadReports(rec, t, key)})
			}
		case t.Schedule.DueQuarter() < first && open:
			res.carried = append(res.carried, openTask{task: t, reports: leadReports(rec, t, key)})
		}
	}
	res.rows = append(res.rows, totals)
	return res
}

func leadReports(rec *progress.Progress, t *data.Task, key string) []progress.Entry {
	var out []progress.Entry
	for _, u := range t.Units {
		if e := rec.Find(key, u, progress.Lead); e != nil {
			out = append(out, *e)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// progressEntryFor is the row of a task no lead unit reported.
func progressEntryFor(t *data.Task) progress.Entry { return progress.Entry{TT: t.TT} }
