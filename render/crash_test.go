package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plandoc/plandoc/data/safefile"
)

// plandocBinary builds cmd/plandoc once for the tests that kill it.
var plandocBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "plandoc-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "plandoc")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/plandoc").CombinedOutput()
	if err != nil {
		return "", &exec.ExitError{Stderr: out}
	}
	return bin, nil
})

// killable runs plandoc render under strace, which injects fault (for
// example SIGKILL at the 3rd rename) into the syscalls it names.
func killable(t *testing.T, syscalls, fault string, args ...string) (exitCode int, stderr string) {
	t.Helper()
	return underStrace(t, []string{"-e", "trace=" + syscalls, "-e", "inject=" + syscalls + ":" + fault}, args...)
}

// straced is plandoc run by strace with these options, strace's log
// going to log.
func straced(t *testing.T, log string, options []string, args ...string) *exec.Cmd {
	t.Helper()
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatal("strace is not installed; run: apt-get install -y strace")
	}
	bin, err := plandocBinary()
	if err != nil {
		t.Fatalf("building plandoc: %v", err)
	}
	return exec.Command("strace", append(append(append([]string{"-f", "-o", log}, options...), bin), args...)...)
}

// underStrace runs plandoc under strace with these options.
func underStrace(t *testing.T, options []string, args ...string) (exitCode int, stderr string) {
	t.Helper()
	cmd := straced(t, os.DevNull, options, args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = -int(ws.Signal()) // strace dies by the signal that killed plandoc
		}
	} else if err != nil {
		t.Fatal(err)
	}
	return code, errb.String()
}

// straceLog is strace's log, under these options, of a whole render: a
// line a call ("12345 fsync(8) = 0"), or two where calls overlapped
// ("12345 fsync(8 <unfinished ...>", then "12345 <... fsync resumed>").
func straceLog(t *testing.T, options []string, args ...string) []string {
	t.Helper()
	trace := filepath.Join(t.TempDir(), "trace")
	if out, err := straced(t, trace, options, args...).CombinedOutput(); err != nil {
		t.Fatalf("strace: %v\n%s", err, out)
	}
	raw, _ := os.ReadFile(trace)
	return strings.Split(strings.TrimSpace(string(raw)), "\n")
}

// callName is the syscall a line of straceLog starts, or "".
func callName(line string) string {
	_, call, _ := strings.Cut(line, " ")
	name, _, ok := strings.Cut(strings.TrimSpace(call), "(")
	if !ok || strings.HasPrefix(name, "<...") {
		return ""
	}
	return name
}

// Every file of the render (its 18 outputs, the journal and the next
// manifest) is written out, its writing to disk started, before the
// first is synced, and the syncs then run at once: the disk flushes them
// together. Each sync is made to take 20 ms (strace delays its return),
// so syncs made at once overlap in the log whatever the disk's speed.
// (Each file is synced where its file system is not synced at once, or
// PLANDOC_SYNC=each asks for it.)
func TestFilesStagedThenSyncedAtOnce(t *testing.T) {
	t.Parallel() // it runs plandoc in a process of its own
	log := straceLog(t, []string{"-E", "PLANDOC_SYNC=each", "-e", "trace=sync_file_range,fsync", "-e", "inject=fsync:delay_exit=20000"},
		"render", "-o", filepath.Join(t.TempDir(), "out"), twoPlans(t)[0])
	last, starts, overlapping := -1, 0, 0
	for i, line := range log {
		if callName(line) == "sync_file_range" {
			last, starts = i, starts+1
		}
	}
	syncs := 0
	for _, line := range log[last+1:] {
		if callName(line) == "fsync" {
			syncs++
			if strings.HasSuffix(line, "<unfinished ...>") {
				overlapping++
			}
		}
	}
	if starts != 20 {
		t.Fatalf("writing to disk started for %d files; the 2021 plan has 18 outputs, and the journal and the manifest are staged with them", starts)
	}
	if syncs < 20 {
		t.Fatalf("%d syncs after the last file's writing started; the 20 staged files' syncs must all come after it:\n%s", syncs, strings.Join(log, "\n"))
	}
	if overlapping == 0 {
		t.Fatalf("no sync began while another was under way; the staged files must be synced at once:\n%s", strings.Join(log, "\n"))
	}
	t.Logf("%d of %d syncs began while another was under way", overlapping, syncs)
}

