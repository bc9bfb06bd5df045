package returns

import (
	"strings"
	"time"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/templates"
)

// taskSheet is a department's sheet of tasks, its columns found by their
// headings, so sorted, filtered, hidden or moved rows all count.
type taskSheet struct {
	name string
	role progress.Role
	rows []taskRow
}

type taskRow struct {
	n       int // the row's number in the sheet, for messages
	key     string
	plan    []string // text of the plan's columns as returned, by data.TaskFields
	hasPlan []bool   // which of them the sheet has
	status  string
	done    cell
	newTime string
	notes   string
	extra   []progress.Field
}

func readTaskSheet(path string, s *sheet, m marks, pr templates.Progress, cols *templates.Columns) (taskSheet, error) {
	ts := taskSheet{name: s.name, role: progress.Role(m.sheet)}
	header, at := -1, map[string]int{}
	for r, row := range s.rows {
		found := map[string]int{}
		for c, v := range row {
			found[fold(v.text)] = c
		}
		if _, ok := found[fold(pr.Key)]; ok {
			if _, ok := found[fold(pr.Status)]; ok {
				header, at = r, found
				break
			}
		}
	}
	if header < 0 {
		return ts, msg.Errorf("no header row with the columns %q and %q", pr.Status, pr.Key)
	}
	col := func(heading string) int {
		if c, ok := at[fold(heading)]; ok {
			return c
		}
		return -1
	}
	get := func(row []cell, c int) cell {
		if c >= 0 && c < len(row) {
			return row[c]
		}
		return cell{}
	}
	keyCol, statusCol, doneCol, newCol, notesCol := col(pr.Key), col(pr.Status), col(pr.Done), col(pr.NewTime), col(pr.Notes)
	// Each task field's column in the sheet, -1 when the sheet lacks it.
	planCols := make([]int, len(data.TaskFields))
	for i, f := range data.TaskFields {
		planCols[i] = -1
		for _, c := range cols.Column {
			if c.Field == f.Name {
				planCols[i] = col(c.Heading)
			}
		}
	}
	extraCols := make([]int, len(pr.Extra))
	for i, e := range pr.Extra {
		extraCols[i] = col(e)
	}
	for r := header + 1; r < len(s.rows); r++ {
		row := s.rows[r]
		tr := taskRow{n: r + 1, key: strings.TrimSpace(get(row, keyCol).text), plan: make([]string, len(planCols)), hasPlan: make([]bool, len(planCols)),
			status: strings.TrimSpace(get(row, statusCol).text), done: get(row, doneCol),
			newTime: strings.TrimSpace(get(row, newCol).text), notes: strings.TrimSpace(get(row, notesCol).text)}
		for i, c := range planCols {
			if c >= 0 {
				tr.plan[i], tr.hasPlan[i] = get(row, c).text, true
			}
		}
		for i, e := range pr.Extra {
			if v := strings.TrimSpace(get(row, extraCols[i]).text); v != "" {
				tr.extra = append(tr.extra, progress.Field{Name: e, Value: v})
			}
		}
		if strings.HasPrefix(tr.key, markPrefix) {
			continue // plandoc's own rows under the table: totals, signatures
		}
		empty := tr.key == "" && tr.status == "" && tr.notes == "" && tr.newTime == "" && tr.done.text == "" && tr.done.date.IsZero()
		for _, v := range tr.plan {
			empty = empty && strings.TrimSpace(v) == ""
		}
		if !empty {
			ts.rows = append(ts.rows, tr)
		}
	}
	return ts, nil
}

// savedDate is the day a workbook says it was saved.
func savedDate(saved string) (data.Date, bool) {
	t, err := time.Parse(time.RFC3339, saved)
	if err != nil {
		return data.Date{}, false
	}
	return data.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
}
