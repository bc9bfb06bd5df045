// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"encoding/binary"
	"maps"
	"slices"
	"sync"
)

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
			id, data := fontPartsKey(font, key, usedRunes)
			if data != nil {
				if made, ok := madeFontParts.get(id); ok {
					*part = made
					return
				}
			}
			stream := font.utf8File.GenerateCutFont(usedRunes)
			part.fontSize = len(stream)
			codeSignDictionary := font.utf8File.CodeSymbolDictionary
			delete(codeSignDictionary, 0)
			part.widths = f.generateCIDFontMap(&font, font.utf8File.LastRune)

			cidToGidMap := cidMaps.Get().(*[256 * 256 * 2]byte)
			for cc, glyph := range codeSignDictionary {
				cidToGidMap[cc*2] = byte(glyph >> 8)
				cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
			}
			mem := xmem.compressSummed(cidToGidMap[:], func(m []byte) uint32 { return sparseAdler32(m, codeSignDictionary) })
			part.cidToGidMap = mem.copy()
			mem.release()
			for cc := range codeSignDictionary {
				cidToGidMap[cc*2], cidToGidMap[cc*2+1] = 0, 0
			}
			cidMaps.Put(cidToGidMap)
			mem = xmem.compress(stream)
			part.fontStream = mem.copy()
			mem.release()
			if data != nil {
				madeFontParts.put(id, data, *part)
			}
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

// cidMaps holds zeroed CID-to-glyph maps for reuse: a map is 128 KB, of
// which a document sets a few hundred entries, and compressing a new one
// read each of its 32 pages for the first time (600 page faults in the
// 2021 plan's render). A map goes back zeroed, its entries cleared.
var cidMaps = sync.Pool{New: func() any { return new([256 * 256 * 2]byte) }}

// Documents of one batch often set the same runes in a face (the reports
// of four quarters, their headings in bold italic): the parts made for a
// face and a set of runes are kept, by the face's bytes, its name and the
// runes, and given to the next document that needs the same (plandoc's
// patch). They are only read: putstream copies them into the document.
type fontPartsID struct {
	font  utf8FontKey
	runes string // the used runes map, its keys in order, each with its value
}

// fontPartsKey names a font's parts, and gives its bytes: nil when the
// font cannot be named so.
func fontPartsKey(font fontDefType, fontkey string, usedRunes map[int]int) (fontPartsID, []byte) {
	if font.utf8File == nil || font.utf8File.fileReader == nil || len(font.utf8File.fileReader.array) == 0 {
		return fontPartsID{}, nil
	}
	data := font.utf8File.fileReader.array
	// Both keys and values count: a document starts with the runes below
	// 57 present, valued 0 until used, and subsetting reads the values.
	keys := slices.Sorted(maps.Keys(usedRunes))
	pairs := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		pairs = binary.LittleEndian.AppendUint32(pairs, uint32(k))
		pairs = binary.LittleEndian.AppendUint32(pairs, uint32(usedRunes[k]))
	}
	return fontPartsID{utf8FontKey{&data[0], len(data), fontkey}, string(pairs)}, data
}

// maxFontParts bounds what the cache holds: a batch makes a few documents'
// worth of subsets; past this many, parts are made for each document.
const maxFontParts = 256

type fontPartsCache struct {
	mu      sync.Mutex
	entries map[fontPartsID]fontPartsEntry
}

type fontPartsEntry struct {
	parts utf8FontParts
	font  []byte // held, so its address names these bytes alone
}

var madeFontParts = &fontPartsCache{entries: map[fontPartsID]fontPartsEntry{}}

func (c *fontPartsCache) get(id fontPartsID) (utf8FontParts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[id]
	return e.parts, ok
}

func (c *fontPartsCache) put(id fontPartsID, font []byte, p utf8FontParts) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) < maxFontParts {
		c.entries[id] = fontPartsEntry{p, font}
	}
}

// sparseAdler32 is the Adler-32 checksum of a CID-to-glyph map whose only
// bytes other than zero are the two of each code the dictionary sets.
// Adler-32 sums the bytes (A, from 1) and the running values of A after
// each (B): a byte d at offset i of n adds d to A and d·(n−i) to B, and
// each of the n bytes adds 1, A's start, to B; the map's 131,072 bytes are
// not read (plandoc's patch).
func sparseAdler32(m []byte, codes map[int]int) uint32 {
	const mod = 65521
	n := uint64(len(m))
	a, b := uint64(1), n
	for cc := range codes {
		for _, i := range [2]int{cc * 2, cc*2 + 1} {
			d := uint64(m[i])
			a += d
			b += d * (n - uint64(i))
		}
	}
	return uint32(b%mod)<<16 | uint32(a%mod)
}
