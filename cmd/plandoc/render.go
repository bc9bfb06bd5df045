package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/plandoc/plandoc/render"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "out", "folder to write the outputs into")
	tplDir := fs.String("templates", "", "folder whose template files override the embedded ones (see templates/)")
	fontDir := fs.String("fonts", "", "folder of TrueType files (regular, bold, italic, bold italic) to use instead of Liberation Serif")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: plandoc render [-o DIR] [-templates DIR] [-fonts DIR] [PLAN.toml]\n\nRenders every output of the plan (the bundled one when none is given) into DIR,\nthen writes DIR/manifest.json.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	plan, probs, err := loadPlan(fs.Args())
	printProblems(stderr, probs)
	if err != nil {
		fmt.Fprintln(stderr, "plandoc render: no output written:", firstLine(err))
		return 1
	}
	res, err := render.Build(plan, render.Options{TemplatesDir: *tplDir, FontsDir: *fontDir})
	if err != nil {
		fmt.Fprintln(stderr, "plandoc render: no output written:", err)
		return 1
	}
	err = render.WriteAll(*out, res, func(path string, n int) {
		fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", path, n)
	})
	if err != nil {
		fmt.Fprintln(stderr, "plandoc render:", err)
		return 1
	}
	for _, p := range res.Pending {
		fmt.Fprintln(stdout, "not built yet:", p)
	}
	return 0
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
