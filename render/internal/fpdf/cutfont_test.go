// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"crypto/sha256"
	"fmt"
	"math/rand"
	"os"
	"testing"
)

// cutRuneSets are rune sets of Vietnamese text and of random runes, the
// same every run.
func cutRuneSets() []map[int]int {
	rng := rand.New(rand.NewSource(7))
	vi := []rune("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ")
	var sets []map[int]int
	for i := range 40 {
		used := map[int]int{}
		for r := 32; r < 127; r++ {
			if rng.Intn(3) > 0 {
				used[r] = r
			}
		}
		for _, r := range vi {
			if rng.Intn(2) == 0 {
				used[int(r)] = int(r)
				up := []rune(string(r))[0] - 32
				used[int(up)] = int(up)
			}
		}
		for range i * 5 {
			r := rng.Intn(0x2200)
			used[r] = r
		}
		sets = append(sets, used)
	}
	return sets
}

// A face's subsets for 40 rune sets are upstream's bytes, and give the
// character map and last rune upstream's did: the hashes are those of
// fpdf v0.12.0's GenerateCutFont, unpatched, run on these sets.
func TestCutFontIsUpstreams(t *testing.T) {
	want := map[string]string{
		"Regular":    "cd5eb561c38eeef0e1342d253156bc55b315d1793e16df8ddbde493bc6b3a965",
		"Bold":       "7fd4d61e5a477f15c5b53757bc03f3d275e242e1eddfd0c44b40938d6705a0b2",
		"Italic":     "fbe191b523cff14ef166fa38ac64179f30be454bf02babbb5413c06c22ad7d34",
		"BoldItalic": "eb4c2c70c86da97e45f7ac7895eaac11b2b475647ac226ee3f3d03ffc39a67bb",
	}
	for face, sum := range want {
		utf := parsedFace(t, face)
		h := sha256.New()
		for _, used := range cutRuneSets() {
			h.Write(utf.GenerateCutFont(used))
			fmt.Fprint(h, utf.CodeSymbolDictionary, utf.LastRune)
		}
		if got := fmt.Sprintf("%x", h.Sum(nil)); got != sum {
			t.Errorf("%s: subsets hash %s, upstream's %s", face, got, sum)
		}
	}
}

// BenchmarkCutFont subsets a face for a page of Vietnamese text.
func BenchmarkCutFont(b *testing.B) {
	data, err := os.ReadFile("../../../fonts/LiberationSerif-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	text := "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2021 Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thanh Hóa tổ chức thực hiện nhiệm vụ trọng tâm, đẩy mạnh hoạt động tư vấn, phản biện và giám định xã hội; 0123456789 (),.;:-–“”…abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ"
	used := map[int]int{}
	for _, r := range text {
		used[int(r)] = int(r)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		n += len(utf.GenerateCutFont(used))
	}
	b.ReportMetric(float64(n)/float64(b.N), "bytes/op")
}

// parsedFace is one of plandoc's embedded Liberation Serif faces
// ("Regular", "Bold", "Italic", "BoldItalic") as fpdf parses it.
func parsedFace(t *testing.T, face string) *utf8FontFile {
	t.Helper()
	data, err := os.ReadFile("../../../fonts/LiberationSerif-" + face + ".ttf")
	if err != nil {
		t.Fatal(err)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		t.Fatal(err)
	}
	return utf
}
