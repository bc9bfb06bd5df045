package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/importer"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandoc import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the plan to this file (default: standard output)")
	sheet := fs.String("sheet", "", "the workbook's sheet to read (default: the first)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: plandoc import [-o PLAN.toml] [-sheet NAME] SOURCE\n\nMakes a plan file from the program's table in a .docx, .xlsx, .txt or .tsv file.\nWhat was inferred and should be confirmed is reported on standard error.")
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
	src, err := os.ReadFile(source)
	if err != nil {
		fmt.Fprintln(stderr, "plandoc import:", err)
		return 1
	}
	res, err := importer.Import(filepath.Base(source), src, importer.Options{Sheet: *sheet})
	if err != nil {
		fmt.Fprintln(stderr, "plandoc import:", err)
		return 1
	}
	fmt.Fprintf(stderr, "%s: %d inferences to confirm:\n", source, len(res.Report))
	for _, inf := range res.Report {
		fmt.Fprintln(stderr, "  "+inf.String())
	}
	if n := res.Problems.Errors(); n > 0 {
		fmt.Fprintf(stderr, "plandoc check finds %d errors in the imported plan (each stands beside an inference above):\n", n)
		for _, p := range res.Problems {
			if p.Severity == data.Error {
				fmt.Fprintln(stderr, "  "+p.String())
			}
		}
	}
	if *out == "" {
		_, err = stdout.Write(res.TOML)
	} else {
		err = writeFileAtomic(*out, res.TOML)
		if err == nil {
			fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", *out, len(res.TOML))
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "plandoc import:", err)
		return 1
	}
	return 0
}

// writeFileAtomic writes through a temporary file so a failed import never
// leaves half a plan, and refuses to overwrite the source.
func writeFileAtomic(path string, content []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".plandoc-import-*.tmp")
	if err != nil {
		return fmt.Errorf("writing plan: %w", err)
	}
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing plan: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing plan: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing plan: %w", err)
	}
	return nil
}
