package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/render"
)

type manifestOnDisk struct {
	Plan struct {
		SHA256 string `json:"sha256"`
	} `json:"plan"`
	Files []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
		Plan   string `json:"plan_sha256"`
	} `json:"files"`
}

// readManifest reads dir's manifest and checks its promise: every file it
// lists is there with its sha256, and every file in the folder is listed
// (but the others named).
func readManifest(t *testing.T, dir string, others ...string) manifestOnDisk {
	t.Helper()
	var m manifestOnDisk
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "manifest.json")), &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{"manifest.json": true}
	for _, o := range others {
		listed[o] = true
	}
	for _, f := range m.Files {
		listed[f.Path] = true
		sum := sha256.Sum256(readFile(t, filepath.Join(dir, f.Path)))
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("the manifest lists %s with another sha256", f.Path)
		}
	}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".plandoc") && !listed[filepath.ToSlash(rel)] {
			t.Errorf("%s is in the folder but not in the manifest", rel)
		}
		return nil
	})
	return m
}

func bundledPlanWith(t *testing.T, old, new string) string {
	t.Helper()
	raw := string(readFile(t, "../../data/plans/lhh-thanh-hoa-2021.toml"))
	if !strings.Contains(raw, old) {
		t.Fatalf("the bundled plan has no %q", old)
	}
	return writeFile(t, "plan.toml", strings.Replace(raw, old, new, 1))
}

// -only and -unit write just those files; the others stay as they were,
// and the manifest still vouches for every file, saying which plan each
// kept one came from.
func TestRenderOnlyAndUnit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCLI(t, "render", "-o", dir); code != 0 {
		t.Fatalf("first render: exit %d\n%s", code, errOut)
	}
	whole := readManifest(t, dir)
	before := snapshot(t, dir)

	// Task 4 is led by ban-khcn-tvpb alone and coordinated by no department.
	edited := bundledPlanWith(t, "Lễ tổng kết, trao giải Cuộc thi", "Lễ tổng kết và trao giải Cuộc thi")
	code, out, errOut := runCLI(t, "render", "-o", dir, "-unit", "ban-khcn-tvpb", edited)
	if code != 0 {
		t.Fatalf("render -unit: exit %d\n%s", code, errOut)
	}
	if strings.Count(out, "wrote ") != 2 || !strings.Contains(out, "wrote "+filepath.Join(dir, "departments", "ban-khcn-tvpb.xlsx")) ||
		!strings.Contains(out, "  changed: departments/ban-khcn-tvpb.xlsx\n") || !strings.Contains(out, "left as they were: 17 files") {
		t.Errorf("render -unit wrote other than the one workbook and the manifest:\n%s", out)
	}
	m := readManifest(t, dir)
	if len(m.Files) != len(whole.Files) {
		t.Fatalf("the manifest lists %d files, the folder holds %d", len(m.Files), len(whole.Files))
	}
	for i, f := range m.Files {
		if f.Path != whole.Files[i].Path {
			t.Errorf("manifest file %d is %s, a whole render lists %s there", i, f.Path, whole.Files[i].Path)
		}
		switch {
		case f.Path == "departments/ban-khcn-tvpb.xlsx" && (f.Plan != "" || f.SHA256 == whole.Files[i].SHA256):
			t.Errorf("the re-rendered workbook: plan %q, sha256 unchanged %v", f.Plan, f.SHA256 == whole.Files[i].SHA256)
		case f.Path != "departments/ban-khcn-tvpb.xlsx" && (f.Plan != whole.Plan.SHA256 || f.SHA256 != whole.Files[i].SHA256):
			t.Errorf("%s was kept, so the manifest must name the plan it came from (%q) and its old sha256", f.Path, f.Plan)
		}
	}
	if m.Plan.SHA256 == whole.Plan.SHA256 {
		t.Errorf("the manifest's plan is still the first render's")
	}

	// Several documents at once, by repeating and by commas; -quarter
	// keeps the other quarters.
	code, out, errOut = runCLI(t, "render", "-o", dir, "-only", "annex,overview", "-only", "quarterly", "-quarter", "2", edited)
	wantWrote := []string{"annex.pdf", "overview.xlsx", "quarterly/q2.pdf", "quarterly/q2.xlsx", "manifest.json"}
	if code != 0 || strings.Count(out, "wrote ") != len(wantWrote) {
		t.Fatalf("render -only: exit %d\n%s%s", code, out, errOut)
	}
	for _, p := range wantWrote {
		if !strings.Contains(out, "wrote "+filepath.Join(dir, filepath.FromSlash(p))+" ") {
			t.Errorf("render -only did not write %s:\n%s", p, out)
		}
	}
	if m := readManifest(t, dir); len(m.Files) != len(whole.Files) {
		t.Errorf("after -only the manifest lists %d files, want %d", len(m.Files), len(whole.Files))
	}

	// A whole render of the first plan puts the folder back as it was.
	if code, _, errOut := runCLI(t, "render", "-o", dir); code != 0 || snapshot(t, dir) != before {
		t.Errorf("a whole render did not restore the folder: exit %d\n%s", code, errOut)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-only", "annexe"}, "-only annexe: there is no such document; give annex, departments, overview, quarterly"},
		{[]string{"-unit", "ban-xyz"}, "-unit ban-xyz: the plan has no unit with this id; give one of van-phong, ban-khcn-tvpb,"},
		{[]string{"-unit", "ban-tuyen-giao-tinh-uy"}, "-unit ban-tuyen-giao-tinh-uy: Ban Tuyên giáo Tỉnh uỷ has no workbook"},
	} {
		code, _, errOut := runCLI(t, append(append([]string{"render", "-o", dir}, c.args...), edited)...)
		if code != 1 || !strings.Contains(errOut, c.want) || snapshot(t, dir) != before {
			t.Errorf("render %v: exit %d, want 1, the folder untouched and %q:\n%s", c.args, code, c.want, errOut)
		}
	}
}

