package render

import (
	"bytes"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// The CIDSet of a font is the one the pass made before it read the /W
// array's numbers without a string each (cidSetBefore, kept here as the
// oracle): for random arrays of both forms, numbers past an int, nested and
// unclosed arrays, other characters (a malformed array may fail both, on
// a negative CID); and for the fonts of the 2021 annex.
func TestCIDSetIsTheOnesBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	const trials = 5000
	failed := 0
	for trial := range trials {
		var w strings.Builder
		w.WriteString("<</Type /Font /Subtype /CIDFontType2 /W [")
		for range rng.Intn(20) {
			c := rng.Intn(9000)
			switch rng.Intn(6) {
			case 0, 1:
				fmt.Fprintf(&w, " %d [ ", c)
				for range rng.Intn(6) {
					fmt.Fprintf(&w, "%d ", rng.Intn(2000))
				}
				w.WriteString("]\n")
			case 2, 3:
				fmt.Fprintf(&w, " %d %d %d", c, c+rng.Intn(40), rng.Intn(2000))
			case 4:
				w.WriteString([]string{" [ 1 [ 2 3 ] 4 ]", " 99999999999999999999", " 0007", " -5", " 2.5", "\t", " x"}[rng.Intn(7)])
			case 5:
				if trial%50 == 0 {
					w.WriteString(" [ 3 4") // unclosed
				}
			}
		}
		if rng.Intn(10) > 0 {
			w.WriteString(" ] /DW 1000>>")
		}
		font := []byte(w.String())
		if bytes.Contains(font, []byte("99999999999999999999")) {
			// Its range would be a huge set in both: left to the unit test below.
			continue
		}
		got, gotPanic := trySet(cidSet, font)
		want, wantPanic := trySet(cidSetBefore, font)
		if wantPanic {
			failed++
		}
		if !bytes.Equal(got, want) || gotPanic != wantPanic {
			t.Fatalf("trial %d, %q:\n got %x (failed %v)\nwant %x (failed %v)", trial, font, got, gotPanic, want, wantPanic)
		}
	}
	if failed > trials/2 {
		t.Fatalf("%d of %d random arrays failed in both: too few compared", failed, trials)
	}
	// The CIDFontType2 objects of the 2021 annex, as fpdf writes them.
	p := bundledPlan(t)
	k := testKit(t, p, "")
	pdf, _, err := renderAnnex(p, k.set.Annex, k.fam, k.printed)
	if err != nil {
		t.Fatal(err)
	}
	fonts := 0
	for _, obj := range bytes.Split(pdf, []byte("endobj")) {
		if bytes.Contains(obj, []byte("/Subtype /CIDFontType2")) {
			fonts++
			if got, want := cidSet(obj), cidSetBefore(obj); !bytes.Equal(got, want) || len(got) < 8 {
				t.Errorf("an annex font's CIDSet %x, before %x", got, want)
			}
		}
	}
	if fonts != 3 {
		t.Errorf("%d CID fonts in the annex; want 3 (regular, bold, italic)", fonts)
	}
	// A number too large for an int reads as the largest, as strconv.Atoi gives it.
	big := appendWidthCIDs(nil, []byte("99999999999999999999 [ 5 ] ]"))
	if want, _ := strconv.Atoi("99999999999999999999"); len(big) != 1 || big[0] != want {
		t.Errorf("an overlong number gave CIDs %v, want [%d]", big, want)
	}
}

// trySet is set's bitmap of font, or that it failed (a malformed array
// can give a negative CID, which both fail on).
func trySet(set func([]byte) []byte, font []byte) (b []byte, failed bool) {
	defer func() {
		if recover() != nil {
			b, failed = nil, true
		}
	}()
	return set(font), false
}

func cidSetBefore(font []byte) []byte {
	i := bytes.Index(font, []byte("/W ["))
	cids := []int{0}
	if i >= 0 {
		rest := font[i+4:]
		depth, num := 0, []byte{}
		var nums []int
		var inArr []bool
		flush := func() {
			if len(num) > 0 {
				v, _ := strconv.Atoi(string(num))
				nums = append(nums, v)
				inArr = append(inArr, depth > 0)
				num = num[:0]
			}
		}
	scan:
		for _, c := range rest {
			switch {
			case c >= '0' && c <= '9':
				num = append(num, c)
			case c == '[':
				flush()
				depth++
				nums = append(nums, -1) // an array starts: the width list of the CID before it
				inArr = append(inArr, false)
			case c == ']':
				flush()
				if depth == 0 {
					break scan
				}
				depth--
			default:
				flush()
			}
		}
		// Top level: "c [w1 w2 …]" gives CIDs c, c+1, …; "c1 c2 w" gives c1..c2.
		var top []int
		var lists [][]int
		for k := 0; k < len(nums); k++ {
			if nums[k] == -1 {
				var ws []int
				for k+1 < len(nums) && inArr[k+1] {
					k++
					ws = append(ws, nums[k])
				}
				lists = append(lists, ws)
				top = append(top, -1)
				continue
			}
			top = append(top, nums[k])
		}
		li := 0
		for k := 0; k < len(top); k++ {
			switch {
			case k+1 < len(top) && top[k+1] == -1:
				for j := range lists[li] {
					cids = append(cids, top[k]+j)
				}
				li++
				k++
			case k+2 < len(top) && top[k] >= 0 && top[k+1] >= 0 && top[k+2] >= 0:
				for c := top[k]; c <= top[k+1]; c++ {
					cids = append(cids, c)
				}
				k += 2
			}
		}
	}
	most := 0
	for _, c := range cids {
		most = max(most, c)
	}
	set := make([]byte, most/8+1)
	for _, c := range cids {
		set[c/8] |= 0x80 >> (c % 8)
	}
	return set
}
