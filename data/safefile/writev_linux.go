package safefile

import (
	"io"
	"os"
	"slices"
	"syscall"
	"unsafe"
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
		werr = writeAllVectored(parts, func(iov []syscall.Iovec) (int, error) {
			n, _, errno := syscall.Syscall(syscall.SYS_WRITEV, fd, uintptr(unsafe.Pointer(&iov[0])), uintptr(len(iov)))
			if errno != 0 {
				return 0, errno
			}
			return int(n), nil
		})
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
func writeAllVectored(parts [][]byte, writev func([]syscall.Iovec) (int, error)) error {
	parts = slices.Clone(parts) // what is written is cut from this copy, not the caller's parts
	iov := make([]syscall.Iovec, 0, min(len(parts), maxIovecs))
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
				v := syscall.Iovec{Base: &p[0]}
				v.SetLen(len(p))
				iov = append(iov, v)
			}
		}
		n, err := writev(iov)
		if err == syscall.EINTR {
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
