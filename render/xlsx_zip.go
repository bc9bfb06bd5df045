package render

import (
	"archive/zip"
	"bytes"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer given to excelize: it writes the parts in
// name order with a fixed time, because excelize writes streamed sheets in
// map order and the bytes must be the same every run. Each part is
// compressed as it arrives (excelize writes one part at a time), so only
// compressed bytes wait for the sorting.
type sortedZip struct {
	out   io.Writer
	parts []*zipPart
	open  *zipPart
	when  time.Time
	runs  rowRuns // placeholder rows to replace with their runs of task rows
}

type zipPart struct {
	name       string
	compressed bytes.Buffer
	shared     []byte // instead, the compressed bytes compressShared keeps for every workbook holding the part
	crc        hash.Hash32
	sum        uint32 // crc's, once the part is whole
	size       uint64
	deflater   io.WriteCloser
	raw        *bytes.Buffer // [Content_Types].xml, rewritten before it is compressed
	sheet      *bytes.Buffer // a worksheet with placeholder rows, completed before it is compressed
	small      *bytes.Buffer // a part while it is at most smallPart bytes, compressed once for all workbooks that hold it
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p.small != nil {
		if p.small.Len()+len(b) <= smallPart {
			return p.small.Write(b)
		}
		// Past smallPart: compressed for this workbook alone, as it comes.
		held := p.small.Bytes()
		p.small = nil
		p.deflater, p.crc = fastDeflate(&p.compressed), crc32.NewIEEE()
		if _, err := p.Write(held); err != nil {
			return 0, err
		}
	}
	if p.raw != nil {
		return p.raw.Write(b)
	}
	if p.sheet != nil {
		return p.sheet.Write(b)
	}
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.deflater.Write(b)
}

func newSortedZip(when time.Time, runs rowRuns) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter {
		return &sortedZip{out: w, when: when, runs: runs}
	}
}

// data is the part's compressed bytes.
func (p *zipPart) data() []byte {
	if p.shared != nil {
		return p.shared
	}
	return p.compressed.Bytes()
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finishPart(); err != nil {
		return nil, err
	}
	for _, p := range z.parts {
		if p.name == name {
			return nil, msg.Errorf("workbook part %s written twice", name)
		}
	}
	p := &zipPart{name: name}
	switch {
	case name == contentTypesPart:
		p.raw = new(bytes.Buffer)
	case len(z.runs) > 0 && strings.HasPrefix(name, "xl/worksheets/"):
		p.sheet = new(bytes.Buffer)
	default:
		p.small = new(bytes.Buffer)
	}
	z.parts = append(z.parts, p)
	z.open = p
	return p, nil
}

// finishPart ends the compression of the part being written.
func (z *sortedZip) finishPart() error {
	p := z.open
	z.open = nil
	if p == nil {
		return nil
	}
	if p.sheet != nil {
		// Completed, the sheet is a part as any other.
		sheet := p.sheet
		p.sheet, p.small = nil, new(bytes.Buffer)
		if err := z.completeSheet(p, sheet.Bytes()); err != nil {
			return err
		}
	}
	if p.small != nil {
		c, err := compressShared(p.small.Bytes())
		if err != nil {
			return err
		}
		p.small = nil
		p.shared = c.compressed
		p.sum, p.size = c.crc, c.size
		return nil
	}
	if p.deflater == nil {
		return nil
	}
	p.sum = p.crc.Sum32()
	return p.deflater.Close()
}

// completeSheet writes a worksheet into its part with each placeholder
// row replaced by its run of task rows.
func (z *sortedZip) completeSheet(p *zipPart, sheet []byte) error {
	marker := []byte(markerNonce())
	for {
		i := bytes.Index(sheet, marker)
		if i < 0 {
			_, err := p.Write(sheet)
			return err
		}
		start := bytes.LastIndex(sheet[:i], []byte("<row "))
		n := bytes.IndexByte(sheet[i:], '<')
		end := bytes.Index(sheet[i:], []byte("</row>"))
		if start < 0 || n < 0 || end < 0 {
			return msg.Errorf("workbook part %s: a placeholder row is not whole", p.name)
		}
		run, ok := z.runs[string(sheet[i:i+n])]
		if !ok {
			return msg.Errorf("workbook part %s: a placeholder row without its rows", p.name)
		}
		if _, err := p.Write(sheet[:start]); err != nil {
			return err
		}
		if _, err := run.WriteTo(p); err != nil {
			return err
		}
		sheet = sheet[i+end+len("</row>"):]
	}
}

