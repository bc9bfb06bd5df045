// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"fmt"
)

// plandoc's patch: a long document holds its pages compressed. Upstream
// keeps every page's content stream as written until Output, several
// hundred megabytes for a 100,000-row table; with SetPackPages each page
// is compressed when the next one begins (the last when the document is
// closed), and its plain content let go. The bytes written are the same:
// a page is compressed exactly as Output would have compressed it.

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

// packPage compresses the page just ended, when asked to.
func (f *Fpdf) packPage() {
	if !f.packPages || !f.compress || f.page == 0 || len(f.aliasMap) > 0 || f.err != nil {
		return
	}
	if _, done := f.packedPages[f.page]; done {
		return
	}
	if f.packedPages == nil {
		f.packedPages = map[int][]byte{}
	}
	mem := xmem.compress(f.pages[f.page].Bytes())
	f.packedPages[f.page] = mem.copy()
	mem.release()
	f.pages[f.page] = new(bytes.Buffer)
}
