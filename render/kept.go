package render

import (
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// keptFiles lists the files of the folder's previous render that a partial
// render leaves in place, in the manifest's terms, so the new manifest
// still names every file in the folder. A file is kept only while it is
// as the previous manifest says; each remembers the plan it was made from
// when that is not this render's.
func keptFiles(dir string, res *Result) []File {
	m, ok := readManifest(dir)
	if !ok {
		return nil
	}
	made := map[string]bool{}
	for _, f := range res.Files {
		made[f.Path] = true
	}
	var kept []File
	for _, f := range m.Files {
		if made[f.Path] || checkRelPath(f.Path) != nil || res.selection.covers(f) {
			continue
		}
		if sum, err := fileSHA256(filepath.Join(dir, filepath.FromSlash(f.Path))); err != nil || sum != f.SHA256 {
			continue // gone, or changed since: the manifest must not vouch for it
		}
		if f.Plan == "" {
			f.Plan = m.Plan.SHA256
		}
		if f.Plan == res.Plan.Source.SHA256 {
			f.Plan = ""
		}
		kept = append(kept, f)
	}
	return kept
}

// fileAt tells what a path of an output folder holds, from the path alone,
// for files known only by a journal.
func fileAt(p string) File {
	f := File{Path: p}
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	switch dir := path.Dir(p); {
	case p == "annex.pdf":
		f.Kind = "annex"
	case p == "overview.xlsx":
		f.Kind = "overview"
	case dir == "departments":
		f.Kind, f.Unit = "department", &unitRef{ID: base}
	case dir == "quarterly" && base == "year":
		f.Kind = "year"
	case dir == "quarterly" && strings.HasPrefix(base, "q"):
		f.Kind = "quarterly"
		f.Quarter, _ = strconv.Atoi(base[1:])
	}
	return f
}

// manifestOrder sorts files as a whole render makes them (annex, the
// departments in registry order, overview, the quarters, the year), so a
// partial render's manifest reads like a whole one's.
func manifestOrder(res *Result, files []File) {
	unitRank := map[string]int{}
	for i, u := range res.Plan.Units {
		unitRank[u.ID] = i
	}
	kindRank := map[string]int{"annex": 0, "department": 1, "overview": 2, "quarterly": 3, "year": 4}
	rank := func(f File) (int, int) {
		k, ok := kindRank[f.Kind]
		if !ok {
			k = len(kindRank)
		}
		second := f.Quarter
		if f.Unit != nil {
			if r, ok := unitRank[f.Unit.ID]; ok {
				second = r
			} else {
				second = len(unitRank)
			}
		}
		return k, second
	}
	slices.SortStableFunc(files, func(a, b File) int {
		ak, as := rank(a)
		bk, bs := rank(b)
		if ak != bk {
			return ak - bk
		}
		if as != bs {
			return as - bs
		}
		return strings.Compare(path.Ext(a.Path), path.Ext(b.Path)) // .pdf before .xlsx
	})
}
