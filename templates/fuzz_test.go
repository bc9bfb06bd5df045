package templates

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/plandoc/plandoc/data"
)

// A template a user edits may be anything: loading it never panics, and
// either gives a set or problems, each naming its file.
func FuzzLoadTemplate(f *testing.F) {
	for _, name := range []string{"annex.toml", "columns.toml", "quarterly.toml", "workbook.toml"} {
		raw, err := builtin.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(len(name)), raw)
	}
	f.Add(uint8(0), []byte("[table.width]\ncontent = nan\n"))
	f.Add(uint8(1), []byte("[[column]]\nfield = \"tt\"\n"))
	files := []string{"annex.toml", "columns.toml", "quarterly.toml", "workbook.toml"}
	f.Fuzz(func(t *testing.T, which uint8, raw []byte) {
		dir := t.TempDir()
		file := files[int(which)%len(files)]
		if err := os.WriteFile(filepath.Join(dir, file), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := Load(dir)
		var pe *data.PlanError
		switch {
		case err == nil && set == nil:
			t.Fatal("no set and no error")
		case err != nil && !errors.As(err, &pe):
			t.Fatalf("an error that is not a list of problems: %v", err)
		case err != nil:
			for _, p := range pe.Problems {
				if p.File == "" || p.Msg == "" {
					t.Fatalf("a problem without its file or message: %+v", p)
				}
			}
		}
	})
}
