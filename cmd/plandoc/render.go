package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/render"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "out", "folder to write the outputs into")
	tplDir := fs.String("templates", "", "folder whose template files override the embedded ones (see templates/)")
	fontDir := fs.String("fonts", "", "folder of TrueType files (regular, bold, italic, bold italic) to use instead of Liberation Serif")
	quarter := fs.Int("quarter", 0, "render only this quarter's reports (1-4); by default all four")
	asOf := fs.String("as-of", "", "the quarterly reports' date, 2021-03-31 or 31/03/2021 (default: each quarter's last day)")
	progressFile := fs.String("progress", "", "the progress file plandoc collect wrote: the reports say what was done, the workbooks start from it")
	force := fs.Bool("force", false, "write over the outputs of another plan (another organisation or year) in the -o folder")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: plandoc render [-o DIR] [-templates DIR] [-fonts DIR] [-quarter N] [-as-of DATE] [-progress FILE] [-force] [PLAN.toml]\n\nRenders every output of the plan (the bundled one when none is given) into DIR,\nthen writes DIR/manifest.json.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "plandoc render: -o needs a folder to write into (leave -o out to write into ./out)")
		return 2
	}
	opts := render.Options{TemplatesDir: *tplDir, FontsDir: *fontDir, Quarter: *quarter}
	if *quarter < 0 || *quarter > 4 {
		fmt.Fprintf(stderr, "plandoc render: -quarter %d: give 1, 2, 3 or 4\n", *quarter)
		return 2
	}
	if *asOf != "" {
		date, err := data.ParseDate(*asOf)
		if err != nil {
			fmt.Fprintln(stderr, "plandoc render: -as-of:", err)
			return 2
		}
		opts.AsOf = date
	}
	plan, probs, err := loadPlan(fs.Args())
	printProblems(stderr, probs)
	if err != nil {
		fmt.Fprintln(stderr, "plandoc render: no output written:", firstLine(err))
		return 1
	}
	if !opts.AsOf.IsZero() && opts.AsOf.Year != plan.Program.Year {
		fmt.Fprintf(stderr, "plandoc render: -as-of %s is outside %d, the year the plan covers; give a date in %d\n", opts.AsOf, plan.Program.Year, plan.Program.Year)
		return 2
	}
	if *progressFile != "" {
		rec, exists, err := progress.Read(*progressFile)
		switch {
		case err != nil:
			fmt.Fprintln(stderr, "plandoc render: no output written:", firstLine(err))
			return 1
		case !exists:
			fmt.Fprintf(stderr, "plandoc render: no output written: %s does not exist; make it with plandoc collect\n", *progressFile)
			return 1
		case rec.PlanSHA256 != plan.Source.SHA256:
			fmt.Fprintf(stderr, "%s: warning: collected against another version of the plan; facts are matched to tasks by their keys, so a task whose content changed has none\n", *progressFile)
		}
		opts.Progress = rec
	}
	res, err := render.Build(plan, opts)
	var problems *data.PlanError
	if errors.As(err, &problems) {
		printProblems(stderr, problems.Problems)
		fmt.Fprintf(stderr, "plandoc render: no output written: %s\n", count(problems.Problems.Errors(), "error"))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "plandoc render: no output written:", err)
		return 1
	}
	if who, other := render.OtherPlanIn(*out, plan); other && !*force {
		fmt.Fprintf(stderr, "plandoc render: no output written: %s holds the outputs of another plan, %s; choose another -o, or add -force to replace them\n", *out, who)
		return 1
	}
	previous := render.PreviousFiles(*out)
	err = render.WriteAll(*out, res, render.WriteLog{
		Wrote:   func(path string, n int) { fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", path, n) },
		Removed: func(path, why string) { fmt.Fprintf(stdout, "removed %s (%s)\n", path, why) },
		Kept: func(path, why string) {
			fmt.Fprintf(stderr, "kept %s, which this render does not make: %s; remove it by hand if it is no longer needed\n", path, why)
		},
	})
	if err != nil {
		fmt.Fprintln(stderr, "plandoc render:", err)
		return 1
	}
	if previous != nil {
		printChanges(stdout, res.CompareWith(previous))
	}
	return 0
}

// printChanges tells the clerk which files differ from the previous
// render's: those are the ones to send again.
func printChanges(w io.Writer, c render.Changes) {
	fmt.Fprintf(w, "since the previous render: %d new, %d changed, %d unchanged, %d removed\n", len(c.New), len(c.Changed), len(c.Unchanged), len(c.Removed))
	for _, group := range []struct {
		label string
		paths []string
	}{{"new", c.New}, {"changed", c.Changed}, {"removed", c.Removed}} {
		for _, p := range group.paths {
			fmt.Fprintf(w, "  %s: %s\n", group.label, p)
		}
	}
}

// firstLine keeps the summary short: the problems were printed above.
func firstLine(err error) string {
	s := err.Error()
	for i, c := range s {
		if c == '\n' {
			return s[:i] + " (and more above)"
		}
	}
	return s
}
