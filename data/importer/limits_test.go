package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Sources far larger, once read, than a program table can be are refused
// with the limit named, before the work they would cost.
func TestSourcesPastTheLimitsAreRefused(t *testing.T) {
	header := "TT\tNội dung công việc\tThời gian thực hiện\tBộ phận tham mưu, thực hiện\n"
	long := strings.Repeat("Hội nghị tổng kết ", 1500) // 27,000 characters: a cell Excel still holds

	// A 20 KB .docx: one long cell merged down 2,000 rows is 54 MB of text
	// once each row holds it (it once made a 384 MB plan).
	var rows strings.Builder
	rows.WriteString(`<w:tbl><w:tr>` + cellXML("", "TT") + cellXML("", "Nội dung công việc") + cellXML("", "Thời gian thực hiện") + `</w:tr>`)
	for i := 1; i <= 2000; i++ {
		merge, text := `<w:vMerge/>`, ""
		if i == 1 {
			merge, text = `<w:vMerge w:val="restart"/>`, long
		}
		rows.WriteString(`<w:tr>` + cellXML("", fmt.Sprint(i)) + cellXML(merge, text) + cellXML("", "Tháng 3") + `</w:tr>`)
	}
	rows.WriteString(`</w:tbl>`)
	merged := docx(t, rows.String())

	// A 31 KB workbook with a cell in column XFD on each of 2,000 rows (it
	// once took 157 s).
	var sheet strings.Builder
	sheet.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>TT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung công việc</t></is></c></row>`)
	for r := 2; r <= 2001; r++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>Họp</t></is></c><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r, r-1, r, r)
	}
	wide := workbookOf(t, sheet.String(), "")

	cases := []struct {
		name string
		src  []byte
		want string
	}{
		{"merged.docx", merged, "more than 16 MB of text (merged cells count once for each row they cover)"},
		{"wide.xlsx", wide, "row 2 has text in column 16384 (XFD); plandoc reads tables of at most 64 columns"},
		{"strings.xlsx", workbookOf(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sharedStrings(2_500_000)), "the workbook unzips to more than 32 MB"},
		{"huge.txt", bytes.Repeat([]byte("1\tHọp giao ban\tTháng 3\tVăn phòng\n"), 17<<20/36), "plandoc imports files of at most 16 MB"},
		{"rows.tsv", []byte(header + strings.Repeat("1\tHọp\tTháng 3\tVăn phòng\n", 100_001)), "more than 100000 table rows"},
		{"cell.tsv", []byte(header + "1\t" + long + long + "\tTháng 3\tVăn phòng\n"), "line 2, column 2 holds 53999 characters; a cell holds at most 32767"},
	}
	for _, c := range cases {
		if len(c.src) > 20<<20 {
			t.Fatalf("%s: the test source is %d bytes", c.name, len(c.src))
		}
		_, err := Import(c.name, c.src, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s (%d bytes): %v; want %q", c.name, len(c.src), err, c.want)
		}
	}
	if len(merged) > 40<<10 {
		t.Errorf("the merged-cell document is %d bytes; the case is a small file that grows", len(merged))
	}
}

// sharedStrings is a shared-string table of n strings: tens of megabytes
// that zip to a few hundred kilobytes (3 million once took 16 s and 670 MB).
func sharedStrings(n int) string {
	var ss strings.Builder
	ss.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for i := range n {
		fmt.Fprintf(&ss, "<si><t>%d</t></si>", i)
	}
	ss.WriteString(`</sst>`)
	return ss.String()
}

// workbookOf is the smallest workbook excelize opens: one sheet of the
// given rows and, when sst is set, a shared-string table.
func workbookOf(t testing.TB, rows, sst string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sst != "" {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
		add("xl/sharedStrings.xml", sst)
	}
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	add("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+rows+`</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
