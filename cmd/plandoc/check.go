package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/plandoc/plandoc/data"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strict := fs.Bool("strict", false, "treat warnings as errors")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: plandoc check [-strict] [PLAN.toml]\n\nLists every problem in the plan, one per line, as FILE:LINE:COL: message.\nExit status: 0 clean or warnings only, 1 errors (or warnings with -strict), 2 bad usage.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	_, probs, err := loadPlan(fs.Args())
	var planErr *data.PlanError
	if err != nil && !errors.As(err, &planErr) {
		fmt.Fprintln(stderr, "plandoc check:", err)
		return 1
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
