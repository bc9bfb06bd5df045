package render

import (
	"io"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/plandoc/plandoc/render/internal/flate"
)

// Every stream plandoc writes, in the workbooks' zip and in the PDFs, is
// compressed by render/internal/flate, a copy of Go 1.26.8's compress/flate
// (see its PATCHES.md): the bytes of a signed document must not change
// because a newer Go release compresses differently, as Go 1.7 did. The
// copy writes Go 1.26.8's bytes, faster.
func init() { fpdf.NewDeflater = func(w io.Writer) io.WriteCloser { return fastDeflate(w) } }

// A flate writer is large to allocate; workbooks have many small parts,
// and a PDF a stream for each page and font.
var deflaters sync.Pool

type pooledDeflater struct{ *flate.Writer }

func (p pooledDeflater) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}

// fastDeflate gives a writer at the fastest level: a workbook is a few
// percent larger than at the default level and written three times
// faster; the bytes are still the same every run.
func fastDeflate(w io.Writer) pooledDeflater {
	if fw, ok := deflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledDeflater{fw}
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return pooledDeflater{fw}
}
