// Copyright 2026 The plandoc Authors. Use of this source code is governed
// by the BSD-style license in the LICENSE file.

package excelize

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"sync"
)

// plandoc's patch: xml.Marshal and xml.NewEncoder each allocate a 4 KB
// buffered writer, and a workbook's parts marshalled one by one (the
// workbook, its styles, relationships, content types and properties, each
// streamed sheet's fields twice) made 300 of them in one render of the
// real plan, 1.2 MB of memory every byte of which was cleared. An encoder
// made on a buffered writer of that size writes through it instead of
// making its own; the writers are pooled. What is written is what
// xml.Marshal writes: a new encoder for every value, closed after it.

var xmlWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

// marshalXML is xml.Marshal, its buffered writer taken from a pool.
func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	err := encodeXML(&b, func(enc *xml.Encoder) error {
		if err := enc.Encode(v); err != nil {
			return err
		}
		return enc.Close()
	})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encodeXML gives encode an encoder writing to w through a pooled
// buffered writer, flushed after it.
func encodeXML(w io.Writer, encode func(*xml.Encoder) error) error {
	bw := xmlWriters.Get().(*bufio.Writer)
	bw.Reset(w)
	err := encode(xml.NewEncoder(bw))
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	xmlWriters.Put(bw)
	return err
}
