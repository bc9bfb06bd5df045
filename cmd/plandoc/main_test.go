package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckBundledPrintsOnlyTheDateWarning(t *testing.T) {
	code, out, _ := runCLI(t, "check")
	want := "bundled:lhh-thanh-hoa-2021.toml:15:8: warning: decision date 2021-12-31 is in December of 2021, the year the program plans: a program is issued before or early in its year; was 2020-12-31 meant? (it is printed as given)\n"
	if code != 0 || out != want {
		t.Errorf("check: exit %d, output\n%s\nwant exit 0 and\n%s", code, out, want)
	}
	if code, _, _ := runCLI(t, "check", "-strict"); code != 1 {
		t.Errorf("check -strict with a warning: exit %d, want 1", code)
	}
}

func TestCheckBadPlanExitsOne(t *testing.T) {
	code, out, errOut := runCLI(t, "check", "../../data/testdata/bad/unknown-key-task.toml")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, `unknown-key-task.toml:50:1: unknown key "contnet" in task 2; did you mean "content"?`) {
		t.Errorf("output lacks the positioned message:\n%s", out)
	}
	if !strings.Contains(errOut, "2 errors, 0 warnings") {
		t.Errorf("stderr lacks the count: %q", errOut)
	}
	if code, _, errOut := runCLI(t, "check", "no-such-plan.toml"); code != 1 || !strings.Contains(errOut, "no-such-plan.toml") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestRenderWritesManifestLast(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCLI(t, "render", "-o", dir)
	if code != 0 {
		t.Fatalf("render: exit %d, stderr %s", code, errOut)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Plan struct {
			Title  string `json:"title"`
			Year   int    `json:"year"`
			SHA256 string `json:"sha256"`
		} `json:"plan"`
		Files []struct {
			Path   string `json:"path"`
			Kind   string `json:"kind"`
			Bytes  int    `json:"bytes"`
			SHA256 string `json:"sha256"`
		} `json:"files"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest is not JSON: %v", err)
	}
	if m.Plan.Title != "Chương trình công tác năm 2021" || m.Plan.Year != 2021 || len(m.Plan.SHA256) != 64 {
		t.Errorf("manifest plan = %+v", m.Plan)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var wrote []string
	for _, l := range lines {
		if strings.HasPrefix(l, "wrote ") {
			wrote = append(wrote, l)
		}
	}
	if len(wrote) != len(m.Files)+1 || !strings.Contains(wrote[len(wrote)-1], "manifest.json (") {
		t.Errorf("every file must be printed with its size, the manifest last:\n%s", out)
	}
	if len(m.Files) == 0 || m.Files[0].Path != "annex.pdf" || m.Files[0].Kind != "annex" {
		t.Errorf("manifest files = %+v; want annex.pdf first", m.Files)
	}
	for _, f := range m.Files {
		content, err := os.ReadFile(filepath.Join(dir, f.Path))
		sum := sha256.Sum256(content)
		if err != nil || len(content) != f.Bytes || hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("manifest entry %+v does not match the file on disk (%v)", f, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".plandoc-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestRenderRefusesABadPlanAndWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := runCLI(t, "render", "-o", dir, "../../data/testdata/bad/unknown-unit.toml")
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	if !strings.Contains(errOut, `unknown unit "ban-khcn-tvbp"`) || !strings.Contains(errOut, "no output written") {
		t.Errorf("stderr = %s", errOut)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("output folder was created for a bad plan")
	}
}

func TestUsageAndVersion(t *testing.T) {
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.HasPrefix(out, "plandoc ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "plandoc render [-o DIR]") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, "rendre"); code != 2 || !strings.Contains(errOut, `unknown command "rendre"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "render", "-x"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code, _, errOut := runCLI(t, "import", "no-such-file.docx"); code != 1 || !strings.Contains(errOut, "no-such-file.docx") {
		t.Errorf("import of a missing file: %d %q", code, errOut)
	}
}

func TestRenderWithOwnFontsAndTemplates(t *testing.T) {
	fontDir, tplDir, out := t.TempDir(), t.TempDir(), t.TempDir()
	// An agency's own TrueType files, under Windows-style names.
	for src, dst := range map[string]string{"LiberationSerif-Regular.ttf": "times.ttf", "LiberationSerif-Bold.ttf": "timesbd.ttf",
		"LiberationSerif-Italic.ttf": "timesi.ttf", "LiberationSerif-BoldItalic.ttf": "timesbi.ttf"} {
		data, err := os.ReadFile(filepath.Join("../../fonts", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fontDir, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(tplDir, "annex.toml"), []byte("[page]\nmargin_left = 35\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "render", "-o", out, "-fonts", fontDir, "-templates", tplDir)
	if code != 0 || !strings.Contains(stdout, "annex.pdf (") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	os.Remove(filepath.Join(fontDir, "timesbi.ttf"))
	code, _, stderr = runCLI(t, "render", "-o", t.TempDir(), "-fonts", fontDir)
	if code != 1 || !strings.Contains(stderr, "bold italic") {
		t.Errorf("a fonts folder without bold italic: exit %d, %s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(tplDir, "annex.toml"), []byte("[page]\nmargin_left = 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "render", "-o", t.TempDir(), "-templates", tplDir)
	if code != 1 || !strings.Contains(stderr, "margin_left 10 mm") {
		t.Errorf("a template outside the decree: exit %d, %s", code, stderr)
	}
}

func TestImportSeedThenCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.toml")
	code, stdout, stderr := runCLI(t, "import", "-o", out, "../../data/testdata/seed-2021.txt")
	if code != 0 || stdout != "" {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"inferences to confirm", `"Ban KHCN, Ban Thông tin PBKT" read as 2 units leading jointly`, "\n  by kind: title and decision 5, spellings 4, joint units 2, partners 3\nwrote " + out} {
		if !strings.Contains(stderr, want) {
			t.Errorf("import report lacks %q:\n%s", want, stderr)
		}
	}
	code, checkOut, _ := runCLI(t, "check", out)
	if code != 0 || strings.Count(checkOut, "\n") != 1 || !strings.Contains(checkOut, "warning: decision date 2021-12-31") {
		t.Errorf("check on the imported plan: exit %d\n%s", code, checkOut)
	}
	// Without -o the plan goes to standard output.
	if code, stdout, _ := runCLI(t, "import", "../../data/testdata/seed-2021.txt"); code != 0 || !strings.HasPrefix(stdout, "# Imported by plandoc import") {
		t.Errorf("import to stdout: exit %d, %.60q", code, stdout)
	}
}

func TestImportBadSourceLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "legacy.txt")
	if err := os.WriteFile(src, []byte("Ch\xad\xacng tr\xd7nh c\xabng t\xb8c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "plan.toml")
	code, stdout, stderr := runCLI(t, "import", "-o", out, src)
	if code != 1 || stdout != "" || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "TCVN3") {
		t.Errorf("legacy encoding: exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
	if code, _, _ := runCLI(t, "import"); code != 2 {
		t.Errorf("import with no source: exit %d, want 2", code)
	}
	before, _ := os.ReadFile(src)
	if code, _, stderr := runCLI(t, "import", "-o", src, src); code != 2 || !strings.Contains(stderr, "names the source itself") {
		t.Errorf("import over its own source: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
		t.Errorf("the source was changed")
	}
}
