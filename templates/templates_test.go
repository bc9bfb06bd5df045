package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTemplate(t *testing.T, name, content string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEmbeddedTemplatesLoad(t *testing.T) {
	a, err := LoadAnnex("")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Table.Columns) != 7 || a.Table.Columns[3].Title != "Bộ phận tham mưu, thực hiện" || a.Page.MarginLeft != 30 {
		t.Errorf("annex template = %+v", a.Table.Columns)
	}
	w, err := LoadWorkbook("")
	if err != nil {
		t.Fatal(err)
	}
	if w.Sheets.Lead != "Chủ trì" || len(w.Columns.StatusOptions) != 5 || len(w.Guide.Lines) == 0 {
		t.Errorf("workbook template = %+v", w.Sheets)
	}
	q, err := LoadQuarterly("")
	if err != nil {
		t.Fatal(err)
	}
	if q.Heading.Type != "BÁO CÁO" || len(q.Table.Columns) != 7 {
		t.Errorf("quarterly template = %+v", q.Heading)
	}
}

func TestOverridesKeepWhatTheyDoNotName(t *testing.T) {
	a, err := LoadAnnex(writeTemplate(t, "annex.toml", "[header]\nmotto = \"Độc lập - Tự do - Hạnh phúc\"\n[page]\nmargin_left = 35\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Page.MarginLeft != 35 || a.Page.MarginTop != 20 || len(a.Table.Columns) != 7 {
		t.Errorf("override lost the embedded values: %+v %d columns", a.Page, len(a.Table.Columns))
	}
	w, err := LoadWorkbook(writeTemplate(t, "workbook.toml", "[columns]\nstatus_options = [\"Chưa làm\", \"Xong\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(w.Columns.StatusOptions, "|") != "Chưa làm|Xong" || len(w.Guide.Lines) == 0 {
		t.Errorf("a list given replaces the embedded one whole, others stay: %v, %d guide lines", w.Columns.StatusOptions, len(w.Guide.Lines))
	}
	// A folder without the file keeps the embedded template.
	if _, err := LoadQuarterly(t.TempDir()); err != nil {
		t.Errorf("a templates folder without quarterly.toml: %v", err)
	}
}

func TestBadTemplatesAreRefused(t *testing.T) {
	cases := []struct{ file, content, want string }{
		{"workbook.toml", "[sheets]\nleed = \"Chủ trì\"\n", "unknown key sheets.leed; see plandoc's templates/workbook.toml"},
		{"annex.toml", "[page]\nmargin_top = 10\n", "page.margin_top 10 mm is outside Decree 30's 20–25 mm"},
		{"annex.toml", "[title]\nreference = \"{so}\"\n", "unknown placeholder {so}"},
		{"annex.toml", "[tabel]\nsize = 12\n", "unknown key tabel; see plandoc's templates/annex.toml"},
		{"annex.toml", "[[table.columns]]\nfield = \"tt\"\ntitle = \"TT\"\nwidth = 10\nalign = \"center\"\n", "the content column is missing"},
		{"annex.toml", "[page\n", "annex.toml:2: expected '.' or ']'"},
		{"quarterly.toml", "[heading]\nsummary = \"Quý {quy}\"\n", "unknown placeholder {quy}"},
		{"quarterly.toml", "[sheets]\ntasks = \"Tổng hợp\"\n", "sheets.summary and sheets.tasks must differ"},
		{"workbook.toml", "[sheets]\nguide = \"Hướng dẫn?\"\n", `holds one of : \ / ? * [ ]`},
	}
	for _, c := range cases {
		dir := writeTemplate(t, c.file, c.content)
		var err error
		switch c.file {
		case "annex.toml":
			_, err = LoadAnnex(dir)
		case "quarterly.toml":
			_, err = LoadQuarterly(dir)
		default:
			_, err = LoadWorkbook(dir)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: error %v; want %q", c.file, c.content, err, c.want)
		}
	}
}
