// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"math/rand"
	"testing"
)

// An appended value's key is the one upstream's search from 0 finds, for
// keys with and without gaps, negative ones and "interval" among them.
func TestNextIntKeyIsUpstreams(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var m untypedKeyMap
		n := rng.Intn(12)
		used := map[any]bool{}
		for range n {
			var k any = rng.Intn(14) - 2
			if rng.Intn(4) == 0 {
				k = "interval"
			}
			if !used[k] {
				used[k] = true
				m.keySet = append(m.keySet, k)
				m.valueSet = append(m.valueSet, 0)
			}
		}
		if got, want := m.nextIntKey(), m.firstAbsentInt(); got != want {
			t.Fatalf("keys %v: next %d, upstream's %d", m.keySet, got, want)
		}
	}
}

// The widths' helpers answer as upstream's printf and map did.
func TestWidthHelpersAreUpstreams(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for range 5000 {
		arr := make([]int, rng.Intn(6))
		for i := range arr {
			arr[i] = rng.Intn(3) * (1 + rng.Intn(2)*rng.Intn(70000))
			if rng.Intn(10) == 0 {
				arr[i] = -arr[i]
			}
		}
		if got, want := implode(" ", arr), upstreamImplode(" ", arr); got != want {
			t.Fatalf("%v: implode %q, upstream's %q", arr, got, want)
		}
		if got, want := sameValues(arr), len(upstreamCountValues(arr)) == 1; got != want {
			t.Fatalf("%v: one value %v, upstream's %v", arr, got, want)
		}
	}
}

func upstreamImplode(sep string, arr []int) string {
	var s fmtBuffer
	for i := 0; i < len(arr)-1; i++ {
		s.printf("%v", arr[i])
		s.printf("%s", sep)
	}
	if len(arr) > 0 {
		s.printf("%v", arr[len(arr)-1])
	}
	return s.String()
}

func upstreamCountValues(mp []int) map[int]int {
	answer := make(map[int]int)
	for _, v := range mp {
		answer[v] = answer[v] + 1
	}
	return answer
}

// BenchmarkCIDFontMap is a face's widths array with the runes of a page of
// Vietnamese: ASCII and a few hundred others.
func BenchmarkCIDFontMap(b *testing.B) {
	widths := make([]int, 65536)
	used := map[int]int{}
	for cid := 32; cid < 8000; cid++ {
		if cid < 127 || cid > 159 && cid%7 == 0 {
			widths[cid] = 250 + 50*(cid%5/3)
			used[cid] = 1
		}
	}
	font := fontDefType{Cw: widths, usedRunes: used}
	for b.Loop() {
		_ = new(Fpdf).generateCIDFontMap(&font, 8000)
	}
}
