package render

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/plandoc/plandoc/data/lazy"
	"github.com/plandoc/plandoc/data/msg"
)

// PDF/A-1b (ISO 19005-1, TCVN 14159-1) is what the archive keeps. fpdf
// writes most of it; a post-pass over the file it wrote adds the rest, the
// same way every time: the sRGB output intent, the XMP metadata matching
// the document information, a trailer /ID derived from the content, a
// CIDSet for each subset font, an outline root with /Count, and no empty
// EmbeddedFiles tree. (fpdf's own AddOutputIntent raises the file to PDF
// 1.4, where it adds the page transparency group PDF/A-1 forbids, and
// points the trailer's /Info at the profile.)

//go:embed srgb2014.icc
var srgbProfile []byte

// pdfObject is one indirect object of the file, by its bytes.
type pdfObject struct {
	num  int
	body []byte   // from "N 0 obj\n" to "endobj\n", exclusive; its dictionary
	rest [][]byte // the rest of a stream fpdf handed over in parts (a page's content)
}

// The patterns of fpdf's output, compiled by the first PDF made rather
// than by every plandoc command as it starts.
var (
	xrefStart   = lazy.Regexp(`\nstartxref\n(\d+)\n%%EOF\n?$`)
	objHeader   = lazy.Regexp(`^(\d+) 0 obj\n`)
	infoDate    = lazy.Regexp(`/(CreationDate|ModDate) \(D:(\d{14})\)`)
	trailerRoot = lazy.Regexp(`/Root (\d+) 0 R`)
	trailerInfo = lazy.Regexp(`/Info (\d+) 0 R`)
	emptyFiles  = lazy.Regexp(`\s*/Names\s*<<\s*/EmbeddedFiles\s*<<\s*/Names\s*\[\s*\]\s*>>\s*>>`)
)

