package importer

import (
	"testing"
	"time"
)

// The readers face whatever file a clerk picks: none may panic, and an
// import either fails with ErrFormat or yields a plan file.
func fuzzImport(t *testing.T, name string, src []byte) {
	res, err := Import(name, src, Options{})
	if err == nil && (res == nil || len(res.TOML) == 0) {
		t.Fatalf("no error and no plan")
	}
}

func FuzzReadText(f *testing.F) {
	f.Add(seed(f))
	f.Add(tsv(titleLines, seedHeader, "1\tA\tTháng 1\tVăn phòng + Ban A\tĐ/c B\tCác ban LHH\tThường trực LHH"))
	f.Add([]byte("Ch\xad\xacng tr\xd7nh"))
	f.Fuzz(func(t *testing.T, src []byte) { fuzzImport(t, "plan.txt", src) })
}

func FuzzReadDocx(f *testing.F) {
	f.Add(`<w:tbl><w:tr>` + cellXML("", "TT") + cellXML("", "Nội dung") + `</w:tr><w:tr>` + cellXML(`<w:gridSpan w:val="2"/>`, "1") + `</w:tr></w:tbl>`)
	f.Add(`<w:tbl><w:tr>` + cellXML(`<w:vMerge/>`, "Nội dung") + `</w:tr></w:tbl>` + para("x"))
	f.Fuzz(func(t *testing.T, body string) { fuzzImport(t, "plan.docx", docx(t, body)) })
}

func FuzzReadODF(f *testing.F) {
	f.Add(`<office:text><table:table><table:table-row>` + odfCellXML("", "TT") + odfCellXML("", "Nội dung") + `</table:table-row><table:table-row>` +
		odfCellXML(`table:number-columns-spanned="2"`, "1") + covered + `</table:table-row></table:table>` + odfPara("x") + `</office:text>`)
	// Repeats a spreadsheet may declare: a million rows of a cell repeated
	// across every column.
	f.Add(`<office:text><table:table><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"><text:p>Nội dung</text:p></table:table-cell></table:table-row></table:table></office:text>`)
	f.Fuzz(func(t *testing.T, body string) {
		fuzzImport(t, "plan.odt", odf(t, "application/vnd.oasis.opendocument.text", body))
		fuzzImport(t, "plan.ods", odf(t, "application/vnd.oasis.opendocument.spreadsheet", body))
	})
}

// xlsxBound is how long one fuzzed workbook may take: a real one of
// 10,000 rows imports in about 1.3 s. A slower input is a finding.
const xlsxBound = 5 * time.Second

func FuzzReadXlsx(f *testing.F) {
	f.Add(workbook(f, 2, ""))
	f.Add([]byte("PK\x03\x04"))
	// A row far down and a cell far right: the shapes that once cost
	// minutes, now refused by the row and column limits.
	f.Add(workbookOf(nil, `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>`, ""))
	f.Add(workbookOf(nil, `<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>`, ""))
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			fuzzImport(t, "plan.xlsx", src)
		}()
		select {
		case <-done:
		case <-time.After(xlsxBound):
			t.Fatalf("importing a %d-byte workbook took longer than %v", len(src), xlsxBound)
		}
	})
}
