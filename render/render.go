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
	TemplatesDir string    // overrides the embedded templates when set
	FontsDir     string    // TrueType files to use instead of Liberation Serif
	Quarter      int       // render only this quarter's reports (1–4); 0 for all four
	AsOf         data.Date // the reports' date; zero for each quarter's last day
}

// pending names the outputs not built yet, so render says so instead of
// pretending; each entry goes when its renderer lands.
var pending []string

// Pending lists the outputs not built yet.
func Pending() []string { return append([]string(nil), pending...) }

// job renders one output file.
type job func() (File, error)

// Build renders every output of the plan in memory, several at a time.
func Build(p *data.Plan, opts Options) (*Result, error) {
	if opts.Quarter < 0 || opts.Quarter > 4 {
		return nil, fmt.Errorf("quarter %d does not exist; give 1, 2, 3 or 4", opts.Quarter)
	}
	if !opts.AsOf.IsZero() && !opts.AsOf.Valid() {
		return nil, fmt.Errorf("report date %s does not exist", opts.AsOf)
	}
	fam, err := loadFonts(opts.FontsDir)
	if err != nil {
		return nil, err
	}
	annexTpl, err := templates.LoadAnnex(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	bookTpl, err := templates.LoadWorkbook(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	quarterTpl, err := templates.LoadQuarterly(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	kit := newBookKit(p, fam.Face(fonts.Regular))
	jobs := []job{func() (File, error) {
		annex, _, err := renderAnnex(p, annexTpl, fam)
		if err != nil {
			return File{}, fmt.Errorf("annex.pdf: %w", err)
		}
		return newFile("annex.pdf", "annex", annex), nil
	}}
	jobs = append(jobs, workbookJobs(p, bookTpl, kit)...)
	for q := 1; q <= 4; q++ {
		if opts.Quarter == 0 || opts.Quarter == q {
			jobs = append(jobs, quarterJobs(p, q, opts.AsOf, annexTpl, bookTpl, quarterTpl, fam, kit)...)
		}
	}
	files, err := runAll(jobs)
	if err != nil {
		return nil, err
	}
	return &Result{Plan: p, Files: files, Pending: Pending()}, nil
}

// quarterJobs renders quarter q's report as a PDF and as a workbook.
func quarterJobs(p *data.Plan, q int, asOf data.Date, annexTpl *templates.Annex, bookTpl *templates.Workbook, tpl *templates.Quarterly, fam *fonts.Family, kit bookKit) []job {
	date := asOf
	if date.IsZero() {
		date = quarterEnd(p.Program.Year, q)
	}
	qd := buildQuarter(p, q, tpl)
	base := fmt.Sprintf("quarterly/q%d", q)
	return []job{
		func() (File, error) {
			out, _, err := renderQuarterlyPDF(p, qd, date, annexTpl, tpl, fam)
			if err != nil {
				return File{}, fmt.Errorf("%s.pdf: %w", base, err)
			}
			f := newFile(base+".pdf", "quarterly", out)
			f.Quarter = q
			return f, nil
		},
		func() (File, error) {
			out, err := quarterlyWorkbook(p, qd, date, bookTpl, tpl, kit)
			if err != nil {
				return File{}, fmt.Errorf("%s.xlsx: %w", base, err)
			}
			f := newFile(base+".xlsx", "quarterly", out)
			f.Quarter = q
			return f, nil
		},
	}
}

// workbookJobs renders the department workbooks, in registry order, then
// the overview.
func workbookJobs(p *data.Plan, tpl *templates.Workbook, kit bookKit) []job {
	loads := p.Workloads()
	jobs := make([]job, 0, len(loads)+1)
	for _, w := range loads {
		jobs = append(jobs, func() (File, error) {
			path := "departments/" + w.Unit.ID + ".xlsx"
			content, err := departmentWorkbook(p, tpl, kit, w)
			if err != nil {
				return File{}, fmt.Errorf("%s: %w", path, err)
			}
			f := newFile(path, "department", content)
			f.Unit = &UnitRef{ID: w.Unit.ID, Name: w.Unit.Name}
			return f, nil
		})
	}
	return append(jobs, func() (File, error) {
		content, err := overviewWorkbook(p, tpl, kit)
		if err != nil {
			return File{}, fmt.Errorf("overview.xlsx: %w", err)
		}
		return newFile("overview.xlsx", "overview", content), nil
	})
}

// runAll runs the jobs on as many goroutines as there are processors, in
// order (the largest, the annex, comes first), and returns their files in
// job order: the outputs share only read-only data and the measurer.
func runAll(jobs []job) ([]File, error) {
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
	for i := range jobs {
		next <- i
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
