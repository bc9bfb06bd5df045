// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"sync"
	"sync/atomic"
)

// plandoc's patch: a process parses each UTF-8 font once. Upstream parses
// the TrueType file and hashes its definition (a JSON of 65,536 widths)
// for every document that adds it, which was a quarter of the time of a
// batch of small PDFs. Documents share what parsing yields and only read
// it; each gets its own file reader and used-rune set, which subsetting
// changes.

// utf8FontKey names a font's bytes by their identity: the cache holds the
// bytes, so their address cannot be reused for other bytes while it is in
// the cache. Callers must not change a font's bytes after adding it.
type utf8FontKey struct {
	data    *byte
	size    int
	fontkey string
}

var utf8Fonts sync.Map // utf8FontKey → fontDefType, parsed, with no used runes

// maxCachedFonts bounds what the caches hold (each holds its font's
// bytes): a batch program uses a few faces; past this many, fonts are
// parsed per document as upstream does.
const maxCachedFonts = 64

var cached, cachedCuts atomic.Int32

func parsedUTF8Font(data []byte, fontkey string) (fontDefType, bool) {
	if len(data) == 0 {
		return fontDefType{}, false
	}
	v, ok := utf8Fonts.Load(utf8FontKey{&data[0], len(data), fontkey})
	if !ok {
		return fontDefType{}, false
	}
	def := v.(fontDefType)
	file := *def.utf8File // subsetting replaces the maps it uses, never writes into them
	file.fileReader = &fileReader{array: data}
	def.utf8File = &file
	return def, true
}

func rememberUTF8Font(data []byte, fontkey string, def fontDefType) {
	if len(data) == 0 {
		return
	}
	if cached.Add(1) > maxCachedFonts {
		return // a process that reads fonts without end: parse each time
	}
	file := *def.utf8File
	file.fileReader = &fileReader{array: data}
	def.utf8File = &file
	def.usedRunes = nil
	utf8Fonts.Store(utf8FontKey{&data[0], len(data), fontkey}, def)
}
