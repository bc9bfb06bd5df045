package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/importer"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langFlag(fs)
	out := fs.String("o", "", "write the plan to this file (default: standard output)")
	sheet := fs.String("sheet", "", "the workbook's sheet to read (default: the first)")
	like := fs.String("like", "", "last year's plan: units, people and bodies keep its ids and spellings, and it gives the heading the table lacks")
	columns := fs.String("columns", "", "which heading names which column, for a table whose headings are not the usual ones:\n"+
		"content=\"Tên gọi văn bản\",units=\"Cơ quan soạn thảo\",time=\"…\" (columns: "+strings.Join(importer.ColumnFields, ", ")+")")
	fs.Usage = func() {
		fmt.Fprintln(stderr, msg.Sprintf("Usage: plandoc import [-o PLAN.toml] [-sheet NAME] [-columns MAPPING] [-like LAST-YEAR.toml] SOURCE\n\nMakes a plan file from the program's table in a .docx, .odt, .xlsx, .ods, .txt or .tsv file.\nWhat was inferred and should be confirmed is reported on standard error."))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	source := fs.Arg(0)
	mapping, err := importer.ParseColumns(*columns)
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc import: %v", err))
		return 2
	}
	if *out != "" && samePath(*out, source) {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc import: -o names the source itself; give another file for the plan"))
		return 2
	}
	var last *data.Plan
	if *like != "" {
		p, probs, err := data.LoadFile(*like)
		if p == nil {
			fmt.Fprintln(stderr, msg.Sprintf("plandoc import: -like %s is not a plan plandoc can use; fix it first (plandoc check %s):", *like, *like))
			if probs.Errors() == 0 {
				fmt.Fprintln(stderr, "  "+err.Error())
			}
			for _, pr := range probs {
				if pr.Severity == data.Error {
					fmt.Fprintln(stderr, "  "+pr.String())
				}
			}
			return 1
		}
		last = p
	}
	src, err := safefile.Read(source, importer.MaxSourceBytes, "source")
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc import: %v", err))
		return 1
	}
	// The plan's problems are named after the file it will be, so that
	// "plan.toml:12:3" points into the file the clerk opens next.
	planName := *out
	if planName == "" {
		planName = "(standard output)"
	}
	res, err := importer.Import(filepath.Base(source), src, importer.Options{Sheet: *sheet, PlanName: planName, Columns: mapping, Like: last})
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc import: %v", err))
		return 1
	}
	fmt.Fprintln(stderr, msg.Sprintf("%s: %s to confirm:", source, count(len(res.Report), "inference")))
	for _, inf := range res.Report {
		fmt.Fprintln(stderr, "  "+inf.String())
	}
	if len(res.Report) > 0 {
		fmt.Fprintln(stderr, msg.Sprintf("  by kind: %s", importer.CountByKind(res.Report)))
	}
	if n := res.Problems.Errors(); n > 0 {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc check finds %s in the imported plan (each stands beside an inference above):", count(n, "error")))
		for _, p := range res.Problems {
			if p.Severity == data.Error {
				fmt.Fprintln(stderr, "  "+p.String())
			}
		}
	}
	if *out == "" {
		_, err = stdout.Write(res.TOML)
	} else {
		err = safefile.Write(*out, res.TOML)
		if err == nil {
			fmt.Fprintln(stderr, msg.Sprintf("wrote %s (%d bytes)", *out, len(res.TOML)))
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, msg.Sprintf("plandoc import: %v", err))
		return 1
	}
	return 0
}

// samePath reports whether two paths name one file, so the source is never
// overwritten by the plan made from it.
func samePath(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}
