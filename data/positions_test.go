package data

import (
	"testing"

	"github.com/plandoc/plandoc/data/synth"
)

// The first place asked for, found by reading only as far as it, is where
// the whole index puts it, for every value of the bundled plan and of a
// generated one; the places asked for after it come from the index.
func TestGlanceIsTheIndexsPlace(t *testing.T) {
	plan, err := bundled.ReadFile("plans/lhh-thanh-hoa-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"bundled": plan, "generated": synth.Plan(200, 12)} {
		index := indexPositions(src)
		index.index()
		if len(index.vals) < 500 {
			t.Fatalf("%s: %d values indexed", name, len(index.vals))
		}
		for path, want := range index.vals {
			p := indexPositions(src)
			if got, ok := p.glance(path); !ok || got != want {
				t.Fatalf("%s: glance(%s) = %v, %v; the index says %v", name, path, got, ok, want)
			}
			if _, ok := p.glance(path); ok {
				t.Fatalf("%s: a second place was glanced at, not indexed", name)
			}
		}
		p := indexPositions(src)
		if got, want := p.at("decision.date"), index.at("decision.date"); got != want || p.keys != nil {
			t.Errorf("%s: decision.date at %v, index %v; indexed after one look-up: %v", name, got, want, p.keys != nil)
		}
		if got, want := p.at("tasks[3].content"), index.at("tasks[3].content"); got != want || p.keys == nil {
			t.Errorf("%s: tasks[3].content at %v, index %v; the second look-up indexed: %v", name, got, want, p.keys != nil)
		}
	}
}
