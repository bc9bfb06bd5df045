package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// Version is written into the documents' metadata ("plandoc <version>").
var Version = "0.1.0"

// File is one rendered output, held in memory until every output has been
// rendered, so a failure to render writes nothing at all.
type File struct {
	Path    string   `json:"path"` // relative to the output folder, slash-separated
	Kind    string   `json:"kind"` // annex, department, overview, quarterly
	Unit    *unitRef `json:"unit,omitempty"`
	Quarter int      `json:"quarter,omitempty"`
	Bytes   int      `json:"bytes"`
	SHA256  string   `json:"sha256"`
	// Plan is the sha256 of the plan an earlier render made the file from,
	// when a partial render kept it and that plan is not the manifest's.
	Plan string `json:"plan_sha256,omitempty"`
	// parts are the file's bytes, in order: a PDF is the parts its PDF/A
	// pass writes it from, not copied into one buffer.
	parts [][]byte
}

// unitRef names the department a workbook is for.
type unitRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func newFile(relPath, kind string, content ...[]byte) File {
	h := sha256.New()
	for _, part := range content {
		h.Write(part)
	}
	return summedFile(relPath, kind, h.Sum(nil), content)
}

// summedFile is the file of content whose sha256 is known.
func summedFile(relPath, kind string, sum []byte, content [][]byte) File {
	n := 0
	for _, part := range content {
		n += len(part)
	}
	return File{Path: relPath, Kind: kind, Bytes: n, SHA256: hex.EncodeToString(sum), parts: content}
}

// Data returns the file's bytes.
func (f File) Data() []byte {
	if len(f.parts) == 1 {
		return f.parts[0]
	}
	return bytes.Join(f.parts, nil)
}

// Result is everything one render produced.
type Result struct {
	Plan  *data.Plan
	Files []File
	// Kept lists, after WriteAll, the files of an earlier render that a
	// partial render left as they were; the manifest names them too.
	Kept      []File
	selection Selection
	folder    *Folder // held since Build when it spilled outputs (Options.SpillInto)
}

// Release lets go of the output folder a render holds when it will not be
// written after all, removing what the render spilled there.
func (res *Result) Release() {
	if res.folder != nil {
		res.folder.Release()
		res.folder = nil
	}
}

// checkRelPath refuses a path that would leave the output folder; ids are
// checked on load, so this guards against a renderer's mistake.
func checkRelPath(p string) error {
	clean := path.Clean(p)
	if clean != p || path.IsAbs(p) || strings.HasPrefix(clean, "../") || clean == ".." {
		return msg.Errorf("render: refusing output path %q outside the output folder", p)
	}
	return nil
}
