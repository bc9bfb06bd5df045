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
