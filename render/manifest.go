package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// manifest lists what a render wrote, so the office (or a script) can see
// which file is which and check that none was changed afterwards.
type manifest struct {
	Plan  manifestPlan `json:"plan"`
	Files []File       `json:"files"`
}

// manifestPlan identifies the plan the files were rendered from.
type manifestPlan struct {
	Organisation string `json:"organisation,omitempty"`
	Title        string `json:"title"`
	Year         int    `json:"year"`
	SHA256       string `json:"sha256"`
}

func manifestJSON(res *Result) ([]byte, error) {
	m := manifest{
		Plan:  manifestPlan{Organisation: res.Plan.Organisation.Name, Title: res.Plan.Program.Title, Year: res.Plan.Program.Year, SHA256: res.Plan.Source.SHA256},
		Files: append(append([]File(nil), res.Files...), res.Kept...),
	}
	if len(res.Kept) > 0 {
		manifestOrder(res, m.Files)
	}
	if m.Files == nil {
		m.Files = []File{} // an empty list, not null, for readers that index it
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, msg.Errorf("encoding manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// OtherPlanIn says whose outputs dir holds when they are another plan's —
// another organisation's, or another year's — so a render does not write
// over them unasked: "Chương trình công tác năm 2020 (Trường THCS Lê Lợi)".
// A folder with no manifest, or one plandoc cannot read, holds nobody's.
func OtherPlanIn(dir string, p *data.Plan) (string, bool) {
	m, ok := readManifest(dir)
	if !ok || m.Plan.Year == 0 {
		return "", false
	}
	otherOrg := m.Plan.Organisation != "" && m.Plan.Organisation != p.Organisation.Name
	if m.Plan.Year == p.Program.Year && !otherOrg {
		return "", false
	}
	who := m.Plan.Title
	if m.Plan.Organisation != "" {
		who += " (" + m.Plan.Organisation + ")"
	}
	return who, true
}

// readManifest reads the folder's manifest; false when there is none plandoc
// can read (a first render, or a file that is not plandoc's).
func readManifest(dir string) (manifest, bool) {
	m, ok, err := loadManifest(dir)
	return m, ok && err == nil
}

// loadManifest reads the folder's manifest: ok is false when there is
// none, or one that is not plandoc's (damaged: nothing in it is trusted);
// err is for a manifest that is there and cannot be read.
func loadManifest(dir string) (m manifest, ok bool, err error) {
	raw, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return manifest{}, false, nil
	}
	if err != nil {
		return manifest{}, false, err
	}
	if json.Unmarshal(raw, &m) != nil {
		return manifest{}, false, nil
	}
	return m, true, nil
}

// fileSHA256 is the hex sha256 of a file's content, as the manifest
// records it.
func fileSHA256(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]), nil
}
