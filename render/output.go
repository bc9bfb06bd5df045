package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/safefile"
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
	data    []byte
}

// unitRef names the department a workbook is for.
type unitRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func newFile(relPath, kind string, content []byte) File {
	sum := sha256.Sum256(content)
	return File{Path: relPath, Kind: kind, Bytes: len(content), SHA256: hex.EncodeToString(sum[:]), data: content}
}

// Data returns the file's bytes.
func (f File) Data() []byte { return f.data }

// Result is everything one render produced.
type Result struct {
	Plan  *data.Plan
	Files []File
}

// WriteAll writes every file into dir and, last, manifest.json; each file
// is written to a temporary name and renamed, so a reader never sees half a
// file. A failure part way (a full disk) can leave some files new and some
// old beside the previous manifest: the manifest's sha256s tell which.
// wrote is called after each file with its path and size.
func WriteAll(dir string, res *Result, wrote func(path string, bytes int)) error {
	manifest, err := manifestJSON(res)
	if err != nil {
		return err
	}
	files := append(append([]File{}, res.Files...), newFile("manifest.json", "manifest", manifest))
	for _, f := range files {
		if err := checkRelPath(f.Path); err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := safefile.Write(dst, f.data); err != nil {
			return err
		}
		if wrote != nil {
			wrote(dst, len(f.data))
		}
	}
	return nil
}

// checkRelPath refuses a path that would leave the output folder; ids are
// checked on load, so this guards against a renderer's mistake.
func checkRelPath(p string) error {
	clean := path.Clean(p)
	if clean != p || path.IsAbs(p) || strings.HasPrefix(clean, "../") || clean == ".." {
		return fmt.Errorf("render: refusing output path %q outside the output folder", p)
	}
	return nil
}
