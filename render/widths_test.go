package render

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/synth"
)

// fitWidth, which stops at the widest a column gets, is the width of the
// longest line of any value, within the bounds, for texts of every shape.
func TestFitWidthIsTheLongestLineWithinBounds(t *testing.T) {
	reference := func(lo, hi float64, values ...string) float64 {
		w := lo
		for _, v := range values {
			for _, line := range strings.Split(v, "\n") {
				w = max(w, float64(utf8.RuneCountInString(line))+2)
			}
		}
		return min(w, hi)
	}
	r := rand.New(rand.NewSource(7))
	pieces := []string{"", "\n", "Hội nghị", "a", "\n\n", "thông qua phương án ", "🎉", "x\n"}
	for range 5000 {
		values := make([]string, r.Intn(6))
		for i := range values {
			var b strings.Builder
			for range r.Intn(12) {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
			values[i] = b.String()
		}
		lo, hi := float64(r.Intn(20)), float64(r.Intn(80))
		if got, want := fitWidth(lo, hi, values...), reference(lo, hi, values...); got != want {
			t.Fatalf("fitWidth(%v, %v, %q) = %v; want %v", lo, hi, values, got, want)
		}
	}
}

// sheetWidths, one pass over the tasks that ends when every column is as
// wide as it gets, fits each column to all its cells and its heading.
func TestSheetWidthsFitEveryCell(t *testing.T) {
	for _, p := range []*data.Plan{bundledPlan(t), parsePlan(t, synth.Plan(400, 9))} {
		k := testKit(t, p, "")
		cols := taskColumns(k.set.Workbook.Tasks.Columns)
		printed := printPlan(p, true)
		for _, w := range p.Workloads() {
			for _, tasks := range [][]*data.Task{w.Lead, w.Partner, w.Lead[:min(1, len(w.Lead))]} {
				got := sheetWidths(cols, tasks, printed)
				for i, c := range cols {
					values := []string{longestWord(c.Heading)}
					for _, task := range tasks {
						values = append(values, printed[task].cells[c.field])
					}
					limit := fittedWidth[c.Field]
					if want := fitWidth(limit[0], limit[1], values...); got[i] != want {
						t.Fatalf("%s, column %s over %d tasks: %v; want %v", w.Unit.ID, c.Field, len(tasks), got[i], want)
					}
				}
			}
		}
	}
}
