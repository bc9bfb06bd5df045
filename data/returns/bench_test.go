package returns

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/synth"
	"github.com/plandoc/plandoc/render"
	"github.com/plandoc/plandoc/templates"
)

// filledReturns renders a plan's department workbooks into a folder, each
// with a status in every task row, as the departments send them back.
func filledReturns(b *testing.B, p *data.Plan) (string, Options) {
	b.Helper()
	res, err := render.Build(p, render.Options{Quarter: 1})
	if err != nil {
		b.Fatal(err)
	}
	set, err := templates.Load("")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	statuses := set.Columns.Progress.StatusOptions
	for _, f := range res.Files {
		if !strings.HasPrefix(f.Path, "departments/") {
			continue
		}
		wb, err := excelize.OpenReader(strings.NewReader(string(f.Data())))
		if err != nil {
			b.Fatal(err)
		}
		for _, sheet := range []string{"Chủ trì", "Phối hợp"} {
			rows, _ := wb.GetRows(sheet)
			for r := 6; r <= len(rows); r++ {
				wb.SetCellStr(sheet, fmt.Sprintf("H%d", r), statuses[r%len(statuses)])
				wb.SetCellStr(sheet, fmt.Sprintf("K%d", r), "Đã triển khai theo kế hoạch")
			}
		}
		if err := wb.SaveAs(filepath.Join(dir, filepath.Base(f.Path))); err != nil {
			b.Fatal(err)
		}
	}
	return dir, Options{Plan: p, Columns: set.Columns, Workbook: set.Workbook, AsOf: data.Date{Year: p.Program.Year, Month: 6, Day: 30}}
}

func benchCollect(b *testing.B, p *data.Plan, wantBooks int) {
	dir, opts := filledReturns(b, p)
	paths, err := Files([]string{dir})
	if err != nil || len(paths) != wantBooks {
		b.Fatalf("%d returns, %v; want %d", len(paths), err, wantBooks)
	}
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	facts := 0
	for b.Loop() {
		res := Collect(paths, opts)
		if res.Read != wantBooks || res.Problems.Errors() > 0 {
			b.Fatalf("read %d, problems %v", res.Read, res.Problems)
		}
		facts = len(res.Facts)
	}
	b.ReportMetric(float64(facts), "facts")
}

func BenchmarkCollect2021(b *testing.B) {
	p, _, err := data.LoadBundled(data.DefaultPlan)
	if err != nil {
		b.Fatal(err)
	}
	benchCollect(b, p, 6)
}

func BenchmarkCollect100Workbooks10000Tasks(b *testing.B) {
	p, probs := data.Parse("synth.toml", synth.Plan(10000, 100))
	if p == nil {
		b.Fatal(probs)
	}
	benchCollect(b, p, 100)
}
