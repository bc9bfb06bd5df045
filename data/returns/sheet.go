package returns

import (
	"fmt"
	"strings"
	"time"

	"github.com/plandoc/plandoc/data"
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
	plan    map[string]string // field → text of the plan's columns as returned
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
		return ts, fmt.Errorf("no header row with the columns %q and %q", pr.Status, pr.Key)
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
	for r := header + 1; r < len(s.rows); r++ {
		row := s.rows[r]
		tr := taskRow{n: r + 1, key: strings.TrimSpace(get(row, keyCol).text), plan: map[string]string{},
			status: strings.TrimSpace(get(row, statusCol).text), done: get(row, doneCol),
			newTime: strings.TrimSpace(get(row, newCol).text), notes: strings.TrimSpace(get(row, notesCol).text)}
		for _, c := range cols.Column {
			if i := col(c.Heading); i >= 0 {
				tr.plan[c.Field] = get(row, i).text
			}
		}
		for _, e := range pr.Extra {
			if v := strings.TrimSpace(get(row, col(e)).text); v != "" {
				tr.extra = append(tr.extra, progress.Field{Name: e, Value: v})
			}
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
