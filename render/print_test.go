package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// libreOfficePDFs prints workbooks to PDF with LibreOffice headless, each
// with its own page setup, as a department printing its sheet would.
func libreOfficePDFs(t *testing.T, books map[string][]byte) map[string][]byte {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("soffice is not installed; run .ci/run's apt-get line (libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	args := []string{"--headless", "--norestore", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}
	for name, content := range books {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command("soffice", args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdfs := map[string][]byte{}
	for name := range books {
		raw, err := os.ReadFile(filepath.Join(dir, "pdf", name+".pdf"))
		if err != nil {
			t.Fatalf("LibreOffice made no PDF of %s: %v", name, err)
		}
		pdfs[name] = raw
	}
	return pdfs
}

var wordBox = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)

// medianWordHeight is the median height, in points, of the words poppler
// finds in a PDF: how large the text prints.
func medianWordHeight(t *testing.T, pdf []byte) float64 {
	t.Helper()
	html := outside(t, "pdf", [][]byte{pdf}, "pdftotext", "-bbox", "{}", "-")
	var heights []float64
	for _, m := range wordBox.FindAllStringSubmatch(html, -1) {
		y0, _ := strconv.ParseFloat(m[2], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		heights = append(heights, y1-y0)
	}
	if len(heights) < 50 {
		t.Fatalf("only %d words in the printed workbook", len(heights))
	}
	sort.Float64s(heights)
	return heights[len(heights)/2]
}

// TestWorkbooksPrintReadably prints a department's workbook, the overview
// and a quarterly workbook through LibreOffice: the tasks' text prints at
// about its 12 pt (it printed at 7.5 pt fitted to one page wide), the
// guide's lines print whole, the signature blocks and the live totals'
// values print under the tables, and the chart has a page to itself.
func TestWorkbooksPrintReadably(t *testing.T) {
	p := bundledPlan(t)
	res, err := Build(p, Options{Quarter: 1})
	if err != nil {
		t.Fatal(err)
	}
	books := map[string][]byte{}
	units := map[string]string{}
	for _, f := range res.Files {
		switch {
		case f.Kind == "department":
			books[f.Unit.ID] = f.Data()
			units[f.Unit.ID] = f.Unit.Name
		case f.Path == "overview.xlsx":
			books["overview"] = f.Data()
		case f.Path == "quarterly/q1.xlsx":
			books["q1"] = f.Data()
		}
	}
	if len(units) != 6 {
		t.Fatalf("%d department workbooks; want 6", len(units))
	}
	pdfs := libreOfficePDFs(t, books)
	for name, pdf := range pdfs {
		if h := medianWordHeight(t, pdf); h < 11 {
			t.Errorf("%s prints its words %.1f pt high (median); want at least 11 (10 pt type)", name, h)
		}
	}
	k := testKit(t, p, "")
	for id, unit := range units {
		text := squash(pdftext(t, pdfs[id], 0, 0))
		for i, line := range k.set.Workbook.Guide.Lines {
			want := squash(strconv.Itoa(i+1) + ". " + line.Fill(map[string]string{"unit": unit, "year": "2021", "sheet_lead": "Chủ trì", "sheet_partner": "Phối hợp"}))
			if !strings.Contains(text, want) {
				t.Errorf("%s: the printed guide lacks line %d whole: %q", id, i+1, want)
			}
		}
		if strings.Count(text, "NGƯỜI LẬP BIỂU") != 2 {
			t.Errorf("%s: want the signature blocks under both task sheets", id)
		}
	}
	text := squash(pdftext(t, pdfs["van-phong"], 0, 0))
	lead := 0
	for i := range p.Tasks {
		if slices.Contains(p.Tasks[i].Units, "van-phong") {
			lead++
		}
	}
	for _, want := range []string{"NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "Thanh Hóa, ngày ….. tháng ….. năm 2021",
		"Số nhiệm vụ theo tình trạng", "Chưa chọn tình trạng"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed department sheet lacks %q", want)
		}
	}
	if strings.Contains(text, "plandoc:") || strings.Contains(text, p.Tasks[0].Key()) {
		t.Errorf("the hidden key column prints")
	}
	// The chart's page: its title, every month of its key and every unit
	// under its bars stand on one page, and nothing else does.
	pages := strings.Split(pdftext(t, pdfs["q1"], 0, 0), "\f")
	chartPage := -1
	for i, page := range pages {
		if strings.Contains(squash(page), "Số nhiệm vụ chủ trì theo đơn vị và tháng") {
			chartPage = i
		}
	}
	if chartPage < 0 {
		t.Fatal("no page of q1 holds the chart's title")
	}
	page := squash(pages[chartPage])
	for _, want := range []string{"Tháng 1", "Tháng 2", "Tháng 3", "Văn phòng"} {
		if !strings.Contains(page, want) {
			t.Errorf("the chart's page lacks %q: the chart does not print whole", want)
		}
	}
	if strings.Contains(page, "Tổng cộng") || strings.Contains(page, "TT") {
		t.Errorf("the chart shares its page with a table: %q", page)
	}
}

// TestTotalsAreLiveAndTheirValuesRight reads a department's totals with
// openpyxl twice: as formulas, and as the values a reader that does not
// calculate sees.
func TestTotalsAreLiveAndTheirValuesRight(t *testing.T) {
	p := bundledPlan(t)
	res, err := Build(p, Options{Quarter: 1})
	if err != nil {
		t.Fatal(err)
	}
	var book []byte
	for _, f := range res.Files {
		if f.Path == "departments/van-phong.xlsx" {
			book = f.Data()
		}
	}
	script := `import openpyxl, sys
for data_only in (False, True):
    ws = openpyxl.load_workbook(sys.argv[1], data_only=data_only)["Chủ trì"]
    for row in ws.iter_rows(values_only=True):
        if row[1] in ("Số nhiệm vụ theo tình trạng", "Hoàn thành", "Chưa chọn tình trạng"):
            print(row[1], "|", row[7])
        if row[0] == "NGƯỜI LẬP BIỂU" and not data_only:
            print(row[0], "|", row[7])`
	out := outside(t, "xlsx", [][]byte{book}, systemPython, "-c", script, "{}")
	lead := 0
	for i := range p.Tasks {
		if slices.Contains(p.Tasks[i].Units, "van-phong") {
			lead++
		}
	}
	n := strconv.Itoa(lead)
	want := "Số nhiệm vụ theo tình trạng | =ROWS($H$6:$H$34)\nHoàn thành | =COUNTIF($H$6:$H$34,\"Hoàn thành\")\nChưa chọn tình trạng | =COUNTBLANK($H$6:$H$34)\nNGƯỜI LẬP BIỂU | THỦ TRƯỞNG ĐƠN VỊ\n" +
		"Số nhiệm vụ theo tình trạng | " + n + "\nHoàn thành | 0\nChưa chọn tình trạng | " + n + "\n"
	if out != want {
		t.Errorf("totals read by openpyxl:\n%s\nwant\n%s", out, want)
	}
	// LibreOffice calculates them: its CSV of the first sheet holds the values.
	dir := t.TempDir()
	path := filepath.Join(dir, "van-phong.xlsx")
	os.WriteFile(path, book, 0o644)
	cmd := exec.Command("soffice", "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "van-phong.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{`,"Số nhiệm vụ theo tình trạng",,,,,,` + n + `,`, `,"Hoàn thành",,,,,,0,`, `,"Chưa chọn tình trạng",,,,,,` + n + `,`} {
		if !strings.Contains(string(csv), line) {
			t.Errorf("LibreOffice's values lack %q", line)
		}
	}
}

// The overview's counts are live: a month struck off a task in the
// timeline (by openpyxl, which keeps formulas and drops their values)
// changes them when LibreOffice calculates the workbook.
func TestOverviewCountsFollowTheTimeline(t *testing.T) {
	p := bundledPlan(t)
	content, err := overviewWorkbook(p, testKit(t, p, ""))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "overview.xlsx")
	os.WriteFile(path, content, 0o644)
	// Task 1 (Văn phòng, January): its January mark goes.
	edit := `import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Tiến độ"]
assert ws["D6"].value == "x", ws["D6"].value
ws["D6"].value = None
wb.save(sys.argv[1])`
	if out, err := exec.Command(systemPython, "-c", edit, path).CombinedOutput(); err != nil {
		t.Fatalf("editing the timeline: %v\n%s", err, out)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "overview-Tổng hợp.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Văn phòng leads 4 tasks in January in the plan; 3 once one is struck
	// off. Its total (29, by the hidden lead column) stays; the plan's
	// January count drops from 7 to 6.
	for _, want := range []string{"\nVăn phòng,3,2,5,", ",29,5\n", "\nTổng số nhiệm vụ,6,5,11,"} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("LibreOffice's summary lacks %q:\n%s", want, csv)
		}
	}
}
