package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestColumnsTemplateReachesEveryOutput renames one heading and drops two
// columns in columns.toml alone, then reads every output back with the
// outside readers: the annex and the reports (pdftotext) and every
// workbook (openpyxl) must show the new heading and neither dropped column.
func TestColumnsTemplateReachesEveryOutput(t *testing.T) {
	dir := t.TempDir()
	cols := `[[column]]
field = "tt"
heading = "TT"

[[column]]
field = "content"
heading = "Nội dung công việc"

[[column]]
field = "time"
heading = "Thời gian thực hiện"

[[column]]
field = "units"
heading = "Cơ quan chủ trì"

[[column]]
field = "partners"
heading = "Đơn vị phối hợp"
`
	if err := os.WriteFile(filepath.Join(dir, "columns.toml"), []byte(cols), 0o644); err != nil {
		t.Fatal(err)
	}
	p := bundledPlan(t)
	res, err := Build(p, Options{TemplatesDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	// What only the dropped columns print: their headings, and the
	// presiding people's names (no other part of the 2021 plan names them).
	gone := []string{"Bộ phận tham mưu, thực hiện", "Người chủ trì", "Cấp thông qua", "Nguyễn Văn Phát", "Nguyễn Quốc Uy"}
	var books [][]byte
	var bookNames []string
	pdfs := 0
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".xlsx") {
			books = append(books, f.Data())
			bookNames = append(bookNames, f.Path)
			continue
		}
		pdfs++
		text := squash(pdftext(t, f.Data(), 0, 0))
		// The year's report lists tasks only when returns were collected.
		if !strings.Contains(text, "Cơ quan chủ trì") && f.Path != "quarterly/year.pdf" {
			t.Errorf("%s lacks the renamed heading", f.Path)
		}
		for _, g := range gone {
			if strings.Contains(text, g) {
				t.Errorf("%s still prints %q", f.Path, g)
			}
		}
	}
	if pdfs != 6 || len(books) != 12 {
		t.Fatalf("%d PDFs and %d workbooks; want 6 and 12", pdfs, len(books))
	}
	for i, d := range dumpBooks(t, books...) {
		found := false
		for name, s := range d.Sheet {
			for _, row := range s.Rows {
				for _, cell := range row {
					text, _ := cell.(string)
					if text == "Cơ quan chủ trì" {
						found = true
					}
					for _, g := range gone {
						if strings.Contains(text, g) {
							t.Errorf("%s, sheet %s: a cell still holds %q", bookNames[i], name, text)
						}
					}
				}
			}
		}
		if !found && bookNames[i] != "quarterly/year.xlsx" {
			t.Errorf("%s: no sheet heads a column Cơ quan chủ trì", bookNames[i])
		}
	}
}