// pdfA turns fpdf's output, the parts it was made of, into PDF/A-1b;
// meta is what the XMP says.
func pdfA(parts [][]byte, meta docMeta, pages int) (pdfParts, error) {
	if len(parts) == 0 {
		return pdfParts{}, msg.Errorf("pdf/a: no file")
	}
	m := xrefStart().FindSubmatch(parts[len(parts)-1])
	if m == nil {
		return pdfParts{}, msg.Errorf("pdf/a: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	pdf := newPDFFile(parts)
	objs, header, trailer, err := splitObjects(pdf, xref)
	if err != nil {
		return pdfParts{}, err
	}
	rootNum, _ := strconv.Atoi(string(trailerRoot().FindSubmatch(trailer)[1]))
	infoNum, _ := strconv.Atoi(string(trailerInfo().FindSubmatch(trailer)[1]))
	next := len(objs) + 1
	add := func(body []byte) int {
		n := next
		objs[n] = &pdfObject{num: n, body: body}
		next++
		return n
	}
	// The dates carry their zone, as the XMP's must.
	objs[infoNum].body = infoDate().ReplaceAll(objs[infoNum].body, []byte(`/$1 (D:${2}+00'00')`))

	// A CIDSet for each subset font: the CIDs its widths list, and 0. In
	// number order, so the new objects are numbered the same every time.
	// The fonts' names become subset tags, in the font objects only, where
	// fpdf writes them: the pages' streams are not searched.
	nums := make([]int, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		o := objs[n]
		if bytes.HasPrefix(o.body, []byte("<</Type /Font")) {
			subsetName(o.body)
		}
		if !bytes.Contains(o.body, []byte("/Subtype /CIDFontType2")) {
			continue
		}
		desc := refOf(o.body, "/FontDescriptor")
		if desc == 0 || objs[desc] == nil {
			return pdfParts{}, msg.Errorf("pdf/a: font %d has no descriptor", o.num)
		}
		set := cidSet(o.body)
		stream := fmt.Appendf(nil, "<</Length %d>>\nstream\n", len(set))
		stream = append(append(stream, set...), "\nendstream\n"...)
		n := add(stream)
		objs[desc].body = bytes.Replace(objs[desc].body, []byte("/FontFile2"), fmt.Appendf(nil, "/CIDSet %d 0 R /FontFile2", n), 1)
	}
	// The outline root counts its open items.
	items := 0
	outlines := 0
	for _, n := range nums {
		o := objs[n]
		if bytes.HasPrefix(bytes.TrimSpace(o.body), []byte("<</Title")) {
			items++
		}
		if bytes.Contains(o.body, []byte("/Type /Outlines")) {
			outlines = o.num
		}
	}
	if outlines != 0 {
		objs[outlines].body = bytes.Replace(objs[outlines].body, []byte("/Type /Outlines"), fmt.Appendf(nil, "/Type /Outlines /Count %d", items), 1)
	}

	icc := fmt.Appendf(nil, "<</N 3 /Length %d>>\nstream\n", len(srgbProfile))
	icc = append(append(icc, srgbProfile...), "\nendstream\n"...)
	iccNum := add(icc)
	intent := add(fmt.Appendf(nil, "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>\n", iccNum))
	xmp := xmpPacket(meta, pages)
	meta2 := fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", len(xmp))
	meta2 = append(append(meta2, xmp...), "\nendstream\n"...)
	metaNum := add(meta2)
	root := emptyFiles().ReplaceAll(objs[rootNum].body, nil)
	root = bytes.Replace(root, []byte("/Type /Catalog"), fmt.Appendf(nil, "/Type /Catalog\n/Metadata %d 0 R\n/OutputIntents [%d 0 R]", metaNum, intent), 1)
	objs[rootNum].body = root

	// Write the file anew, objects in number order, with the ID of its
	// content. A large object (a page's stream) is not copied: the file is
	// the parts it is written from, most of them the objects as they were.
	var w partsWriter
	w.buf.Write(header)
	offsets := make([]int, next)
	for n := 1; n < next; n++ {
		o := objs[n]
		if o == nil {
			return pdfParts{}, msg.Errorf("pdf/a: object %d missing", n)
		}
		offsets[n] = w.size()
		fmt.Fprintf(&w.buf, "%d 0 obj\n", n)
		w.write(o.body)
		for _, piece := range o.rest {
			w.write(piece)
		}
		w.buf.WriteString("endobj\n")
	}
	out := pdfParts{parts: w.done()}
	h := sha256.New()
	for _, part := range out.parts {
		h.Write(part)
	}
	id := strings.ToUpper(hex.EncodeToString(h.Sum(nil)[:16]))
	xrefAt := out.size()
	var tail bytes.Buffer
	fmt.Fprintf(&tail, "xref\n0 %d\n0000000000 65535 f \n", next)
	for n := 1; n < next; n++ {
		fmt.Fprintf(&tail, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(&tail, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%s> <%s>]\n>>\nstartxref\n%d\n%%%%EOF\n", next, rootNum, infoNum, id, id, xrefAt)
	// The file's own sha256, for the manifest, goes on from the ID's: the
	// file is not read again for it.
	h.Write(tail.Bytes())
	out.parts = append(out.parts, tail.Bytes())
	h.Sum(out.sum[:0])
	return out, nil
}

// pdfParts is a file as the parts it is written from, in order, and its
// sha256.
type pdfParts struct {
	parts [][]byte
	sum   [sha256.Size]byte
}

func (p pdfParts) size() int {
	n := 0
	for _, part := range p.parts {
		n += len(part)
	}
	return n
}

func (p pdfParts) join() []byte { return bytes.Join(p.parts, nil) }

// file is the output the parts make, at relPath.
func (p pdfParts) file(relPath, kind string) File {
	return summedFile(relPath, kind, p.sum[:], p.parts)
}

// partsWriter gathers small writes into a buffer and takes a large one as
// a part of its own, uncopied.
type partsWriter struct {
	parts [][]byte
	buf   bytes.Buffer
	n     int // bytes in parts
}

// ownPart is the size from which a piece stays a part of its own: a
// page's stream (3 KB on average at 100,000 tasks) is not copied, so the
// file written holds little the parts fpdf made do not.
const ownPart = 1 << 10

func (w *partsWriter) write(b []byte) {
	if len(b) < ownPart {
		w.buf.Write(b)
		return
	}
	w.flush()
	w.parts = append(w.parts, b)
	w.n += len(b)
}

func (w *partsWriter) flush() {
	if w.buf.Len() > 0 {
		w.parts = append(w.parts, bytes.Clone(w.buf.Bytes()))
		w.n += w.buf.Len()
		w.buf.Reset()
	}
}

func (w *partsWriter) size() int { return w.n + w.buf.Len() }

func (w *partsWriter) done() [][]byte {
	w.flush()
	return w.parts
}

// pdfFile is a file held as parts, read by offsets into the whole.
type pdfFile struct {
	parts  [][]byte
	starts []int // where each part begins in the file
	size   int
}

func newPDFFile(parts [][]byte) pdfFile {
	f := pdfFile{parts: parts, starts: make([]int, len(parts))}
	for i, p := range parts {
		f.starts[i] = f.size
		f.size += len(p)
	}
	return f
}

// pieces are the bytes [from, to) of the file as slices of its parts,
// uncopied.
func (f pdfFile) pieces(from, to int) [][]byte {
	var out [][]byte
	i := sort.Search(len(f.parts), func(i int) bool { return f.starts[i]+len(f.parts[i]) > from })
	for ; i < len(f.parts) && f.starts[i] < to; i++ {
		p := f.parts[i]
		if lo, hi := max(from-f.starts[i], 0), min(to-f.starts[i], len(p)); lo < hi {
			out = append(out, p[lo:hi])
		}
	}
	return out
}

// bytes are the file's bytes [from, to), copied only when they span parts.
func (f pdfFile) bytes(from, to int) []byte {
	pieces := f.pieces(from, to)
	if len(pieces) == 1 {
		return pieces[0]
	}
	return bytes.Join(pieces, []byte{})
}

// splitObjects cuts the file into its objects by the cross-reference
// table's offsets (a stream may hold any bytes, "endobj" too). The header
// is what comes before the first object: "%PDF-1.3" and the line of high
// bytes that marks the file binary.
func splitObjects(pdf pdfFile, xref int) (objs map[int]*pdfObject, header, trailer []byte, err error) {
	if xref <= 0 || xref >= pdf.size {
		return nil, nil, nil, msg.Errorf("pdf/a: bad startxref")
	}
	table := pdf.bytes(xref, pdf.size)
	end := bytes.Index(table, []byte("trailer"))
	if end < 0 {
		return nil, nil, nil, msg.Errorf("pdf/a: no trailer")
	}
	lines := strings.Split(string(table[:end]), "\n")
	if len(lines) < 3 || lines[0] != "xref" {
		return nil, nil, nil, msg.Errorf("pdf/a: bad xref")
	}
	var size int
	fmt.Sscanf(lines[1], "0 %d", &size)
	if size < 2 || size > len(lines)-2 {
		return nil, nil, nil, msg.Errorf("pdf/a: bad xref size %q", lines[1])
	}
	type at struct{ num, off int }
	var offs []at
	for i := 1; i < size; i++ {
		off, err := strconv.Atoi(strings.Fields(lines[2+i] + " x")[0])
		if err != nil || off <= 0 || off >= xref {
			return nil, nil, nil, msg.Errorf("pdf/a: xref entry %d: %q", i, lines[2+i])
		}
		offs = append(offs, at{i, off})
	}
	sort.Slice(offs, func(a, b int) bool { return offs[a].off < offs[b].off })
	objs = map[int]*pdfObject{}
	for i, o := range offs {
		end := xref
		if i+1 < len(offs) {
			end = offs[i+1].off
		}
		pieces := pdf.pieces(o.off, end)
		var h [][]byte
		if len(pieces) > 0 {
			h = objHeader().FindSubmatch(pieces[0])
		}
		if h == nil || string(h[1]) != strconv.Itoa(o.num) {
			return nil, nil, nil, msg.Errorf("pdf/a: object %d is not where the xref says", o.num)
		}
		pieces[0] = pieces[0][len(h[0]):]
		last := len(pieces) - 1
		pieces[last] = bytes.TrimSuffix(pieces[last], []byte("endobj\n"))
		objs[o.num] = &pdfObject{num: o.num, body: pieces[0], rest: pieces[1:]}
	}
	return objs, pdf.bytes(0, offs[0].off), table, nil
}

// refOf is the object number a key refers to in a dictionary, or 0.
func refOf(dict []byte, key string) int {
	i := bytes.Index(dict, []byte(key+" "))
	if i < 0 {
		return 0
	}
	var n int
	fmt.Sscanf(string(dict[i+len(key)+1:]), "%d", &n)
	return n
}

// cidSet is the bitmap of the CIDs a CID font's /W array lists, and CID 0.
func cidSet(font []byte) []byte {
	cids := []int{0}
	if i := bytes.Index(font, []byte("/W [")); i >= 0 {
		cids = appendWidthCIDs(cids, readWidthArray(font[i+4:]))
	}
	return cidBitmap(cids)
}

// cidBitmap sets a bit for each CID, the first bit of the first byte CID 0.
func cidBitmap(cids []int) []byte {
	most := 0
	for _, c := range cids {
		most = max(most, c)
	}
	set := make([]byte, most/8+1)
	for _, c := range cids {
		set[c/8] |= 0x80 >> (c % 8)
	}
	return set
}

// widthArray is a /W array's numbers in order, each array's start standing
// as -1, and whether each is inside an array.
type widthArray struct {
	nums  []int
	inArr []bool
}

// readWidthArray reads a /W array from just after its "[". Its numbers are
// read as their digits go by, not each made a string (a face's array is a
// few hundred numbers, a render's twenty faces a twentieth of the PDF/A
// pass); a number too large for an int is the largest, as strconv.Atoi
// gives it.
func readWidthArray(w []byte) widthArray {
	var a widthArray
	depth, num, digits := 0, 0, false
	flush := func() {
		if digits {
			a.nums = append(a.nums, num)
			a.inArr = append(a.inArr, depth > 0)
			num, digits = 0, false
		}
	}
scan:
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			d := int(c - '0')
			if num > (math.MaxInt-d)/10 {
				num = math.MaxInt
			} else {
				num = num*10 + d
			}
			digits = true
		case c == '[':
			flush()
			depth++
			a.nums = append(a.nums, -1) // an array starts: the width list of the CID before it
			a.inArr = append(a.inArr, false)
		case c == ']':
			flush()
			if depth == 0 {
				break scan
			}
			depth--
		default:
			flush()
		}
	}
	return a
}

// appendWidthCIDs appends the CIDs a /W array lists: at its top level
// "c [w1 w2 …]" gives CIDs c, c+1, …, and "c1 c2 w" gives c1 … c2.
func appendWidthCIDs(cids []int, a widthArray) []int {
	// The top level, each array standing as -1 and its widths' count kept.
	var top, lists []int
	for k := 0; k < len(a.nums); k++ {
		if a.nums[k] == -1 {
			n := 0
			for k+1 < len(a.nums) && a.inArr[k+1] {
				k++
				n++
			}
			lists = append(lists, n)
			top = append(top, -1)
			continue
		}
		top = append(top, a.nums[k])
	}
	li := 0
	for k := 0; k < len(top); k++ {
		switch {
		case k+1 < len(top) && top[k+1] == -1:
			for j := range lists[li] {
				cids = append(cids, top[k]+j)
			}
			li++
			k++
		case k+2 < len(top) && top[k] >= 0 && top[k+1] >= 0 && top[k+2] >= 0:
			for c := top[k]; c <= top[k+1]; c++ {
				cids = append(cids, c)
			}
			k += 2
		}
	}
	return cids
}

// xmpPacket is the document's metadata as XMP: what the information
// dictionary says, PDF/A-1b's identification, and the record metadata of
// Decree 30 Appendix VI under a declared extension schema.
func xmpPacket(m docMeta, pages int) []byte {
	esc := html.EscapeString
	date := fmt.Sprintf("%04d-%02d-%02dT00:00:00+00:00", m.date.Year, m.date.Month, m.date.Day)
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>1</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.title) + `</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>` + esc(m.author) + `</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.subject) + `</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>vi-VN</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>plandoc ` + esc(Version) + `</xmp:CreatorTool>
<xmp:CreateDate>` + date + `</xmp:CreateDate>
<xmp:ModifyDate>` + date + `</xmp:ModifyDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>plandoc ` + esc(Version) + `</pdf:Producer>
<pdf:Keywords>` + esc(m.keywords) + `</pdf:Keywords>
</rdf:Description>
` + recordXMP(m.record, pages))
	b.WriteString(`
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return []byte(b.String())
}

// recordNS is the namespace of the record metadata plandoc writes.
const recordNS = "https://github.com/plandoc/plandoc/ns/record/1.0/"

// recordFields are the record metadata of Decree 30/2020 Appendix VI, with
// their XMP types and what the appendix calls them.
var recordFields = []struct{ name, valueType, description string }{
	{"documentType", "Text", "Tên loại văn bản (document type)"},
	{"number", "Text", "Số của văn bản (number)"},
	{"symbol", "Text", "Ký hiệu của văn bản (symbol)"},
	{"issueDate", "Date", "Ngày, tháng, năm văn bản (issue date)"},
	{"issuer", "Text", "Tên cơ quan, tổ chức ban hành văn bản (issuing organisation)"},
	{"summary", "Text", "Trích yếu nội dung (summary)"},
	{"language", "Text", "Ngôn ngữ (language)"},
	{"pageCount", "Integer", "Số trang của văn bản (page count)"},
	{"signerPosition", "Text", "Chức vụ của người ký (signer's position)"},
	{"signerName", "Text", "Họ và tên người ký (signer's name)"},
}

// recordXMP declares the record schema as PDF/A-1 requires of a schema it
// does not know, and gives the document's values.
func recordXMP(r recordMeta, pages int) string {
	esc := html.EscapeString
	var b strings.Builder
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Decree 30/2020/ND-CP Appendix VI record metadata</pdfaSchema:schema>
<pdfaSchema:namespaceURI>` + recordNS + `</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>rec</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
`)
	for _, f := range recordFields {
		fmt.Fprintf(&b, "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>%s</pdfaProperty:name><pdfaProperty:valueType>%s</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>%s</pdfaProperty:description></rdf:li>\n",
			f.name, f.valueType, esc(f.description))
	}
	b.WriteString(`</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:rec="` + recordNS + `">
`)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "<rec:%s>%s</rec:%s>\n", name, esc(value), name)
		}
	}
	field("documentType", r.docType)
	field("number", r.number)
	field("symbol", r.symbol)
	field("issueDate", r.issued.String())
	field("issuer", r.issuer)
	field("summary", r.summary)
	field("language", "vi")
	field("pageCount", strconv.Itoa(pages))
	if r.signer != nil {
		position := r.signer.Title
		if r.signer.Authority != "" {
			position = r.signer.Authority + " " + r.signer.Title
		}
		field("signerPosition", position)
		field("signerName", r.signer.Name)
	}
	b.WriteString("</rdf:Description>\n")
	return b.String()
}
