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
// array's numbers without a string each (its reading, kept here as the
// oracle, readWidthArrayBefore): for random arrays of both forms, numbers past an int, nested and
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
	big := appendWidthCIDs(nil, readWidthArray([]byte("99999999999999999999 [ 5 ] ]")))
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

// cidSetBefore is cidSet as it read the /W array before: each number made
// a string and read by strconv.Atoi.
func cidSetBefore(font []byte) []byte {
	cids := []int{0}
	if i := bytes.Index(font, []byte("/W [")); i >= 0 {
		cids = appendWidthCIDs(cids, readWidthArrayBefore(font[i+4:]))
	}
	return cidBitmap(cids)
}

func readWidthArrayBefore(rest []byte) widthArray {
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
	return widthArray{nums: nums, inArr: inArr}
}
