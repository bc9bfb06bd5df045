package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/render"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strict := fs.Bool("strict", false, "treat warnings as errors")
	tplDir := fs.String("templates", "", "check with the templates render will use (see plandoc render)")
	fontDir := fs.String("fonts", "", "check with the fonts render will use (see plandoc render)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: plandoc check [-strict] [-templates DIR] [-fonts DIR] [PLAN.toml]\n\nLists every problem in the plan, one per line, as FILE:LINE:COL: message,\nand every character the fonts cannot draw: what check passes, render renders.\nExit status: 0 clean or warnings only, 1 errors (or warnings with -strict), 2 bad usage.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	plan, probs, err := loadPlan(fs.Args())
	var planErr *data.PlanError
	if err != nil && !errors.As(err, &planErr) {
		fmt.Fprintln(stderr, "plandoc check:", err)
		return 1
	}
	if plan != nil {
		// The plan itself is sound: check what render adds, the fonts and
		// templates that will print it.
		more, err := render.Check(plan, render.Options{TemplatesDir: *tplDir, FontsDir: *fontDir})
		if errors.As(err, &planErr) {
			more, err = planErr.Problems, nil
		}
		if err != nil {
			fmt.Fprintln(stderr, "plandoc check:", err)
			return 1
		}
		probs = append(probs, more...).Sorted()
	}
	printProblems(stdout, probs)
	fmt.Fprintf(stderr, "%s, %s\n", count(probs.Errors(), "error"), count(probs.Warnings(), "warning"))
	if probs.Errors() > 0 || (*strict && probs.Warnings() > 0) {
		return 1
	}
	return 0
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
