package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// Where the output folder's file system can be synced at once (a
// journalled local one; PLANDOC_SYNC=filesystem leaves out how much else
// waits to be written, which other tests change), the staged files are
// synced with one syncfs after the last of them is written, and the
// folders' new entries with another: no file nor folder is synced alone
// but the journal's and the manifest's folder. Elsewhere each is.
func TestStagedFilesSyncedWithTheirFileSystem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	opened, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	atOnce, err := syncsAtOnce(t, opened)
	opened.Close()
	if err != nil {
		t.Fatal(err)
	}
	log := straceLog(t, []string{"-E", "PLANDOC_SYNC=filesystem", "-e", "trace=sync_file_range,fsync,syncfs"}, "render", "-o", dir, twoPlans(t)[0])
	lastStart, syncfs, fsyncs := -1, []int{}, 0
	for i, line := range log {
		switch callName(line) {
		case "sync_file_range":
			lastStart = i
		case "syncfs":
			syncfs = append(syncfs, i)
		case "fsync":
			fsyncs++
		}
	}
	switch {
	case atOnce && (len(syncfs) != 2 || syncfs[0] < lastStart || fsyncs != 2):
		t.Fatalf("%d syncfs (the first at line %d, the last file's writing started at %d) and %d fsyncs; want 2 syncfs after the files' writing and 2 fsyncs (the journal's and the manifest's folder):\n%s",
			len(syncfs), append(syncfs, -1)[0], lastStart, fsyncs, strings.Join(log, "\n"))
	case !atOnce && (len(syncfs) != 0 || fsyncs != 20+5):
		t.Fatalf("%d syncfs and %d fsyncs where the file system is not synced at once; want none and 25 (20 files, 5 folder syncs)", len(syncfs), fsyncs)
	}
	if err := consistent(dir); err != nil {
		t.Fatal(err)
	}
	t.Logf("file system synced at once: %v", atOnce)
}

// syncsAtOnce says plandoc should sync dir's file system at once under
// PLANDOC_SYNC=filesystem: Linux 5.8 or later, on ext4 or ext3, XFS or
// btrfs (the test's own reading of what safefile.SyncFileSystem promises).
func syncsAtOnce(t *testing.T, dir *os.File) (bool, error) {
	t.Helper()
	var st unix.Statfs_t
	if err := unix.Fstatfs(int(dir.Fd()), &st); err != nil {
		return false, err
	}
	var u unix.Utsname
	if err := unix.Uname(&u); err != nil {
		return false, err
	}
	var major, minor int
	fmt.Sscanf(unix.ByteSliceToString(u.Release[:]), "%d.%d", &major, &minor)
	recent := major > 5 || major == 5 && minor >= 8
	switch uint32(st.Type) {
	case 0x58465342, 0x9123683e: // XFS, btrfs
		return recent, nil
	case 0xef53: // ext2, ext3 or ext4: the mount says which
		var d unix.Stat_t
		if err := unix.Fstat(int(dir.Fd()), &d); err != nil {
			return false, err
		}
		mountinfo, err := os.ReadFile("/proc/self/mountinfo")
		if err != nil {
			return false, err
		}
		dev := fmt.Sprintf("%d:%d", unix.Major(d.Dev), unix.Minor(d.Dev))
		for _, line := range strings.Split(string(mountinfo), "\n") {
			if fields := strings.Fields(line); len(fields) > 2 && fields[2] == dev {
				_, after, _ := strings.Cut(line, " - ")
				typ, _, _ := strings.Cut(after, " ")
				return recent && (typ == "ext4" || typ == "ext3"), nil
			}
		}
	}
	return false, nil
}

// A failing syncfs fails the render as a failing file's sync does: at the
// files' (the first), before anything is in place, the set rendered
// before stays whole; at the folders' (the second), the folder is left
// consistent and the next render repairs it.
func TestFailingSyncfs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	plan := twoPlans(t)[0]
	before := renderedSet(t, dir, plan)
	opened, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	for k := 1; k <= 2; k++ {
		code, stderr := underStrace(t, []string{"-E", "PLANDOC_SYNC=filesystem", "-e", "trace=syncfs", "-e", "inject=syncfs:error=EIO:when=" + strconv.Itoa(k)}, "render", "-o", dir, plan)
		if code == 0 {
			// Only where the file system is not synced at once.
			if atOnce, err := syncsAtOnce(t, opened); atOnce || err != nil {
				t.Fatalf("syncfs %d made to fail: the render succeeded (%v)", k, err)
			}
			continue
		}
		if code != 1 || !strings.Contains(stderr, "plandoc render: syncing "+dir+": input/output error") {
			t.Fatalf("syncfs %d failing: exit %d; want 1 and the folder named\n%s", k, code, stderr)
		}
		if err := consistent(dir); err != nil {
			t.Fatalf("syncfs %d failing: %v", k, err)
		}
		if left := stagingFiles(t, dir); len(left) > 0 {
			t.Fatalf("syncfs %d failing left %v", k, left)
		}
		if after, err := os.ReadFile(filepath.Join(dir, manifestName)); k == 1 && (err != nil || !bytes.Equal(after, before)) {
			t.Fatalf("the files' syncfs failing: the previous manifest is gone or changed (%v)", err)
		}
		repaired(t, dir)
	}
}
