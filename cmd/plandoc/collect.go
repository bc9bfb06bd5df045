package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/data/returns"
	"github.com/plandoc/plandoc/templates"
)

// collectMemory is the soft limit of a collect's heap: the facts of a
// large plan's returns are a few hundred megabytes, and collecting keeps
// them, not the workbooks; the collector works harder near the limit rather
// than letting the process grow to twice what it holds.
const collectMemory = 420 << 20

func runCollect(args []string, stdout, stderr io.Writer) int {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(collectMemory))
	fs := flag.NewFlagSet("plandoc collect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langFlag(fs)
	planPath := fs.String("plan", "", "the plan the workbooks were made from (default: the bundled plan)")
	out := fs.String("o", "progress.toml", "the progress file to write, merged with what it already holds")
	asOf := fs.String("as-of", "", "the date the facts are as of, 2021-06-30 or 30/06/2021 (default: the day the newest return was saved)")
	tplDir := fs.String("templates", "", "the templates the workbooks were made with (see plandoc render)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, msg.Sprintf("Usage: plandoc collect [-plan PLAN.toml] [-o progress.toml] [-as-of DATE] [-templates DIR] RETURNED...\n\nReads the workbooks the departments sent back (.xlsx or .ods, or folders of them),\nmerges what they reported into the progress file, and reports everything odd.\nThe workbooks are only read."))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	opts := returns.Options{}
	if *asOf != "" {
		d, err := data.ParseDate(*asOf)
		if err != nil {
			fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: -as-of: %v", err))
			return 2
		}
		opts.AsOf = d
	}
	var planArgs []string
	if *planPath != "" {
		planArgs = []string{*planPath}
	}
	plan, probs, err := loadPlan(planArgs)
	if err != nil {
		printProblems(stderr, probs)
		fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: %v", firstLine(err)))
		return 1
	}
	set, err := templates.Load(*tplDir)
	var pe *data.PlanError
	if errors.As(err, &pe) {
		printProblems(stderr, pe.Problems)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: %v", err))
		return 1
	}
	opts.Plan, opts.Columns, opts.Workbook = plan, set.Columns, set.Workbook
	record, existed, err := progress.Read(*out)
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: %v", firstLine(err)))
		return 1
	}
	paths, err := returns.Files(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: %v", err))
		return 1
	}
	res := returns.Collect(paths, opts)
	printProblems(stdout, res.Problems)
	if res.Read == 0 {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: no returned workbook could be read (%d given); %s is unchanged", len(paths), *out))
		return 1
	}
	if existed && record.PlanSHA256 != "" && record.PlanSHA256 != plan.Source.SHA256 {
		fmt.Fprintln(stdout, msg.Sprintf("%s: warning: its facts were collected against an earlier version of the plan; they are kept, the new ones merged in", *out))
	}
	// A first collect of a large plan changes every fact: the first are
	// listed, the rest counted.
	const listed = 200
	facts := len(res.Facts)
	changed, changes := record.Merge(res.Facts, listed)
	res.Facts = nil // the record holds them now
	record.PlanSHA256, record.AsOf = plan.Source.SHA256, res.AsOf
	record.Sort(plan)
	if err := record.Write(*out); err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc collect: %v", err))
		return 1
	}
	fmt.Fprintln(stdout, msg.Sprintf("read %s, %s as of %s; %s changed since the previous collect:", count(res.Read, "workbook"), count(facts, "fact"), res.AsOf, count(changed, "fact")))
	for _, c := range changes {
		name := c.Now.Unit
		if u := plan.Unit(c.Now.Unit); u != nil {
			name = u.Name
		}
		switch {
		case c.Before == nil:
			fmt.Fprintln(stdout, msg.Sprintf("  task %s, %s (%s): %s", c.Now.TT, name, roleWord(c.Now.Role), describe(c.Now)))
		default:
			fmt.Fprintln(stdout, msg.Sprintf("  task %s, %s (%s): %s, was %s", c.Now.TT, name, roleWord(c.Now.Role), describe(c.Now), describe(*c.Before)))
		}
	}
	if changed > len(changes) {
		fmt.Fprintln(stdout, msg.Sprintf("  … and %d more (%s holds them all)", changed-len(changes), *out))
	}
	fmt.Fprintln(stderr, msg.Sprintf("wrote %s (%s); %s, %s", *out, count(len(record.Entries), "fact"), count(res.Problems.Errors(), "workbook"), count(res.Problems.Warnings(), "warning")))
	return 0
}

// describe is a fact in a few words: its status, date and new time.
func describe(e progress.Entry) string {
	s := e.Status
	if s == "" {
		s = msg.Sprintf("no status")
	}
	if !e.Done.IsZero() {
		s += " " + e.Done.String()
	}
	if e.NewTime != "" {
		s += " → " + e.NewTime
	}
	return fmt.Sprintf("%q", s)
}

// roleWord names a unit's part in a task in the user's language.
func roleWord(r progress.Role) string {
	if r == progress.Lead {
		return msg.Sprintf("lead")
	}
	return msg.Sprintf("partner")
}
