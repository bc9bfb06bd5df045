package render

import "testing"

// The collector and the fonts are set up for what a render makes: PDFs,
// and the large workbooks.
func TestWhatASelectionMakes(t *testing.T) {
	for _, c := range []struct {
		opts           Options
		pdf, workbooks bool
	}{
		{Options{}, true, true},
		{Options{Only: []string{"annex"}}, true, false},
		{Options{Only: []string{"quarterly"}, Quarter: 2}, true, false},
		{Options{Only: []string{"departments"}}, false, true},
		{Options{Only: []string{"overview"}}, false, true},
		{Options{Units: []string{"van-phong"}}, false, true},
		{Options{Only: []string{"annex", "overview"}}, true, true},
	} {
		if got := c.opts.MakesPDF(); got != c.pdf {
			t.Errorf("%+v: MakesPDF %v; want %v", c.opts, got, c.pdf)
		}
		if got := c.opts.MakesWorkbooks(); got != c.workbooks {
			t.Errorf("%+v: MakesWorkbooks %v; want %v", c.opts, got, c.workbooks)
		}
	}
}

// Only a render that makes a workbook (the quarterly reports have one)
// makes the tasks' workbook cells.
func TestWorkbookCellsMadeForWorkbooksOnly(t *testing.T) {
	p := bundledPlan(t)
	for _, c := range []struct {
		opts Options
		want bool
	}{{Options{}, true}, {Options{Only: []string{"annex"}}, false}, {Options{Only: []string{"quarterly"}}, true}, {Options{Units: []string{"van-phong"}}, true}} {
		k, _, err := prepare(p, c.opts, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := k.printed[&p.Tasks[0]].values != nil; got != c.want {
			t.Errorf("%+v: workbook cells made %v; want %v", c.opts, got, c.want)
		}
	}
}
