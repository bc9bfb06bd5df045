// Package safefile writes a file whole or not at all, and durably: the
// render's outputs and the plans import makes share it, so neither leaves
// half a file, even when the machine stops right after.
package safefile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
)

// TempPrefix and TempSuffix name the temporary files Write makes beside
// their destination, so a later run can find and remove those a killed
// run left behind.
const (
	TempPrefix = ".plandoc-"
	TempSuffix = ".tmp"
)

// Write writes content (its parts one after another) to dst through a
// temporary file in the same folder, synced to disk before it is renamed
// over dst, so dst is either the old file or the whole new one. The
// folder's entry is synced by SyncDir.
func Write(dst string, content ...[]byte) error {
	return replace(dst, func(w io.Writer) error { return writeParts(w, content) })
}

// writeParts writes the parts one after another. Many are gathered into
// writes of up to a megabyte: a 100,000-task annex is 25,000 parts, most
// of them a page's stream of a few kilobytes, which one write each made
// 25,000 system calls.
//
// A file takes its parts in as few system calls as the system allows
// (writev on Linux).
func writeParts(w io.Writer, parts [][]byte) error {
	if f, ok := w.(*os.File); ok && len(parts) > 1 {
		if done, err := writeVectored(f, parts); done {
			return err
		}
	}
	if len(parts) > gatherParts {
		bw := bufio.NewWriterSize(w, writeBuffer)
		for _, part := range parts {
			if _, err := bw.Write(part); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	for _, part := range parts {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// gatherParts is the number of parts above which writeParts gathers them:
// a file of a few parts is written as they are, without a buffer.
const gatherParts = 64

// writeBuffer is the size of the writes a file written piece by piece is
// gathered into.
const writeBuffer = 1 << 20

// WriteWith is Write for content too large to hold twice in memory: write
// produces it into the temporary file, which is then synced and renamed
// as Write does; the folder's entry is synced too.
func WriteWith(dst string, write func(io.Writer) error) error {
	buffered := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, writeBuffer)
		werr := write(bw)
		return errors.Join(werr, bw.Flush())
	}
	if err := replace(dst, buffered); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(dst))
}

// replace is the temporary-file protocol Write and WriteWith share; a
// failure at any step removes the temporary file and leaves dst as it was.
func replace(dst string, write func(io.Writer) error) error {
	tmp, err := createTemp(dst)
	if err != nil {
		return err
	}
	werr := write(tmp)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return msg.Errorf("writing %s: %w", dst, err)
	}
	return Install(tmp.Name(), dst)
}

// StagingName is the temporary file Stage writes for dst: beside it, and
// named after it, so what a killed run left says whose it was, and a test
// can fail one file's sync by its name. Only the process holding dst's
// folder (render's lock) may use it; RemoveTemps removes it.
func StagingName(dst string) string {
	return filepath.Join(filepath.Dir(dst), TempPrefix+filepath.Base(dst)+TempSuffix)
}

// Stage writes content to dst's staging file, not yet synced but on its
// way to disk, and returns its name. A large output leaves memory so while
// the others are made; Sync and Install then put it in place, or the
// caller removes it with the rest.
func Stage(dst string, content ...[]byte) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", msg.Errorf("creating output folder: %w", err)
	}
	name := StagingName(dst)
	tmp, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		// A dead run's file: removed, not written through (a link put
		// there would take the write elsewhere).
		if err := os.Remove(name); err != nil {
			return "", msg.Errorf("writing %s: %w", dst, err)
		}
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	}
	if err != nil {
		return "", msg.Errorf("writing %s: %w", dst, err)
	}
	werr := writeParts(tmp, content)
	startWriteback(tmp)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(name)
		return "", msg.Errorf("writing %s: %w", dst, err)
	}
	return name, nil
}

// Sync makes a staged file durable; on failure it is removed.
func Sync(staged, dst string) error {
	f, err := os.OpenFile(staged, os.O_RDWR, 0)
	if err != nil {
		return msg.Errorf("writing %s: %w", dst, err)
	}
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(serr, cerr); err != nil {
		os.Remove(staged)
		return msg.Errorf("writing %s: %w", dst, err)
	}
	return nil
}

// createTemp makes the temporary file that will become dst, in dst's
// folder (created if need be), so the rename stays on one file system.
func createTemp(dst string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, msg.Errorf("creating output folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), TempPrefix+"*"+TempSuffix)
	if err != nil {
		return nil, msg.Errorf("writing %s: %w", dst, err)
	}
	return tmp, nil
}

// Install gives a synced temporary file (Write's own, or one Stage wrote
// and Sync synced) its mode and renames it over dst; on failure it is
// removed and dst stays as it was.
func Install(tmp, dst string) error {
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return msg.Errorf("writing %s: %w", dst, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return msg.Errorf("writing %s: %w", dst, err)
	}
	return nil
}

// SyncDir makes the renames and removals in dir durable. Windows has no
// way to sync a folder and makes renames durable itself.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return msg.Errorf("syncing %s: %w", dir, err)
	}
	serr := d.Sync()
	cerr := d.Close()
	if err := errors.Join(serr, cerr); err != nil {
		return msg.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}

// RemoveTemps removes the temporary files a killed Write left in dir and
// returns how many there were; keep names (by path) the files of the
// running render, spilled before it writes.
func RemoveTemps(dir string, keep ...string) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, msg.Errorf("reading %s: %w", dir, err)
	}
	n := 0
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && strings.HasPrefix(name, TempPrefix) && strings.HasSuffix(name, TempSuffix) && !slices.Contains(keep, filepath.Join(dir, name)) {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return n, msg.Errorf("removing a dead run's temporary file: %w", err)
			}
			n++
		}
	}
	return n, nil
}

// Read reads a regular file of at most limit bytes. A device, a FIFO or a
// folder (or a link to one) is refused before it is opened: /dev/zero
// would fill memory, a FIFO would wait for ever. what names the file in
// messages ("plan", "font").
func Read(path string, limit int64, what string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, msg.Errorf("reading %s: %w", what, err)
	}
	if !info.Mode().IsRegular() {
		return nil, msg.Errorf("reading %s: %s is not a regular file", what, path)
	}
	if info.Size() > limit {
		return nil, msg.Errorf("reading %s: %s is %.1f MB; a %s is at most %d MB", what, path, float64(info.Size())/(1<<20), what, limit>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, msg.Errorf("reading %s: %w", what, err)
	}
	defer f.Close()
	// The file may grow after Stat: read no more than the limit allows.
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, msg.Errorf("reading %s: %w", what, err)
	}
	if int64(len(raw)) > limit {
		return nil, msg.Errorf("reading %s: %s is larger than %d MB, the most a %s can be", what, path, limit>>20, what)
	}
	return raw, nil
}
