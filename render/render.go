package render

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// Options are the user's choices for one render.
type Options struct {
	TemplatesDir string    // overrides the embedded templates when set
	FontsDir     string    // TrueType files to use instead of Liberation Serif
	Quarter      int       // render only this quarter's reports (1–4); 0 for all four
	Only         []string  // render only these of Documents; empty for all
	Units        []string  // render only these departments' workbooks; empty for all
	AsOf         data.Date // the reports' date; zero for each quarter's last day
	// Progress is what the departments reported (plandoc collect); nil
	// when none was collected.
	Progress *progress.Progress
	// SpillInto is the output folder WriteAll will write, when the render
	// may take it (its lock) as soon as its checks pass and put each large
	// output there as soon as it is made, instead of in memory; "" keeps
	// every output in memory until WriteAll.
	SpillInto string
}

// job renders one output file.
type job func() (File, error)

// kit is what one render reads: the templates, the fonts and every task's
// printed cells, made once and shared read-only by all the outputs.
type kit struct {
	plan     *data.Plan
	set      *templates.Set
	fam      *fonts.Family
	printed  printedPlan
	cells    *cellMeasurer
	progress *progress.Progress
	// workloads are the plan's departments and their tasks, worked out
	// once for the department workbooks and the overview.
	workloads func() []data.Workload
}

// prepare loads what the options name and checks that the fonts can draw
// every character the PDFs will print, so a render never fails halfway.
// With warnings it also measures every workbook row (check's warning of a
// row taller than Excel allows); a render, which only stops on errors,
// does not.
func prepare(p *data.Plan, opts Options, warnings bool) (*kit, data.Problems, error) {
	if err := opts.selection().check(p); err != nil {
		return nil, nil, err
	}
	if !opts.AsOf.IsZero() && !opts.AsOf.Valid() {
		return nil, nil, msg.Errorf("report date %s does not exist", opts.AsOf)
	}
	fam, err := loadFonts(opts.FontsDir)
	if err != nil {
		return nil, nil, err
	}
	if opts.FontsDir != "" {
		// The embedded faces are tried by the tests; a user's may be damaged.
		if err := tryFaces(fam); err != nil {
			return nil, nil, err
		}
	}
	set, err := loadTemplates(opts.TemplatesDir)
	if err != nil {
		return nil, nil, err
	}
	k := &kit{plan: p, set: set, fam: fam, printed: printPlan(p, opts.makesWorkbookCells()), cells: newCellMeasurer(fam.Face(fonts.Regular)), progress: opts.Progress,
		workloads: sync.OnceValue(p.Workloads)}
	probs := checkGlyphs(p, set, fam)
	if warnings {
		probs = append(probs, checkRowHeights(p, k)...).Sorted()
	}
	return k, probs, nil
}

// Check finds what would stop or spoil a render of the plan that the
// plan's own checks do not: characters the fonts lack, in the plan or the
// templates (errors), and workbook rows taller than Excel allows (warnings).
// The error is for what could not be read (templates, fonts, options).
func Check(p *data.Plan, opts Options) (data.Problems, error) {
	_, probs, err := prepare(p, opts, true)
	return probs, err
}

