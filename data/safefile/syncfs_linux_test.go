package safefile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// syncfs reports a failed write from Linux 5.8 on.
func TestSyncfsReportsErrorsFrom58(t *testing.T) {
	for release, want := range map[string]bool{
		"5.8.0": true, "5.10.0-28-amd64": true, "6.8.0-45-generic": true, "6.18.44-fc-v769": true, "10.0": true,
		"5.7.19": false, "5.4.0-150-generic": false, "4.19.0": false, "5": false, "5.x": false, "": false, "Linux": false,
	} {
		if got := syncfsReportsErrors(release); got != want {
			t.Errorf("release %q: %v, want %v", release, got, want)
		}
	}
	if !syncfsReportsErrors(kernelRelease()) {
		t.Logf("this kernel (%s) syncs each file", kernelRelease())
	}
}

// The data waiting to be written is /proc/meminfo's Dirty and Writeback.
func TestWaitingBytes(t *testing.T) {
	for _, c := range []struct {
		meminfo string
		want    int64
		ok      bool
	}{
		{"MemTotal:  8000000 kB\nDirty:  1234 kB\nWriteback:  10 kB\nAnonPages: 5 kB\n", 1244 << 10, true},
		{"Writeback: 0 kB\nDirty: 0 kB\n", 0, true},
		{"Dirty: 1234 kB\n", 0, false},                  // Writeback missing
		{"Dirty: 12 MB\nWriteback: 0 kB\n", 0, false},   // not in kB
		{"Dirty: -5 kB\nWriteback: 0 kB\n", 0, false},   // not a size
		{"Dirty: many kB\nWriteback: 0 kB\n", 0, false}, // not a number
		{"", 0, false},
	} {
		got, ok := waitingBytes([]byte(c.meminfo))
		if got != c.want || ok != c.ok {
			t.Errorf("%q: %d %v, want %d %v", c.meminfo, got, ok, c.want, c.ok)
		}
	}
	if _, ok := waitingBytes(mustRead(t, "/proc/meminfo")); !ok {
		t.Error("this system's /proc/meminfo is not read")
	}
}

// The file system is synced at once only where that is safe: a journalled
// local file system, every folder on it, little else to write, and not
// when PLANDOC_SYNC=each asks for each; and then what was written is on
// disk and no error is reported.
func TestSyncFileSystem(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "departments")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	opened, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	if err := os.WriteFile(filepath.Join(sub, "a.xlsx"), []byte("staged"), 0o644); err != nil {
		t.Fatal(err)
	}
	syscall.Sync() // little else to write
	// Each condition is checked on its own by the tests around this one.
	want := journalled(opened) && syncfsReportsErrors(kernelRelease())
	done, err := SyncFileSystem(opened, []string{dir, sub}, 6)
	if done != want || err != nil {
		t.Fatalf("synced at once %v (%v); want %v", done, err, want)
	}
	if done {
		var s unix.Stat_t
		if err := unix.Stat(filepath.Join(sub, "a.xlsx"), &s); err != nil || s.Blocks == 0 {
			t.Errorf("the staged file has no blocks on disk after the sync (%v)", err)
		}
	}
	t.Setenv("PLANDOC_SYNC", "each")
	if done, err := SyncFileSystem(opened, []string{dir, sub}, 6); done || err != nil {
		t.Errorf("PLANDOC_SYNC=each: synced at once %v (%v)", done, err)
	}
	t.Setenv("PLANDOC_SYNC", "")
	if done, err := SyncFileSystem(opened, []string{dir, "/proc"}, 6); done || err != nil {
		t.Errorf("a folder on another file system: synced at once %v (%v)", done, err)
	}
	if done, err := SyncFileSystem(opened, []string{filepath.Join(dir, "missing")}, 6); done || err != nil {
		t.Errorf("a missing folder: synced at once %v (%v)", done, err)
	}
	if !littleElseDirty(1 << 40) {
		t.Error("what the caller wrote is not counted out of what waits")
	}
}

// Only ext4, XFS and btrfs are synced at once: not /proc, nor a tmpfs.
func TestJournalledFileSystems(t *testing.T) {
	for _, dir := range []string{"/proc", "/dev", t.TempDir()} {
		d, err := os.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		var st unix.Statfs_t
		if err := unix.Fstatfs(int(d.Fd()), &st); err != nil {
			t.Fatal(err)
		}
		want := uint32(st.Type) == xfsMagic || uint32(st.Type) == btrfsMagic
		if uint32(st.Type) == ext4Magic {
			var ds unix.Stat_t
			if err := unix.Fstat(int(d.Fd()), &ds); err != nil {
				t.Fatal(err)
			}
			typ := mountType(mustRead(t, "/proc/self/mountinfo"), unix.Major(ds.Dev), unix.Minor(ds.Dev))
			want = typ == "ext4" || typ == "ext3"
		}
		if got := journalled(d); got != want || (dir == "/proc" && got) {
			t.Errorf("%s (type %#x): journalled %v", dir, st.Type, got)
		}
		d.Close()
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A device's file system type is read from its mount, ext4 told from ext2,
// which share statfs's magic number.
func TestMountType(t *testing.T) {
	mountinfo := []byte(`22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
40 27 8:17 / /media/usb rw,nosuid shared:5 master:1 - ext2 /dev/sdb1 rw
41 27 8:18 / /media/old rw - ext3 /dev/sdb2 rw,data=ordered
42 27 8:19 /sub /srv rw - xfs /dev/sdb3 rw
`)
	for _, c := range []struct {
		major, minor uint32
		want         string
	}{{254, 0, "ext4"}, {8, 17, "ext2"}, {8, 18, "ext3"}, {8, 19, "xfs"}, {0, 21, "proc"}, {8, 1, ""}, {25, 40, ""}} {
		if got := mountType(mountinfo, c.major, c.minor); got != c.want {
			t.Errorf("%d:%d: %q, want %q", c.major, c.minor, got, c.want)
		}
	}
}
