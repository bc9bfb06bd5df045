package returns

import (
	"fmt"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/templates"
)

// readFacts turns a return's rows into progress entries, reporting each
// row that is not taken, or taken with a doubt, once.
func (b *returned) readFacts(opts Options, byKey map[string]*data.Task, sheets map[string][]*data.Task, printed map[*data.Task][]string) ([]progress.Entry, data.Problems) {
	p, pr := opts.Plan, opts.Columns.Progress
	var probs data.Problems
	warn := func(s taskSheet, row int, format string, args ...any) {
		probs = append(probs, data.Problem{File: b.path + ":" + s.name, Line: row, Severity: data.Warning, Msg: msg.Sprintf(format, args...)})
	}
	var out []progress.Entry
	for _, s := range b.sheets {
		expected := sheets[b.unit+"|"+string(s.role)]
		onSheet := make(map[*data.Task]bool, len(expected))
		for _, t := range expected {
			onSheet[t] = true
		}
		seen := map[string]bool{}
		for _, r := range s.rows {
			t := byKey[r.key]
			switch {
			case r.key == "":
				warn(s, r.n, "a row without a task key (added by hand?); not taken: plandoc reads the tasks it sent")
				continue
			case t == nil && b.plan != p.Source.SHA256:
				warn(s, r.n, "task %s is not in the plan any more (its content changed, or it was removed); not taken", keyTT(r.key))
				continue
			case t == nil:
				warn(s, r.n, "the task key %q is not one plandoc wrote (edited?); not taken", r.key)
				continue
			case seen[r.key]:
				warn(s, r.n, "task %s is listed twice; the first row is taken", t.TT)
				continue
			}
			seen[r.key] = true
			if !onSheet[t] {
				warn(s, r.n, "task %s does not belong on this sheet of unit %q; not taken", t.TT, b.unit)
				continue
			}
			for i, f := range data.TaskFields {
				returnedText, ok := r.plan[i], r.hasPlan[i]
				if ok && returnedText != printed[t][i] && squash(returnedText) != squash(printed[t][i]) && !(f.Name == "tt" && sameNumber(returnedText, t.TT)) {
					warn(s, r.n, "task %s: the plan's column %q was edited (the sheet was unprotected); the plan's text stands, the edit is ignored", t.TT, heading(opts.Columns, f.Name))
				}
			}
			e, ok := entry(b, s, r, t, pr, p.Program.Year, func(format string, args ...any) { warn(s, r.n, format, args...) })
			if ok {
				out = append(out, e)
			}
		}
		for _, t := range expected {
			if !seen[t.Key()] {
				warn(s, 0, "task %s is missing from the sheet (its row was deleted, or it was sent from an earlier plan); not reported", t.TT)
			}
		}
	}
	return out, probs
}

// entry reads what a department filled in on one row.
func entry(b *returned, s taskSheet, r taskRow, t *data.Task, pr templates.Progress, year int, warn func(string, ...any)) (progress.Entry, bool) {
	e := progress.Entry{Task: r.key, TT: t.TT, Unit: b.unit, Role: s.role, NewTime: r.newTime, Notes: r.notes, Extra: r.extra,
		Source: b.path, SourceSHA256: b.sha256, Saved: b.saved}
	if r.status == "" && r.notes == "" && r.newTime == "" && r.done.text == "" && r.done.date.IsZero() && len(r.extra) == 0 {
		return e, false // nothing filled in: the task is not reported
	}
	status := pr.StatusIndex(r.status)
	switch {
	case r.status == "":
		warn("task %s: notes or a date without a status; taken, the status left empty", t.TT)
	case status < 0:
		warn("task %s: status %q is not one of %s; taken without a status", t.TT, r.status, strings.Join(pr.StatusOptions, ", "))
	default:
		e.Status = pr.StatusOptions[status]
	}
	if r.done.text != "" || !r.done.date.IsZero() {
		d, ok := excelDate(r.done)
		switch {
		case !ok:
			warn("task %s: %q %q is not a date; write it dd/mm/yyyy; the date is left out", t.TT, pr.Done, r.done.text)
		case d.Year < year || d.Year > year+1:
			// A postponed task may finish in the next year; further off is a slip.
			warn("task %s: %q %s is outside %d–%d (the plan's year and the next, for postponed tasks); the date is left out", t.TT, pr.Done, d, year, year+1)
		default:
			e.Done = d
		}
	}
	if status == templates.Completed && e.Done.IsZero() {
		warn("task %s: %q without a date in %q; counted as completed, its date unknown", t.TT, e.Status, pr.Done)
	}
	if status == templates.Postponed && e.NewTime == "" {
		warn("task %s: %q without %q; counted as postponed, its new time unknown", t.TT, e.Status, pr.NewTime)
	}
	return e, true
}

// sheetTasks lists the tasks plandoc put on each unit's sheets, by
// "unit|role", worked out once for all the returns.
func sheetTasks(loads []data.Workload) map[string][]*data.Task {
	out := map[string][]*data.Task{}
	for _, w := range loads {
		out[w.Unit.ID+"|"+string(progress.Lead)] = w.Lead
		out[w.Unit.ID+"|"+string(progress.Partner)] = w.Partner
	}
	return out
}

// printedCells are each task's cells as the workbooks print them, by
// data.TaskFields, to see whether a returned row's plan cells were edited.
func printedCells(p *data.Plan) map[*data.Task][]string {
	out := make(map[*data.Task][]string, len(p.Tasks))
	for i := range p.Tasks {
		t := &p.Tasks[i]
		cells := make([]string, len(data.TaskFields))
		for j, f := range data.TaskFields {
			cells[j] = f.Text(p, t)
		}
		out[t] = cells
	}
	return out
}

// taskKeys finds tasks by their keys.
func taskKeys(p *data.Plan) map[string]*data.Task {
	out := make(map[string]*data.Task, len(p.Tasks))
	for i := range p.Tasks {
		out[p.Tasks[i].Key()] = &p.Tasks[i]
	}
	return out
}

// checkJointLeads reports tasks whose joint leads returned different statuses.
func checkJointLeads(p *data.Plan, res *Result) {
	leads := map[string][]progress.Entry{}
	for _, f := range res.Facts {
		if f.Role == progress.Lead {
			leads[f.Task] = append(leads[f.Task], f)
		}
	}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		if len(t.Units) < 2 {
			continue
		}
		var said []string
		statuses := map[string]bool{}
		for _, f := range leads[t.Key()] {
			said = append(said, fmt.Sprintf("%s %q", f.Unit, f.Status))
			statuses[f.Status] = true
		}
		if len(statuses) > 1 {
			line, col := p.Where(fmt.Sprintf("tasks[%d]", i))
			res.Problems = append(res.Problems, data.Problem{File: p.Source.Name, Line: line, Col: col, Severity: data.Warning,
				Msg: msg.Sprintf("task %s: its joint leads report differently (%s); both are kept, and the reports show both", t.TT, strings.Join(said, ", "))})
		}
	}
}

func heading(cols *templates.Columns, field string) string {
	for _, c := range cols.Column {
		if c.Field == field {
			return c.Heading
		}
	}
	return field
}

// keyTT is the task number part of a key ("12-ab34cd56" → "12").
func keyTT(key string) string {
	if i := strings.LastIndex(key, "-"); i > 0 {
		return key[:i]
	}
	return key
}

// sameNumber compares a TT the sheet holds as a number ("1" or "1.0") with the plan's.
func sameNumber(returned, tt string) bool {
	return strings.TrimSuffix(strings.TrimSpace(returned), ".0") == tt
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
