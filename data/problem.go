package data

import (
	"fmt"
	"sort"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
)

// Severity tells an error, which stops rendering, from a warning, which
// does not (unless the user asks for strictness).
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one thing wrong with a plan file, at a place in it. Like
// encoding/csv's ParseError it carries the line and column; Col is 0 when
// only the line is known and Line is 0 when the problem is the file's.
type Problem struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Msg      string
	// Context holds the source line and a caret under the column, for syntax
	// errors where seeing the line is the quickest way to the fix.
	Context string
}

// String formats the problem as FILE:LINE:COL: message, the form editors
// and terminals turn into links.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString(msg.Sprintf("warning: "))
	}
	b.WriteString(p.Msg)
	if p.Context != "" {
		b.WriteString("\n")
		b.WriteString(p.Context)
	}
	return b.String()
}

// Problems is every problem found in one plan, in file order.
type Problems []Problem

// Errors counts the problems that are errors.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the problems that are warnings.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// Err is nil when there are no errors, and otherwise an error listing them.
func (ps Problems) Err() error {
	if ps.Errors() == 0 {
		return nil
	}
	return &PlanError{Problems: ps}
}

// Sorted returns the problems ordered by file, then place: problems from
// several files (a plan and its templates) read in one order.
func (ps Problems) Sorted() Problems {
	out := append(Problems(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Col < out[j].Col
	})
	return out
}

func (ps Problems) sortByPlace() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
}

// PlanError is returned when a plan, or a template or anything else read
// as positioned text, cannot be used; it holds every problem so the user
// can fix them all in one pass.
type PlanError struct {
	Problems Problems
}

func (e *PlanError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		if p.Severity == Error {
			lines = append(lines, p.String())
		}
	}
	return strings.Join(lines, "\n")
}
