package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeFile writes content to name in a new temporary folder.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// What check passes, render renders: a character the font lacks is a
// check error at its place, and render refuses it with the same line.
func TestCheckAndRenderAgreeOnMissingCharacters(t *testing.T) {
	raw, err := os.ReadFile("../../data/plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	plan := writeFile(t, "plan.toml", strings.Replace(string(raw), "Thông qua phương án kiện toàn", "Thông qua 🎉 phương án kiện toàn", 1))
	line := 1 + strings.Count(strings.SplitN(string(raw), "Thông qua phương án kiện toàn", 2)[0], "\n")
	want := plan + ":" + strconv.Itoa(line) + ":11: task 1: the character '🎉' (U+1F389) is not in the font (embedded Liberation Serif, regular)"

	code, out, errOut := runCLI(t, "check", plan)
	if code != 1 || !strings.Contains(out, "\n"+want) || !strings.Contains(errOut, "1 error, 1 warning") {
		t.Errorf("check: exit %d\n%s%s\nwant exit 1 and a line starting %q", code, out, errOut, want)
	}
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut = runCLI(t, "render", "-o", dir, plan)
	if code != 1 || out != "" || !strings.Contains(errOut, want) || !strings.Contains(errOut, "no output written: 1 error") {
		t.Errorf("render: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("render wrote into %s", dir)
	}
}

func TestBadTemplateKeyIsPlacedInItsFile(t *testing.T) {
	tpl := writeFile(t, "quarterly.toml", "[table]\nsize = 12\ngroup_by = \"month\"\n")
	want := tpl + ":3:1: unknown key table.group_by; no document uses it"
	for _, args := range [][]string{{"check", "-templates", filepath.Dir(tpl)}, {"render", "-templates", filepath.Dir(tpl), "-o", t.TempDir()}} {
		code, out, errOut := runCLI(t, args...)
		if code != 1 || !strings.Contains(out+errOut, want) {
			t.Errorf("%s: exit %d\n%s%s\nwant exit 1 and %q", args[0], code, out, errOut, want)
		}
	}
}

// An imported plan's problems name the file it is written to, so the
// clerk can open it at the line; one problem is "1 error".
func TestImportNamesProblemsAfterThePlanFile(t *testing.T) {
	src := writeFile(t, "bang.tsv", "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2021 CỦA LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA\n(Ban hành kèm theo Quyết định số 313 /QĐ-LHH ngày 31/12/2020 của Chủ tịch Liên hiệp hội Thanh Hoá)\nTT\tNội dung công việc\tThời gian thực hiện\tBộ phận tham mưu, thực hiện\n1\tHọp tổng kết\tTháng 13\tVăn phòng\n2\tHọp sơ kết\tTháng 6\tVăn phòng\n")
	out := filepath.Join(t.TempDir(), "ke-hoach.toml")
	code, _, stderr := runCLI(t, "import", "-o", out, src)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "plandoc check finds 1 error in the imported plan") || !strings.Contains(stderr, "  "+out+":") || strings.Contains(stderr, "imported plan:") {
		t.Errorf("import report:\n%s\nwant one error, named %s:LINE:COL", stderr, out)
	}
}

// An empty -o is a usage error, never a render into the current folder.
func TestRenderRefusesAnEmptyOutputFolder(t *testing.T) {
	code, out, errOut := runCLI(t, "render", "-o", "")
	if code != 2 || out != "" || !strings.Contains(errOut, "-o needs a folder to write into") {
		t.Errorf("render -o \"\": exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat("manifest.json"); !os.IsNotExist(err) {
		t.Errorf("a manifest was written into the current folder")
	}
}

// A report date outside the plan's year is refused before anything is written.
func TestAsOfOutsideThePlanYearIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runCLI(t, "render", "-o", dir, "-as-of", "2022-01-05")
	if code != 2 || !strings.Contains(errOut, "-as-of 2022-01-05 is outside 2021, the year the plan covers") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("render wrote into %s", dir)
	}
}

// A Word, Excel or OpenDocument table given where the plan belongs gets
// one message saying what it is and what to run, from check and render
// alike, whatever the file is called; render writes nothing.
func TestOfficeFileGivenAsPlanSaysToImport(t *testing.T) {
	cases := map[string]string{
		"office-word.toml":  "this is a Word file (.docx); a plan is a .toml file: run plandoc import -o plan.toml ",
		"office-excel.toml": "this is an Excel file (.xlsx); a plan is a .toml file: run plandoc import -o plan.toml ",
		"office-odt.toml":   "this is an OpenDocument text file (.odt)",
	}
	for fixture, want := range cases {
		raw, err := os.ReadFile(filepath.Join("../../data/testdata/bad", fixture))
		if err != nil {
			t.Fatal(err)
		}
		table := writeFile(t, "chuong-trinh.docx", string(raw))
		code, out, _ := runCLI(t, "check", table)
		if code != 1 || !strings.HasPrefix(out, table+":1:1: "+want) || strings.Count(out, "\n") != 1 {
			t.Errorf("check %s: exit %d\n%s", fixture, code, out)
		}
		dir := filepath.Join(t.TempDir(), "out")
		code, _, errOut := runCLI(t, "render", "-o", dir, table)
		if code != 1 || !strings.Contains(errOut, table+":1:1: "+want) {
			t.Errorf("render %s: exit %d\n%s", fixture, code, errOut)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("render of %s wrote into %s", fixture, dir)
		}
	}
}