// Editing one department's task changes its workbook and leaves every
// other department's bytes alone; the edited workbook still returns.
func TestWorkbookChangesOnlyWithWhatItShows(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCLI(t, "render", "-o", dir); code != 0 {
		t.Fatalf("first render: exit %d\n%s", code, errOut)
	}
	edited := bundledPlanWith(t, "Lễ tổng kết, trao giải Cuộc thi", "Lễ tổng kết và trao giải Cuộc thi")
	code, out, errOut := runCLI(t, "render", "-o", dir, edited)
	if code != 0 {
		t.Fatalf("render: exit %d\n%s", code, errOut)
	}
	var changed []string
	for _, line := range strings.Split(out, "\n") {
		if p, ok := strings.CutPrefix(line, "  changed: "); ok {
			changed = append(changed, p)
		}
	}
	want := "annex.pdf departments/ban-khcn-tvpb.xlsx overview.xlsx quarterly/q1.pdf quarterly/q1.xlsx"
	if strings.Join(changed, " ") != want {
		t.Errorf("changed files:\n got %s\nwant %s", strings.Join(changed, " "), want)
	}
}

// The change report prints the manifest's paths the system's way: on
// Windows with backslashes, as Explorer shows them.
func TestChangesArePrintedWithTheSystemsSeparator(t *testing.T) {
	defer func(f func(string) string) { nativePath = f }(nativePath)
	nativePath = func(p string) string { return strings.ReplaceAll(p, "/", `\`) }
	var out strings.Builder
	printChanges(&out, render.Changes{New: []string{"quarterly/q1.pdf"}, Changed: []string{"departments/van-phong.xlsx"}, Removed: []string{"departments/ban-a.xlsx"}})
	want := "since the previous render: 1 new, 1 changed, 0 unchanged, 1 removed\n  new: quarterly\\q1.pdf\n  changed: departments\\van-phong.xlsx\n  removed: departments\\ban-a.xlsx\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}
