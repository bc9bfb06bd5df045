package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer given to excelize: it collects the parts and
// writes them in name order with a fixed time, because excelize writes
// streamed sheets in map order and the bytes must be the same every run.
type sortedZip struct {
	out   io.Writer
	names []string
	parts map[string]*bytes.Buffer
	when  time.Time
}

func newSortedZip(when time.Time) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter {
		return &sortedZip{out: w, parts: map[string]*bytes.Buffer{}, when: when}
	}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b, ok := z.parts[name]
	if !ok {
		b = new(bytes.Buffer)
		z.parts[name] = b
		z.names = append(z.names, name)
	}
	return b, nil
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
		w, _ := z.Create(path)
		_, err = w.Write(data)
		return err
	})
}

func (z *sortedZip) Close() error {
	// [Content_Types].xml sorts first, as Office writes it.
	sort.Strings(z.names)
	zw := zip.NewWriter(z.out)
	// The fastest deflate level: a workbook is a few percent larger and
	// written three times faster; the bytes are still the same every run.
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	for _, name := range z.names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.when})
		if err != nil {
			return err
		}
		content := z.parts[name].Bytes()
		if name == "[Content_Types].xml" {
			content = sortContentTypes(content)
		}
		if _, err := w.Write(content); err != nil {
			return err
		}
	}
	return zw.Close()
}

// A flate writer is large to allocate; workbooks have many small parts.
var deflaters sync.Pool

type pooledDeflater struct{ *flate.Writer }

func (p pooledDeflater) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}

func fastDeflate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := deflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledDeflater{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledDeflater{fw}, nil
}

var contentTypeEntries = []*regexp.Regexp{
	regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`),
	regexp.MustCompile(`<Override [^>]*?(?:/>|></Override>)`),
}

// sortContentTypes puts the content types' Default and Override entries in
// order: excelize writes them in map order once a workbook has a chart, and
// their order means nothing to a reader.
func sortContentTypes(xml []byte) []byte {
	for _, re := range contentTypeEntries {
		xml = sortRun(xml, re)
	}
	return xml
}

// sortRun sorts the entries re finds, when they stand in one unbroken run.
func sortRun(xml []byte, re *regexp.Regexp) []byte {
	locs := re.FindAllIndex(xml, -1)
	if len(locs) < 2 {
		return xml
	}
	for i := 1; i < len(locs); i++ {
		if locs[i][0] != locs[i-1][1] {
			return xml // not one run of entries: leave what we do not understand
		}
	}
	entries := make([]string, len(locs))
	for i, l := range locs {
		entries[i] = string(xml[l[0]:l[1]])
	}
	sort.Strings(entries)
	start, end := locs[0][0], locs[len(locs)-1][1]
	out := append([]byte{}, xml[:start]...)
	out = append(out, strings.Join(entries, "")...)
	return append(out, xml[end:]...)
}
