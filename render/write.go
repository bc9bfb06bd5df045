package render

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofrs/flock"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
)

// The output folder is one consistent set at every moment: a reader finds
// either a manifest.json whose every listed file matches its sha256, or no
// manifest at all (a render is under way, or died; the next one repairs
// the folder). So the write phase goes:
//
//  1. take the folder's lock (one render at a time), remove the temporary
//     files a killed run left;
//  2. write every file under a temporary name in its folder (the outputs,
//     the journal and the next manifest) and sync them all at once;
//  3. put the journal in place: every file plandoc may have written here,
//     the previous manifest's and this render's, so a run killed later
//     still knows what it may remove;
//  4. remove manifest.json: from here the folder says it is incomplete;
//  5. rename every output into place;
//  6. remove the files the journal lists that this render does not make,
//     and only while they are as plandoc wrote them;
//  7. sync the folders, rename manifest.json into place, remove the
//     journal (not synced: a journal beside the manifest lists only
//     plandoc's files).
const (
	manifestName = "manifest.json"
	journalName  = ".plandoc-journal.json"
	lockName     = ".plandoc.lock"
	ownerName    = ".plandoc.owner" // who holds the lock, for the message of a run that waits
)

// WriteLog is told what WriteAll does, as it does it.
type WriteLog struct {
	Wrote   func(path string, bytes int)
	Removed func(path, why string) // a file of an earlier render this one does not make
	Kept    func(path, why string) // such a file left in place: changed since plandoc wrote it
}

// journal lists what plandoc may have written into a folder, by path,
// with the sha256 of each version it wrote there: a killed run may leave
// either the old or the new.
type journal struct {
	Files map[string][]string `json:"files"`
}

func (j journal) add(p, sum string) {
	if !slices.Contains(j.Files[p], sum) {
		j.Files[p] = append(j.Files[p], sum)
		slices.Sort(j.Files[p])
	}
}

// WriteAll writes every file of the render into dir and, last, manifest.json.
func WriteAll(dir string, res *Result, log WriteLog) error {
	// The steps must happen in order; on one thread its renames and
	// removals are also the k-th of that thread, which is how tests stop a
	// render at each. (The syncs of step 2 run on threads of their own.)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	f := res.folder
	if f != nil && f.dir != dir {
		res.Release()
		return msg.Errorf("render: outputs spilled into %s cannot be written into %s", f.dir, dir)
	}
	if f == nil {
		var err error
		if f, err = Hold(dir); err != nil {
			return err
		}
	}
	defer f.Release()
	res.folder = nil
	return f.WriteAll(res, log)
}

// Folder is an output folder one render holds (its lock taken) from
// before its outputs are made until they are written: a large output is
// spilled into the folder as a temporary file as soon as it is made, so
// a render of a hundred thousand tasks does not hold all its files in
// memory at once. What is spilled becomes the folder's only with
// WriteAll; Release removes what was not committed.
type Folder struct {
	dir    string
	unlock func()
	opened *os.File // the folder, opened when taken: a sync of its file system reports the errors of writing since
	mu     sync.Mutex
	staged map[string]string // output path → its staging file, not yet in place
}

// spillAbove is the size from which an output is spilled: the 2021
// plan's files (at most 0.2 MB) stay in memory.
var spillAbove = 1 << 20 // a variable so tests can spill every file

// Hold creates the folder if need be and takes its lock.
func Hold(dir string) (*Folder, error) {
	if dir == "" {
		return nil, msg.New("no output folder given; name one with -o DIR")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, msg.Errorf("creating the output folder: %w", err)
	}
	unlock, err := lockFolder(dir)
	if err != nil {
		return nil, err
	}
	opened, err := os.Open(dir)
	if err != nil {
		unlock()
		return nil, msg.Errorf("opening the output folder: %w", err)
	}
	return &Folder{dir: dir, unlock: unlock, opened: opened, staged: map[string]string{}}, nil
}

