package render

import "github.com/plandoc/plandoc/data"

// Options are the user's choices for one render.
type Options struct{}

// pending names the outputs not built yet, so render says so instead of
// pretending; each entry goes when its renderer lands.
var pending = []string{
	"annex.pdf: the decision annex (issue 3)",
	"departments/<unit>.xlsx and overview.xlsx: the department workbooks (issue 4)",
	"quarterly/q1..q4.pdf and .xlsx: the quarterly summaries (issue 5)",
}

// Pending lists the outputs not built yet.
func Pending() []string { return append([]string(nil), pending...) }

// Build renders every output of the plan in memory.
func Build(p *data.Plan, opts Options) (*Result, error) {
	res := &Result{Plan: p}
	res.Pending = append(res.Pending, pending...)
	return res, nil
}
