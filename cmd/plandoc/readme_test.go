package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/templates"
)

// TestREADMEExamplesWork keeps the README's examples true: its plan checks
// clean and its template loads.
func TestREADMEExamplesWork(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	plans, tpls := 0, 0
	for _, b := range blocks {
		switch {
		case strings.HasPrefix(b[1], "schema = "):
			plans++
			if p, probs := data.Parse("README.md", []byte(b[1])); p == nil || len(probs) > 0 {
				t.Errorf("README's plan example has problems: %v", probs)
			}
		case strings.Contains(b[1], "annex.toml"):
			tpls++
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "annex.toml"), []byte(b[1]), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := templates.LoadAnnex(dir); err != nil {
				t.Errorf("README's template example: %v", err)
			}
		}
	}
	if plans != 1 || tpls != 1 {
		t.Errorf("found %d plan and %d template examples in README; want 1 each", plans, tpls)
	}
	for _, cmd := range []string{"go run ./cmd/plandoc", "go test ./..."} {
		if !strings.Contains(string(readme), cmd) {
			t.Errorf("README lacks the command %q", cmd)
		}
	}
}
