package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/plandoc/plandoc/data"
)

func seed(t testing.TB) []byte {
	t.Helper()
	raw, err := os.ReadFile("../testdata/seed-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// importPlan imports src and parses the plan written; it fails the test
// when the import itself fails.
func importPlan(t testing.TB, name string, src []byte) (*Result, *data.Plan) {
	t.Helper()
	res, err := Import(name, src, Options{})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	p, _ := data.Parse("imported.toml", res.TOML)
	return res, p
}

func reportHas(res *Result, parts ...string) bool {
	for _, inf := range res.Report {
		ok := true
		for _, p := range parts {
			if !strings.Contains(inf.String(), p) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// tsv builds a tab-separated source from a title, a header and rows.
func tsv(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

// docx builds a minimal Word document around a body of WordprocessingML.
func docx(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + escapeXML(text) + `</w:t></w:r></w:p>`
}

func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// cellXML is a table cell; props may hold gridSpan or vMerge.
func cellXML(props string, lines ...string) string {
	var runs []string
	for i, l := range lines {
		if i > 0 {
			runs = append(runs, `<w:br/>`)
		}
		runs = append(runs, `<w:t xml:space="preserve">`+escapeXML(l)+`</w:t>`)
	}
	return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r>` + strings.Join(runs, "") + `</w:r></w:p></w:tc>`
}
