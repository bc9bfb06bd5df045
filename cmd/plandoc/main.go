// Command plandoc turns an organisation's annual work program, kept as one
// TOML file, into the documents its office sends out.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/plandoc/plandoc/render"
)

const usage = `plandoc turns an annual work program (one TOML file) into its documents.

Usage:
  plandoc                          render the bundled 2021 plan into ./out
  plandoc render [-o DIR] [-templates DIR] [-fonts DIR] [-quarter N] [-as-of DATE] [-progress FILE] [PLAN.toml]
                                   render every output of a plan into DIR (default ./out)
  plandoc check [-strict] [PLAN.toml]
                                   list every problem in a plan as FILE:LINE:COL: message
  plandoc import [-o PLAN.toml] [-sheet NAME] SOURCE
                                   make a plan from the table an office already has (.docx, .odt, .xlsx, .ods, .txt)
  plandoc collect [-plan PLAN.toml] [-o progress.toml] [-as-of DATE] RETURNED...
                                   read the workbooks the departments sent back into progress.toml
  plandoc version                  print the version
  plandoc help                     print this help

With no PLAN.toml, render and check use the bundled plan.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process around it, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"render"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "render":
		defer batchCollector()() // a batch render: speed over a small heap
		return runRender(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "import":
		return runImport(rest, stdout, stderr)
	case "collect":
		return runCollect(rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "plandoc", render.Version)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "plandoc: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}
