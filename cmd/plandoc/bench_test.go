package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/plandoc/plandoc/data/synth"
)

// benchRender runs the whole command as a user does, plan file to output
// folder, into a fresh folder each time.
func benchRender(b *testing.B, tasks int, only ...string) {
	plan := "../../data/plans/lhh-thanh-hoa-2021.toml"
	if tasks > 0 {
		plan = filepath.Join(b.TempDir(), "plan.toml")
		if err := os.WriteFile(plan, synth.Plan(tasks, 50), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out := filepath.Join(dir, "out", string(rune('a'+i%26)))
		os.RemoveAll(out)
		args := []string{"render", "-o", out}
		for _, o := range only {
			args = append(args, "-only", o)
		}
		if code := run(append(args, plan), io.Discard, io.Discard); code != 0 {
			b.Fatalf("render: exit %d", code)
		}
		i++
	}
}

func BenchmarkRender2021(b *testing.B)            { benchRender(b, 0) }
func BenchmarkRender1000Tasks(b *testing.B)       { benchRender(b, 1000) }
func BenchmarkRender10000Tasks(b *testing.B)      { benchRender(b, 10000) }
func BenchmarkRenderAnnex2021(b *testing.B)       { benchRender(b, 0, "annex") }
func BenchmarkRenderAnnex1000Tasks(b *testing.B)  { benchRender(b, 1000, "annex") }
func BenchmarkRenderAnnex10000Tasks(b *testing.B) { benchRender(b, 10000, "annex") }
