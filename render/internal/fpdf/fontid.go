// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"strconv"
)

// plandoc's patch: a font's id is the SHA-1 of its definition's JSON, as
// upstream makes it, but the JSON is written here straight into the hash:
// encoding/json took milliseconds per face for the 65,536 widths, a third
// of a small document's time. fontid_test.go checks the bytes are
// encoding/json's.
func fontDefSHA1(fdt *fontDefType) (string, error) {
	h := sha1.New()
	buf := make([]byte, 0, 16<<10)
	str := func(s string) error {
		b, err := json.Marshal(s) // strings are short; their escaping is encoding/json's own
		buf = append(buf, b...)
		return err
	}
	num := func(n int) { buf = strconv.AppendInt(buf, int64(n), 10) }
	flush := func() {
		h.Write(buf)
		buf = buf[:0]
	}
	d := &fdt.Desc
	buf = append(buf, `{"Tp":`...)
	if err := str(fdt.Tp); err != nil {
		return "", err
	}
	buf = append(buf, `,"Name":`...)
	if err := str(fdt.Name); err != nil {
		return "", err
	}
	for _, f := range []struct {
		key string
		v   int
	}{{`,"Desc":{"Ascent":`, d.Ascent}, {`,"Descent":`, d.Descent}, {`,"CapHeight":`, d.CapHeight}, {`,"Flags":`, d.Flags},
		{`,"FontBBox":{"Xmin":`, d.FontBBox.Xmin}, {`,"Ymin":`, d.FontBBox.Ymin}, {`,"Xmax":`, d.FontBBox.Xmax}, {`,"Ymax":`, d.FontBBox.Ymax},
		{`},"ItalicAngle":`, d.ItalicAngle}, {`,"StemV":`, d.StemV}, {`,"MissingWidth":`, d.MissingWidth},
		{`},"Up":`, fdt.Up}, {`,"Ut":`, fdt.Ut}} {
		buf = append(buf, f.key...)
		num(f.v)
	}
	buf = append(buf, `,"Cw":`...)
	if fdt.Cw == nil {
		buf = append(buf, "null"...)
	} else {
		buf = append(buf, '[')
		// Widths repeat (every code point without a glyph has the same,
		// 63,000 of a Latin font's 65,536): a run is its first width, then
		// its comma and digits repeated, copied a block at a time.
		cw := fdt.Cw
		for i := 0; i < len(cw); {
			j := i + 1
			for j < len(cw) && cw[j] == cw[i] {
				j++
			}
			if i > 0 {
				buf = append(buf, ',')
			}
			at := len(buf)
			num(int(cw[i]))
			if repeats := j - i - 1; repeats > 0 {
				unit := append([]byte{','}, buf[at:]...)
				block := bytes.Repeat(unit, max(1, min(repeats, (4<<10)/len(unit))))
				for left := repeats; left > 0; {
					k := min(left, len(block)/len(unit))
					buf = append(buf, block[:k*len(unit)]...)
					left -= k
					if len(buf) > 15<<10 {
						flush()
					}
				}
			}
			if len(buf) > 15<<10 {
				flush()
			}
			i = j
		}
		buf = append(buf, ']')
	}
	for _, f := range []struct{ key, v string }{{`,"Enc":`, fdt.Enc}, {`,"Diff":`, fdt.Diff}, {`,"File":`, fdt.File}} {
		buf = append(buf, f.key...)
		if err := str(f.v); err != nil {
			return "", err
		}
	}
	for _, f := range []struct {
		key string
		v   int
	}{{`,"Size1":`, fdt.Size1}, {`,"Size2":`, fdt.Size2}, {`,"OriginalSize":`, fdt.OriginalSize}, {`,"N":`, fdt.N}, {`,"DiffN":`, fdt.DiffN}} {
		buf = append(buf, f.key...)
		num(f.v)
	}
	buf = append(buf, '}')
	flush()
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
