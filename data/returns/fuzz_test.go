package returns

import (
	"archive/zip"
	"bytes"
	"testing"
)

// A returned workbook may be anything a department's tools wrote: reading
// it never panics, and either yields sheets or an error.
func FuzzReadXlsxSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="L1" t="inlineStr"><is><t>plandoc:unit=van-phong</t></is></c></row><row r="5"><c r="H5" t="str"><v>Tình trạng</v></c><c r="I6"><v>44336</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:row><x:c r="B2" t="b"><x:v>1</x:v></x:c><c/><c r="C"></c>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		rows, err := scanSheet(sheet, []string{"Văn phòng"})
		if err == nil && len(rows) > maxRows {
			t.Fatalf("%d rows", len(rows))
		}
	})
}

func FuzzReadOdsContent(f *testing.F) {
	f.Add([]byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Chủ trì"><table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="date" office:date-value="2021-05-20"><text:p>20/05/2021</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1000"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`))
	f.Fuzz(func(t *testing.T, content []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("content.xml")
		w.Write(content)
		zw.Close()
		wb, err := readOds("fuzz.ods", buf.Bytes())
		if err == nil {
			for _, s := range wb.sheets {
				if len(s.rows) > maxRows {
					t.Fatalf("%d rows", len(s.rows))
				}
				for _, r := range s.rows {
					if len(r) > maxColumns {
						t.Fatalf("a row of %d cells", len(r))
					}
				}
				s.marks()
			}
		}
	})
}
