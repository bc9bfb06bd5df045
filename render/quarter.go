package render

import (
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/templates"
)

// quarterData is what one quarter's report holds, worked out once and
// shared by the PDF and the workbook.
type quarterData struct {
	q      int
	months []int // the quarter's three months
	tasks  []*data.Task
	groups []taskGroup
	units  []unitCount  // the units leading tasks in the quarter, registry order
	bodies []*data.Body // the bodies approving them, registry order
	totals unitCount    // every task once
	notes  map[*data.Task]string
}

// taskGroup is a month of the quarter (or, month 0, the tasks with no fixed
// month), split by the units leading its tasks.
type taskGroup struct {
	month int
	label string
	units []unitGroup
}

type unitGroup struct {
	label string
	tasks []*data.Task
}

// unitCount is a row of the summary: tasks led in each month of the
// quarter, by approving body, and in all.
type unitCount struct {
	unit   *data.Unit
	months [3]int
	bodies []int
	total  int
}

func buildQuarter(p *data.Plan, q int, tpl *templates.Quarterly) *quarterData {
	qd := &quarterData{q: q, months: data.QuarterMonths(q).List(), tasks: p.QuarterTasks(q), notes: map[*data.Task]string{}}
	for _, t := range qd.tasks {
		qd.notes[t] = continuingNote(t, q, tpl)
	}
	qd.groupTasks(p, tpl)
	qd.count(p)
	return qd
}

// groupTasks puts each task once: under the first of its months in the
// quarter, or, when it has no fixed month, under its own heading at the end.
func (qd *quarterData) groupTasks(p *data.Plan, tpl *templates.Quarterly) {
	unitOrder := map[string]int{}
	for i, u := range p.Units {
		unitOrder[u.ID] = i
	}
	byMonth := map[int][]*data.Task{}
	for _, t := range qd.tasks {
		m := 0
		if t.Schedule.Fixed() {
			m = (t.Schedule.Months & data.QuarterMonths(qd.q)).First()
		}
		byMonth[m] = append(byMonth[m], t)
	}
	for _, m := range append(append([]int{}, qd.months...), 0) {
		tasks := byMonth[m]
		if len(tasks) == 0 {
			continue
		}
		g := taskGroup{month: m, label: tpl.Tasks.NoFixedMonth.String()}
		if m != 0 {
			g.label = tpl.Tasks.Month.Fill(monthWords(m))
		}
		index := map[string]int{}
		for _, t := range tasks {
			label := p.UnitsLabel(t)
			i, ok := index[label]
			if !ok {
				i = len(g.units)
				index[label] = i
				g.units = append(g.units, unitGroup{label: label})
			}
			g.units[i].tasks = append(g.units[i].tasks, t)
		}
		// Units in registry order (by the first leading unit), tasks in plan order.
		slices.SortStableFunc(g.units, func(a, b unitGroup) int {
			return unitOrder[a.tasks[0].Units[0]] - unitOrder[b.tasks[0].Units[0]]
		})
		qd.groups = append(qd.groups, g)
	}
}

// count fills the summary: for each unit, the tasks it leads in each month,
// by approving body and in all; the totals count each task once.
func (qd *quarterData) count(p *data.Plan) {
	approving := map[string]bool{}
	for _, t := range qd.tasks {
		for _, b := range t.Approvers {
			approving[b] = true
		}
	}
	for i := range p.Bodies {
		if approving[p.Bodies[i].ID] {
			qd.bodies = append(qd.bodies, &p.Bodies[i])
		}
	}
	tally := func(c *unitCount, t *data.Task) {
		for i, m := range qd.months {
			if t.Schedule.Months.Has(m) {
				c.months[i]++
			}
		}
		for i, b := range qd.bodies {
			if slices.Contains(t.Approvers, b.ID) {
				c.bodies[i]++
			}
		}
		c.total++
	}
	qd.totals.bodies = make([]int, len(qd.bodies))
	for i := range p.Units {
		u := &p.Units[i]
		c := unitCount{unit: u, bodies: make([]int, len(qd.bodies))}
		for _, t := range qd.tasks {
			if slices.Contains(t.Units, u.ID) {
				tally(&c, t)
			}
		}
		if c.total > 0 {
			qd.units = append(qd.units, c)
		}
	}
	for _, t := range qd.tasks {
		tally(&qd.totals, t)
	}
}

// continuingNote marks a task that began in an earlier quarter or goes on
// into a later one; tasks that run all year need no mark.
func continuingNote(t *data.Task, q int, tpl *templates.Quarterly) string {
	if !t.Schedule.Fixed() {
		return ""
	}
	var notes []string
	qs := t.Schedule.Months.Quarters()
	if qs[0] < q {
		notes = append(notes, tpl.Tasks.ContinuingFrom.Fill(quarterWords(qs[0])))
	}
	for _, later := range qs {
		if later > q {
			notes = append(notes, tpl.Tasks.ContinuingTo.Fill(quarterWords(later)))
			break
		}
	}
	return strings.Join(notes, " ")
}
