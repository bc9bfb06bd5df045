package render

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/importer"
)

// annexText is the text of an annex's table rows and closing, line by line
// as laid out: what the clerk reads in the signed document.
func annexText(l *annexLayout) []string {
	var out []string
	for _, page := range l.pages {
		for _, part := range page.tables {
			for _, piece := range part.pieces {
				for _, cell := range piece.row.cells {
					out = append(out, cell[piece.from:min(piece.to, len(cell))]...)
				}
			}
		}
	}
	for _, t := range l.closing {
		out = append(out, t.text)
	}
	return out
}

func TestImportedSeedRendersTheSameAnnexText(t *testing.T) {
	raw, err := os.ReadFile("../data/testdata/seed-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import("seed.txt", raw, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	imported, probs := data.Parse("imported.toml", res.TOML)
	if imported == nil {
		t.Fatalf("imported plan refused: %v", probs)
	}
	_, want := defaultAnnex(t, bundledPlan(t))
	_, got := defaultAnnex(t, imported)
	if a, b := annexText(got), annexText(want); !slices.Equal(a, b) {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("line %d: imported %q, bundled %q", i, a[i], b[i])
			}
		}
		t.Fatalf("imported annex has %d lines, bundled %d", len(a), len(b))
	}
}

// TestOverviewWorkbookImportsBack reads plandoc's own overview workbook, a
// real .xlsx with title rows and merged cells, back into a plan.
func TestOverviewWorkbookImportsBack(t *testing.T) {
	p := bundledPlan(t)
	content, err := overviewWorkbook(p, testKit(t, p, ""))
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import("overview.xlsx", content, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back, probs := data.Parse("imported.toml", res.TOML)
	if back == nil || probs.Errors() > 0 {
		t.Fatalf("the overview does not import back: %v", probs)
	}
	if len(back.Tasks) != len(p.Tasks) {
		t.Fatalf("%d tasks back; want %d", len(back.Tasks), len(p.Tasks))
	}
	for i := range p.Tasks {
		g, w := &back.Tasks[i], &p.Tasks[i]
		if g.TT != w.TT || g.Content != w.Content || !slices.Equal(g.Units, w.Units) || back.PartnersLabel(g) != p.PartnersLabel(w) {
			t.Errorf("task %s came back as %+v", w.TT, g)
		}
	}
	if q2, err := importer.Import("overview.xlsx", content, importer.Options{Sheet: "Quý II"}); err != nil || !strings.Contains(string(q2.TOML), `tt = "24"`) || strings.Contains(string(q2.TOML), `tt = "23"`) {
		t.Errorf("-sheet \"Quý II\": %v", err)
	}
}