func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		w, err := z.Create(path)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

const contentTypesPart = "[Content_Types].xml"

func (z *sortedZip) Close() error {
	if err := z.finishPart(); err != nil {
		return err
	}
	// [Content_Types].xml sorts first, as Office writes it.
	sort.Slice(z.parts, func(i, j int) bool { return z.parts[i].name < z.parts[j].name })
	if buf, ok := z.out.(*bytes.Buffer); ok {
		// The file made at its size, not grown by doubling from nothing
		// (copying each workbook twice over).
		buf.Grow(zipSize(z.parts))
	}
	zw := zip.NewWriter(z.out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return fastDeflate(w), nil })
	for _, p := range z.parts {
		if p.raw != nil {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: z.when})
			if err != nil {
				return err
			}
			if _, err := w.Write(sortContentTypes(p.raw.Bytes())); err != nil {
				return err
			}
			continue
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: z.when,
			CRC32: p.sum, CompressedSize64: uint64(len(p.data())), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// zipSize is the size of the zip file of the parts, or a little more: each
// part's local header and central directory entry (30 and 46 bytes, each
// with its name and a 9-byte time), its data and, where the zip writer
// compresses it, its data descriptor (at most 24); the directory's end
// (22). The content types, compressed as they are written, count whole.
func zipSize(parts []*zipPart) int {
	n := 22
	for _, p := range parts {
		n += 30 + 46 + 2*(len(p.name)+9) + 24 + len(p.data())
		if p.raw != nil {
			n += p.raw.Len()
		}
	}
	return n
}

// contentTypeEntries are the elements of [Content_Types].xml that
// sortContentTypes puts in order.
var contentTypeEntries = []string{"Default", "Override"}

// sortContentTypes puts the content types' Default and Override entries in
// order: excelize writes them in map order once a workbook has a chart, and
// their order means nothing to a reader.
func sortContentTypes(xml []byte) []byte {
	for _, tag := range contentTypeEntries {
		xml = sortRun(xml, elementSpans(xml, tag))
	}
	return xml
}

// elementSpans finds each element <tag …/> or <tag …></tag> in xml, where
// the attributes hold no '>' (as excelize writes them escaped): what the
// pattern `<tag [^>]*?(?:/>|></tag>)` matches, found without one (the
// regular expressions took 0.7% of a render).
func elementSpans(xml []byte, tag string) [][2]int {
	open, closing := "<"+tag+" ", "</"+tag+">"
	var spans [][2]int
	for at := 0; ; {
		i := bytes.Index(xml[at:], []byte(open))
		if i < 0 {
			return spans
		}
		start := at + i
		gt := bytes.IndexByte(xml[start+len(open):], '>')
		if gt < 0 {
			return spans
		}
		gt += start + len(open)
		switch {
		case xml[gt-1] == '/':
			spans = append(spans, [2]int{start, gt + 1})
			at = gt + 1
		case bytes.HasPrefix(xml[gt+1:], []byte(closing)):
			end := gt + 1 + len(closing)
			spans = append(spans, [2]int{start, end})
			at = end
		default:
			at = start + 1
		}
	}
}

// sortRun sorts the elements at spans, when they stand in one unbroken run.
func sortRun(xml []byte, spans [][2]int) []byte {
	if len(spans) < 2 {
		return xml
	}
	for i := 1; i < len(spans); i++ {
		if spans[i][0] != spans[i-1][1] {
			return xml // not one run of entries: leave what we do not understand
		}
	}
	entries := make([]string, len(spans))
	for i, l := range spans {
		entries[i] = string(xml[l[0]:l[1]])
	}
	sort.Strings(entries)
	start, end := spans[0][0], spans[len(spans)-1][1]
	out := make([]byte, 0, len(xml))
	out = append(out, xml[:start]...)
	for _, e := range entries {
		out = append(out, e...)
	}
	return append(out, xml[end:]...)
}
