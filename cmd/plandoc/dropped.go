package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
	"github.com/plandoc/plandoc/render"
)

// summaryName is the text file a dropped file's folder gets: what was
// written and what to check, for a clerk who never saw the window.
const summaryName = "plandoc.txt"

// droppable says whether plandoc was given one file to work on by itself,
// as Windows does when a file is dropped onto plandoc.exe: a plan, or a
// table to import.
func droppable(args []string) bool {
	if len(args) != 1 {
		return false
	}
	switch strings.ToLower(filepath.Ext(args[0])) {
	case ".toml", ".docx", ".xlsx", ".odt", ".ods":
	default:
		return false
	}
	info, err := os.Stat(args[0])
	return err == nil && info.Mode().IsRegular()
}

// runDropped renders the dropped file into a folder beside it, importing
// it first when it is a table, and writes what happened to plandoc.txt
// there. A plan imported on an earlier drop is kept (the clerk may have
// corrected it) and rendered, never overwritten.
func runDropped(file string, stdout, stderr io.Writer) int {
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	dir := filepath.Join(filepath.Dir(file), name+"-plandoc")
	var log bytes.Buffer
	out, errOut := io.MultiWriter(stdout, &log), io.MultiWriter(stderr, &log)
	fmt.Fprintln(&log, msg.Sprintf("plandoc %s: %s", render.Version, file))
	fmt.Fprintln(&log)

	plan, code := file, 0
	if !strings.EqualFold(filepath.Ext(file), ".toml") {
		plan = filepath.Join(dir, name+".toml")
		if _, err := os.Stat(plan); err == nil {
			fmt.Fprintln(out, msg.Sprintf("%s was imported before and may have been corrected since: it is rendered as it is, and the table is not imported again (delete %s to import it again)", plan, plan))
		} else {
			code = run([]string{"import", "-o", plan, file}, out, errOut) // its file's folder is made as it is written
		}
	}
	if code == 0 {
		code = run([]string{"render", "-o", dir, plan}, out, errOut)
	}
	fmt.Fprintln(&log)
	if code == 0 {
		fmt.Fprintln(&log, msg.Sprintf("Done. Check the lines above marked as warnings or to confirm; send each department its workbook from %s.", filepath.Join(dir, "departments")))
	} else {
		fmt.Fprintln(&log, msg.Sprintf("Not done: fix what the lines above name, save, and drop the file onto plandoc again."))
	}
	summary := filepath.Join(dir, summaryName)
	if err := safefile.Write(summary, notepadText(log.String(), runtime.GOOS == "windows")); err == nil {
		fmt.Fprintln(stdout, msg.Sprintf("what was done is written in %s", summary))
	}
	return code
}

// notepadText is UTF-8 with a byte-order mark, which every Notepad reads
// as UTF-8, with Windows line ends on Windows.
func notepadText(s string, windows bool) []byte {
	if windows {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return append([]byte("\uFEFF"), s...)
}

// waitForKey keeps the window open when plandoc was started by a drop or
// a double click: Windows closes the console it made as soon as plandoc
// ends, before the clerk has read a line.
func waitForKey(own bool, in io.Reader, w io.Writer) {
	if !own {
		return
	}
	fmt.Fprint(w, msg.Sprintf("Press Enter to close this window."))
	bufio.NewReader(in).ReadString('\n')
}
