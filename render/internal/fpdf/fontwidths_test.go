// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"fmt"
	"math/rand"
	"slices"
	"strconv"
	"strings"
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
	widths := make([]int32, 65536)
	used := map[int]int{}
	for cid := 32; cid < 8000; cid++ {
		if cid < 127 || cid > 159 && cid%7 == 0 {
			widths[cid] = int32(250 + 50*(cid%5/3))
			used[cid] = 1
		}
	}
	font := fontDefType{Cw: widths, usedRunes: used}
	for b.Loop() {
		_ = new(Fpdf).generateCIDFontMap(&font, 8000)
	}
}

// The cids the widths array is built from are those upstream's loop over
// every cid kept, in its order: fonts of a few widths, with used runes
// inside and outside their range, valued 0 or not, below and above 255.
func TestCIDsWithWidthsAreUpstreams(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 3000 {
		size := 1 + rng.Intn(2000)
		widths := make([]int32, size)
		for cid := range widths {
			if rng.Intn(3) == 0 {
				widths[cid] = []int32{0, 250, 500, 65535}[rng.Intn(4)]
			}
		}
		used := map[int]int{}
		for range rng.Intn(300) {
			used[rng.Intn(size+50)-10] = rng.Intn(3)
		}
		font := fontDefType{Cw: widths, usedRunes: used}
		cwLen := 1 + rng.Intn(size)
		var want []int
		for cid := 1; cid < cwLen; cid++ {
			if font.Cw[cid] == 0 {
				continue
			}
			if numb, ok := font.usedRunes[cid]; cid > 255 && (!ok || numb == 0) {
				continue
			}
			want = append(want, cid)
		}
		got := cidsWithWidths(&font, 1, cwLen)
		if !slices.Equal(got, want) {
			t.Fatalf("widths of %d cids up to %d, used %v: cids %v, upstream's %v", size, cwLen, used, got, want)
		}
	}
}

// A last rune past the widths fails where upstream's loop failed.
func TestCIDsWithWidthsPastTheWidthsFail(t *testing.T) {
	font := fontDefType{Cw: make([]int32, 300), usedRunes: map[int]int{}}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "index out of range [300] with length 300") {
			t.Fatalf("recovered %v, want upstream's index out of range [300]", r)
		}
	}()
	cidsWithWidths(&font, 1, 400)
}

// BenchmarkCIDFontMapOfAFace is the widths array of a face as large as
// Liberation Serif (2,600 glyphs with widths across 65,536 cids) for the
// runes of a Vietnamese document: ASCII, Latin-1 letters and the
// Vietnamese block.
func BenchmarkCIDFontMapOfAFace(b *testing.B) {
	widths := make([]int32, 65536)
	for cid := 32; cid < 65536; cid++ {
		if cid < 0x250 || cid >= 0x1e00 && cid < 0x1f00 || cid%97 == 0 {
			widths[cid] = int32(250 + 50*(cid%5/3))
		}
	}
	used := map[int]int{}
	for cid := 32; cid < 127; cid++ {
		used[cid] = cid
	}
	for _, cid := range []int{0xc0, 0xc1, 0xc2, 0xc3, 0xc8, 0xc9, 0xca, 0xcc, 0xcd, 0xd2, 0xd3, 0xd4, 0xd5, 0xd9, 0xda, 0xdd, 0xe0, 0xe1, 0xe2, 0xe3, 0xe8, 0xe9, 0xea, 0xec, 0xed, 0xf2, 0xf3, 0xf4, 0xf5, 0xf9, 0xfa, 0xfd, 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0} {
		used[cid] = cid
	}
	for cid := 0x1ea0; cid < 0x1efa; cid += 2 {
		used[cid+1] = cid + 1
	}
	font := fontDefType{Cw: widths, usedRunes: used}
	for b.Loop() {
		_ = new(Fpdf).generateCIDFontMap(&font, 65535)
	}
}

