package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	if err := os.WriteFile(to, readFile(t, from), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot is every file of a folder with its digest, to see it unchanged.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			sum := sha256.Sum256(readFile(t, path))
			lines = append(lines, path+" "+hex.EncodeToString(sum[:]))
		}
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(ee.Stderr)
	}
	return ""
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// pdfText is a PDF's text as poppler's pdftotext reads it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// dumpedWorkbook is what render/testdata/xlsx_dump.py reads of a workbook
// with openpyxl.
type dumpedWorkbook struct {
	Sheets []string `json:"sheets"`
	Sheet  map[string]struct {
		Rows [][]any `json:"rows"`
	} `json:"sheet"`
}

func dumpWorkbooks(t *testing.T, contents ...[]byte) []dumpedWorkbook {
	t.Helper()
	dir := t.TempDir()
	args := []string{"../../render/testdata/xlsx_dump.py"}
	for i, c := range contents {
		path := filepath.Join(dir, fmt.Sprintf("book%d.xlsx", i))
		if err := os.WriteFile(path, c, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command("/usr/bin/python3", args...)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(stdout)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var out []dumpedWorkbook
	if err := json.Unmarshal(raw, &out); err != nil || len(out) != len(contents) {
		t.Fatalf("dump of %d workbooks: %v", len(contents), err)
	}
	return out
}
