package templates

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// Columns is columns.toml: the task columns of every document, with their
// headings, in order, and the columns a department fills in.
type Columns struct {
	Column   []ColumnHeading `toml:"column"`
	Progress Progress        `toml:"progress"`
}

// ColumnHeading is one task column as every document heads it.
type ColumnHeading struct {
	Field   string `toml:"field"`
	Heading string `toml:"heading"`
}

// Progress names the columns a department fills in and the hidden key.
type Progress struct {
	Status        string   `toml:"status"`
	Done          string   `toml:"done"`
	NewTime       string   `toml:"new_time"`
	Notes         string   `toml:"notes"`
	Key           string   `toml:"key"`
	Extra         []string `toml:"extra"`
	StatusOptions []string `toml:"status_options"`
}

// The meaning of each status option, by its place in StatusOptions.
const (
	NotStarted = iota
	InProgress
	Completed
	Postponed
	WillNotBeDone
	statusCount
)

// StatusIndex is the meaning of a status as a department wrote it, or -1
// for one outside the list. Case and spacing do not matter.
func (p Progress) StatusIndex(s string) int {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for i, o := range p.StatusOptions {
		if strings.Join(strings.Fields(strings.ToLower(o)), " ") == s {
			return i
		}
	}
	return -1
}

// Column is a task column as one document shows it: the field, the
// heading from columns.toml, and the document's own width and alignment.
type Column struct {
	Field   string
	Heading string
	Width   float64 // relative in a PDF table; 0 in a workbook, which fits its widths
	Align   string
}

// TaskTable is the layout of a PDF table of tasks.
type TaskTable struct {
	Size        float64 `toml:"size"`
	HeaderSize  float64 `toml:"header_size"`
	LineSpacing float64 `toml:"line_spacing"`
	PaddingX    float64 `toml:"padding_x"`
	PaddingY    float64 `toml:"padding_y"`
	// Fields picks columns for this document only; empty for those of
	// columns.toml in its order.
	Fields []string           `toml:"fields"`
	Width  map[string]float64 `toml:"width"`
	Align  map[string]string  `toml:"align"`

	Columns []Column `toml:"-"` // resolved by Load
}

func (k *checker) checkColumns(c *Columns) {
	if len(c.Column) == 0 {
		k.bad("column", "column: no task column is listed; list at least the content ([[column]] field = \"content\")")
	}
	seen := map[string]bool{}
	for i, col := range c.Column {
		path, name := "column["+itoa(i)+"]", "[[column]] #"+itoa(i+1)
		if data.FieldIndex(col.Field) < 0 {
			k.bad(path+".field", "%s: field %q is not a task field; use one of %s", name, col.Field, strings.Join(data.FieldNames(), ", "))
		}
		if seen[col.Field] {
			k.bad(path+".field", "%s: field %q is listed twice", name, col.Field)
		}
		seen[col.Field] = true
		if strings.TrimSpace(col.Heading) == "" {
			k.bad(path+".heading", "%s: the %s column needs a heading", name, col.Field)
		}
	}
	if len(c.Column) > 0 && !seen["content"] {
		k.bad("column", "column: the content column is missing; every document lists the tasks' contents")
	}
	p := c.Progress
	headings := map[string]string{}
	for _, h := range []struct{ key, text string }{{"status", p.Status}, {"done", p.Done}, {"new_time", p.NewTime}, {"notes", p.Notes}, {"key", p.Key}} {
		if strings.TrimSpace(h.text) == "" {
			k.bad("progress."+h.key, "progress.%s: the column needs a heading", h.key)
		}
		headings[strings.ToLower(h.text)] = h.key
	}
	for i, e := range p.Extra {
		path := "progress.extra[" + itoa(i) + "]"
		if other, dup := headings[strings.ToLower(e)]; dup || strings.TrimSpace(e) == "" {
			k.bad(path, "progress.extra: %q is empty or already the heading of progress.%s; each column needs its own heading", e, other)
		}
		headings[strings.ToLower(e)] = "extra"
	}
	for _, col := range c.Column {
		if other, dup := headings[strings.ToLower(col.Heading)]; dup {
			k.bad("progress."+other, "progress.%s: %q is also a task column's heading; returned workbooks are read by their headings", other, col.Heading)
		}
	}
	if len(p.StatusOptions) != statusCount {
		k.bad("progress.status_options", "progress.status_options: %d choices; give exactly %d: not started, in progress, completed, postponed, will not be done", len(p.StatusOptions), statusCount)
	}
	total := 0
	for i, o := range p.StatusOptions {
		if strings.Contains(o, ",") {
			k.bad("progress.status_options["+itoa(i)+"]", "progress.status_options: %q holds a comma, which Excel's drop-down would split", o)
		}
		total += data.UTF16Len(o) + 1
	}
	if total > 256 {
		k.bad("progress.status_options", "progress.status_options: %d characters in all; Excel's drop-down takes at most 255", total-1)
	}
}

