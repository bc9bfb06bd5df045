package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEmbeddedCoversVietnamese(t *testing.T) {
	fam, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	const vietnamese = "ĂÂĐÊÔƠƯăâđêôơư àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ –“”./"
	for _, s := range styles {
		face := fam.Face(s)
		for _, r := range vietnamese {
			if r != ' ' && !face.Has(r) {
				t.Errorf("%s lacks %q", s, r)
			}
		}
		for _, r := range []rune{'😀', '中', '\u0000'} {
			if face.Has(r) {
				t.Errorf("%s claims to have %q", s, r)
			}
		}
	}
}

func TestFromDirPicksFacesByDeclaredStyle(t *testing.T) {
	dir := t.TempDir()
	// Windows' names for Times New Roman: the style is in the file, not the name.
	for name, data := range map[string][]byte{"times.ttf": embeddedData[0], "timesbd.ttf": embeddedData[1], "timesi.ttf": embeddedData[2], "timesbi.ttf": embeddedData[3]} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fam, err := FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(fam.Face(BoldItalic).File, "timesbi.ttf") || !strings.HasSuffix(fam.Face(Regular).File, "times.ttf") {
		t.Errorf("faces picked wrongly: %s, %s", fam.Face(Regular).File, fam.Face(BoldItalic).File)
	}
	os.Remove(filepath.Join(dir, "timesi.ttf"))
	if _, err := FromDir(dir); err == nil || !strings.Contains(err.Error(), "no TrueType (.ttf) file for the italic face") {
		t.Errorf("missing italic: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "broken.ttf"), []byte("OTTO not really"), 0o644)
	if _, err := FromDir(dir); err == nil || !strings.Contains(err.Error(), "CFF outlines is not supported") {
		t.Errorf("CFF font: %v", err)
	}
}

func TestWidthMatchesTimesMetrics(t *testing.T) {
	fam, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := fam.Face(Regular)
	// Times New Roman's (and so Liberation Serif's) advance widths: digits
	// and the space are 1/2 and 1/4 em, "m" is 0.778 em.
	for s, want := range map[string]float64{"0": 6, "0123456789": 60, " ": 3, "m": 9.336} {
		if got := r.Width(s, 12); got < want-0.01 || got > want+0.01 {
			t.Errorf("Width(%q, 12pt) = %.3f; want %.3f", s, got, want)
		}
	}
	if r.Width("Việt", 12) <= r.Width("Viet", 12)-0.5 {
		t.Errorf("precomposed letters must have widths")
	}
}
