package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/render"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langFlag(fs)
	strict := fs.Bool("strict", false, "treat warnings as errors")
	tplDir := fs.String("templates", "", "check with the templates render will use (see plandoc render)")
	fontDir := fs.String("fonts", "", "check with the fonts render will use (see plandoc render)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, msg.Sprintf("Usage: plandoc check [-strict] [-templates DIR] [-fonts DIR] [PLAN.toml]\n\nLists every problem in the plan, one per line, as FILE:LINE:COL: message,\nand every character the fonts cannot draw: what check passes, render renders.\nExit status: 0 clean or warnings only, 1 errors (or warnings with -strict), 2 bad usage."))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	plan, probs, err := loadPlan(fs.Args())
	var planErr *data.PlanError
	if err != nil && !errors.As(err, &planErr) {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc check: %v", err))
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
			fmt.Fprintln(stderr, msg.Sprintf("plandoc check: %v", err))
			return 1
		}
		probs = append(probs, more...).Sorted()
	}
	printProblems(stdout, probs)
	fmt.Fprintln(stderr, msg.Sprintf("%s, %s", count(probs.Errors(), "error"), count(probs.Warnings(), "warning")))
	if probs.Errors() > 0 || (*strict && probs.Warnings() > 0) {
		return 1
	}
	return 0
}

// counted are the nouns count says, each as one and as many: Vietnamese
// nouns do not change ("1 lỗi", "3 lỗi"), English ones do.
var counted = map[string][2]string{
	"error":     {msg.Mark("%d error"), msg.Mark("%d errors")},
	"warning":   {msg.Mark("%d warning"), msg.Mark("%d warnings")},
	"inference": {msg.Mark("%d inference"), msg.Mark("%d inferences")},
	"workbook":  {msg.Mark("%d workbook"), msg.Mark("%d workbooks")},
	"fact":      {msg.Mark("%d fact"), msg.Mark("%d facts")},
}

// count says how many of a noun, in the user's language: "1 error".
func count(n int, noun string) string {
	forms := counted[noun]
	if n == 1 {
		return msg.Sprintf(forms[0], n)
	}
	return msg.Sprintf(forms[1], n)
}
