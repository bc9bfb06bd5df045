// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

// OutputParts closes the document and hands over its bytes (plandoc's
// patch) as the parts it was made of, in order: its packed pages' streams
// (SetPackPages) each a part of its own, as they were compressed, the rest
// between them. Output copies them into a writer, so a document of 90 MB
// was held twice at its end. The document keeps no hold on the parts:
// what is written into it afterwards goes into a buffer of its own.
func (f *Fpdf) OutputParts() ([][]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	f.addPart(f.buffer.Bytes())
	parts := f.parts
	f.buffer, f.parts, f.partsSize = fmtBuffer{}, nil, 0
	return parts, nil
}
