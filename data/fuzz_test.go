package data

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParse: no input makes the loader panic, and what it returns is
// consistent: a plan only without errors, every problem placed in the file.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.toml")
	files = append(files, "plans/"+DefaultPlan)
	for _, file := range files {
		if raw, err := os.ReadFile(file); err == nil {
			f.Add(raw)
		}
	}
	f.Add([]byte("tasks = [{tt = 1, units = [{}]}]\n[[tasks]]\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, probs := Parse("fuzz.toml", raw)
		if (p == nil) != (probs.Errors() > 0) {
			t.Fatalf("plan returned=%v with %d errors", p != nil, probs.Errors())
		}
		lines := 1
		for _, c := range raw {
			if c == '\n' {
				lines++
			}
		}
		for _, pr := range probs {
			if pr.Line < 0 || pr.Line > lines || pr.Col < 0 || pr.Msg == "" {
				t.Fatalf("problem out of the file (%d lines): %+v", lines, pr)
			}
			if !utf8.ValidString(pr.Msg) {
				t.Fatalf("message is not UTF-8: %q", pr.Msg)
			}
		}
	})
}

// FuzzParseTime: the time parser never panics and never returns months
// outside the year.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"Tháng 01", "Quý IV/2021", "18/5", "Tháng 3, 6, 9", "Cả năm", "Tháng 3-6"} {
		f.Add(s, 2021)
	}
	f.Fuzz(func(t *testing.T, expr string, year int) {
		s, err := ParseTime(expr, year)
		if err == nil && (s.Months == 0 || s.Months&^allMonths != 0) {
			t.Fatalf("ParseTime(%q) = %+v", expr, s)
		}
	})
}
