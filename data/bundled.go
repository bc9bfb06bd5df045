package data

import (
	"embed"

	"github.com/plandoc/plandoc/data/msg"
)

//go:embed plans/*.toml
var bundled embed.FS

// DefaultPlan is the bundled plan rendered when no file is given.
const DefaultPlan = "lhh-thanh-hoa-2021.toml"

// bundledSource returns the bytes of a bundled plan file.
func bundledSource(name string) ([]byte, error) {
	b, err := bundled.ReadFile("plans/" + name)
	if err != nil {
		return nil, msg.Errorf("bundled plan %s: %w", name, err)
	}
	return b, nil
}

// LoadBundled parses a bundled plan; messages call it "bundled:NAME".
func LoadBundled(name string) (*Plan, Problems, error) {
	raw, err := bundledSource(name)
	if err != nil {
		return nil, nil, err
	}
	p, probs := Parse("bundled:"+name, raw)
	return p, probs, probs.Err()
}
