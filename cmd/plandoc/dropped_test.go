package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// seedWorkbook is the 2021 program's text laid out in an Excel sheet, as
// an office keeps it: one row per line, one cell per tab-separated column.
func seedWorkbook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	for i, line := range strings.Split(string(readFile(t, "../../data/testdata/seed-2021.txt")), "\n") {
		cells := []any{}
		for _, c := range strings.Split(line, "\t") {
			cells = append(cells, c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// A plan dropped onto plandoc renders into a folder beside it, with the
// run's report in plandoc.txt.
func TestDroppedPlanRendersBesideIt(t *testing.T) {
	plan := filepath.Join(t.TempDir(), "ke-hoach.toml")
	copyFile(t, "../../data/plans/lhh-thanh-hoa-2021.toml", plan)
	t.Setenv("LC_ALL", "vi_VN.UTF-8")
	code, out, errOut := runCLI(t, plan)
	dir := filepath.Join(filepath.Dir(plan), "ke-hoach-plandoc")
	if code != 0 || !strings.Contains(out, "đã ghi "+filepath.Join(dir, "annex.pdf")) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	m := readManifest(t, dir, "plandoc.txt")
	if len(m.Files) != 18 {
		t.Errorf("the folder's manifest lists %d files, want 18", len(m.Files))
	}
	summary := string(readFile(t, filepath.Join(dir, "plandoc.txt")))
	for _, want := range []string{"\uFEFFplandoc ", "cảnh báo: ngày quyết định 2021-12-31", "đã ghi " + filepath.Join(dir, "manifest.json"), "Đã xong. Hãy xem lại"} {
		if !strings.Contains(summary, want) {
			t.Errorf("plandoc.txt lacks %q:\n%s", want, summary)
		}
	}
}

// A table dropped onto plandoc is imported into the folder, then
// rendered; a second drop keeps the plan the clerk may have corrected.
func TestDroppedTableImportsThenRenders(t *testing.T) {
	table := filepath.Join(t.TempDir(), "chuong-trinh.xlsx")
	seedWorkbook(t, table)
	code, out, errOut := runCLI(t, table)
	dir := filepath.Join(filepath.Dir(table), "chuong-trinh-plandoc")
	plan := filepath.Join(dir, "chuong-trinh.toml")
	if code != 0 || !strings.Contains(errOut, "wrote "+plan) || !strings.Contains(out, "wrote "+filepath.Join(dir, "annex.pdf")) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	summary := string(readFile(t, filepath.Join(dir, "plandoc.txt")))
	for _, want := range []string{"inferences to confirm", "read as 2 units leading jointly", "wrote " + plan, "Done. Check the lines above"} {
		if !strings.Contains(summary, want) {
			t.Errorf("plandoc.txt lacks %q:\n%s", want, summary)
		}
	}
	// The clerk corrects the imported plan, then drops the table again.
	corrected := strings.Replace(string(readFile(t, plan)), "Thông qua phương án kiện toàn", "Thông qua phương án củng cố", 1)
	if err := os.WriteFile(plan, []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, table)
	if code != 0 || string(readFile(t, plan)) != corrected || !strings.Contains(out, "is rendered as it is, and the table is not imported again") ||
		!strings.Contains(out, "  changed: annex.pdf") {
		t.Errorf("second drop: exit %d, the corrected plan kept: %v\n%s%s", code, string(readFile(t, plan)) == corrected, out, errOut)
	}
}

// A broken plan dropped says why in plandoc.txt, and writes no document.
func TestDroppedBadPlanSaysWhy(t *testing.T) {
	plan := bundledPlanWith(t, `units = ["ban-khcn-tvpb"]`, `units = ["ban-khcn-tvbp"]`)
	code, _, _ := runCLI(t, plan)
	dir := filepath.Join(filepath.Dir(plan), "plan-plandoc")
	summary := string(readFile(t, filepath.Join(dir, "plandoc.txt")))
	if code != 1 || !strings.Contains(summary, `unknown unit "ban-khcn-tvbp"; did you mean "ban-khcn-tvpb"?`) || !strings.Contains(summary, "Not done: fix what the lines above name") {
		t.Errorf("exit %d\n%s", code, summary)
	}
	if _, err := os.Stat(filepath.Join(dir, "annex.pdf")); !os.IsNotExist(err) {
		t.Errorf("a document was written for a broken plan")
	}
}

// Started from Explorer, plandoc waits for Enter before its window closes;
// from a terminal it does not.
func TestWaitForKey(t *testing.T) {
	var out bytes.Buffer
	in := strings.NewReader("\nmore")
	waitForKey(true, in, &out)
	if out.String() != "Press Enter to close this window." {
		t.Errorf("prompt %q", out.String())
	}
	out.Reset()
	waitForKey(false, strings.NewReader(""), &out)
	if out.Len() != 0 {
		t.Errorf("waited in a terminal: %q", out.String())
	}
	if string(notepadText("a\nb\n", true)) != "\uFEFFa\r\nb\r\n" || string(notepadText("a\n", false)) != "\uFEFFa\n" {
		t.Errorf("notepadText")
	}
}
