// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import "strconv"

// putText writes Text's operators into the page as
// sprintf("BT %.2f %.2f Td (%s) Tj ET", …) and out do (plandoc's patch):
// a long table draws a text for every word of every justified line, and
// formatting through fmt was half of Text's time. strconv's 'f' format
// with two decimals is what fmt's %.2f writes.
func (f *Fpdf) putText(x, y float64, escaped string) {
	var num [32]byte
	page := f.pages[f.page]
	page.WriteString("BT ")
	page.Write(strconv.AppendFloat(num[:0], x*f.k, 'f', 2, 64))
	page.WriteByte(' ')
	page.Write(strconv.AppendFloat(num[:0], (f.h-y)*f.k, 'f', 2, 64))
	page.WriteString(" Td (")
	page.WriteString(escaped)
	page.WriteString(") Tj ET\n")
}
