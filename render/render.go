package render

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// Options are the user's choices for one render.
type Options struct {
	TemplatesDir string // overrides the embedded templates when set
	FontsDir     string // TrueType files to use instead of Liberation Serif
}

// pending names the outputs not built yet, so render says so instead of
// pretending; each entry goes when its renderer lands.
var pending = []string{
	"quarterly/q1..q4.pdf and .xlsx: the quarterly summaries (issue 5)",
}

// Pending lists the outputs not built yet.
func Pending() []string { return append([]string(nil), pending...) }

// Build renders every output of the plan in memory.
func Build(p *data.Plan, opts Options) (*Result, error) {
	fam, err := loadFonts(opts.FontsDir)
	if err != nil {
		return nil, err
	}
	annexTpl, err := templates.LoadAnnex(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	res := &Result{Plan: p}
	annex, _, err := renderAnnex(p, annexTpl, fam)
	if err != nil {
		return nil, fmt.Errorf("annex.pdf: %w", err)
	}
	res.Files = append(res.Files, newFile("annex.pdf", "annex", annex))

	bookTpl, err := templates.LoadWorkbook(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	books, err := workbookFiles(p, bookTpl, fam.Face(fonts.Regular))
	if err != nil {
		return nil, err
	}
	res.Files = append(res.Files, books...)
	res.Pending = Pending()
	return res, nil
}

// workbookFiles renders the department workbooks, in registry order, then
// the overview. They share only read-only data and the measurer, so they
// are rendered several at a time; the overview, the largest, starts first.
func workbookFiles(p *data.Plan, tpl *templates.Workbook, face *fonts.Face) ([]File, error) {
	kit := newBookKit(p, face)
	loads := p.Workloads()
	jobs := make([]func() (File, error), len(loads)+1)
	for i, w := range loads {
		jobs[i] = func() (File, error) {
			path := "departments/" + w.Unit.ID + ".xlsx"
			content, err := departmentWorkbook(p, tpl, kit, w)
			if err != nil {
				return File{}, fmt.Errorf("%s: %w", path, err)
			}
			f := newFile(path, "department", content)
			f.Unit = &UnitRef{ID: w.Unit.ID, Name: w.Unit.Name}
			return f, nil
		}
	}
	jobs[len(loads)] = func() (File, error) {
		content, err := overviewWorkbook(p, tpl, kit)
		if err != nil {
			return File{}, fmt.Errorf("overview.xlsx: %w", err)
		}
		return newFile("overview.xlsx", "overview", content), nil
	}
	return runAll(jobs, len(jobs)-1)
}

// runAll runs the jobs on as many goroutines as there are processors,
// starting with job first, and returns their results in job order.
func runAll(jobs []func() (File, error), first int) ([]File, error) {
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				files[i], errs[i] = jobs[i]()
			}
		})
	}
	next <- first
	for i := range jobs {
		if i != first {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return files, nil
}

func loadFonts(dir string) (*fonts.Family, error) {
	if dir == "" {
		return fonts.Embedded()
	}
	return fonts.FromDir(dir)
}
