// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"fmt"
	"sync"
)

// plandoc's patch: a long document holds its pages compressed. Upstream
// keeps every page's content stream as written until Output, several
// hundred megabytes for a 100,000-row table; with SetPackPages each page
// is compressed when the next one begins (the last when the document is
// closed), and its plain content let go. The bytes written are the same:
// a page is compressed exactly as Output would have compressed it.
// Pages are compressed on another goroutine, at most two at a time, while
// the next page is drawn: a document drawn alone leaves a processor idle.

// SetPackPages turns early page compression on or off. It needs
// compression on, and a document that never returns to an earlier page
// (SetPage) nor replaces aliases (AliasNbPages, RegisterAlias), as those
// rewrite pages at the end; using them after pages were packed is an
// error.
func (f *Fpdf) SetPackPages(on bool) {
	if on && len(f.aliasNbPagesStr) > 0 {
		f.err = fmt.Errorf("AliasNbPages and SetPackPages cannot be used together: an alias is replaced in every page at the end")
		return
	}
	f.packPages = on
}

// packer compresses finished pages in the background.
type packer struct {
	mu     sync.Mutex
	done   map[int][]byte
	wg     sync.WaitGroup
	slots  chan struct{}
	packed int // the last page handed over
}

// packPage hands the page just ended to the packer, when asked to.
func (f *Fpdf) packPage() {
	if !f.packPages || !f.compress || f.page == 0 || len(f.aliasMap) > 0 || f.err != nil {
		return
	}
	if f.packer == nil {
		f.packer = &packer{done: map[int][]byte{}, slots: make(chan struct{}, 2)}
	}
	p := f.packer
	if f.page <= p.packed {
		return
	}
	n, content := f.page, f.pages[f.page].Bytes()
	p.packed = n
	f.pages[n] = new(bytes.Buffer)
	p.slots <- struct{}{}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		mem := xmem.compress(content)
		packed := mem.copy()
		mem.release()
		p.mu.Lock()
		p.done[n] = packed
		p.mu.Unlock()
		<-p.slots
	}()
}

// packedPages waits for the packer and returns the pages it compressed.
func (f *Fpdf) packedPages() map[int][]byte {
	if f.packer == nil {
		return nil
	}
	f.packer.wg.Wait()
	return f.packer.done
}

// hasPackedPages says whether any page was handed to the packer.
func (f *Fpdf) hasPackedPages() bool { return f.packer != nil && f.packer.packed > 0 }

// A packed page is not copied into the document either: the document is
// parts, then the buffer. The buffer goes into parts as it is whenever a
// packed page's stream is put, and the stream follows as a part of its
// own. Upstream copied the 90 MB of a 100,000-row table's pages into one
// buffer while holding them all, and then the buffer once more.

// offset is where the next byte written goes in the document.
func (f *Fpdf) offset() int { return f.partsSize + f.buffer.Len() }

// putPackedStream is putstream for a packed page's stream, uncopied.
func (f *Fpdf) putPackedStream(b []byte) {
	if f.protect.encrypted {
		f.putstream(b) // encrypted in place: the copy is the document's own
		return
	}
	f.out("stream")
	f.addPart(f.buffer.Bytes())
	f.buffer = fmtBuffer{}
	f.addPart(b)
	f.out("")
	f.out("endstream")
}

func (f *Fpdf) addPart(b []byte) {
	if len(b) > 0 {
		f.parts = append(f.parts, b)
		f.partsSize += len(b)
	}
}
