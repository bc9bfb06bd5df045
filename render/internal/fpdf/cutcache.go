// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import "sync"

// plandoc's patch: what subsetting reads of a font before it looks at the
// runes a document used (its tables, character map, widths and glyph
// offsets) is the same for every document, so a process reads it once
// per font. Upstream read it again for every document and face; it was
// half of subsetting's time. Subsetting only reads these.

type cutPreamble struct {
	tables                   map[string]*tableDescription
	charSymbol               map[int]int
	symbolPosition           []int
	locaFormat, metricsCount int
	numSymbols               int
}

type cutKey struct {
	data *byte
	size int
}

var cutPreambles sync.Map // cutKey → *cutPreamble

// cutPreamble sets what subsetting reads first, from the cache when the
// font was read before, and says whether the font has a Unicode map.
func (utf *utf8FontFile) cutPreamble() (*cutPreamble, bool) {
	data := utf.fileReader.array
	if len(data) == 0 {
		return nil, false
	}
	key := cutKey{&data[0], len(data)}
	if v, ok := cutPreambles.Load(key); ok {
		pre := v.(*cutPreamble)
		utf.tableDescriptions = pre.tables
		utf.charSymbolDictionary = pre.charSymbol
		utf.symbolPosition = pre.symbolPosition
		return pre, true
	}
	utf.generateTableDescriptions()

	utf.SeekTable("head")
	utf.skip(50)
	locaFormat := utf.readUint16()

	utf.SeekTable("hhea")
	utf.skip(34)
	metricsCount := utf.readUint16()

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	// The character map parseFile read is the one subsetting reads (the
	// same first Unicode format-4 table); the widths subsetting used to
	// compute again at scale 1 are not read after it, so are not made.
	if utf.cmapChars != nil {
		utf.charSymbolDictionary = utf.cmapChars
	} else if utf.generateCMAP() == nil {
		return nil, false
	}
	utf.parseLOCATable(locaFormat, numSymbols)
	pre := &cutPreamble{
		tables: utf.tableDescriptions, charSymbol: utf.charSymbolDictionary, symbolPosition: utf.symbolPosition,
		locaFormat: locaFormat, metricsCount: metricsCount, numSymbols: numSymbols,
	}
	if cachedCuts.Add(1) <= maxCachedFonts {
		cutPreambles.Store(key, pre)
	}
	return pre, true
}
