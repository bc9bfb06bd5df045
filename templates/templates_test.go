package templates

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*.want from the loader's output (review the diff!)")

func writeTemplates(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEmbeddedTemplatesLoad(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, c := range s.Annex.Table.Columns {
		fields = append(fields, c.Field)
	}
	if !slices.Equal(fields, data.FieldNames()) || s.Annex.Table.Columns[3].Heading != "Bộ phận tham mưu, thực hiện" || s.Annex.Table.Columns[1].Width != 88 || s.Annex.Page.MarginLeft != 30 {
		t.Errorf("annex columns = %+v", s.Annex.Table.Columns)
	}
	if !slices.Equal(s.Quarterly.Table.Columns, s.Annex.Table.Columns) {
		t.Errorf("the reports' columns %+v differ from the annex's", s.Quarterly.Table.Columns)
	}
	if len(s.Workbook.Tasks.Columns) != 7 || s.Workbook.Sheets.Lead != "Chủ trì" || len(s.Columns.Progress.StatusOptions) != 5 || len(s.Workbook.Guide.Lines) == 0 {
		t.Errorf("workbook template = %+v", s.Workbook)
	}
	if s.Quarterly.Heading.Type != "BÁO CÁO" {
		t.Errorf("quarterly template = %+v", s.Quarterly.Heading)
	}
}

// One heading in columns.toml heads the column in every document.
func TestOneHeadingForEveryDocument(t *testing.T) {
	cols := strings.Replace(string(must(builtin.ReadFile("columns.toml"))), "Bộ phận tham mưu, thực hiện", "Cơ quan chủ trì", 1)
	s, err := Load(writeTemplates(t, map[string]string{"columns.toml": cols}))
	if err != nil {
		t.Fatal(err)
	}
	for name, list := range map[string][]Column{"annex": s.Annex.Table.Columns, "quarterly": s.Quarterly.Table.Columns, "workbook": s.Workbook.Tasks.Columns} {
		if list[3].Field != "units" || list[3].Heading != "Cơ quan chủ trì" {
			t.Errorf("%s: units column %+v", name, list[3])
		}
	}
}

func TestOverridesKeepWhatTheyDoNotName(t *testing.T) {
	s, err := Load(writeTemplates(t, map[string]string{
		"annex.toml":    "[header]\nmotto = \"Độc lập - Tự do - Hạnh phúc\"\n[page]\nmargin_left = 35\n[table.width]\ncontent = 100\n",
		"columns.toml":  "[progress]\nstatus_options = [\"Chưa làm\", \"Đang làm\", \"Xong\", \"Lùi\", \"Bỏ\"]\n",
		"workbook.toml": "[tasks]\nfields = [\"tt\", \"content\"]\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Annex.Page.MarginLeft != 35 || s.Annex.Page.MarginTop != 20 || len(s.Annex.Table.Columns) != 7 || s.Annex.Table.Columns[1].Width != 100 || s.Annex.Table.Columns[0].Width != 10 {
		t.Errorf("override lost the embedded values: %+v %+v", s.Annex.Page, s.Annex.Table.Columns)
	}
	if strings.Join(s.Columns.Progress.StatusOptions, "|") != "Chưa làm|Đang làm|Xong|Lùi|Bỏ" || s.Columns.Progress.Status != "Tình trạng" || len(s.Columns.Column) != 7 {
		t.Errorf("a list given replaces the embedded one whole, others stay: %+v", s.Columns)
	}
	if len(s.Workbook.Tasks.Columns) != 2 || len(s.Annex.Table.Columns) != 7 {
		t.Errorf("the workbook's own fields must change the workbooks only")
	}
	// A folder without a file keeps the embedded template.
	if _, err := Load(t.TempDir()); err != nil {
		t.Errorf("an empty templates folder: %v", err)
	}
}

func TestTextFillsItsPlaceholders(t *testing.T) {
	text := Text("Quý {quarter} năm {plan_year}, {unknown}")
	if got := text.Fill(Words{"quarter": "II", "plan_year": "2021"}); got != "Quý II năm 2021, {unknown}" {
		t.Errorf("Fill = %q", got)
	}
	if got := Text("không có").Fill(nil); got != "không có" {
		t.Errorf("Fill without placeholders = %q", got)
	}
}

// TestBadTemplates runs the catalogue: testdata/bad/NAME.FILE.toml is laid
// out as FILE.toml in a templates folder (a case may have several files),
// and loading it must give exactly the problems in NAME.want.
func TestBadTemplates(t *testing.T) {
	for _, lang := range []msg.Lang{msg.English, msg.Vietnamese} {
		t.Run(string(lang), func(t *testing.T) {
			msg.Use(lang)
			defer msg.Use(msg.English)
			badTemplates(t, lang)
		})
	}
}

func badTemplates(t *testing.T, lang msg.Lang) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]map[string]string{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".toml")
		name, doc, ok := strings.Cut(base, ".")
		if !ok {
			t.Fatalf("%s: name it NAME.FILE.toml, FILE being annex, columns, quarterly or workbook", f)
		}
		if cases[name] == nil {
			cases[name] = map[string]string{}
		}
		cases[name][doc+".toml"] = string(must(os.ReadFile(f)))
	}
	if len(cases) < 20 {
		t.Fatalf("the catalogue has %d cases; it needs at least 20", len(cases))
	}
	for name, docs := range cases {
		t.Run(name, func(t *testing.T) {
			dir := writeTemplates(t, docs)
			_, err := Load(dir)
			var pe *data.PlanError
			if !errors.As(err, &pe) {
				t.Fatalf("Load = %v; want the problems", err)
			}
			got := strings.ReplaceAll(pe.Error(), dir+string(filepath.Separator), "") + "\n"
			wantFile := filepath.Join("testdata", "bad", name+".want")
			if lang != msg.English {
				wantFile = filepath.Join("testdata", "bad", name+"."+string(lang)+".want")
			}
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := string(must(os.ReadFile(wantFile)))
			if got != want {
				t.Errorf("problems differ\n--- got\n%s--- want\n%s", got, want)
			}
			for _, p := range pe.Problems {
				if p.Line == 0 {
					t.Errorf("problem without a line: %s", p)
				}
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
