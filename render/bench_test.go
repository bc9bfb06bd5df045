package render

import (
	"testing"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/synth"
	"github.com/plandoc/plandoc/fonts"
)

// The benchmarks run with the collector settings plandoc runs with.
func benchAnnex(b *testing.B, src []byte) {
	defer BatchCollector()()
	p := bundledPlan(b)
	if src != nil {
		p = parsePlan(b, src)
	}
	tpl, fam := annexTemplate(b, ""), embeddedFonts(b)
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		_, l, err := renderAnnex(p, tpl, fam)
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
	defer BatchCollector()()
	p := bundledPlan(b)
	if src != nil {
		p = parsePlan(b, src)
	}
	tpl := workbookTemplate(b)
	face := embeddedFonts(b).Face(fonts.Regular)
	b.ReportAllocs()
	files := 0
	for b.Loop() {
		books, err := workbookFiles(p, tpl, face)
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
	defer BatchCollector()()
	p := bundledPlan(b)
	if src != nil {
		p = parsePlan(b, src)
	}
	annexTpl, fam := annexTemplate(b, ""), embeddedFonts(b)
	bookTpl, tpl := workbookTemplate(b), quarterlyTemplate(b)
	b.ReportAllocs()
	for b.Loop() {
		kit := newBookKit(p, fam.Face(fonts.Regular))
		var jobs []job
		for q := 1; q <= 4; q++ {
			jobs = append(jobs, quarterJobs(p, q, data.Date{}, annexTpl, bookTpl, tpl, fam, kit)...)
		}
		if _, err := runAll(jobs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuarterly2021(b *testing.B)       { benchQuarterly(b, nil) }
func BenchmarkQuarterly10000Tasks(b *testing.B) { benchQuarterly(b, synth.Plan(10000, 50)) }
