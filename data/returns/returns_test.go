package returns

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/render"
	"github.com/plandoc/plandoc/templates"
)

// departmentBook renders a plan and returns one unit's workbook, opened.
func departmentBook(t *testing.T, src, unit string) *excelize.File {
	t.Helper()
	p, probs := data.Parse("plan.toml", []byte(src))
	if p == nil {
		t.Fatal(probs)
	}
	res, err := render.Build(p, render.Options{Quarter: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.Path == "departments/"+unit+".xlsx" {
			wb, err := excelize.OpenReader(strings.NewReader(string(f.Data())))
			if err != nil {
				t.Fatal(err)
			}
			return wb
		}
	}
	t.Fatalf("no workbook for %s", unit)
	return nil
}

// A workbook sent before the plan changed: the tasks whose content is
// unchanged are taken, the changed one is listed; a date far outside the
// plan's year and the next is reported and left out.
func TestReturnOfAnEarlierPlanAndDatesOutsideTheWindow(t *testing.T) {
	raw, err := os.ReadFile("../plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	before := string(raw)
	wb := departmentBook(t, before, "ban-kiem-tra")
	for r, v := range map[int][]any{6: {"Hoàn thành", 44000.0}} { // 44000 is 18/06/2020
		wb.SetCellValue("Chủ trì", "H"+itoa(r), v[0])
		wb.SetCellValue("Chủ trì", "I"+itoa(r), v[1])
	}
	rows, _ := wb.GetRows("Phối hợp")
	for r := 6; r <= len(rows); r++ {
		wb.SetCellValue("Phối hợp", "H"+itoa(r), "Đang thực hiện")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "ban-kiem-tra.xlsx")
	if err := wb.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	// The plan changes one of the tasks on the partner sheet.
	changed := strings.Replace(before, "Thông qua phương án kiện toàn lại các ban", "Thông qua phương án kiện toàn các ban", 1)
	p, _ := data.Parse("plan.toml", []byte(changed))
	set, err := templates.Load("")
	if err != nil {
		t.Fatal(err)
	}
	res := Collect([]string{path}, Options{Plan: p, Columns: set.Columns, Workbook: set.Workbook})
	var lines []string
	for _, pr := range res.Problems {
		lines = append(lines, pr.String())
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		path + ": warning: made from an earlier version of the plan",
		path + ":Phối hợp:6: warning: task 1 is not in the plan any more (its content changed, or it was removed); not taken",
		path + ":Phối hợp: warning: task 1 is missing from the sheet",
		path + `:Chủ trì:6: warning: task 16: "Ngày hoàn thành" 2020-06-18 is outside 2021–2022`,
	} {
		if strings.Count(text, want) != 1 {
			t.Errorf("collect lacks, once, %q:\n%s", want, text)
		}
	}
	if res.Read != 1 || len(res.Facts) < 10 {
		t.Errorf("read %d, %d facts; the unchanged tasks must be taken", res.Read, len(res.Facts))
	}
	for _, f := range res.Facts {
		if f.TT == "16" && (!f.Done.IsZero() || f.Status != "Hoàn thành") {
			t.Errorf("task 16: %+v; want completed, its date left out", f)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestCellCoordinates(t *testing.T) {
	for ref, want := range map[string][2]int{"A1": {1, 1}, "L12": {12, 12}, "AB7": {28, 7}, "XFD1048576": {16384, 1048576}} {
		c, r, ok := cellCoordinates(ref)
		if !ok || c != want[0] || r != want[1] {
			t.Errorf("%s = %d, %d, %v", ref, c, r, ok)
		}
	}
	for _, bad := range []string{"", "A", "12", "A0", "a1", "XFE1", "A1048577", "A1B"} {
		if _, _, ok := cellCoordinates(bad); ok {
			t.Errorf("%q read as a cell", bad)
		}
	}
}

// A column the template adds is in the workbook, is read back with the
// others, and comes back prefilled in the next round.
func TestTemplateExtraColumnsAreCollected(t *testing.T) {
	tpl := t.TempDir()
	if err := os.WriteFile(filepath.Join(tpl, "columns.toml"), []byte("[progress]\nextra = [\"Kiến nghị\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := data.Parse("plan.toml", raw)
	res, err := render.Build(p, render.Options{Quarter: 1, TemplatesDir: tpl})
	if err != nil {
		t.Fatal(err)
	}
	var book []byte
	for _, f := range res.Files {
		if f.Path == "departments/ban-kiem-tra.xlsx" {
			book = f.Data()
		}
	}
	wb, err := excelize.OpenReader(strings.NewReader(string(book)))
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := wb.GetCellValue("Chủ trì", "L5"); h != "Kiến nghị" {
		t.Fatalf("the extra column's heading is %q; want it after the notes", h)
	}
	wb.SetCellValue("Chủ trì", "H6", "Đang thực hiện")
	wb.SetCellValue("Chủ trì", "L6", "Đề nghị bổ sung kinh phí")
	path := filepath.Join(t.TempDir(), "ban-kiem-tra.xlsx")
	if err := wb.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(tpl)
	if err != nil {
		t.Fatal(err)
	}
	got := Collect([]string{path}, Options{Plan: p, Columns: set.Columns, Workbook: set.Workbook})
	if len(got.Facts) != 1 || len(got.Facts[0].Extra) != 1 || got.Facts[0].Extra[0] != (progress.Field{Name: "Kiến nghị", Value: "Đề nghị bổ sung kinh phí"}) {
		t.Fatalf("facts %+v; problems %v", got.Facts, got.Problems)
	}
	rec := &progress.Progress{PlanSHA256: p.Source.SHA256, Entries: got.Facts}
	next, err := render.Build(p, render.Options{Quarter: 1, TemplatesDir: tpl, Progress: rec})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range next.Files {
		if f.Path == "departments/ban-kiem-tra.xlsx" {
			wb, _ := excelize.OpenReader(strings.NewReader(string(f.Data())))
			if v, _ := wb.GetCellValue("Chủ trì", "L6"); v != "Đề nghị bổ sung kinh phí" {
				t.Errorf("the next round's extra cell holds %q", v)
			}
		}
	}
}
