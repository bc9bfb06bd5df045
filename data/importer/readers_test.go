package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestDocxTablesWithMergedCellsAndLineBreaks(t *testing.T) {
	h := `<w:tr>` + cellXML("", "TT") + cellXML("", "Nội dung", "công việc") + cellXML("", "Thời gian") +
		cellXML("", "Bộ phận tham mưu,", "thực hiện") + cellXML("", "Người chủ trì") + cellXML("", "Cấp thông qua") + `</w:tr>`
	rows := `<w:tr>` + cellXML(`<w:gridSpan w:val="6"/>`, "I. CÔNG TÁC TỔ CHỨC") + `</w:tr>` +
		`<w:tr>` + cellXML("", "1") + cellXML("", "Họp giao ban", "hằng tháng") + cellXML("", "Hằng tháng") +
		cellXML(`<w:vMerge w:val="restart"/>`, "- Văn phòng", "- Ban Kiểm tra") + cellXML("", "Đ/c Nguyễn Văn A") + cellXML("", "Thường trực LHH") + `</w:tr>` +
		`<w:tr>` + cellXML("", "2") + cellXML("", "Tổng kết năm") + cellXML("", "Tháng 12") +
		cellXML(`<w:vMerge/>`) + cellXML("", "Đ/c Nguyễn Văn A") + cellXML("", "Ban Thường vụ LHH") + `</w:tr>`
	body := para("LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA") + para("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2021") +
		para("(Ban hành kèm theo Quyết định số 05/QĐ-LHH ngày 20 tháng 12 năm 2020 của Chủ tịch Liên hiệp hội Thanh Hóa)") +
		`<w:tbl>` + h + rows + `</w:tbl>` + para("Trong quá trình thực hiện, Thường trực có thể điều chỉnh cho phù hợp./.")
	res, p := importPlan(t, "plan.docx", docx(t, body))
	if p == nil {
		t.Fatalf("%v\n%s", res.Problems, res.TOML)
	}
	if len(p.Tasks) != 2 || p.Tasks[0].Content != "Họp giao ban\nhằng tháng" || len(p.Sections) != 1 {
		t.Fatalf("tasks %+v", p.Tasks)
	}
	for i, task := range p.Tasks {
		if strings.Join(task.Units, ",") != "van-phong,ban-kiem-tra" {
			t.Errorf("task %d units %v: the merged cell and its bullets must give both units", i+1, task.Units)
		}
	}
	if p.Decision.Number != "05" || p.Decision.Date.String() != "2020-12-20" || !strings.HasPrefix(p.Program.Closing, "Trong quá trình") {
		t.Errorf("heading %+v closing %q", p.Decision, p.Program.Closing)
	}
}

