package render

import "io"

// chunks holds bytes written one after another in blocks, never moving
// what it holds: a department's task rows run to megabytes, and a growing
// buffer copied and cleared them again at every doubling (a tenth of a
// 10,000-task render). The blocks double from firstChunk to chunkSize: most
// runs of a real plan hold a few rows, and a 64 KB block for each was a
// megabyte of the 2021 render's memory, every byte of it cleared.
type chunks struct {
	blocks [][]byte // every block full but the last
}

const (
	firstChunk = 4 << 10
	chunkSize  = 64 << 10
)

// Write appends p; it cannot fail.
func (c *chunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		last := len(c.blocks) - 1
		if last < 0 || len(c.blocks[last]) == cap(c.blocks[last]) {
			size := firstChunk
			if last >= 0 {
				size = min(2*cap(c.blocks[last]), chunkSize)
			}
			c.blocks = append(c.blocks, make([]byte, 0, size))
			last++
		}
		b := c.blocks[last]
		k := copy(b[len(b):cap(b)], p)
		c.blocks[last] = b[:len(b)+k]
		p = p[k:]
	}
	return n, nil
}

// WriteTo writes the bytes held, in order.
func (c *chunks) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for _, b := range c.blocks {
		k, err := w.Write(b)
		total += int64(k)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}