// twoPlans are rendered in turn, so every kill stops a render between one
// plan's set and the other's (the second has one unit, the first six).
func twoPlans(t *testing.T) [2]string {
	small := filepath.Join(t.TempDir(), "small.toml")
	if err := os.WriteFile(small, planWithTasks("Một", "Hai", "Ba"), 0o644); err != nil {
		t.Fatal(err)
	}
	return [2]string{"../data/plans/lhh-thanh-hoa-2021.toml", small}
}

// killedAtEveryStep renders each of two plans into one folder, the k-th
// of the named syscalls killing it, for k = 1, 2, … until a render runs
// through; after each run the folder must keep its promise. The second
// plan goes over the first's set: its kills fall between two sets and
// during the removal of the first's workbooks. It returns the kills.
func killedAtEveryStep(t *testing.T, dir, syscalls string) []int {
	var kills []int
	for _, plan := range twoPlans(t) {
		n := 0
		for k := 1; ; k++ {
			code, stderr := killable(t, syscalls, "signal=SIGKILL:when="+strconv.Itoa(k), "render", "-o", dir, plan)
			if err := consistent(dir); err != nil {
				t.Fatalf("%s killed at %s #%d: %v", plan, syscalls, k, err)
			}
			if code == 0 {
				break
			}
			if code != -int(syscall.SIGKILL) {
				t.Fatalf("%s, %s #%d: exit %d\n%s", plan, syscalls, k, code, stderr)
			}
			n++
		}
		kills = append(kills, n)
	}
	return kills
}

// repaired checks that a whole render after the faults leaves one set and
// nothing of the dead runs.
func repaired(t *testing.T, dir string) {
	t.Helper()
	bin, err := plandocBinary()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "render", "-o", dir, twoPlans(t)[0]).CombinedOutput(); err != nil {
		t.Fatalf("the render after the faults: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); err != nil {
		t.Errorf("no manifest after a whole render: %v", err)
	}
	if err := consistent(dir); err != nil {
		t.Error(err)
	}
	for _, pattern := range []string{".plandoc-*.tmp", "*/.plandoc-*.tmp", journalName} {
		if left, _ := filepath.Glob(filepath.Join(dir, pattern)); len(left) > 0 {
			t.Errorf("left behind after the repair: %v", left)
		}
	}
}

// TestKilledAtEveryStepOfTheWritePhase kills a render at its k-th rename or
// removal, for every k.
func TestKilledAtEveryStepOfTheWritePhase(t *testing.T) {
	t.Parallel() // each runs plandoc in processes of its own
	dir := filepath.Join(t.TempDir(), "out")
	kills := killedAtEveryStep(t, dir, "rename,renameat,renameat2,unlink,unlinkat")
	// The 2021 plan writes 18 files, the journal and the manifest; the
	// small one 13, and removes the 2021 plan's five other workbooks.
	if kills[0] < 20 || kills[1] < 15 {
		t.Fatalf("kill points %v; every rename and removal of the write phase must be one", kills)
	}
	repaired(t, dir)
	t.Logf("kill points: %v", kills)
}

