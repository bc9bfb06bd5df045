// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

// OutputBytes closes the document and hands over its bytes (plandoc's
// patch): Output copies them into a writer, so a document of 90 MB was
// held twice at its end. The document keeps no hold on the bytes: what is
// written into it afterwards goes into a buffer of its own.
func (f *Fpdf) OutputBytes() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	b := f.buffer.Bytes()
	f.buffer = fmtBuffer{}
	return b, nil
}
