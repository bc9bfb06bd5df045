package render

import (
	"runtime"
	"sync"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/templates"
)

// taskColumn is a task column as one document shows it: the heading, width
// and alignment the templates give, and the entry of data.TaskFields that
// fills it. Every task table, PDF or workbook, is built from these.
type taskColumn struct {
	templates.Column
	field int // index in data.TaskFields and in printedTask.cells
}

func taskColumns(cols []templates.Column) []taskColumn {
	out := make([]taskColumn, len(cols))
	for i, c := range cols {
		out[i] = taskColumn{Column: c, field: data.FieldIndex(c.Field)}
	}
	return out
}

// printedTask is a task's cells as every document prints them, one per
// entry of data.TaskFields, and its key.
type printedTask struct {
	cells []string
	key   string
	// values are the cells as a workbook's cell values, made once: a
	// task's row is written in up to fifty sheets, and a value made anew
	// for each was an allocation a cell.
	values []any
	tt     any // the number cell's value: a number when it is one
	keyv   any // the key cell's value
	// widest is each cell's longest line, in characters, for the columns'
	// widths: measured once, not in each sheet the task is on.
	widest []float64

	// heights remembers the task's row height in the sheets it was
	// measured for, by their column widths: a task appears in up to fifty
	// departments' sheets, which share a few sets of widths. A short list
	// searched in place beats hashing the widths into a map.
	mu      sync.Mutex
	heights []rowHeightAt
	lines   []linesAt // how many lines each cell wraps to, by the column's width
}

type linesAt struct {
	field int
	width float64
	lines int
}

type rowHeightAt struct {
	widths [maxFields]float64
	height float64
}

// cellsOf picks the cells of the columns, in their order.
func (pt *printedTask) cellsOf(cols []taskColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = pt.cells[c.field]
	}
	return out
}

// printedPlan holds every task's printed cells, made once per render: a
// task can appear in the annex, four reports and many workbooks. Their
// values as workbook cells and their longest lines are made only for a
// render that makes workbooks (32 MB at 100,000 tasks).
type printedPlan map[*data.Task]*printedTask

func printPlan(p *data.Plan, workbooks bool) printedPlan {
	// The tasks are printed on every processor at once (130 ms at 100,000
	// tasks, before any output can start), then indexed.
	printed := make([]printedTask, len(p.Tasks))
	parts := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for part := range parts {
		wg.Go(func() {
			for i := part; i < len(p.Tasks); i += parts {
				printTask(p, &p.Tasks[i], &printed[i], workbooks)
			}
		})
	}
	wg.Wait()
	out := make(printedPlan, len(p.Tasks))
	for i := range p.Tasks {
		out[&p.Tasks[i]] = &printed[i]
	}
	return out
}

func printTask(p *data.Plan, t *data.Task, pt *printedTask, workbooks bool) {
	n := len(data.TaskFields)
	pt.cells, pt.key = make([]string, n), t.Key()
	for f, field := range data.TaskFields {
		pt.cells[f] = field.Text(p, t)
	}
	if workbooks {
		pt.tt, pt.keyv = ttValue(t.TT), pt.key
		pt.values, pt.widest = make([]any, n), make([]float64, n)
		for f, cell := range pt.cells {
			pt.values[f] = cell
			pt.widest[f] = widestLine(cell)
		}
	}
}
