// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import "strconv"

// putText writes Text's operators into the page as
// sprintf("BT %.2f %.2f Td (%s) Tj ET", …) and out do, within
// sprintf("q %s %s Q", text colour, …) when the text's colour is not the
// fill's (plandoc's patch):
// a long table draws a text for every word of every justified line, and
// formatting through fmt was half of Text's time. strconv's 'f' format
// with two decimals is what fmt's %.2f writes.
func (f *Fpdf) putText(x, y float64, escaped string) {
	f.putTextBytes(x, y, []byte(escaped))
}

// putUTF8Text is Text for a UTF-8 font in the common case: the text is
// turned into escaped UTF-16 (what escape(utf8toutf16(s, false)) gives)
// in one pass into a buffer kept for the next, and each rune is added to
// the font's used runes once, not at every use.
func (f *Fpdf) putUTF8Text(x, y float64, s string) {
	f.textBuf = appendUTF16Escaped(f.textBuf[:0], s)
	used, seen := f.currentFont.usedRunes, f.currentFont.seen
	for _, uni := range s {
		r := int(uni)
		if seen != nil && r >= 0 && r < 131072 {
			w, bit := r>>6, uint64(1)<<(r&63)
			if seen[w]&bit != 0 {
				continue
			}
			seen[w] |= bit
		}
		used[r] = r
	}
	f.putTextBytes(x, y, f.textBuf)
}

// appendUTF16Escaped appends what escape(utf8toutf16(s, false)) returns:
// the same conversion, byte for byte, and the same four escapes.
func appendUTF16Escaped(dst []byte, s string) []byte {
	put := func(b byte) {
		switch b {
		case '\\':
			dst = append(dst, '\\', '\\')
		case '(':
			dst = append(dst, '\\', '(')
		case ')':
			dst = append(dst, '\\', ')')
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, b)
		}
	}
	nb := len(s)
	i := 0
	for i < nb {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224:
			c2 := s[i]
			i++
			c3 := s[i]
			i++
			put(((c1 & 0x0F) << 4) + ((c2 & 0x3C) >> 2))
			put(((c2 & 0x03) << 6) + (c3 & 0x3F))
		case c1 >= 192:
			c2 := s[i]
			i++
			put((c1 & 0x1C) >> 2)
			put(((c1 & 0x03) << 6) + (c2 & 0x3F))
		default:
			put(0)
			put(c1)
		}
	}
	return dst
}

func (f *Fpdf) putTextBytes(x, y float64, escaped []byte) {
	var num [32]byte
	page := f.pages[f.page]
	if f.colorFlag {
		page.WriteString("q ")
		page.WriteString(f.color.text.str)
		page.WriteByte(' ')
	}
	page.WriteString("BT ")
	page.Write(strconv.AppendFloat(num[:0], x*f.k, 'f', 2, 64))
	page.WriteByte(' ')
	page.Write(strconv.AppendFloat(num[:0], (f.h-y)*f.k, 'f', 2, 64))
	page.WriteString(" Td (")
	page.Write(escaped)
	page.WriteString(") Tj ET")
	if f.colorFlag {
		page.WriteString(" Q")
	}
	page.WriteByte('\n')
}