// The command an unknown table's error ends with is one the CLI runs.
func TestImportColumnsFlag(t *testing.T) {
	src := writeFile(t, "bang.txt", "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2021\n(Ban hành kèm theo Quyết định số 05/QĐ-LHH ngày 20 tháng 12 năm 2020 của Chủ tịch Liên hiệp hội Thanh Hóa)\n"+
		"Số\tTên gọi văn bản\tCơ quan soạn thảo\tNgày dự kiến trình ban hành\n1\tQuy chế làm việc\tVăn phòng\tTháng 3\n")
	code, _, errOut := runCLI(t, "import", src)
	if code != 1 || !strings.Contains(errOut, `say which column is which: plandoc import -columns 'tt="Số",content="Tên gọi văn bản",units="Cơ quan soạn thảo",time="Ngày dự kiến trình ban hành"'`) {
		t.Fatalf("without -columns: exit %d\n%s", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "plan.toml")
	code, _, errOut = runCLI(t, "import", "-columns", `tt="Số",content="Tên gọi văn bản",units="Cơ quan soạn thảo",time="Ngày dự kiến trình ban hành"`, "-o", out, src)
	raw, _ := os.ReadFile(out)
	if code != 0 || !strings.Contains(string(raw), `content = "Quy chế làm việc"`) {
		t.Errorf("with -columns: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "import", "-columns", `noidung="Tên"`, src); code != 2 || !strings.Contains(errOut, `-columns: no column "noidung"`) {
		t.Errorf("a bad -columns: exit %d\n%s", code, errOut)
	}
}

// import -like takes last year's ids; a broken last-year plan is refused
// with its own problems before anything is read.
func TestImportLike(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.toml")
	code, _, errOut := runCLI(t, "import", "-like", "../../data/plans/lhh-thanh-hoa-2021.toml", "-o", out, "../../data/testdata/seed-2021.txt")
	raw, _ := os.ReadFile(out)
	if code != 0 || !strings.Contains(string(raw), "id = \"clb-ham-rong\"") || !strings.Contains(string(raw), "external = true") {
		t.Errorf("import -like: exit %d\n%s", code, errOut)
	}
	bad := writeFile(t, "last.toml", "schema = 1\n[organisation]\nname = 1\n")
	code, _, errOut = runCLI(t, "import", "-like", bad, "../../data/testdata/seed-2021.txt")
	if code != 1 || !strings.Contains(errOut, "-like "+bad+" is not a plan plandoc can use; fix it first") || !strings.Contains(errOut, bad+":3:") {
		t.Errorf("a bad -like plan: exit %d\n%s", code, errOut)
	}
}

// Another plan's outputs are not written over unasked: the folder is left
// as it was, and -force replaces them.
func TestRenderKeepsAnotherPlansOutputs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCLI(t, "render", "-o", dir); code != 0 {
		t.Fatalf("first render: exit %d\n%s", code, errOut)
	}
	before, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../../data/plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	school := writeFile(t, "truong.toml", strings.Replace(string(raw), `name = "Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa"`, `name = "Trường THCS Lê Lợi"`, 1))
	code, out, errOut := runCLI(t, "render", "-o", dir, school)
	want := "plandoc render: no output written: " + dir + " holds the outputs of another plan, Chương trình công tác năm 2021 (Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa); choose another -o, or add -force to replace them\n"
	if code != 1 || out != "" || !strings.HasSuffix(errOut, "\n"+want) {
		t.Errorf("render over another plan: exit %d\n%s%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); string(after) != string(before) {
		t.Errorf("the refused render changed the folder")
	}
	if code, _, errOut := runCLI(t, "render", "-o", dir, "-force", school); code != 0 {
		t.Errorf("render -force: exit %d\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); !strings.Contains(string(after), `"organisation": "Trường THCS Lê Lợi"`) {
		t.Errorf("-force did not replace the outputs:\n%.300s", after)
	}
}

// A render says which files differ from the previous one's: the ones the
// clerk sends again.
func TestRenderSaysWhatChanged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, out, _ := runCLI(t, "render", "-o", dir)
	if code != 0 || strings.Contains(out, "since the previous render") {
		t.Fatalf("first render: exit %d; it has no previous render to compare with:\n%s", code, out)
	}
	files := strings.Count(out, "wrote ")
	code, out, _ = runCLI(t, "render", "-o", dir)
	if want := fmt.Sprintf("since the previous render: 0 new, 0 changed, %d unchanged, 0 removed\n", files-1); code != 0 || !strings.HasSuffix(out, want) {
		t.Errorf("the same render again: exit %d; want it to end %q:\n%s", code, want, out)
	}
	raw, err := os.ReadFile("../../data/plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	edited := writeFile(t, "plan.toml", strings.Replace(string(raw), "Thông qua phương án kiện toàn", "Thông qua phương án củng cố", 1))
	code, out, _ = runCLI(t, "render", "-o", dir, edited)
	if code != 0 || !strings.Contains(out, "\n  changed: annex.pdf\n") || !strings.Contains(out, " 0 new, ") || strings.Contains(out, "  new: ") {
		t.Errorf("an edited task: exit %d\n%s", code, out)
	}
}
