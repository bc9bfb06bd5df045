package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/render"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langFlag(fs)
	out := fs.String("o", "out", "folder to write the outputs into")
	tplDir := fs.String("templates", "", "folder whose template files override the embedded ones (see templates/)")
	fontDir := fs.String("fonts", "", "folder of TrueType files (regular, bold, italic, bold italic) to use instead of Liberation Serif")
	quarter := fs.Int("quarter", 0, "render only this quarter's reports (1-4); by default all four")
	asOf := fs.String("as-of", "", "the quarterly reports' date, 2021-03-31 or 31/03/2021 (default: each quarter's last day)")
	progressFile := fs.String("progress", "", "the progress file plandoc collect wrote: the reports say what was done, the workbooks start from it")
	force := fs.Bool("force", false, "write over the outputs of another plan (another organisation or year) in the -o folder")
	var only, units []string
	fs.Func("only", "render only this document: annex, departments, overview or quarterly (repeat, or separate with commas)", listFlag(&only))
	fs.Func("unit", "render only this department's workbook, by its id (repeat, or separate with commas)", listFlag(&units))
	fs.Usage = func() {
		fmt.Fprintln(stderr, msg.Sprintf("Usage: plandoc render [-o DIR] [-templates DIR] [-fonts DIR] [-quarter N] [-as-of DATE] [-progress FILE] [-force] [-only DOC] [-unit ID] [PLAN.toml]\n\nRenders every output of the plan (the bundled one when none is given) into DIR,\nthen writes DIR/manifest.json. With -only or -unit it writes just those files\nand leaves the others as they are; the manifest still lists every file."))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: -o needs a folder to write into (leave -o out to write into ./out)"))
		return 2
	}
	opts := render.Options{TemplatesDir: *tplDir, FontsDir: *fontDir, Quarter: *quarter, Only: only, Units: units}
	prepareHeap()
	render.Warm(opts) // while the plan is read
	if *quarter < 0 || *quarter > 4 {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: -quarter %d: give 1, 2, 3 or 4", *quarter))
		return 2
	}
	if *asOf != "" {
		date, err := data.ParseDate(*asOf)
		if err != nil {
			fmt.Fprintln(stderr, msg.Sprintf("plandoc render: -as-of: %v", err))
			return 2
		}
		opts.AsOf = date
	}
	if fs.NArg() == 1 {
		loadCollector(fs.Arg(0), opts.MakesWorkbooks())
	}
	plan, probs, err := loadPlan(fs.Args())
	printProblems(stderr, probs)
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: no output written: %v", firstLine(err)))
		return 1
	}
	workCollector(len(plan.Tasks), opts.MakesWorkbooks()) // run restores the collector after
	if !opts.AsOf.IsZero() && opts.AsOf.Year != plan.Program.Year {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: -as-of %s is outside %d, the year the plan covers; give a date in %d", opts.AsOf, plan.Program.Year, plan.Program.Year))
		return 2
	}
	if *progressFile != "" {
		rec, exists, err := progress.Read(*progressFile)
		switch {
		case err != nil:
			fmt.Fprintln(stderr, msg.Sprintf("plandoc render: no output written: %v", firstLine(err)))
			return 1
		case !exists:
			fmt.Fprintln(stderr, msg.Sprintf("plandoc render: no output written: %s does not exist; make it with plandoc collect", *progressFile))
			return 1
		case rec.PlanSHA256 != plan.Source.SHA256:
			fmt.Fprintln(stderr, msg.Sprintf("%s: warning: collected against another version of the plan; facts are matched to tasks by their keys, so a task whose content changed has none", *progressFile))
		}
		opts.Progress = rec
	}
	if who, other := render.OtherPlanIn(*out, plan); other && !*force {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: no output written: %s holds the outputs of another plan, %s; choose another -o, or add -force to replace them", *out, who))
		return 1
	}
	previous := render.PreviousFiles(*out)
	opts.SpillInto = *out // a large output leaves memory as soon as it is made
	res, err := render.Build(plan, opts)
	var problems *data.PlanError
	if errors.As(err, &problems) {
		printProblems(stderr, problems.Problems)
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: no output written: %s", count(problems.Problems.Errors(), "error")))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: no output written: %v", err))
		return 1
	}
	err = render.WriteAll(*out, res, render.WriteLog{
		Wrote:   func(path string, n int) { fmt.Fprintln(stdout, msg.Sprintf("wrote %s (%d bytes)", path, n)) },
		Removed: func(path, why string) { fmt.Fprintln(stdout, msg.Sprintf("removed %s (%s)", path, why)) },
		Kept: func(path, why string) {
			fmt.Fprintln(stderr, msg.Sprintf("kept %s, which this render does not make: %s; remove it by hand if it is no longer needed", path, why))
		},
	})
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc render: %v", err))
		return 1
	}
	if previous != nil {
		printChanges(stdout, res.CompareWith(previous))
	}
	if len(res.Kept) > 0 {
		fmt.Fprintln(stdout, msg.Sprintf("left as they were: %d files this render was not asked for (still listed in the manifest)", len(res.Kept)))
	}
	return 0
}

// nativePath prints a manifest's path (always with /) the way the system
// writes paths: departments\van-phong.xlsx on Windows.
var nativePath = filepath.FromSlash

// listFlag collects a flag given several times, or once with commas.
func listFlag(list *[]string) func(string) error {
	return func(v string) error {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" && !slices.Contains(*list, item) {
				*list = append(*list, item)
			}
		}
		return nil
	}
}

// printChanges tells the clerk which files differ from the previous
// render's: those are the ones to send again.
func printChanges(w io.Writer, c render.Changes) {
	fmt.Fprintln(w, msg.Sprintf("since the previous render: %d new, %d changed, %d unchanged, %d removed", len(c.New), len(c.Changed), len(c.Unchanged), len(c.Removed)))
	for _, group := range []struct {
		label string
		paths []string
	}{{msg.Mark("  new: %s"), c.New}, {msg.Mark("  changed: %s"), c.Changed}, {msg.Mark("  removed: %s"), c.Removed}} {
		for _, p := range group.paths {
			fmt.Fprintln(w, msg.Sprintf(group.label, nativePath(p)))
		}
	}
}

// firstLine keeps the summary short: the problems were printed above.
func firstLine(err error) string {
	s := err.Error()
	for i, c := range s {
		if c == '\n' {
			return s[:i] + msg.Sprintf(" (and more above)")
		}
	}
	return s
}