// workbook builds an .xlsx with a title, a header merged over two rows and
// a date cell shown as "Tháng 3/2026".
func workbook(t testing.TB, tasks int, password string) []byte {
	t.Helper()
	f := excelize.NewFile()
	s := "Sheet1"
	f.SetCellStr(s, "A1", "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026 CỦA LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA")
	f.SetCellStr(s, "A2", "(Ban hành kèm theo Quyết định số 12/QĐ-LHH ngày 25/12/2025 của Chủ tịch Liên hiệp hội Thanh Hóa)")
	for col, h := range map[string]string{"A4": "STT", "B4": "Nội dung\ncông việc", "C4": "Thời gian", "D4": "Đơn vị", "F4": "Cấp thông qua"} {
		f.SetCellStr(s, col, h)
	}
	f.MergeCell(s, "A4", "A5")
	f.MergeCell(s, "B4", "B5")
	f.MergeCell(s, "C4", "C5")
	f.MergeCell(s, "D4", "E4")
	f.SetCellStr(s, "D5", "Cơ quan chủ trì")
	f.SetCellStr(s, "E5", "Cơ quan phối hợp")
	monthFmt := `"Tháng "m/yyyy`
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &monthFmt})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < tasks; i++ {
		r := 6 + i
		f.SetCellValue(s, fmt.Sprintf("A%d", r), i+1)
		f.SetCellStr(s, fmt.Sprintf("B%d", r), fmt.Sprintf("Nhiệm vụ số %d của năm", i+1))
		f.SetCellFormula(s, fmt.Sprintf("C%d", r), fmt.Sprintf("DATE(2026,%d,1)", i%12+1))
		f.SetCellValue(s, fmt.Sprintf("C%d", r), 46023+31*(i%12))
		f.SetCellStyle(s, fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r), style)
		f.SetCellStr(s, fmt.Sprintf("D%d", r), []string{"Văn phòng", "Ban Tổ chức", "Ban KHCN, TVPB"}[i%3])
		f.SetCellStr(s, fmt.Sprintf("E%d", r), "Sở, ngành liên quan")
		f.SetCellStr(s, fmt.Sprintf("F%d", r), "Thường trực LHH")
	}
	var buf bytes.Buffer
	opts := []excelize.Options{}
	if password != "" {
		opts = append(opts, excelize.Options{Password: password})
	}
	if err := f.Write(&buf, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXlsxTwoRowHeaderAndDisplayedValues(t *testing.T) {
	res, p := importPlan(t, "plan.xlsx", workbook(t, 3, ""))
	if p == nil {
		t.Fatalf("%v\n%s", res.Problems, res.TOML)
	}
	if len(p.Tasks) != 3 || p.Tasks[0].Time != "Tháng 1/2026" || p.Tasks[2].Time != "Tháng 3/2026" {
		t.Fatalf("times as displayed: %q, %q", p.Tasks[0].Time, p.Tasks[2].Time)
	}
	if p.PartnersLabel(&p.Tasks[0]) != "Sở, ngành liên quan" || p.Tasks[1].Units[0] != "ban-to-chuc" || p.Program.Year != 2026 {
		t.Errorf("columns under the merged heading: %+v", p.Tasks[1])
	}
	if _, err := Import("plan.xlsx", workbook(t, 3, ""), Options{Sheet: "Trang 2"}); err == nil || !strings.Contains(err.Error(), `no sheet named "Trang 2"; the sheets are "Sheet1"`) {
		t.Errorf("unknown sheet: %v", err)
	}
}

func TestBadSources(t *testing.T) {
	// "Chương trình công tác năm 2021" in each legacy encoding.
	tcvn3 := []byte("Ch\xad\xacng tr\xd7nh c\xabng t\xb8c n\xa8m 2021\n")
	vni := []byte("Ch\xf6\xf4ng tri\xf8nh co\xe2ng ta\xf9c na\xeam 2021\n")
	cases := []struct {
		name string
		src  []byte
		want string
	}{
		{"empty.txt", []byte("  \n"), "the file is empty"},
		{"plan.txt", []byte("TT\x00\x01\x02binary"), "not a text file"},
		{"plan.txt", tcvn3, "TCVN3"},
		{"plan.txt", vni, "VNI"},
		{"plan.txt", []byte("\xff\xfeT\x00T\x00"), "UTF-16"},
		{"plan.docx", docx(t, para("Chỉ có một đoạn văn, không có bảng.")), "no table found"},
		{"plan.docx", []byte("PK\x03\x04 not really a zip"), "not a .docx file"},
		{"plan.xlsx", []byte("PK\x03\x04 broken"), "not a readable .xlsx workbook"},
		{"plan.xlsx", workbook(t, 2, "mật khẩu"), "password-protected"},
		{"plan.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old"), "password-protected or an old .xls file"},
		{"plan.txt", tsv("Chỉ là một đoạn văn."), "no table found"},
		{"plan.odt", []byte("PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text"), "not an OpenDocument file (it is not a readable zip archive"},
		{"bang.xlsx", []byte("PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), "not an OpenDocument file"},
	}
	for _, c := range cases {
		_, err := Import(c.name, c.src, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrFormat) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v; want one line with %q", c.name, err, c.want)
		}
	}
}

// A table Word split in two at a page break is read whole: the tasks of
// the second part and the closing after it are kept, and the split is
// reported; a later table with other columns is not taken for one.
func TestDocxTableContinuedInASecondTable(t *testing.T) {
	h := `<w:tr>` + cellXML("", "TT") + cellXML("", "Nội dung công việc") + cellXML("", "Thời gian") +
		cellXML("", "Bộ phận tham mưu, thực hiện") + `</w:tr>`
	task := func(n, content, time string) string {
		return `<w:tr>` + cellXML("", n) + cellXML("", content) + cellXML("", time) + cellXML("", "Văn phòng") + `</w:tr>`
	}
	other := `<w:tbl><w:tr>` + cellXML("", "Nơi nhận") + cellXML("", "Chủ tịch") + `</w:tr></w:tbl>`
	body := para("LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA") + para("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2021") +
		para("(Ban hành kèm theo Quyết định số 05/QĐ-LHH ngày 20 tháng 12 năm 2020 của Chủ tịch Liên hiệp hội Thanh Hóa)") +
		`<w:tbl>` + h + task("1", "Họp giao ban", "Tháng 1") + task("2", "Sơ kết quý", "Tháng 3") + `</w:tbl>` +
		para("") + `<w:tbl>` + h + task("3", "Hội nghị giữa năm", "Tháng 6") + task("4", "Tổng kết năm", "Tháng 12") + `</w:tbl>` +
		para("Trong quá trình thực hiện, Thường trực có thể điều chỉnh cho phù hợp./.") + other
	res, p := importPlan(t, "plan.docx", docx(t, body))
	if p == nil {
		t.Fatalf("%v\n%s", res.Problems, res.TOML)
	}
	var contents []string
	for _, task := range p.Tasks {
		contents = append(contents, task.Content)
	}
	if got := strings.Join(contents, "|"); got != "Họp giao ban|Sơ kết quý|Hội nghị giữa năm|Tổng kết năm" {
		t.Errorf("tasks %s; want all four, from both tables", got)
	}
	if !strings.HasPrefix(p.Program.Closing, "Trong quá trình thực hiện") {
		t.Errorf("closing %q; want the paragraph after the second table", p.Program.Closing)
	}
	if !reportHas(res, "a second table with the same 4 columns", "continuation") || !reportHas(res, "repeated header row skipped") {
		t.Errorf("the continuation is not reported:\n%v", res.Report)
	}
}
