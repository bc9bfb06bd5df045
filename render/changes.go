package render

// Changes is how a render's files differ from the previous manifest's,
// so the clerk knows which departments need a new copy.
type Changes struct {
	New, Changed, Unchanged, Removed []string // paths, in the render's order (removed: the manifest's)
}

// PreviousFiles lists the files the folder's manifest names, in its
// order; nil when there is no manifest plandoc can read (a first render).
func PreviousFiles(dir string) []File {
	m, ok := readManifest(dir)
	if !ok {
		return nil
	}
	return m.Files
}

// CompareWith sorts the render's files by what the previous manifest said
// of them; Removed lists what the manifest had and this render does not
// make. A partial render's kept files are neither: they were not made.
func (res *Result) CompareWith(previous []File) Changes {
	sums := map[string]string{}
	for _, f := range previous {
		sums[f.Path] = f.SHA256
	}
	var c Changes
	made := map[string]bool{}
	for _, f := range res.Files {
		made[f.Path] = true
		sum, had := sums[f.Path]
		switch {
		case !had:
			c.New = append(c.New, f.Path)
		case sum != f.SHA256:
			c.Changed = append(c.Changed, f.Path)
		default:
			c.Unchanged = append(c.Unchanged, f.Path)
		}
	}
	for _, f := range res.Kept {
		made[f.Path] = true
	}
	for _, f := range previous {
		if !made[f.Path] {
			c.Removed = append(c.Removed, f.Path)
		}
	}
	return c
}
