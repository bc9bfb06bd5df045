package importer

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// odf packs an OpenDocument file as LibreOffice does: mimetype first,
// stored, then content.xml with the body given.
func odf(t testing.TB, mimetype, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(mimetype))
	w, err = zw.Create("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"><office:body>` + body + `</office:body></office:document-content>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func odfPara(text string) string { return `<text:p>` + escapeXML(text) + `</text:p>` }

// odfCellXML is a table cell whose lines are joined by line breaks; attrs
// may span it across columns or down rows.
func odfCellXML(attrs string, lines ...string) string {
	var parts []string
	for _, l := range lines {
		parts = append(parts, escapeXML(l))
	}
	return `<table:table-cell ` + attrs + `><text:p>` + strings.Join(parts, `<text:line-break/>`) + `</text:p></table:table-cell>`
}

const covered = `<table:covered-table-cell/>`

// The .odt of the table TestDocxTablesWithMergedCellsAndLineBreaks reads
// from Word, with ODF's merges (a heading spanning six columns, a unit
// cell spanning two rows), imports to the same plan.
func TestOdtImportsAsTheSameDocx(t *testing.T) {
	h := `<table:table-row>` + odfCellXML("", "TT") + odfCellXML("", "Nội dung", "công việc") + odfCellXML("", "Thời gian") +
		odfCellXML("", "Bộ phận tham mưu,", "thực hiện") + odfCellXML("", "Người chủ trì") + odfCellXML("", "Cấp thông qua") + `</table:table-row>`
	rows := `<table:table-row>` + odfCellXML(`table:number-columns-spanned="6"`, "I. CÔNG TÁC TỔ CHỨC") + strings.Repeat(covered, 5) + `</table:table-row>` +
		`<table:table-row>` + odfCellXML("", "1") + odfCellXML("", "Họp giao ban", "hằng tháng") + odfCellXML("", "Hằng tháng") +
		odfCellXML(`table:number-rows-spanned="2"`, "- Văn phòng", "- Ban Kiểm tra") + odfCellXML("", "Đ/c Nguyễn Văn A") + odfCellXML("", "Thường trực LHH") + `</table:table-row>` +
		`<table:table-row>` + odfCellXML("", "2") + odfCellXML("", "Tổng kết năm") + odfCellXML("", "Tháng 12") +
		covered + odfCellXML("", "Đ/c Nguyễn Văn A") + odfCellXML("", "Ban Thường vụ LHH") + `</table:table-row>`
	body := `<office:text>` + odfPara("LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA") + `<text:h>CHƯƠNG TRÌNH CÔNG TÁC NĂM<text:s/>2021</text:h>` +
		odfPara("(Ban hành kèm theo Quyết định số 05/QĐ-LHH ngày 20 tháng 12 năm 2020 của Chủ tịch Liên hiệp hội Thanh Hóa)") +
		`<table:table table:name="Bảng1"><table:table-header-rows>` + h + `</table:table-header-rows>` + rows + `</table:table>` +
		odfPara("Trong quá trình thực hiện, Thường trực có thể điều chỉnh cho phù hợp./.") + `</office:text>`
	res, p := importPlan(t, "plan.odt", odf(t, "application/vnd.oasis.opendocument.text", body))
	if p == nil {
		t.Fatalf("%v\n%s", res.Problems, res.TOML)
	}
	if len(p.Tasks) != 2 || p.Tasks[0].Content != "Họp giao ban\nhằng tháng" || len(p.Sections) != 1 {
		t.Fatalf("tasks %+v sections %+v", p.Tasks, p.Sections)
	}
	for i, task := range p.Tasks {
		if strings.Join(task.Units, ",") != "van-phong,ban-kiem-tra" {
			t.Errorf("task %d units %v: the cell spanning two rows must give both units to both tasks", i+1, task.Units)
		}
	}
	if p.Decision.Number != "05" || p.Decision.Date.String() != "2020-12-20" || !strings.HasPrefix(p.Program.Closing, "Trong quá trình") || p.Program.Year != 2021 {
		t.Errorf("heading %+v closing %q", p.Decision, p.Program.Closing)
	}
}

// A workbook LibreOffice Calc saves as .ods imports to the plan its .xlsx
// gives: the two-row header under merged cells, dates as displayed.
func TestOdsSavedByLibreOfficeImportsAsItsXlsx(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("soffice is not installed; run .ci/run's apt-get line (libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	xlsx := workbook(t, 5, "")
	if err := os.WriteFile(filepath.Join(dir, "bang.xlsx"), xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore", "--convert-to", "ods", "--outdir", dir, filepath.Join(dir, "bang.xlsx"))
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	ods, err := os.ReadFile(filepath.Join(dir, "bang.ods"))
	if err != nil {
		t.Fatalf("LibreOffice made no .ods: %v", err)
	}
	fromXlsx, err := Import("bang.xlsx", xlsx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromOds, err := Import("bang.ods", ods, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The first line names the source file; the rest must agree.
	_, want, _ := strings.Cut(string(fromXlsx.TOML), "\n")
	_, got, _ := strings.Cut(string(fromOds.TOML), "\n")
	if got != want {
		t.Errorf("the .ods gives another plan than its .xlsx\n--- .ods\n%s\n--- .xlsx\n%s", got, want)
	}
	if _, err := Import("bang.ods", ods, Options{Sheet: "Trang 2"}); err == nil || !strings.Contains(err.Error(), `no sheet named "Trang 2"; the sheets are "Sheet1"`) {
		t.Errorf("unknown sheet: %v", err)
	}
}

// seedAs lays the 2021 program's text out as a document body: its lines
// with tabs become the rows of one table, the others paragraphs.
func seedAs(t testing.TB, paragraph func(string) string, table func([][]string) string) string {
	var body strings.Builder
	var rows [][]string
	for _, line := range strings.Split(string(seed(t)), "\n") {
		switch {
		case strings.Contains(line, "\t"):
			rows = append(rows, strings.Split(line, "\t"))
		case strings.TrimSpace(line) == "":
		default:
			if rows != nil {
				body.WriteString(table(rows))
				rows = nil
			}
			body.WriteString(paragraph(line))
		}
	}
	if rows != nil {
		body.WriteString(table(rows))
	}
	return body.String()
}

func seedDocx(t testing.TB) []byte {
	return docx(t, seedAs(t, para, func(rows [][]string) string {
		var b strings.Builder
		b.WriteString(`<w:tbl>`)
		for _, r := range rows {
			b.WriteString(`<w:tr>`)
			for _, c := range r {
				b.WriteString(cellXML("", c))
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl>`)
		return b.String()
	}))
}

func seedOdt(t testing.TB) []byte {
	return odf(t, "application/vnd.oasis.opendocument.text", `<office:text>`+seedAs(t, odfPara, func(rows [][]string) string {
		var b strings.Builder
		b.WriteString(`<table:table table:name="Bảng1">`)
		for _, r := range rows {
			b.WriteString(`<table:table-row>`)
			for _, c := range r {
				b.WriteString(odfCellXML("", c))
			}
			b.WriteString(`</table:table-row>`)
		}
		b.WriteString(`</table:table>`)
		return b.String()
	})+`</office:text>`)
}

// The 2021 program imports to one plan from its text, from Word, from
// an .odt and an .ods, and from the .odt LibreOffice Writer makes of the
// Word file.
func TestSeedImportsAlikeFromEveryFormat(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("soffice is not installed; run .ci/run's apt-get line (libreoffice-writer-nogui)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "chuong-trinh.docx"), seedDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore", "--convert-to", "odt", "--outdir", dir, filepath.Join(dir, "chuong-trinh.docx"))
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	byWriter, err := os.ReadFile(filepath.Join(dir, "chuong-trinh.odt"))
	if err != nil {
		t.Fatalf("LibreOffice Writer made no .odt (is libreoffice-writer-nogui installed?): %v", err)
	}
	plan := func(name string, src []byte) string {
		res, err := Import(name, src, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, rest, _ := strings.Cut(string(res.TOML), "\n") // the first line names the source
		return rest
	}
	want := plan("seed.txt", seed(t))
	for name, src := range map[string][]byte{"seed.docx": seedDocx(t), "seed.odt": seedOdt(t), "seed.ods": seedOds(t), "by-writer.odt": byWriter} {
		if got := plan(name, src); got != want {
			t.Errorf("%s gives another plan than the text:\n%s", name, firstDifference(got, want))
		}
	}
}

// firstDifference shows the first line where two plans part.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  got  " + g[i] + "\n  want " + w[i]
		}
	}
	return "one is longer"
}
