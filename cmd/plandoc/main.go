// Command plandoc turns an organisation's annual work program, kept as one
// TOML file, into the documents its office sends out.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/render"
)

// usage is told in the user's language (msg.Text).
var usage = msg.Mark(`plandoc turns an annual work program (one TOML file) into its documents.

Usage:
  plandoc                          render the bundled 2021 plan into ./out
  plandoc FILE                     render a plan (.toml), or import a table (.docx, .xlsx, .odt, .ods)
                                   and render it, into a folder beside FILE (as dropping FILE onto plandoc.exe)
  plandoc render [-o DIR] [-templates DIR] [-fonts DIR] [-quarter N] [-as-of DATE] [-progress FILE]
                 [-only DOC] [-unit ID] [-force] [PLAN.toml]
                                   render every output of a plan into DIR (default ./out)
  plandoc check [-strict] [PLAN.toml]
                                   list every problem in a plan as FILE:LINE:COL: message
  plandoc import [-o PLAN.toml] [-sheet NAME] [-columns MAPPING] [-like LAST-YEAR.toml] SOURCE
                                   make a plan from the table an office already has (.docx, .odt, .xlsx, .ods, .txt)
  plandoc collect [-plan PLAN.toml] [-o progress.toml] [-as-of DATE] RETURNED...
                                   read the workbooks the departments sent back into progress.toml
  plandoc version                  print the version
  plandoc help                     print this help

With no PLAN.toml, render and check use the bundled plan.
Every command takes -lang vi or -lang en; by default messages follow the system's language.
`)

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	waitForKey(ownConsole(), os.Stdin, os.Stdout)
	os.Exit(code)
}

// run is main without the process around it, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	args, err := chooseLanguage(args)
	if err != nil {
		fmt.Fprintln(stderr, "plandoc:", err)
		return 2
	}
	if len(args) == 0 {
		args = []string{"render"}
	}
	if droppable(args) {
		return runDropped(args[0], stdout, stderr)
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
		fmt.Fprint(stdout, msg.Text(usage))
		return 0
	default:
		fmt.Fprint(stderr, msg.Sprintf("plandoc: unknown command %q\n\n%s", cmd, msg.Text(usage)))
		return 2
	}
}
