package returns

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// readXlsx reads every sheet of a workbook, values raw (a date is its day
// number whatever the cell's format). It reads the parts itself, with the
// standard library: a returned workbook of a large plan holds hundreds of
// thousands of cells, and decoding each cell as excelize does costs
// seconds where scanning them costs a tenth of that.
func readXlsx(name string, src []byte) (*workbook, error) {
	if bytes.HasPrefix(src, []byte("\xD0\xCF\x11\xE0")) {
		return nil, msg.Errorf("the workbook is password-protected or an old .xls file; remove the password (File > Info > Protect Workbook), save it as .xlsx and send it again")
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, msg.Errorf("not a workbook plandoc can read (%v)", err)
	}
	parts := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		parts[f.Name] = f
		total += f.UncompressedSize64
	}
	if total > maxUnzipped {
		return nil, msg.Errorf("the workbook unzips to more than %d MB; a returned workbook is far smaller", maxUnzipped>>20)
	}
	read := func(name string) ([]byte, error) {
		f, ok := parts[name]
		if !ok {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		// The sizes in the zip's directory can lie: read no more than the
		// limit, into a buffer of the size it claims.
		buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, maxUnzipped)+bytes.MinRead))
		_, err = buf.ReadFrom(io.LimitReader(rc, maxUnzipped+1))
		if err == nil && buf.Len() > maxUnzipped {
			err = msg.Errorf("%s unzips to more than %d MB", name, maxUnzipped>>20)
		}
		return buf.Bytes(), err
	}
	book, err := read("xl/workbook.xml")
	if err != nil || book == nil {
		return nil, msg.Errorf("not a workbook plandoc can read (xl/workbook.xml is missing or damaged)")
	}
	sheets, err := sheetParts(book, read)
	if err != nil {
		return nil, err
	}
	sst, err := read("xl/sharedStrings.xml")
	if err != nil {
		return nil, msg.Errorf("xl/sharedStrings.xml: %v", err)
	}
	shared, err := sharedStrings(sst)
	if err != nil {
		return nil, msg.Errorf("xl/sharedStrings.xml is damaged: %v", err)
	}
	wb := &workbook{}
	if core, _ := read("docProps/core.xml"); core != nil {
		wb.saved = coreModified(core)
	}
	for _, sp := range sheets {
		raw, err := read(sp.path)
		if err != nil {
			return nil, msg.Errorf("sheet %q: %v", sp.name, err)
		}
		rows, err := scanSheet(raw, shared)
		if err != nil {
			return nil, msg.Errorf("sheet %q is damaged: %v", sp.name, err)
		}
		wb.sheets = append(wb.sheets, sheet{name: sp.name, rows: rows})
	}
	return wb, nil
}

type sheetPart struct{ name, path string }

// sheetParts lists the sheets in order with the parts that hold them.
func sheetParts(book []byte, read func(string) ([]byte, error)) ([]sheetPart, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(book, &wb); err != nil {
		return nil, msg.Errorf("xl/workbook.xml is damaged: %v", err)
	}
	raw, err := read("xl/_rels/workbook.xml.rels")
	if err != nil || raw == nil {
		return nil, msg.Errorf("not a workbook plandoc can read (xl/_rels/workbook.xml.rels is missing or damaged)")
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(raw, &rels); err != nil {
		return nil, msg.Errorf("xl/_rels/workbook.xml.rels is damaged: %v", err)
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	var out []sheetPart
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			out = append(out, sheetPart{name: s.Name, path: t})
		}
	}
	return out, nil
}

// sharedStrings reads the shared-string table: each <si>'s text, its runs
// joined, its phonetic guides (rPh) left out.
func sharedStrings(raw []byte) ([]string, error) {
	if raw == nil {
		return nil, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var out []string
	var cur strings.Builder
	inT, inPh := false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				cur.Reset()
			case "t":
				inT = inPh == 0
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cur.String())
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
	}
}