// TestNoSpaceAtEverySync (each file and folder synced, PLANDOC_SYNC=each)
// makes each file's sync fail with ENOSPC in turn
// (strace -P aims at the file by its staging name), then each folder's
// k-th sync, for k = 1, 2, … until a render runs through: a file system
// that allocates late reports a full disk there. A file fails before
// anything is put in place, so the set rendered before stays whole, its
// manifest unchanged; a folder's sync leaves the folder consistent. (The
// k-th write cannot be aimed at so: the Go runtime writes to wake its
// threads.)
func TestNoSpaceAtEverySync(t *testing.T) {
	t.Parallel() // each runs plandoc in processes of its own
	dir := filepath.Join(t.TempDir(), "out")
	plan := twoPlans(t)[0]
	before := renderedSet(t, dir, plan)
	var m manifest
	if err := json.Unmarshal(before, &m); err != nil {
		t.Fatal(err)
	}
	staged := []string{journalName, manifestName}
	for _, f := range m.Files {
		staged = append(staged, f.Path)
	}
	if len(staged) != 20 {
		t.Fatalf("%d files staged; the 2021 plan has 18 outputs, and the journal and the manifest", len(staged))
	}
	for _, p := range staged {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		code, stderr := underStrace(t, []string{"-E", "PLANDOC_SYNC=each", "-P", safefile.StagingName(dst), "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=1"}, "render", "-o", dir, plan)
		if code != 1 || !strings.Contains(stderr, "plandoc render: writing "+dst+": ") || !strings.Contains(stderr, "no space left on device") {
			t.Fatalf("no space at %s's sync: exit %d; want 1 and the file named\n%s", p, code, stderr)
		}
		if after, err := os.ReadFile(filepath.Join(dir, manifestName)); err != nil || !bytes.Equal(after, before) {
			t.Fatalf("no space at %s's sync: the previous manifest is gone or changed (%v)", p, err)
		}
		if err := consistent(dir); err != nil {
			t.Fatalf("no space at %s's sync: %v", p, err)
		}
		if left := stagingFiles(t, dir); len(left) > 0 {
			t.Fatalf("no space at %s's sync left %v", p, left)
		}
	}
	folderSyncs := 0
	for _, folder := range []string{dir, filepath.Join(dir, "departments"), filepath.Join(dir, "quarterly")} {
		for k := 1; ; k++ {
			// Each time over a whole set, so the old manifest's removal is
			// synced too.
			if _, err := os.Stat(filepath.Join(dir, manifestName)); err != nil {
				renderedSet(t, dir, plan)
			}
			code, stderr := underStrace(t, []string{"-E", "PLANDOC_SYNC=each", "-P", folder, "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=" + strconv.Itoa(k)}, "render", "-o", dir, plan)
			if err := consistent(dir); err != nil {
				t.Fatalf("no space at %s's sync %d: %v", folder, k, err)
			}
			if code == 0 {
				break
			}
			if code != 1 || !strings.Contains(stderr, "no space left on device") {
				t.Fatalf("no space at %s's sync %d: exit %d\n%s", folder, k, code, stderr)
			}
			folderSyncs++
		}
	}
	// The output folder is synced for the journal, for the old
	// manifest's removal, for its outputs and for the new manifest; the
	// two folders below it for theirs.
	if folderSyncs != 6 {
		t.Errorf("%d folder syncs failed a render; want 6", folderSyncs)
	}
	repaired(t, dir)
}

// renderedSet renders plan into dir, the set the faults then fall on, and
// returns its manifest.
func renderedSet(t *testing.T, dir, plan string) []byte {
	t.Helper()
	bin, err := plandocBinary()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "render", "-o", dir, plan).CombinedOutput(); err != nil {
		t.Fatalf("the first render: %v\n%s", err, out)
	}
	manifest, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	return manifest
}

// stagingFiles are the staging files left in dir and the folders in it.
func stagingFiles(t *testing.T, dir string) []string {
	t.Helper()
	var left []string
	for _, pattern := range []string{".plandoc-*.tmp", "*/.plandoc-*.tmp"} {
		found, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		left = append(left, found...)
	}
	return left
}

