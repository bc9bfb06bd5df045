package safefile

import (
	"io"
	"os"
	"slices"

	"golang.org/x/sys/unix"
)

// writeVectored writes the parts to f with writev, up to maxIovecs of them
// a call, and says whether it could: a render stages twenty files in 240
// parts (each of a PDF's pages is one), and a write a part made staging
// them twice as long.
func writeVectored(f *os.File, parts [][]byte) (bool, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return false, nil
	}
	var werr error
	err = rc.Write(func(fd uintptr) bool {
		werr = writeAllVectored(parts, func(iov [][]byte) (int, error) { return unix.Writev(int(fd), iov) })
		return true
	})
	if err != nil {
		return true, err
	}
	return true, werr
}

// maxIovecs is Linux's limit on the parts of one writev (IOV_MAX).
const maxIovecs = 1024

// writeAllVectored writes every part with writev, in order, whatever
// number of bytes each call takes; a call interrupted is made again.
func writeAllVectored(parts [][]byte, writev func([][]byte) (int, error)) error {
	parts = slices.Clone(parts) // what is written is cut from this copy, not the caller's parts
	iov := make([][]byte, 0, min(len(parts), maxIovecs))
	for {
		for len(parts) > 0 && len(parts[0]) == 0 {
			parts = parts[1:]
		}
		if len(parts) == 0 {
			return nil
		}
		iov = iov[:0]
		for _, p := range parts[:min(len(parts), maxIovecs)] {
			if len(p) > 0 {
				iov = append(iov, p)
			}
		}
		n, err := writev(iov)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return &os.PathError{Op: "writev", Err: err}
		}
		if n == 0 {
			return io.ErrShortWrite
		}
		// Cut what was written: whole parts, then the start of one.
		for n > 0 {
			k := min(n, len(parts[0]))
			parts[0] = parts[0][k:]
			n -= k
			if len(parts[0]) == 0 {
				parts = parts[1:]
			}
		}
	}
}
