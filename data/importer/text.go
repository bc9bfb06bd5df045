package importer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/plandoc/plandoc/data/msg"
)

// readText reads tab-separated text like a table copied out of a PDF or a
// Word document: lines with tabs are table rows (a table goes on across
// blank lines), other lines are paragraphs.
func readText(name string, src []byte) (*document, error) {
	if err := checkEncoding(name, src); err != nil {
		return nil, err
	}
	text := strings.TrimPrefix(string(src), "\uFEFF")
	d := &document{}
	var table *block
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		where := msg.Sprintf("line %d", i+1)
		switch {
		case strings.Count(line, "\t") >= 2:
			if table == nil {
				d.blocks = append(d.blocks, block{where: where})
				table = &d.blocks[len(d.blocks)-1]
			}
			cells := strings.Split(line, "\t")
			for j := range cells {
				cells[j] = clean(cells[j])
			}
			table.rows = append(table.rows, row{cells: cells, where: where})
		case strings.TrimSpace(line) == "":
			// Blank lines stand between a table's rows as often as around it.
		default:
			table = nil
			d.paragraph(line, where)
		}
	}
	return d, nil
}

// checkEncoding refuses what is not UTF-8 text, naming what it looks like.
func checkEncoding(name string, src []byte) error {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return formatError(name, "the file is UTF-32 text; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return formatError(name, "the file is UTF-16 text; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
	case bytes.IndexByte(src, 0) >= 0:
		return formatError(name, "this is not a text file (it holds binary data); give a .docx, .xlsx, .txt or .tsv file")
	case utf8.Valid(src):
		return nil
	}
	switch legacyEncoding(src) {
	case "VNI":
		return formatError(name, "the text is in the legacy VNI encoding, not Unicode; convert it first (Unikey: Tools > Convert, source VNI Windows, destination Unicode) and save as UTF-8")
	case "TCVN3":
		return formatError(name, "the text is in the legacy TCVN3 (ABC) encoding, not Unicode; convert it first (Unikey: Tools > Convert, source TCVN3 (ABC), destination Unicode) and save as UTF-8")
	}
	return formatError(name, "the text is not UTF-8; save it as UTF-8 (Unicode) and import again")
}

// legacyEncoding guesses which 8-bit Vietnamese encoding non-UTF-8 text is
// in. VNI writes a vowel, then a byte for its mark ("taùc" for "tác"), so
// its high bytes follow vowels or other high bytes; TCVN3 writes whole
// letters as single bytes, most after a consonant ("t¸c").
func legacyEncoding(src []byte) string {
	vowels := "aeiouyAEIOUY"
	afterVowel, high := 0, 0
	for i, c := range src {
		if c < 0x80 {
			continue
		}
		high++
		if i > 0 && (src[i-1] >= 0x80 || strings.IndexByte(vowels, src[i-1]) >= 0) {
			afterVowel++
		}
	}
	switch {
	case high == 0:
		return ""
	case afterVowel*4 >= high*3:
		return "VNI"
	}
	return "TCVN3"
}
