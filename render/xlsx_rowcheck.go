package render

import (
	"fmt"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// checkRowHeights warns of tasks whose row in a department's sheet would
// need more than the tallest row Excel allows: the cell keeps the whole
// text, but only its first lines show and print. The row is measured at
// the widths the task's own cells give its columns, the narrowest a sheet
// can give them, so no clipped row goes unwarned.
func checkRowHeights(p *data.Plan, k *kit) data.Problems {
	var probs data.Problems
	const shownLines = (maxRowHeight - 2) / cellLineHeight // what a capped row shows, about 25
	cols := taskColumns(k.set.Workbook.Tasks.Columns)
	for i := range p.Tasks {
		t := &p.Tasks[i]
		widths := sheetWidths(cols, []*data.Task{t}, k.printed)
		cells := k.printed[t].cellsOf(cols)
		if k.cells.heightAtMost(cells, widths) <= maxRowHeight {
			continue // most tasks: no need to wrap them to know
		}
		need := k.cells.neededHeight(cells, widths)
		if need <= maxRowHeight {
			continue
		}
		line, col := p.Where(fmt.Sprintf("tasks[%d].content", i))
		probs = append(probs, data.Problem{File: p.Source.Name, Line: line, Col: col, Severity: data.Warning,
			Msg: msg.Sprintf("task %s: its row in the workbooks needs %.0f points, more than the %d Excel allows; the cell keeps the whole text but shows and prints about its first %.0f lines (the PDFs print it whole); shorten it if the departments must read it all",
				data.Printable(t.TT), need, maxRowHeight, shownLines)})
	}
	return probs
}
