package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gofrs/flock"
)

// consistent checks the folder's promise: a manifest whose every file
// matches its sha256, or no manifest at all.
func consistent(dir string) error {
	raw, err := os.ReadFile(filepath.Join(dir, manifestName))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("manifest.json is not whole: %v", err)
	}
	for _, f := range m.Files {
		content, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil {
			return fmt.Errorf("manifest lists %s: %v", f.Path, err)
		}
		if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) != f.SHA256 {
			return fmt.Errorf("manifest lists %s with another sha256", f.Path)
		}
	}
	return nil
}

// writeLog records what WriteAll says.
type writeLog struct{ wrote, removed, kept []string }

func (l *writeLog) log() WriteLog {
	return WriteLog{
		Wrote:   func(p string, _ int) { l.wrote = append(l.wrote, p) },
		Removed: func(p, _ string) { l.removed = append(l.removed, p) },
		Kept:    func(p, why string) { l.kept = append(l.kept, p+": "+why) },
	}
}

func buildFor(t *testing.T, src []byte) *Result {
	t.Helper()
	p := bundledPlan(t)
	if src != nil {
		p = parsePlan(t, src)
	}
	res, err := Build(p, Options{Quarter: 1})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWriteAllRemovesWhatItNoLongerMakesAndKeepsEdits(t *testing.T) {
	dir := t.TempDir()
	var first writeLog
	if err := WriteAll(dir, buildFor(t, nil), first.log()); err != nil {
		t.Fatal(err)
	}
	// A department fills in its workbook in the output folder; another
	// workbook is left as plandoc wrote it; a file plandoc never wrote sits beside them.
	edited := filepath.Join(dir, "departments", "van-phong.xlsx")
	if err := os.WriteFile(edited, []byte("filled in"), 0o644); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "departments", "ghi-chu.txt")
	os.WriteFile(mine, []byte("the clerk's"), 0o644)

	// The next plan has one unit only: five department workbooks go.
	var second writeLog
	if err := WriteAll(dir, buildFor(t, planWithTasks("Một", "Hai")), second.log()); err != nil {
		t.Fatal(err)
	}
	if len(second.removed) != 5 || !strings.HasSuffix(second.removed[0], filepath.Join("departments", "ban-khcn-tvpb.xlsx")) {
		t.Errorf("removed %v; want the five department workbooks the new plan does not make", second.removed)
	}
	for _, p := range second.removed {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s was said removed but is there", p)
		}
	}
	if len(second.kept) != 0 {
		t.Errorf("kept %v; van-phong.xlsx is made again by the new plan", second.kept)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file plandoc did not write was removed: %v", err)
	}
	if err := consistent(dir); err != nil {
		t.Error(err)
	}
	// Now the one remaining workbook is edited and a plan without it comes.
	os.WriteFile(edited, []byte("filled in again"), 0o644)
	res := buildFor(t, nil)
	var files []File
	for _, f := range res.Files {
		if f.Path != "departments/van-phong.xlsx" {
			files = append(files, f)
		}
	}
	res.Files = files
	var third writeLog
	if err := WriteAll(dir, res, third.log()); err != nil {
		t.Fatal(err)
	}
	if len(third.kept) != 1 || !strings.Contains(third.kept[0], "van-phong.xlsx: changed since plandoc wrote it") {
		t.Errorf("kept %v; want the edited workbook kept and named", third.kept)
	}
	if got, _ := os.ReadFile(edited); string(got) != "filled in again" {
		t.Errorf("the edited workbook was changed")
	}
}

func TestWriteAllRefusesASymlinkedFolder(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(dir, "departments")); err != nil {
		t.Fatal(err)
	}
	err := WriteAll(dir, buildFor(t, nil), WriteLog{})
	if err == nil || !strings.Contains(err.Error(), "is a symbolic link") {
		t.Errorf("WriteAll = %v; want a refusal of the link", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("files were written through the link: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "annex.pdf")); !os.IsNotExist(err) {
		t.Errorf("output written although the folder was refused")
	}
}

func TestWriteAllTakesTheFolderOneRenderAtATime(t *testing.T) {
	dir := t.TempDir()
	other := flock.New(filepath.Join(dir, lockName))
	if ok, err := other.TryLock(); !ok || err != nil {
		t.Fatalf("test lock: %v %v", ok, err)
	}
	os.WriteFile(filepath.Join(dir, ownerName), []byte("4242\n"), 0o644)
	err := WriteAll(dir, buildFor(t, nil), WriteLog{})
	if err == nil || !strings.Contains(err.Error(), "another plandoc (process 4242) is writing into "+dir) {
		t.Errorf("WriteAll while another holds the folder = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "annex.pdf")); !os.IsNotExist(err) {
		t.Errorf("output written while another render held the folder")
	}
	other.Unlock()
	if err := WriteAll(dir, buildFor(t, nil), WriteLog{}); err != nil {
		t.Errorf("after the other finished: %v", err)
	}
	if raw, _ := os.ReadFile(filepath.Join(dir, ownerName)); strings.TrimSpace(string(raw)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("owner file = %q; want this process", raw)
	}
}

// A failure part way (here a folder where a file must go, after the annex
// and the workbooks are written) leaves no manifest, never a manifest over
// a mixed set; the next render repairs it.
func TestWriteAllFailingPartWayLeavesNoManifest(t *testing.T) {
	dir := t.TempDir()
	if err := WriteAll(dir, buildFor(t, nil), WriteLog{}); err != nil {
		t.Fatal(err)
	}
	// A dead run's temporary file, and a blocker where quarterly/q1.pdf goes.
	os.WriteFile(filepath.Join(dir, ".plandoc-12345.tmp"), []byte("half"), 0o644)
	blocker := filepath.Join(dir, "quarterly", "q1.pdf")
	os.Remove(blocker)
	os.MkdirAll(filepath.Join(blocker, "x"), 0o755)
	res := buildFor(t, planWithTasks("Một"))
	var failed writeLog
	if err := WriteAll(dir, res, failed.log()); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
	if len(failed.wrote) == 0 {
		t.Fatalf("the failure came before any file was written; the test wants it part way")
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); !os.IsNotExist(err) {
		t.Errorf("a manifest stands over a half-written set: %v", err)
	}
	if err := consistent(dir); err != nil {
		t.Error(err)
	}
	os.RemoveAll(blocker)
	var repair writeLog
	if err := WriteAll(dir, res, repair.log()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); err != nil {
		t.Errorf("no manifest after the repair: %v", err)
	}
	if err := consistent(dir); err != nil {
		t.Error(err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".plandoc-*"))
	if len(leftovers) != 0 {
		t.Errorf("left behind: %v", leftovers)
	}
	if len(repair.removed) != 5 {
		t.Errorf("the repair removed %v; want the five workbooks of the first plan", repair.removed)
	}
}
