// Package templates holds the wording and layout of plandoc's documents as
// editable TOML files, embedded in the binary; a folder given by the user
// overrides them key by key, so another agency can rename a column or move
// a margin without touching Go code.
//
//   - columns.toml: the task columns and their headings, for every document;
//   - annex.toml: the decision annex (page, header blocks, table, closing);
//   - quarterly.toml: the quarterly reports (their page is the annex's);
//   - workbook.toml: the department and overview workbooks.
//
// A problem in any of them comes back as data.Problems, FILE:LINE:COL, as
// a plan's do: unknown keys, values out of range, unknown placeholders.
package templates

import (
	"embed"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/plandoc/plandoc/data"
)

//go:embed columns.toml annex.toml workbook.toml quarterly.toml
var builtin embed.FS

// Set is every template of one render.
type Set struct {
	Columns   *Columns
	Annex     *Annex
	Quarterly *Quarterly
	Workbook  *Workbook

	files map[string]*checker // by file name, to place later problems
}

// Printed is a template text the PDFs print, and where it is set.
type Printed struct {
	File      string
	Line, Col int
	Key       string // "header.motto"
	Text      string
}

// Printed lists the wording of the annex and the reports and the column
// headings: what the PDFs print of the templates, for the font check.
func (s *Set) Printed() []Printed {
	var out []Printed
	add := func(file, path, text string) {
		f, line, col := s.Where(file, path)
		out = append(out, Printed{File: f, Line: line, Col: col, Key: path, Text: text})
	}
	for i, c := range s.Columns.Column {
		add("columns.toml", fmt.Sprintf("column[%d].heading", i), c.Heading)
	}
	for file, v := range map[string]any{"annex.toml": s.Annex, "quarterly.toml": s.Quarterly} {
		walkTexts("", reflect.ValueOf(v).Elem(), nil, func(path string, text Text, _ []string) {
			add(file, path, string(text))
		})
	}
	slices.SortFunc(out, func(a, b Printed) int { return strings.Compare(a.File+a.Key, b.File+b.Key) })
	return out
}

// Where is the file, line and column that set a key path of one of the
// templates ("annex.toml", "header.motto"): the user's file when it sets
// the key, else the embedded one.
func (s *Set) Where(file, path string) (string, int, int) {
	k, ok := s.files[file]
	if !ok {
		return file, 0, 0
	}
	return k.at(path)
}

// Embedded is Load(""), the embedded templates, read once per process and
// shared: callers only read the set.
func Embedded() (*Set, error) { return embeddedSet() }

var embeddedSet = sync.OnceValues(func() (*Set, error) { return Load("") })

// Load reads the embedded templates, each overridden by the file of the
// same name in dir when dir is set and has one. The error, when there is
// one, is a *data.PlanError holding every problem found in every file.
func Load(dir string) (*Set, error) {
	set := &Set{Columns: &Columns{}, Annex: &Annex{}, Quarterly: &Quarterly{}, Workbook: &Workbook{}}
	var probs data.Problems
	load := func(file string, v any, reset func(data.Positions)) *checker {
		k, ps := loadFile(file, dir, v, reset)
		probs = append(probs, ps...)
		return k
	}
	// A list the user's file gives replaces the embedded one whole.
	cols := load("columns.toml", set.Columns, func(user data.Positions) {
		if user.Sets("column") {
			set.Columns.Column = nil
		}
		if user.Sets("progress.status_options") {
			set.Columns.Progress.StatusOptions = nil
		}
	})
	annex := load("annex.toml", set.Annex, nil)
	quarterly := load("quarterly.toml", set.Quarterly, nil)
	book := load("workbook.toml", set.Workbook, func(user data.Positions) {
		if user.Sets("guide.lines") {
			set.Workbook.Guide.Lines = nil
		}
	})
	if probs.Errors() > 0 {
		return nil, probs.Sorted().Err()
	}
	cols.checkColumns(set.Columns)
	if len(cols.probs) > 0 {
		// Every document's columns come from columns.toml: its problems
		// would be repeated, less clearly, by each of them.
		return nil, cols.probs.Sorted().Err()
	}
	annex.texts(reflect.ValueOf(set.Annex).Elem())
	set.Annex.check(annex, set.Columns)
	quarterly.texts(reflect.ValueOf(set.Quarterly).Elem())
	set.Quarterly.check(quarterly, set.Columns, set.Annex.Page)
	book.texts(reflect.ValueOf(set.Workbook).Elem())
	set.Workbook.check(book, set.Columns)
	// The overview workbook also holds the reports' results sheet.
	if s := set.Quarterly.Sheets.Results; sheetNamesClash(set.Workbook.Sheets, s) {
		quarterly.bad("sheets.results", "sheets.results %q is also the name of a sheet of the overview workbook (workbook.toml), which holds it too", s)
	}
	for _, k := range []*checker{cols, annex, quarterly, book} {
		probs = append(probs, k.probs...)
	}
	if err := probs.Sorted().Err(); err != nil {
		return nil, err
	}
	set.files = map[string]*checker{"columns.toml": cols, "annex.toml": annex, "quarterly.toml": quarterly, "workbook.toml": book}
	return set, nil
}

// sheetNamesClash reports whether name is one of the overview's sheets.
func sheetNamesClash(s WorkbookSheets, name string) bool {
	for _, n := range []string{s.All, s.Timeline, s.Summary, s.Quarter.Fill(Words{"quarter": "I"}), s.Quarter.Fill(Words{"quarter": "II"}),
		s.Quarter.Fill(Words{"quarter": "III"}), s.Quarter.Fill(Words{"quarter": "IV"})} {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}
