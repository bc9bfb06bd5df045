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
	dir := t.TempDir()
	for _, b := range blocks {
		switch name, ok := strings.CutPrefix(b[1], "# mytemplates/"); {
		case strings.HasPrefix(b[1], "schema = "):
			plans++
			if p, probs := data.Parse("README.md", []byte(b[1])); p == nil || len(probs) > 0 {
				t.Errorf("README's plan example has problems: %v", probs)
			}
		case ok:
			tpls++
			name, _, _ = strings.Cut(name, "\n")
			if err := os.WriteFile(filepath.Join(dir, name), []byte(b[1]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	set, err := templates.Load(dir)
	if err != nil {
		t.Errorf("README's template examples: %v", err)
	} else if h := set.Annex.Table.Columns; len(h) != 5 || h[3].Heading != "Cơ quan chủ trì" {
		t.Errorf("README's template examples give the annex columns %+v; want five, the units headed Cơ quan chủ trì", h)
	}
	if plans != 1 || tpls != 2 {
		t.Errorf("found %d plan and %d template examples in README; want 1 and 2", plans, tpls)
	}
	for _, cmd := range []string{"go run ./cmd/plandoc", "go test ./..."} {
		if !strings.Contains(string(readme), cmd) {
			t.Errorf("README lacks the command %q", cmd)
		}
	}
}
