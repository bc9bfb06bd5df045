package importer

import (
	"github.com/plandoc/plandoc/data"
)

// Options are the user's choices for one import.
type Options struct {
	Sheet string // the workbook's sheet; the first when empty
	// PlanName is how the plan's problems name the file it is written to;
	// "imported plan" when empty.
	PlanName string
	// Columns names the plan's columns by the source's own headings, for a
	// table whose headings are not the usual ones: field → heading, the
	// fields being those of ColumnFields.
	Columns map[string]string
	// Like is last year's plan (import -like): its units, groups, people
	// and bodies keep their ids and spellings, and it gives the heading
	// the table does not.
	Like *data.Plan
}

// Result is an imported plan and what a person should confirm.
type Result struct {
	TOML   []byte
	Report []Inference
	// Problems is what plandoc check says of the plan written: errors here
	// stand beside the inference that explains them.
	Problems data.Problems
}

// Import reads a source (name gives its type by extension, src its bytes)
// and writes a plan file. An error means the source could not be read at
// all; anything doubtful is in the report instead.
func Import(name string, src []byte, opts Options) (*Result, error) {
	if err := sourceTooLarge(name, len(src)); err != nil {
		return nil, err
	}
	doc, err := read(name, src, opts.Sheet)
	if err != nil {
		return nil, err
	}
	if err := doc.checkLimits(name); err != nil {
		return nil, err
	}
	hs, err := opts.headings()
	if err != nil {
		return nil, err
	}
	p, err := interpret(name, doc, hs)
	if err != nil {
		return nil, err
	}
	out := p.build(newLastYear(opts.Like))
	toml := out.write(name)
	planName := opts.PlanName
	if planName == "" {
		planName = "imported plan"
	}
	_, probs := data.Parse(planName, toml)
	return &Result{TOML: toml, Report: p.report, Problems: probs}, nil
}
