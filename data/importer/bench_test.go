package importer

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func BenchmarkImportSeed(b *testing.B) {
	src := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import("seed.txt", src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportWorkbook10000Rows(b *testing.B) {
	src := workbook(b, 10000, "")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Import("plan.xlsx", src, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Problems.Errors() > 0 {
			b.Fatal(res.Problems[0])
		}
	}
}

func BenchmarkImportSeedDocx(b *testing.B) { benchImport(b, "seed.docx", seedDocx(b)) }

func BenchmarkImportSeedOdt(b *testing.B) { benchImport(b, "seed.odt", seedOdt(b)) }

// A 10,000-row .ods as Calc writes one: text cells, empty cells repeated.
func BenchmarkImportOds10000Rows(b *testing.B) {
	var body strings.Builder
	body.WriteString(`<office:spreadsheet><table:table table:name="Sheet1"><table:table-row>` + odfCellXML("", "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026 CỦA LIÊN HIỆP CÁC HỘI KH&KT THANH HÓA") + `</table:table-row>`)
	body.WriteString(`<table:table-row>` + odfCellXML("", "(Ban hành kèm theo Quyết định số 12/QĐ-LHH ngày 25/12/2025 của Chủ tịch Liên hiệp hội Thanh Hóa)") + `</table:table-row>`)
	body.WriteString(`<table:table-row>` + odfCellXML("", "STT") + odfCellXML("", "Nội dung công việc") + odfCellXML("", "Thời gian") + odfCellXML("", "Cơ quan chủ trì") +
		odfCellXML("", "Cơ quan phối hợp") + odfCellXML("", "Cấp thông qua") + `</table:table-row>`)
	for i := range 10000 {
		body.WriteString(`<table:table-row>` + odfCellXML("", strconv.Itoa(i+1)) + odfCellXML("", "Nhiệm vụ số "+strconv.Itoa(i+1)+" của năm") +
			odfCellXML("", "Tháng "+strconv.Itoa(i%12+1)+"/2026") + odfCellXML("", []string{"Văn phòng", "Ban Tổ chức", "Ban KHCN, TVPB"}[i%3]) +
			odfCellXML("", "Sở, ngành liên quan") + odfCellXML("", "Thường trực LHH") + `<table:table-cell table:number-columns-repeated="1018"/></table:table-row>`)
	}
	body.WriteString(`<table:table-row table:number-rows-repeated="1038572"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet>`)
	benchImport(b, "plan.ods", odf(b, "application/vnd.oasis.opendocument.spreadsheet", body.String()))
}

func benchImport(b *testing.B, name string, src []byte) {
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Import(name, src, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Problems.Errors() > 0 {
			b.Fatal(res.Problems[0])
		}
	}
}

// seedRows is the 2021 program's text as sheet rows: title lines in the
// first column, the table's rows cell by cell.
func seedRows(b testing.TB) [][]string {
	var rows [][]string
	for _, line := range strings.Split(string(seed(b)), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

func BenchmarkImportSeedXlsx(b *testing.B) {
	f := excelize.NewFile()
	for i, r := range seedRows(b) {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellStr("Sheet1", cell, c)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	benchImport(b, "seed.xlsx", buf.Bytes())
}

func BenchmarkImportSeedOds(b *testing.B) { benchImport(b, "seed.ods", seedOds(b)) }

// seedOds is the 2021 program's text as a Calc sheet: title lines in the
// first column, the table's rows cell by cell.
func seedOds(t testing.TB) []byte {
	var body strings.Builder
	body.WriteString(`<office:spreadsheet><table:table table:name="Sheet1">`)
	for _, r := range seedRows(t) {
		body.WriteString(`<table:table-row>`)
		for _, c := range r {
			body.WriteString(odfCellXML("", c))
		}
		body.WriteString(`</table:table-row>`)
	}
	body.WriteString(`</table:table></office:spreadsheet>`)
	return odf(t, "application/vnd.oasis.opendocument.spreadsheet", body.String())
}
