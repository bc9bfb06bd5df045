package data

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data/msg"
)

var update = flag.Bool("update", false, "rewrite the .want files of testdata/bad from the loader's output (review the diff!)")

// TestBadPlans runs the catalogue: each testdata/bad/NAME.toml must produce
// exactly the problems in NAME.want, one per line, and in Vietnamese those
// in NAME.vi.want.
func TestBadPlans(t *testing.T) {
	for _, lang := range []msg.Lang{msg.English, msg.Vietnamese} {
		t.Run(string(lang), func(t *testing.T) {
			msg.Use(lang)
			defer msg.Use(msg.English)
			badPlans(t, lang)
		})
	}
}

func badPlans(t *testing.T, lang msg.Lang) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("the catalogue has %d bad plans; it needs at least 25", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			plan, probs := Parse(filepath.Base(file), raw)
			var got strings.Builder
			for _, p := range probs {
				got.WriteString(p.String())
				got.WriteString("\n")
			}
			wantFile := strings.TrimSuffix(file, ".toml") + ".want"
			if lang != msg.English {
				wantFile = strings.TrimSuffix(file, ".toml") + "." + string(lang) + ".want"
			}
			if *update {
				if err := os.WriteFile(wantFile, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("no expected messages: %v", err)
			}
			if got.String() != string(want) {
				t.Errorf("problems differ\n--- got\n%s--- want\n%s", got.String(), want)
			}
			if len(probs) == 0 {
				t.Errorf("a bad plan produced no problem")
			}
			if hasErrors := probs.Errors() > 0; hasErrors != (plan == nil) {
				t.Errorf("errors=%d but plan returned=%v: a plan with errors must not be returned, one without must", probs.Errors(), plan != nil)
			}
			if strings.HasPrefix(name, "warn-") && probs.Errors() > 0 {
				t.Errorf("a warn- case must produce warnings only")
			}
		})
	}
}
