package render

import (
	"fmt"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/fonts"
	"github.com/plandoc/plandoc/templates"
)

// Options are the user's choices for one render.
type Options struct {
	TemplatesDir string // overrides the embedded templates when set
	FontsDir     string // TrueType files to use instead of Liberation Serif
}

// pending names the outputs not built yet, so render says so instead of
// pretending; each entry goes when its renderer lands.
var pending = []string{
	"departments/<unit>.xlsx and overview.xlsx: the department workbooks (issue 4)",
	"quarterly/q1..q4.pdf and .xlsx: the quarterly summaries (issue 5)",
}

// Pending lists the outputs not built yet.
func Pending() []string { return append([]string(nil), pending...) }

// Build renders every output of the plan in memory.
func Build(p *data.Plan, opts Options) (*Result, error) {
	fam, err := loadFonts(opts.FontsDir)
	if err != nil {
		return nil, err
	}
	annexTpl, err := templates.LoadAnnex(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	res := &Result{Plan: p}
	annex, _, err := renderAnnex(p, annexTpl, fam)
	if err != nil {
		return nil, fmt.Errorf("annex.pdf: %w", err)
	}
	res.Files = append(res.Files, newFile("annex.pdf", "annex", annex))
	res.Pending = Pending()
	return res, nil
}

func loadFonts(dir string) (*fonts.Family, error) {
	if dir == "" {
		return fonts.Embedded()
	}
	return fonts.FromDir(dir)
}