// TestFullDisk renders into a small file system of growing sizes (tmpfs,
// mounted for the test: CI runs as root), over the set a smaller plan left:
// a render that finds the disk full fails with the reason and leaves the
// folder consistent.
func TestFullDisk(t *testing.T) {
	t.Parallel() // each runs plandoc in processes of its own
	plans := twoPlans(t)
	bin, err := plandocBinary()
	if err != nil {
		t.Fatal(err)
	}
	full, whole := 0, 0
	for size := 150; size <= 900; size += 50 {
		mnt := t.TempDir()
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%dk", size), "tmpfs", mnt).CombinedOutput(); err != nil {
			t.Fatalf("mounting a %d KB tmpfs (the test needs root, as CI has): %v\n%s", size, err, out)
		}
		dir := filepath.Join(mnt, "out")
		for _, plan := range []string{plans[1], plans[0]} {
			out, err := exec.Command(bin, "render", "-o", dir, plan).CombinedOutput()
			switch {
			case err == nil:
				whole++
			case strings.Contains(string(out), "no space left on device"):
				full++
			default:
				t.Errorf("%d KB, %s: %v\n%s", size, plan, err, out)
			}
			if err := consistent(dir); err != nil {
				t.Errorf("%d KB, %s: %v", size, plan, err)
			}
		}
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Fatalf("umount: %v\n%s", err, out)
		}
	}
	if full == 0 || whole == 0 {
		t.Errorf("%d renders found the disk full, %d went through; the sizes must give both", full, whole)
	}
	t.Logf("%d renders found the disk full, %d went through", full, whole)
}

// raceSetup gives an output folder, the two plans and the built plandoc.
func raceSetup(t *testing.T) (dir string, plans [2]string, bin string) {
	t.Helper()
	bin, err := plandocBinary()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(t.TempDir(), "out"), twoPlans(t), bin
}

// TestASecondRenderIsRefusedWhileTheFirstWrites: a render paused in its write phase (by
// strace, for a second after its first rename) holds the folder; a second
// render into it is refused at once, naming the first's process, and the
// first then finishes a consistent set.
func TestASecondRenderIsRefusedWhileTheFirstWrites(t *testing.T) {
	t.Parallel() // each runs plandoc in processes of its own
	dir, plans, bin := raceSetup(t)
	first := straced(t, os.DevNull, []string{"-e", "trace=renameat", "-e", "inject=renameat:delay_exit=1000000:when=1"}, "render", "-o", dir, plans[0])
	var firstOut bytes.Buffer
	first.Stdout, first.Stderr = &firstOut, &firstOut
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	// The journal is the first rename: once it stands, the first render is paused holding the lock.
	for i := 0; ; i++ {
		if _, err := os.Stat(filepath.Join(dir, journalName)); err == nil {
			break
		}
		if i == 500 {
			t.Fatal("the first render never reached its write phase")
		}
		time.Sleep(10 * time.Millisecond)
	}
	out, err := exec.Command(bin, "render", "-o", dir, plans[1]).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !regexp.MustCompile(`another plandoc \(process \d+\) is writing into `+regexp.QuoteMeta(dir)).Match(out) {
		t.Errorf("the second render: %v\n%s", err, out)
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("the first render: %v\n%s", err, firstOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); err != nil {
		t.Errorf("the first render left no manifest: %v", err)
	}
	if err := consistent(dir); err != nil {
		t.Error(err)
	}
}

// TestTwoRendersAtOnce races two renders into one folder, ten times: each
// finishes or says the other holds the folder, and the folder is one set
// after each pair.
func TestTwoRendersAtOnce(t *testing.T) {
	t.Parallel() // each runs plandoc in processes of its own
	dir, plans, bin := raceSetup(t)
	for round := 0; round < 10; round++ {
		var wg sync.WaitGroup
		codes, outs := make([]int, 2), make([]string, 2)
		for i := range 2 {
			wg.Go(func() {
				out, err := exec.Command(bin, "render", "-o", dir, plans[i]).CombinedOutput()
				outs[i] = string(out)
				if ee, ok := err.(*exec.ExitError); ok {
					codes[i] = ee.ExitCode()
				}
			})
		}
		wg.Wait()
		for i := range 2 {
			if codes[i] != 0 && (codes[i] != 1 || !strings.Contains(outs[i], "is writing into "+dir+"; wait for it to finish")) {
				t.Fatalf("round %d, render %d: exit %d\n%s", round, i, codes[i], outs[i])
			}
		}
		if codes[0] != 0 && codes[1] != 0 {
			t.Fatalf("round %d: both renders refused", round)
		}
		if err := consistent(dir); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
}
