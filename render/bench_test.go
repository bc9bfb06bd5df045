package render

import (
	"runtime/debug"
	"testing"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/synth"
	"github.com/plandoc/plandoc/fonts"
)

// batchCollector sets the collector as cmd/plandoc does for rendering a
// loaded plan, so the benchmarks measure what the program does, and
// restores it after: off below a limit of 96 MB or 36 KB a task.
func batchCollector(p *data.Plan) (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(min(max(96<<20, int64(len(p.Tasks))*36<<10), 1280<<20))
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// fresh is k with what a render makes anew each time (the printed cells
// and the measurer's caches), so a benchmark's loop measures a whole render.
func fresh(k *kit, p *data.Plan) *kit {
	run := *k
	run.printed = printPlan(p, true)
	run.cells = newCellMeasurer(k.fam.Face(fonts.Regular))
	return &run
}

// The benchmarks run with the collector settings plandoc runs with.
func benchAnnex(b *testing.B, src []byte) {
	p := bundledPlan(b)
	if src != nil {
		p = parsePlan(b, src)
	}
	defer batchCollector(p)()
	k := testKit(b, p, "")
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		_, l, err := renderAnnex(p, k.set.Annex, k.fam, printPlan(p, true))
		if err != nil {
			b.Fatal(err)
		}
		pages = len(l.pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

func BenchmarkAnnex2021(b *testing.B)       { benchAnnex(b, nil) }
func BenchmarkAnnex1000Tasks(b *testing.B)  { benchAnnex(b, synth.Plan(1000, 50)) }
func BenchmarkAnnex10000Tasks(b *testing.B) { benchAnnex(b, synth.Plan(10000, 50)) }

func benchWorkbooks(b *testing.B, src []byte) {
	p := bundledPlan(b)
	if src != nil {
		p = parsePlan(b, src)
	}
	defer batchCollector(p)()
	k := testKit(b, p, "")
	b.ReportAllocs()
	files := 0
	for b.Loop() {
		books, err := workbookFiles(p, fresh(k, p))
		if err != nil {
			b.Fatal(err)
		}
		files = len(books)
	}
	b.ReportMetric(float64(files), "workbooks")
}

func BenchmarkWorkbooks2021(b *testing.B)       { benchWorkbooks(b, nil) }
func BenchmarkWorkbooks10000Tasks(b *testing.B) { benchWorkbooks(b, synth.Plan(10000, 50)) }

func benchQuarterly(b *testing.B, src []byte) {
	p := bundledPlan(b)
	if src != nil {
		p = parsePlan(b, src)
	}
	defer batchCollector(p)()
	k := testKit(b, p, "")
	b.ReportAllocs()
	for b.Loop() {
		run := fresh(k, p)
		var jobs []job
		for q := 1; q <= 4; q++ {
			jobs = append(jobs, quarterJobs(p, q, data.Date{}, run)...)
		}
		if _, err := runAll(jobs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuarterly2021(b *testing.B)       { benchQuarterly(b, nil) }
func BenchmarkQuarterly10000Tasks(b *testing.B) { benchQuarterly(b, synth.Plan(10000, 50)) }
