// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import "sync"

// utf8FontParts is what a UTF-8 font's objects hold that depends on the
// document's runes: the subset, its widths and its CID-to-glyph map, the
// streams compressed. plandoc's patch makes them for all of a document's
// fonts at once, each on a goroutine of its own, before the objects are
// written in order: they were most of the time the small documents of a
// batch spent after their last page.
type utf8FontParts struct {
	fontStream  []byte // the subset, compressed
	fontSize    int    // the subset's length before compression
	widths      string // the /W array's content
	cidToGidMap []byte // compressed

	failed any // what a goroutine panicked with, raised again in the caller's
}

// makeUTF8FontParts makes the parts of the UTF-8 fonts among keys, with
// the steps, in the order, upstream's putfonts takes.
func (f *Fpdf) makeUTF8FontParts(keys []string) map[string]*utf8FontParts {
	parts := map[string]*utf8FontParts{}
	var wg sync.WaitGroup
	for _, key := range keys {
		font := f.fonts[key]
		if font.Tp != "UTF8" {
			continue
		}
		part := &utf8FontParts{}
		parts[key] = part
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { part.failed = recover() }()
			usedRunes := font.usedRunes
			delete(usedRunes, 0)
			stream := font.utf8File.GenerateCutFont(usedRunes)
			part.fontSize = len(stream)
			codeSignDictionary := font.utf8File.CodeSymbolDictionary
			delete(codeSignDictionary, 0)
			part.widths = f.generateCIDFontMap(&font, font.utf8File.LastRune)

			cidToGidMap := make([]byte, 256*256*2)
			for cc, glyph := range codeSignDictionary {
				cidToGidMap[cc*2] = byte(glyph >> 8)
				cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
			}
			mem := xmem.compress(cidToGidMap)
			part.cidToGidMap = mem.copy()
			mem.release()
			mem = xmem.compress(stream)
			part.fontStream = mem.copy()
			mem.release()
		}()
	}
	wg.Wait()
	// A damaged font panics in subsetting, as upstream's putfonts does, in
	// the goroutine that closes the document, which may recover.
	for _, key := range keys {
		if part := parts[key]; part != nil && part.failed != nil {
			panic(part.failed)
		}
	}
	return parts
}