func coreModified(raw []byte) string {
	var core struct {
		Modified string `xml:"modified"`
	}
	if xml.Unmarshal(raw, &core) != nil {
		return ""
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(core.Modified))
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// scanSheet reads a sheet's cells by scanning its XML for <c> elements:
// their reference (r="B12"), type (t) and value (<v>, or <is><t> for an
// inline string). Tags may carry a namespace prefix.
func scanSheet(raw []byte, shared []string) ([][]cell, error) {
	var rows [][]cell
	rowNum, col := 0, 0
	for i := 0; i < len(raw); {
		lt := bytes.IndexByte(raw[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		gt := bytes.IndexByte(raw[i:], '>')
		if gt < 0 {
			return nil, msg.Errorf("a tag is not closed")
		}
		tag := raw[i+1 : i+gt]
		i += gt + 1
		if len(tag) == 0 || tag[0] == '/' || tag[0] == '?' || tag[0] == '!' {
			continue
		}
		name, attrs := splitTag(tag)
		switch name {
		case "row":
			if r := attr(attrs, "r"); r != "" {
				n, err := strconv.Atoi(r)
				if err != nil || n < 1 {
					return nil, msg.Errorf("a row numbered %q", r)
				}
				rowNum = n
			} else {
				rowNum++
			}
			col = 0
			if rowNum > maxRows {
				return nil, msg.Errorf("more than %d rows", maxRows)
			}
		case "c":
			selfClosing := bytes.HasSuffix(tag, []byte("/"))
			ref, typ := attr(attrs, "r"), attr(attrs, "t")
			r, c := rowNum, col+1
			if ref != "" {
				cc, rr, ok := cellCoordinates(ref)
				if !ok {
					return nil, msg.Errorf("a cell named %q", ref)
				}
				r, c = rr, cc
			}
			col = c
			if r < 1 || c < 1 {
				return nil, msg.Errorf("a cell outside any row")
			}
			if selfClosing {
				continue
			}
			end := indexEnd(raw[i:], "c")
			if end < 0 {
				return nil, msg.Errorf("cell %s is not closed", ref)
			}
			inner := raw[i : i+end]
			i += end
			if c > maxColumns || r > maxRows {
				continue // right of any table plandoc writes
			}
			text, err := cellValue(inner, typ, shared)
			if err != nil {
				return nil, msg.Errorf("cell %s: %v", ref, err)
			}
			if text == "" {
				continue
			}
			for len(rows) < r {
				rows = append(rows, nil)
			}
			if rows[r-1] == nil {
				rows[r-1] = make([]cell, 0, 16) // a task sheet has about twelve columns
			}
			for len(rows[r-1]) < c {
				rows[r-1] = append(rows[r-1], cell{})
			}
			rows[r-1][c-1] = cell{text: text}
		}
	}
	return rows, nil
}

// cellCoordinates reads a cell reference such as "AB12" into its column
// and row (1-based); a sheet has hundreds of thousands of them.
func cellCoordinates(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
		if col > 16384 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return 0, 0, false
		}
		row = row*10 + int(ref[i]-'0')
		if row > 1048576 {
			return 0, 0, false
		}
	}
	return col, row, row > 0
}

// splitTag splits "x:c r=\"A1\" t=\"s\"" into "c" and its attributes.
func splitTag(tag []byte) (string, []byte) {
	end := bytes.IndexAny(tag, " \t\r\n/")
	if end < 0 {
		end = len(tag)
	}
	name := tag[:end]
	if colon := bytes.IndexByte(name, ':'); colon >= 0 {
		name = name[colon+1:]
	}
	return string(name), tag[end:]
}

// attr is an attribute's value in a tag's attribute text, unescaped.
func attr(attrs []byte, name string) string {
	for i := 0; i < len(attrs); {
		eq := bytes.IndexByte(attrs[i:], '=')
		if eq < 0 {
			return ""
		}
		key := string(bytes.TrimSpace(attrs[i : i+eq]))
		if colon := strings.IndexByte(key, ':'); colon >= 0 {
			key = key[colon+1:]
		}
		j := i + eq + 1
		for j < len(attrs) && (attrs[j] == ' ' || attrs[j] == '\t' || attrs[j] == '\n' || attrs[j] == '\r') {
			j++
		}
		if j >= len(attrs) || (attrs[j] != '"' && attrs[j] != '\'') {
			return ""
		}
		q := attrs[j]
		close := bytes.IndexByte(attrs[j+1:], q)
		if close < 0 {
			return ""
		}
		value := attrs[j+1 : j+1+close]
		if key == name {
			return html.UnescapeString(string(value))
		}
		i = j + 1 + close + 1
	}
	return ""
}

// indexEnd is where the closing tag of name (with or without a prefix)
// ends, counted from the start of b.
func indexEnd(b []byte, name string) int {
	for i := 0; i < len(b); {
		lt := bytes.Index(b[i:], []byte("</"))
		if lt < 0 {
			return -1
		}
		i += lt
		gt := bytes.IndexByte(b[i:], '>')
		if gt < 0 {
			return -1
		}
		tag := string(bytes.TrimSpace(b[i+2 : i+gt]))
		if colon := strings.IndexByte(tag, ':'); colon >= 0 {
			tag = tag[colon+1:]
		}
		if tag == name {
			return i + gt + 1
		}
		i += gt + 1
	}
	return -1
}

// elementText is the text of the first element of name in b ("" when none).
func elementText(b []byte, name string) (string, bool) {
	for i := 0; i < len(b); {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			return "", false
		}
		i += lt
		gt := bytes.IndexByte(b[i:], '>')
		if gt < 0 {
			return "", false
		}
		tag := b[i+1 : i+gt]
		i += gt + 1
		if len(tag) == 0 || tag[0] == '/' {
			continue
		}
		n, _ := splitTag(tag)
		if n != name {
			continue
		}
		if bytes.HasSuffix(tag, []byte("/")) {
			return "", true
		}
		end := indexEnd(b[i:], name)
		if end < 0 {
			return "", false
		}
		inner := b[i : i+end]
		close := bytes.LastIndex(inner, []byte("</"))
		return html.UnescapeString(string(inner[:close])), true
	}
	return "", false
}