// heading is a field's heading, or "" when columns.toml drops the field.
func (c *Columns) heading(field string) (string, bool) {
	for _, col := range c.Column {
		if col.Field == field {
			return col.Heading, true
		}
	}
	return "", false
}

// resolve picks a document's columns: its own fields when it lists them,
// else every column of columns.toml in order.
func (c *Columns) resolve(k *checker, path string, fields []string) []Column {
	if len(fields) == 0 {
		for _, col := range c.Column {
			fields = append(fields, col.Field)
		}
	}
	var out []Column
	for i, f := range fields {
		heading, ok := c.heading(f)
		switch {
		case data.FieldIndex(f) < 0:
			k.bad(path+"["+itoa(i)+"]", "%s: %q is not a task field; use one of %s", path, f, strings.Join(data.FieldNames(), ", "))
			continue
		case !ok:
			k.bad(path+"["+itoa(i)+"]", "%s: %q has no heading in columns.toml, which drops it from every document; add it there or leave it out here", path, f)
			continue
		case slices.ContainsFunc(out, func(c Column) bool { return c.Field == f }):
			k.bad(path+"["+itoa(i)+"]", "%s: %q is shown twice", path, f)
			continue
		}
		out = append(out, Column{Field: f, Heading: heading})
	}
	if len(out) > 0 && !slices.ContainsFunc(out, func(c Column) bool { return c.Field == "content" }) {
		k.bad(path, "%s: the content column is missing; the document lists the tasks' contents", path)
	}
	return out
}

// check checks a PDF task table whose text is textWidth mm wide (0 when
// the page is unusable) and sets its columns' widths and alignment.
func (t *TaskTable) check(k *checker, cols *Columns, textWidth float64) {
	k.fontSize("table.size", t.Size)
	k.fontSize("table.header_size", t.HeaderSize)
	k.number("table.line_spacing", t.LineSpacing, 1, 2, "", msg.Mark("the line spacings"))
	before := len(k.probs)
	k.number("table.padding_x", t.PaddingX, 0, 5, "mm", msg.Mark("the paddings"))
	k.number("table.padding_y", t.PaddingY, 0, 5, "mm", msg.Mark("the paddings"))
	if len(k.probs) > before {
		textWidth = 0 // the columns' room cannot be judged with a bad padding
	}
	for _, m := range slices.Sorted(maps.Keys(t.Width)) {
		if data.FieldIndex(m) < 0 {
			k.bad("table.width."+m, "table.width.%s: %q is not a task field; use one of %s", m, m, strings.Join(data.FieldNames(), ", "))
		}
	}
	for _, m := range slices.Sorted(maps.Keys(t.Align)) {
		if data.FieldIndex(m) < 0 {
			k.bad("table.align."+m, "table.align.%s: %q is not a task field; use one of %s", m, m, strings.Join(data.FieldNames(), ", "))
		}
	}
	t.Columns = cols.resolve(k, "table.fields", t.Fields)
	total, usable := 0.0, true
	for i := range t.Columns {
		c := &t.Columns[i]
		w, ok := t.Width[c.Field]
		if !ok {
			k.bad("table.width", "table.width: the %s column has no width; add %s = 20 (relative to the others)", c.Field, c.Field)
			continue
		}
		if !(w >= 1 && w <= 1000) || math.IsInf(w, 0) {
			k.bad("table.width."+c.Field, "table.width.%s %g is outside the relative widths 1–1000", c.Field, w)
			usable = false
		}
		c.Width = w
		total += w
		switch c.Align = t.Align[c.Field]; c.Align {
		case "left", "center", "right", "justify":
		case "":
			k.bad("table.align", "table.align: the %s column has no alignment; add %s = \"center\" (left, center, right or justify)", c.Field, c.Field)
		default:
			k.bad("table.align."+c.Field, "table.align.%s %q must be left, center, right or justify", c.Field, c.Align)
		}
	}
	// Every column must hold a character beside its padding, or no word
	// could ever be placed in it.
	if usable && total > 0 && textWidth > 0 {
		for _, c := range t.Columns {
			if mm := c.Width / total * textWidth; mm < 2*t.PaddingX+4 {
				k.bad("table.width."+c.Field, "table.width.%s: the column would be %.1f mm wide, too narrow for any text beside its padding; give it a larger share", c.Field, mm)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
