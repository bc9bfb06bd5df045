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

// TestVietnameseGuideCommands runs every plandoc command of README's
// Vietnamese guide, in order, in a folder holding what the guide says the
// clerk has: the program as an Excel table, and later the workbooks the
// departments sent back.
func TestVietnameseGuideCommands(t *testing.T) {
	readme := string(readFile(t, "../../README.md"))
	start := strings.Index(readme, "## Hướng dẫn sử dụng")
	end := strings.Index(readme[start+1:], "\n## ")
	if start < 0 || end < 0 {
		t.Fatal("README has no section ## Hướng dẫn sử dụng")
	}
	guide := readme[start : start+1+end]
	for _, heading := range []string{"### Cài đặt trên Windows", "### Nhập bảng từ Word/Excel", "### Kiểm tra", "### Xuất văn bản", "### Gửi và nhận lại bảng tính", "plandoc.exe", "go build -o plandoc.exe ./cmd/plandoc"} {
		if !strings.Contains(guide, heading) {
			t.Errorf("the guide lacks %q", heading)
		}
	}
	var commands [][]string
	for _, block := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(guide, -1) {
		for _, line := range strings.Split(block[1], "\n") {
			line, _, _ = strings.Cut(line, "#")
			if fields := strings.Fields(line); len(fields) > 0 && fields[0] == "plandoc" {
				commands = append(commands, fields[1:])
			}
		}
	}
	if len(commands) < 7 {
		t.Fatalf("found %d plandoc commands in the guide; want its 7", len(commands))
	}
	dir := t.TempDir()
	seedWorkbook(t, filepath.Join(dir, "chuong-trinh-2021.xlsx"))
	t.Chdir(dir)
	for _, args := range commands {
		if args[0] == "collect" {
			// What came back: every department's workbook, one of them renamed.
			if err := os.Mkdir("bang-tra-ve", 0o755); err != nil {
				t.Fatal(err)
			}
			entries, err := os.ReadDir(filepath.Join("van-ban", "departments"))
			if err != nil || len(entries) == 0 {
				t.Fatalf("no workbooks to send back: %v", err)
			}
			for i, e := range entries {
				name := e.Name()
				if i == 0 {
					name = "Bao cao cua Van phong.xlsx"
				}
				copyFile(t, filepath.Join("van-ban", "departments", e.Name()), filepath.Join("bang-tra-ve", name))
			}
		}
		code, out, errOut := runCLI(t, append([]string{"-lang", "vi"}, args...)...)
		if code != 0 {
			t.Errorf("plandoc %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		if strings.Contains(out+errOut, " the ") {
			t.Errorf("plandoc -lang vi %s printed English:\n%s%s", strings.Join(args, " "), out, errOut)
		}
	}
	for _, f := range []string{"ke-hoach-2021.toml", "tien-do.toml", "van-ban/annex.pdf", "van-ban/departments/van-phong.xlsx", "van-ban/quarterly/year.pdf"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the guide's commands did not make %s: %v", f, err)
		}
	}
}