// Build renders every output of the plan in memory, several at a time.
func Build(p *data.Plan, opts Options) (*Result, error) {
	k, probs, err := prepare(p, opts, false)
	if err != nil {
		return nil, err
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	sel := opts.selection()
	var jobs []job
	if sel.wants("annex") {
		jobs = append(jobs, func() (File, error) {
			annex, err := annexParts(p, k.set.Annex, k.fam, k.printed)
			if err != nil {
				return File{}, msg.Errorf("annex.pdf: %w", err)
			}
			return annex.file("annex.pdf", "annex"), nil
		})
	}
	jobs = append(jobs, workbookJobs(p, k, sel)...)
	if sel.wants("quarterly") {
		for q := 1; q <= 4; q++ {
			if opts.Quarter == 0 || opts.Quarter == q {
				jobs = append(jobs, quarterJobs(p, q, opts.AsOf, k)...)
			}
		}
		if opts.Quarter == 0 {
			jobs = append(jobs, yearJobs(p, opts.AsOf, k)...)
		}
	}
	var folder *Folder
	if opts.SpillInto != "" {
		if folder, err = Hold(opts.SpillInto); err != nil {
			return nil, err
		}
	}
	files, err := runAll(jobs, folder)
	if err != nil {
		if folder != nil {
			folder.Release()
		}
		return nil, err
	}
	return &Result{Plan: p, Files: files, selection: sel, folder: folder}, nil
}

func (o Options) selection() Selection {
	return Selection{Only: o.Only, Units: o.Units, Quarter: o.Quarter}
}

// quarterJobs renders quarter q's report as a PDF and as a workbook.
func quarterJobs(p *data.Plan, q int, asOf data.Date, k *kit) []job {
	date := asOf
	if date.IsZero() {
		date = data.QuarterEnd(p.Program.Year, q)
	}
	qd := buildQuarter(p, q, k.set.Quarterly)
	base := fmt.Sprintf("quarterly/q%d", q)
	return []job{
		func() (File, error) {
			out, _, err := renderQuarterlyPDF(p, qd, date, k.set, k.fam, k.printed, k.progress)
			if err != nil {
				return File{}, msg.Errorf("%s.pdf: %w", base, err)
			}
			f := out.file(base+".pdf", "quarterly")
			f.Quarter = q
			return f, nil
		},
		func() (File, error) {
			out, err := quarterlyWorkbook(p, qd, date, k)
			if err != nil {
				return File{}, msg.Errorf("%s.xlsx: %w", base, err)
			}
			f := newFile(base+".xlsx", "quarterly", out)
			f.Quarter = q
			return f, nil
		},
	}
}

// yearJobs renders the year's report as a PDF and as a workbook, dated
// asOf or the last day of the year.
func yearJobs(p *data.Plan, asOf data.Date, k *kit) []job {
	date := asOf
	if date.IsZero() {
		date = data.QuarterEnd(p.Program.Year, 4)
	}
	return []job{
		func() (File, error) {
			out, _, err := renderYearPDF(p, date, k.set, k.fam, k.printed, k.progress)
			if err != nil {
				return File{}, msg.Errorf("quarterly/year.pdf: %w", err)
			}
			return out.file("quarterly/year.pdf", "year"), nil
		},
		func() (File, error) {
			out, err := yearWorkbook(p, date, k)
			if err != nil {
				return File{}, msg.Errorf("quarterly/year.xlsx: %w", err)
			}
			return newFile("quarterly/year.xlsx", "year", out), nil
		},
	}
}

// workbookJobs renders the department workbooks the selection asks for,
// in registry order, then the overview.
func workbookJobs(p *data.Plan, k *kit, sel Selection) []job {
	var loads []data.Workload
	if sel.wants("departments") {
		loads = k.workloads()
	}
	jobs := make([]job, 0, len(loads)+1)
	// What each department's workbook shows, made once for all by the
	// first workbook's job, while another makes the annex.
	digests := sync.OnceValue(func() map[string]string { return p.Digests(loads) })
	for _, w := range loads {
		if !sel.wantsUnit(w.Unit.ID) {
			continue
		}
		jobs = append(jobs, func() (File, error) {
			path := "departments/" + w.Unit.ID + ".xlsx"
			content, err := departmentWorkbook(p, k, w, digests()[w.Unit.ID])
			if err != nil {
				return File{}, msg.Errorf("%s: %w", path, err)
			}
			f := newFile(path, "department", content)
			f.Unit = &unitRef{ID: w.Unit.ID, Name: w.Unit.Name}
			return f, nil
		})
	}
	if !sel.wants("overview") {
		return jobs
	}
	return append(jobs, func() (File, error) {
		content, err := overviewWorkbook(p, k)
		if err != nil {
			return File{}, msg.Errorf("overview.xlsx: %w", err)
		}
		return newFile("overview.xlsx", "overview", content), nil
	})
}

// runAll runs the jobs on as many goroutines as there are processors, in
// order (the largest, the annex, comes first), and returns their files in
// job order: the outputs share only read-only data and the measurer.
func runAll(jobs []job, folder *Folder) ([]File, error) {
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				files[i], errs[i] = runJob(jobs[i])
				if errs[i] == nil && folder != nil {
					files[i], errs[i] = folder.spill(files[i])
				}
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

// runJob runs one output's job and turns a panic inside a library (fpdf,
// excelize) into an error, so one bad input never crashes plandoc.
func runJob(j job) (f File, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = msg.Errorf("an output could not be made: the library writing it failed (%v); if you gave -fonts, a font may be damaged", r)
		}
	}()
	return j()
}

// loadTemplates reads a -templates folder, or gives the embedded set, read
// once per process.
func loadTemplates(dir string) (*templates.Set, error) {
	if dir == "" {
		return templates.Embedded()
	}
	return templates.Load(dir)
}

func loadFonts(dir string) (*fonts.Family, error) {
	if dir == "" {
		return fonts.Embedded()
	}
	return fonts.FromDir(dir)
}