// Release removes the staged files WriteAll did not put in place and
// lets the folder go.
func (f *Folder) Release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, tmp := range f.staged {
		os.Remove(tmp)
	}
	f.staged = map[string]string{}
	f.opened.Close()
	f.unlock()
}

// spill writes a large file's bytes to a temporary file in its folder and
// lets them go from memory; a small one is kept as it is.
func (f *Folder) spill(file File) (File, error) {
	if file.Bytes < spillAbove {
		return file, nil
	}
	if err := checkRelPath(file.Path); err != nil {
		return file, err
	}
	if _, err := outputFolders(f.dir, []File{file}); err != nil {
		return file, err
	}
	return f.stage(file)
}

// stage writes a file's bytes to its staging file in its folder, which
// WriteAll syncs and puts in place, and lets them go from memory.
func (f *Folder) stage(file File) (File, error) {
	tmp, err := safefile.Stage(filepath.Join(f.dir, filepath.FromSlash(file.Path)), file.parts...)
	if err != nil {
		return file, err
	}
	f.mu.Lock()
	f.staged[file.Path] = tmp
	f.mu.Unlock()
	file.parts = nil
	return file, nil
}

// WriteAll writes every file of the render into the held folder and,
// last, manifest.json.
func (f *Folder) WriteAll(res *Result, log WriteLog) error {
	dir := f.dir
	files := append(append([]File{}, res.Files...), File{Path: manifestName})
	for _, f := range files {
		if err := checkRelPath(f.Path); err != nil {
			return err
		}
	}
	folders, err := outputFolders(dir, files)
	if err != nil {
		return err
	}
	keep := f.stagedPaths()
	for _, d := range folders {
		if _, err := safefile.RemoveTemps(d, keep...); err != nil {
			return err
		}
	}

	previous, err := readPrevious(dir)
	if err != nil {
		return err
	}
	if !res.selection.whole() {
		res.Kept = keptFiles(dir, res)
	}
	manifest, err := manifestJSON(res)
	if err != nil {
		return err
	}
	next := journal{Files: map[string][]string{}}
	for p, sums := range previous.Files {
		for _, sum := range sums {
			next.add(p, sum)
		}
	}
	for _, f := range files[:len(files)-1] {
		next.add(f.Path, f.SHA256)
	}
	journalRaw, err := journalJSON(next)
	if err != nil {
		return err
	}
	// Every file is staged, the journal and the manifest too, and synced,
	// all at once: a disk flushes many files about as fast as one, where
	// syncing each before renaming it waited for one flush a file. Nothing
	// is yet in place, so a failure here leaves the folder as it was, and
	// a killed run leaves only staging files.
	every := append([]File{{Path: journalName, Bytes: len(journalRaw), parts: [][]byte{journalRaw}}}, files[:len(files)-1]...)
	every = append(every, File{Path: manifestName, Bytes: len(manifest), parts: [][]byte{manifest}})
	if err := f.stageAndSync(every, folders); err != nil {
		return err
	}

	if err := f.install(journalName); err != nil {
		return err
	}
	if err := safefile.SyncDir(dir); err != nil {
		return err
	}
	switch err := os.Remove(filepath.Join(dir, manifestName)); {
	case err == nil:
		// The removal is on disk before any file changes.
		if err := safefile.SyncDir(dir); err != nil {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return msg.Errorf("removing the old manifest: %w", err)
	}

	made := map[string]bool{}
	for _, file := range res.Kept {
		made[file.Path] = true
	}
	for _, file := range files[:len(files)-1] {
		if err := f.install(file.Path); err != nil {
			return err
		}
		made[file.Path] = true
		if log.Wrote != nil {
			log.Wrote(filepath.Join(dir, filepath.FromSlash(file.Path)), file.Bytes)
		}
	}
	if err := removeStale(dir, previous, made, res.selection, log); err != nil {
		return err
	}
	// Each folder's sync one after another, on this thread, so tests can
	// fail each in turn.
	if err := f.syncTogether(folders, 0, func() error {
		for _, d := range folders {
			if err := safefile.SyncDir(d); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := f.install(manifestName); err != nil {
		return err
	}
	if err := safefile.SyncDir(dir); err != nil {
		return err
	}
	if log.Wrote != nil {
		log.Wrote(filepath.Join(dir, manifestName), len(manifest))
	}
	// The journal's removal is not synced: a journal a crash brings back
	// beside the manifest lists this render's files and the previous
	// ones, all plandoc's, and the next render reads it as it reads a
	// killed run's (it prefers it to the manifest).
	if err := os.Remove(filepath.Join(dir, journalName)); err != nil {
		return msg.Errorf("removing the journal: %w", err)
	}
	return nil
}

// stageAndSync writes each file not yet staged to its staging file, in
// order, then syncs them all: with one sync of the folder's file system
// where that is safe (safefile.SyncFileSystem), else each file's, at once,
// reporting the first failure in the files' order. (Syncing each as soon
// as it is staged took as long as syncing one after another: every sync
// then found its file's writing still under way, and waited for it alone.)
func (f *Folder) stageAndSync(files []File, folders []string) error {
	tmps := make([]string, len(files))
	written := int64(0)
	for i, file := range files {
		written += int64(file.Bytes)
		if file.parts != nil {
			if _, err := f.stage(file); err != nil {
				return err
			}
		}
		f.mu.Lock()
		tmps[i] = f.staged[file.Path]
		f.mu.Unlock()
	}
	return f.syncTogether(folders, written, func() error {
		return atOnce(len(files), func(i int) error {
			return safefile.Sync(tmps[i], filepath.Join(f.dir, filepath.FromSlash(files[i].Path)))
		})
	})
}

// syncTogether makes what was written into the folders durable with one
// sync of their file system where that is safe (safefile.SyncFileSystem),
// else with syncEach. written is how many bytes the render wrote.
func (f *Folder) syncTogether(folders []string, written int64, syncEach func() error) error {
	if done, err := safefile.SyncFileSystem(f.opened, folders, written); done {
		return err
	}
	return syncEach()
}

// atOnce runs do(0) … do(n-1) on goroutines, at most parallelSyncs at a
// time, and returns the error of the first that failed, in that order.
func atOnce(n int, do func(i int) error) error {
	errs := make([]error, n)
	slots := make(chan struct{}, parallelSyncs)
	var wg sync.WaitGroup
	for i := range n {
		slots <- struct{}{}
		wg.Go(func() {
			errs[i] = do(i)
			<-slots
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// parallelSyncs is how many files' syncs are under way at once at most:
// all twenty of the real plan's (1.5 ms; 1.8 eight at a time, 3.2 one
// after another), and no more threads than that for a plan of many
// departments. (Go lets a blocked sync keep its processor for a while, so
// on two processors two or three run at a time; giving the runtime a
// processor for each changed nothing measurable: the disk commits them
// together.)
const parallelSyncs = 32

// install renames a staged, synced file into place.
func (f *Folder) install(p string) error {
	f.mu.Lock()
	tmp := f.staged[p]
	delete(f.staged, p)
	f.mu.Unlock()
	return safefile.Install(tmp, filepath.Join(f.dir, filepath.FromSlash(p)))
}

func (f *Folder) stagedPaths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, tmp := range f.staged {
		out = append(out, tmp)
	}
	return out
}

// lockFolder takes the folder's lock, or says which process holds it.
func lockFolder(dir string) (unlock func(), err error) {
	lock := flock.New(filepath.Join(dir, lockName))
	ok, err := lock.TryLock()
	if err != nil {
		return nil, msg.Errorf("locking the output folder: %w", err)
	}
	if !ok {
		owner := "another plandoc"
		if raw, err := os.ReadFile(filepath.Join(dir, ownerName)); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(raw))); err == nil {
				owner = msg.Sprintf("another plandoc (process %d)", pid)
			}
		}
		return nil, msg.Errorf("%s is writing into %s; wait for it to finish, or render into another folder", owner, dir)
	}
	// Who holds the lock is only ever read by a run that could not take it.
	os.WriteFile(filepath.Join(dir, ownerName), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
	return func() { lock.Unlock() }, nil
}

// outputFolders lists dir and every folder below it the files go into,
// refusing any that is a symbolic link: files written through it would
// land outside the output folder.
func outputFolders(dir string, files []File) ([]string, error) {
	folders := []string{dir}
	for _, f := range files {
		rel := path.Dir(f.Path)
		for rel != "." {
			abs := filepath.Join(dir, filepath.FromSlash(rel))
			if !slices.Contains(folders, abs) {
				info, err := os.Lstat(abs)
				switch {
				case err == nil && info.Mode()&fs.ModeSymlink != 0:
					return nil, msg.Errorf("%s is a symbolic link; plandoc writes only into real folders inside the output folder: remove the link", abs)
				case err == nil && !info.IsDir():
					return nil, msg.Errorf("%s is a file, where plandoc writes a folder: move it away", abs)
				case err != nil && !errors.Is(err, fs.ErrNotExist):
					return nil, msg.Errorf("output folder: %w", err)
				}
				folders = append(folders, abs)
			}
			rel = path.Dir(rel)
		}
	}
	return folders, nil
}

// readPrevious is what an earlier render wrote here: the journal a killed
// run left, else the manifest, else nothing.
func readPrevious(dir string) (journal, error) {
	j := journal{Files: map[string][]string{}}
	raw, err := os.ReadFile(filepath.Join(dir, journalName))
	if err == nil {
		if json.Unmarshal(raw, &j) == nil && j.Files != nil {
			return j, nil
		}
		j.Files = map[string][]string{} // not a journal plandoc wrote whole: fall back to the manifest
	} else if !errors.Is(err, fs.ErrNotExist) {
		return j, msg.Errorf("reading the journal: %w", err)
	}
	m, ok, err := loadManifest(dir)
	if err != nil {
		return j, msg.Errorf("reading the previous manifest: %w", err)
	}
	if !ok {
		return j, nil
	}
	for _, f := range m.Files {
		j.add(f.Path, f.SHA256)
	}
	return j, nil
}

// journalJSON is the journal as written: the same bytes every run (JSON
// sorts map keys).
func journalJSON(j journal) ([]byte, error) {
	raw, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, msg.Errorf("encoding the journal: %w", err)
	}
	return append(raw, '\n'), nil
}

// removeStale removes what an earlier render wrote and this one does not
// make, only as long as the file is as plandoc wrote it: a workbook a
// department filled in is kept, and named.
func removeStale(dir string, previous journal, made map[string]bool, sel Selection, log WriteLog) error {
	var stale []string
	for p := range previous.Files {
		if !made[p] && p != manifestName && checkRelPath(p) == nil && sel.covers(fileAt(p)) {
			stale = append(stale, p)
		}
	}
	slices.Sort(stale)
	for _, p := range stale {
		abs := filepath.Join(dir, filepath.FromSlash(p))
		info, err := os.Lstat(abs)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil || !info.Mode().IsRegular() {
			if log.Kept != nil {
				log.Kept(abs, msg.Sprintf("not a regular file"))
			}
			continue
		}
		sum, err := fileSHA256(abs)
		if err != nil {
			return msg.Errorf("reading %s: %w", abs, err)
		}
		if !slices.Contains(previous.Files[p], sum) {
			if log.Kept != nil {
				log.Kept(abs, msg.Sprintf("changed since plandoc wrote it"))
			}
			continue
		}
		if err := os.Remove(abs); err != nil {
			return msg.Errorf("removing %s: %w", abs, err)
		}
		if log.Removed != nil {
			log.Removed(abs, msg.Sprintf("an earlier render made it; this one does not"))
		}
	}
	return nil
}
