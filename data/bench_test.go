package data

import (
	"testing"

	"github.com/plandoc/plandoc/data/synth"
)

func BenchmarkLoadBundled(b *testing.B) {
	raw, err := bundledSource(DefaultPlan)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if p, probs := Parse("bundled", raw); p == nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkLoad10000Tasks(b *testing.B) {
	raw := synth.Plan(10000, 50)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if p, probs := Parse("synth", raw); p == nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkLoad100000Tasks(b *testing.B) {
	raw := synth.Plan(100000, 50)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if p, probs := Parse("synth", raw); p == nil {
			b.Fatal(probs)
		}
	}
}