// upstreamCIDFontMap is generateCIDFontMap as fpdf v0.12.0 builds the
// array (with patch 9's helpers, which TestNextIntKeyIsUpstreams and
// TestWidthHelpersAreUpstreams check): the oracle for the patched one.
func upstreamCIDFontMap(font *fontDefType, LastRune int) string {
	rangeID := 0
	cidArray := make(map[int]*untypedKeyMap)
	cidArrayKeys := make([]int, 0)
	prevCid := -2
	prevWidth := -1
	interval := false
	startCid := 1
	cwLen := LastRune + 1

	// for each character
	for cid := startCid; cid < cwLen; cid++ {
		if font.Cw[cid] == 0x00 {
			continue
		}
		width := int(font.Cw[cid])
		if width == 65535 {
			width = 0
		}
		if numb, OK := font.usedRunes[cid]; cid > 255 && (!OK || numb == 0) {
			continue
		}

		if cid == prevCid+1 {
			if width == prevWidth {

				if width == cidArray[rangeID].get(0) {
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].pop()
					rangeID = prevCid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]any, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, prevWidth)
					cidArray[rangeID].put(nil, width)
				}
				interval = true
				cidArray[rangeID].put("interval", 1)
			} else {
				if interval {
					// new range
					rangeID = cid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]any, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].put(nil, width)
				}
				interval = false
			}
		} else {
			rangeID = cid
			r := untypedKeyMap{
				valueSet: make([]int, 0),
				keySet:   make([]any, 0),
			}
			cidArray[rangeID] = &r
			cidArrayKeys = append(cidArrayKeys, rangeID)
			cidArray[rangeID].put(nil, width)
			interval = false
		}
		prevCid = cid
		prevWidth = width

	}
	previousKey := -1
	nextKey := -1
	isInterval := false
	for g := 0; g < len(cidArrayKeys); {
		key := cidArrayKeys[g]
		ws := *cidArray[key]
		cws := len(ws.keySet)
		if (key == nextKey) && (!isInterval) && (ws.getIndex("interval") < 0 || cws < 4) {
			if cidArray[key].getIndex("interval") >= 0 {
				cidArray[key].delete("interval")
			}
			cidArray[previousKey] = arrayMerge(cidArray[previousKey], cidArray[key])
			cidArrayKeys = remove(cidArrayKeys, key)
		} else {
			g++
			previousKey = key
		}
		nextKey = key + cws
		// ui := ws.getIndex("interval")
		// ui = ui + 1
		if ws.getIndex("interval") >= 0 {
			if cws > 3 {
				isInterval = true
			} else {
				isInterval = false
			}
			cidArray[key].delete("interval")
			nextKey--
		} else {
			isInterval = false
		}
	}
	// The numbers appended with strconv, not printf (plandoc's patch).
	var w []byte
	for _, k := range cidArrayKeys {
		ws := cidArray[k]
		w = append(w, ' ')
		w = strconv.AppendInt(w, int64(k), 10)
		if sameValues(ws.valueSet) {
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k+len(ws.valueSet)-1), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(ws.get(0)), 10)
		} else {
			w = append(w, " [ "...)
			w = append(w, implode(" ", ws.valueSet)...)
			w = append(w, " ]\n"...)
		}
	}
	return string(w)
}

// The widths array is upstream's for random faces: widths from a few
// values, so that runs, runs broken by one width, runs of two and ranges
// that meet all occur, with runes used and unused, and for a face and the
// runes of a Vietnamese document.
func TestCIDFontMapIsUpstreams(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for trial := range 20000 {
		size := 2 + rng.Intn(700)
		widths := make([]int32, size)
		values := []int32{250, 250, 500, 333, 65535}[:1+rng.Intn(5)]
		for cid := range widths {
			switch {
			case rng.Intn(4) == 0:
				// no width
			case cid > 0 && rng.Intn(3) > 0:
				widths[cid] = widths[cid-1] // runs
			default:
				widths[cid] = values[rng.Intn(len(values))]
			}
		}
		used := map[int]int{}
		for cid := range size {
			if rng.Intn(3) > 0 {
				used[cid] = cid * rng.Intn(2)
			}
		}
		font := fontDefType{Cw: widths, usedRunes: used}
		last := rng.Intn(size)
		if got, want := new(Fpdf).generateCIDFontMap(&font, last), upstreamCIDFontMap(&font, last); got != want {
			t.Fatalf("trial %d, widths %v up to %d, used %v:\n got %q\nwant %q", trial, widths, last, used, got, want)
		}
	}
	for _, face := range []string{"Regular", "Bold", "Italic", "BoldItalic"} {
		utf8File := parsedFace(t, face)
		used := map[int]int{}
		for _, r := range "Chương trình công tác năm 2021 ban hành kèm theo Quyết định số 105/QĐ-LHH: Tổ chức Hội nghị Ban Chấp hành; Đại hội đại biểu (1–3, 5%) ỹ Ử ẫ" {
			used[int(r)] = int(r)
		}
		for r := range 57 {
			used[r] = 0
		}
		font := fontDefType{Cw: utf8File.CharWidths, usedRunes: used}
		if got, want := new(Fpdf).generateCIDFontMap(&font, utf8File.LastRune), upstreamCIDFontMap(&font, utf8File.LastRune); got != want {
			t.Errorf("%s: got %q\nwant %q", face, got, want)
		}
	}
}
