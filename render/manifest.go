package render

import (
	"encoding/json"
	"fmt"
)

// manifest lists what a render wrote, so the office (or a script) can see
// which file is which and check that none was changed afterwards.
type manifest struct {
	Plan  manifestPlan `json:"plan"`
	Files []File       `json:"files"`
}

// manifestPlan identifies the plan the files were rendered from.
type manifestPlan struct {
	Title  string `json:"title"`
	Year   int    `json:"year"`
	SHA256 string `json:"sha256"`
}

func manifestJSON(res *Result) ([]byte, error) {
	m := manifest{
		Plan:  manifestPlan{Title: res.Plan.Program.Title, Year: res.Plan.Program.Year, SHA256: res.Plan.Source.SHA256},
		Files: res.Files,
	}
	if m.Files == nil {
		m.Files = []File{} // an empty list, not null, for readers that index it
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding manifest: %w", err)
	}
	return append(b, '\n'), nil
}
