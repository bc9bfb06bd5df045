// Package render turns a checked plan into the documents the office sends
// out, and writes them with a manifest.
package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/plandoc/plandoc/data"
)

// Version is written into the documents' metadata ("plandoc <version>").
var Version = "0.1.0"

// File is one rendered output, held in memory until every output has been
// rendered, so a failure never leaves a half-written set behind.
type File struct {
	Path    string   `json:"path"` // relative to the output folder, slash-separated
	Kind    string   `json:"kind"` // annex, department, overview, quarterly
	Unit    *UnitRef `json:"unit,omitempty"`
	Quarter int      `json:"quarter,omitempty"`
	Bytes   int      `json:"bytes"`
	SHA256  string   `json:"sha256"`
	data    []byte
}

// UnitRef names the department a workbook is for.
type UnitRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func newFile(relPath, kind string, content []byte) File {
	sum := sha256.Sum256(content)
	return File{Path: relPath, Kind: kind, Bytes: len(content), SHA256: hex.EncodeToString(sum[:]), data: content}
}

// Data returns the file's bytes.
func (f File) Data() []byte { return f.data }

// Result is everything one render produced, and what it could not yet
// produce because that output is not built.
type Result struct {
	Plan    *data.Plan
	Files   []File
	Pending []string
}

// WriteAll writes every file into dir and, last, manifest.json; each file
// is written to a temporary name and renamed, so a reader never sees half a
// file. wrote is called after each file with its path and size.
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
		if err := WriteFileAtomic(dst, f.data); err != nil {
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

// WriteFileAtomic writes content to dst through a temporary file in the
// same folder, so dst is either the old file or the whole new one.
func WriteFileAtomic(dst string, content []byte) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("creating output folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".plandoc-*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	_, werr := tmp.Write(content)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	return nil
}