// cellValue is a cell's text from its XML, by its type.
func cellValue(inner []byte, typ string, shared []string) (string, error) {
	switch typ {
	case "inlineStr":
		is, ok := elementText(inner, "is")
		if !ok {
			return "", nil
		}
		// An inline string's text is in one or more <t>, inside runs.
		var b strings.Builder
		rest := []byte(is)
		for {
			t, ok := elementText(rest, "t")
			if !ok {
				break
			}
			b.WriteString(t)
			next := bytes.Index(rest, []byte("t>"))
			if next < 0 {
				break
			}
			rest = rest[next+2:]
			if end := indexEnd(rest, "t"); end >= 0 {
				rest = rest[end:]
			} else {
				break
			}
		}
		return b.String(), nil
	}
	v, _ := elementText(inner, "v")
	switch typ {
	case "s":
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n >= len(shared) {
			return "", msg.Errorf("a shared string %q that does not exist", v)
		}
		return shared[n], nil
	case "b":
		if v == "1" {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	return v, nil
}

// excelDate reads a date a department entered: a day number (Excel's and
// LibreOffice's date cells, raw), or text written 20/5/2021 or 2021-05-20.
func excelDate(c cell) (data.Date, bool) {
	if !c.date.IsZero() {
		return c.date, true
	}
	s := strings.TrimSpace(c.text)
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial > 0 && serial < 2958466 {
		t, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			return data.Date{}, false
		}
		return data.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
	}
	d, err := data.ParseDate(s)
	return d, err == nil
}
