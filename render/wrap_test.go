package render

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plandoc/plandoc/fonts"
)

// countingMeasurer gives every character a width of 1 and counts the
// characters it is asked to measure.
type countingMeasurer struct{ measured int }

func (m *countingMeasurer) wordW(s string) float64 {
	n := utf8.RuneCountInString(s)
	m.measured += n
	return float64(n)
}

// A word of a million letters is broken in one pass: the work grows with
// its length, not with its square (a 400,000-letter title once took 52 s).
func TestLongWordIsBrokenInLinearWork(t *testing.T) {
	for _, n := range []int{1000, 100_000, 1_000_000} {
		m := &countingMeasurer{}
		lines := wrap(m, strings.Repeat("T", n), 80, 0)
		if len(lines) != (n+79)/80 {
			t.Errorf("%d letters in lines of 80: %d lines", n, len(lines))
		}
		for _, l := range lines {
			if len(l) > 80 {
				t.Fatalf("a line of %d letters in a column of 80", len(l))
			}
		}
		if m.measured > 3*n {
			t.Errorf("%d letters: %d measured; the work must stay linear", n, m.measured)
		}
	}
}

// However narrow the column, even of no or negative width (a chart's slot
// once came out so), wrapping ends: one character a line.
func TestWrapEndsInAColumnTooNarrowForAnyText(t *testing.T) {
	for _, width := range []float64{0.5, 0, -3} {
		lines := wrap(&countingMeasurer{}, "Văn phòng LHH", width, 0)
		if strings.Join(lines, "") != "VănphòngLHH" || len(lines) != 11 {
			t.Errorf("width %g: %q", width, lines)
		}
	}
	if lines := wrap(&countingMeasurer{}, "Ban  KHCN\tTVPB", 100, 0); len(lines) != 1 || lines[0] != "Ban KHCN TVPB" {
		t.Errorf("spaces and tabs: %q", lines)
	}
	if lines := wrap(&countingMeasurer{}, "abcdefgh xyz", 4, 2); strings.Join(lines, "|") != "ab|cdef|gh|xyz" {
		t.Errorf("first-line indent: %q", lines)
	}
}

// The bound checkRowHeights uses to skip wrapping is never below what
// wrapping needs, whatever the text and column.
func TestHeightAtMostBoundsNeededHeight(t *testing.T) {
	fam, err := fonts.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := newCellMeasurer(fam.Face(fonts.Regular))
	words := strings.Fields("Hội nghị thông qua phương án kiện toàn nâng cao chất lượng hoạt động của các hội thành viên Liên hiệp hội giai đoạn 2021 – 2025 WWWWWWWWWWWWWWWWWWWWWWWWWWWW i l")
	for n := 1; n < 400; n += 7 {
		var b strings.Builder
		for i := range n {
			b.WriteString(words[(i*7)%len(words)])
			if i%37 == 36 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		for _, w := range []float64{4, 8, 15, 30, 60} {
			cells, widths := []string{b.String(), "Văn phòng"}, []float64{w, 12}
			if bound, need := m.heightAtMost(cells, widths), m.neededHeight(cells, widths); bound < need {
				t.Fatalf("%d words at width %v: bound %v below the %v wrapping needs", n, w, bound, need)
			}
		}
	}
}

// A task's row height, remembered with its cells' line counts on the task,
// is rowHeight of its cells, whatever widths the sheets before asked for.
func TestTaskRowHeightIsRowHeight(t *testing.T) {
	p := bundledPlan(t)
	k := testKit(t, p, "")
	cols := taskColumns(k.set.Workbook.Tasks.Columns)
	remembered, fresh := newCellMeasurer(k.fam.Face(fonts.Regular)), newCellMeasurer(k.fam.Face(fonts.Regular))
	printed := printPlan(p, true)
	tall := 0
	for round, scale := range []float64{1, 0.5, 1, 2, 0.25, 0.5} {
		for i := range p.Tasks {
			task := &p.Tasks[i]
			widths := make([]float64, len(cols))
			for c := range cols {
				widths[c] = scale * float64(8+(c*7+i+round)%40) // some columns change from sheet to sheet, some not
			}
			got := remembered.taskRowHeight(printed[task], cols, widths)
			want := fresh.rowHeight(printed[task].cellsOf(cols), widths)
			if got != want {
				t.Fatalf("task %s at widths %v: %v; rowHeight says %v", task.TT, widths, got, want)
			}
			if got > 3*cellLineHeight {
				tall++
			}
		}
	}
	if tall == 0 {
		t.Fatal("no row wrapped to more than three lines: the test needs narrow columns")
	}
}

// countLines counts the lines wrap makes, for texts with every kind of
// space, paragraphs, empty ones, words longer than a line, at widths from
// narrower than a letter up, with and without a first-line indent.
func TestCountLinesIsWrapsLength(t *testing.T) {
	k := testKit(t, bundledPlan(t), "")
	m := newCellMeasurer(k.fam.Face(fonts.Regular))
	pieces := []string{"Hội", "nghị", " ", "  ", "\t", "\n", "\n\n", "\r", "\u00a0", "\u0085", "\v", "phương-án-rất-dài-không-có-chỗ-ngắt", "x", "ồ", "🎉"}
	r := rand.New(rand.NewSource(11))
	for range 20000 {
		var b strings.Builder
		for range r.Intn(14) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		width := []float64{0.5, 3, 8, 20, 45, 120}[r.Intn(6)]
		indent := []float64{0, 0, 4}[r.Intn(3)]
		if got, want := countLines(m, s, width, indent), len(wrap(m, s, width, indent)); got != want {
			t.Fatalf("%q at %v (indent %v): %d lines; wrap makes %d", s, width, indent, got, want)
		}
	}
}
