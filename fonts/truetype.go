package fonts

import (
	"encoding/binary"

	"github.com/plandoc/plandoc/data/msg"
)

// The PDF writer reads TrueType itself; plandoc reads just enough more to
// refuse what it cannot draw: the face's style (head.macStyle) and which
// characters have glyphs (cmap), so a missing letter is an error naming
// the task, never an empty box.

// coverage maps the characters of the Basic Multilingual Plane to glyphs;
// 0 is the "missing" glyph.
type coverage [0x10000]uint16

func (c *coverage) has(r rune) bool { return r >= 0 && r < 0x10000 && c[r] != 0 }

func (c *coverage) add(r, glyph uint32) {
	if r < 0x10000 {
		c[r] = uint16(glyph)
	}
}

type sfnt struct {
	file   string
	data   []byte
	tables map[string][]byte
}

func parseFace(file string, data []byte) (*Face, Style, error) {
	f, err := readTables(file, data)
	if err != nil {
		return nil, 0, err
	}
	head, ok := f.tables["head"]
	if !ok || len(head) < 54 {
		return nil, 0, msg.Errorf("font %s: no usable head table", file)
	}
	macStyle := binary.BigEndian.Uint16(head[44:])
	style := Style(0)
	if macStyle&1 != 0 {
		style |= Bold
	}
	if macStyle&2 != 0 {
		style |= Italic
	}
	cover, err := f.coverage()
	if err != nil {
		return nil, 0, err
	}
	advances, err := f.advances()
	if err != nil {
		return nil, 0, err
	}
	unitsPerEm := binary.BigEndian.Uint16(head[18:])
	if unitsPerEm == 0 {
		return nil, 0, msg.Errorf("font %s: unitsPerEm is 0", file)
	}
	if locFormat := binary.BigEndian.Uint16(head[50:]); locFormat > 1 {
		return nil, 0, msg.Errorf("font %s is damaged: head.indexToLocFormat is %d, where a TrueType font has 0 or 1", file, locFormat)
	}
	return &Face{File: file, Data: data, cover: cover, advances: advances, unitsPerEm: float64(unitsPerEm)}, style, nil
}

// advances reads the glyphs' advance widths (hhea and hmtx); glyphs past
// numberOfHMetrics share the last width, as the format says.
func (f *sfnt) advances() ([]uint16, error) {
	hhea, hmtx := f.tables["hhea"], f.tables["hmtx"]
	if len(hhea) < 36 {
		return nil, msg.Errorf("font %s: no usable hhea table", f.file)
	}
	n := int(binary.BigEndian.Uint16(hhea[34:]))
	if n == 0 || len(hmtx) < 4*n {
		return nil, msg.Errorf("font %s: hmtx table cut short", f.file)
	}
	out := make([]uint16, n)
	for i := range out {
		out[i] = binary.BigEndian.Uint16(hmtx[4*i:])
	}
	return out, nil
}

func readTables(file string, data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, msg.Errorf("font %s: too short to be a TrueType file", file)
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, msg.Errorf("font %s: OpenType with CFF outlines is not supported; use a TrueType (.ttf) file", file)
	case "ttcf":
		return nil, msg.Errorf("font %s: a font collection (.ttc) is not supported; use single .ttf files", file)
	default:
		return nil, msg.Errorf("font %s: not a TrueType file", file)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, msg.Errorf("font %s: table directory cut short", file)
	}
	f := &sfnt{file: file, data: data, tables: map[string][]byte{}}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, msg.Errorf("font %s: table %q runs past the end of the file", file, rec[:4])
		}
		f.tables[string(rec[:4])] = data[off : off+length]
	}
	return f, nil
}

// coverage reads the Unicode cmap subtable: format 12 when there is one
// (full Unicode), else format 4 (the BMP).
func (f *sfnt) coverage() (*coverage, error) {
	cmap, ok := f.tables["cmap"]
	if !ok || len(cmap) < 4 {
		return nil, msg.Errorf("font %s: no cmap table", f.file)
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var fmt4, fmt12 []byte
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+2 > len(cmap) || !(platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))) {
			continue
		}
		switch binary.BigEndian.Uint16(cmap[off:]) {
		case 4:
			fmt4 = cmap[off:]
		case 12:
			fmt12 = cmap[off:]
		}
	}
	c := new(coverage)
	switch {
	case fmt12 != nil && len(fmt12) >= 16:
		groups := int(binary.BigEndian.Uint32(fmt12[12:]))
		for g := 0; g < groups && 16+12*g+12 <= len(fmt12); g++ {
			rec := fmt12[16+12*g:]
			start, end, glyph := binary.BigEndian.Uint32(rec), binary.BigEndian.Uint32(rec[4:]), binary.BigEndian.Uint32(rec[8:])
			for r := start; r <= end && r < 0x10000; r++ {
				if glyph+(r-start) != 0 {
					c.add(r, glyph+(r-start))
				}
			}
		}
	case fmt4 != nil && len(fmt4) >= 14:
		segs := int(binary.BigEndian.Uint16(fmt4[6:])) / 2
		if len(fmt4) < 16+8*segs {
			return nil, msg.Errorf("font %s: cmap cut short", f.file)
		}
		ends, starts := fmt4[14:], fmt4[16+2*segs:]
		deltas, ranges := fmt4[16+4*segs:], fmt4[16+6*segs:]
		for s := 0; s < segs; s++ {
			start, end := uint32(binary.BigEndian.Uint16(starts[2*s:])), uint32(binary.BigEndian.Uint16(ends[2*s:]))
			delta, rangeOff := binary.BigEndian.Uint16(deltas[2*s:]), int(binary.BigEndian.Uint16(ranges[2*s:]))
			for r := start; r <= end && r != 0xFFFF; r++ {
				glyph := uint16(r) + delta
				if rangeOff != 0 {
					at := 16 + 6*segs + 2*s + rangeOff + 2*int(r-start)
					if at+2 > len(fmt4) {
						break
					}
					if glyph = binary.BigEndian.Uint16(fmt4[at:]); glyph != 0 {
						glyph += delta
					}
				}
				if glyph != 0 {
					c.add(r, uint32(glyph))
				}
			}
		}
	default:
		return nil, msg.Errorf("font %s: no Unicode character map", f.file)
	}
	return c, nil
}
