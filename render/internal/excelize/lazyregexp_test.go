package excelize

import (
	"regexp"
	"sync"
	"testing"
)

// plandoc's patch compiles the package's regular expressions on first
// use: a mistyped one would only panic then, so each is compiled here and
// must be the expression upstream compiled at start-up.
func TestLazyRegexpsCompileAsUpstreams(t *testing.T) {
	all := []*lazyRegexp{wildcardTokenRE, bstrExp, bstrEscapeExp, expressionFormat, conditionFormat, blankFormat, matchFormat}
	for _, m := range []map[string]*lazyRegexp{dateFormats, timeFormats} {
		for _, re := range m {
			all = append(all, re)
		}
	}
	all = append(append(all, dateOnlyFormats...), formulaFormats...)
	if len(all) != 26 {
		t.Fatalf("%d lazy expressions, want the 26 upstream compiles at start-up", len(all))
	}
	for _, re := range all {
		if got, want := re.get().String(), regexp.MustCompile(re.expr).String(); got != want {
			t.Errorf("%q compiled to %q", re.expr, got)
		}
		if re.get() != re.get() {
			t.Errorf("%q compiled twice", re.expr)
		}
	}
	if !bstrExp.MatchString("a_x000D_b") || bstrExp.MatchString("_x00G0_") {
		t.Error("bstrExp does not match as upstream's")
	}
	if got := expressionFormat.FindAllString(`x == "a b" or y`, -1); len(got) != 5 {
		t.Errorf("expressionFormat tokens %q", got)
	}
}

func TestColumnNamesMadeOnFirstUse(t *testing.T) {
	for num, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 702: "ZZ", 703: "AAA", MaxColumns: "XFD"} {
		if got, err := ColumnNumberToName(num); err != nil || got != want {
			t.Errorf("ColumnNumberToName(%d) = %q, %v; want %q", num, got, err, want)
		}
	}
	if _, err := ColumnNumberToName(MaxColumns + 1); err == nil {
		t.Error("a column past XFD has a name")
	}
	// Every name, from the table or made when asked, is the one its
	// number's inverse (upstream's ColumnNameToNumber) reads back.
	for num := MinColumns; num <= MaxColumns; num++ {
		name, err := ColumnNumberToName(num)
		if back, err2 := ColumnNameToNumber(name); err != nil || err2 != nil || back != num {
			t.Fatalf("column %d is named %q, read back as %d (%v, %v)", num, name, back, err, err2)
		}
	}
	if n := len(columnNames()); n != namedColumns+1 {
		t.Errorf("the table holds %d names; want A to ZZ", n-1)
	}
	// A name from the table costs no allocation, as upstream's table
	// promised.
	if allocs := testing.AllocsPerRun(100, func() { ColumnNumberToName(702) }); allocs != 0 {
		t.Errorf("ColumnNumberToName(702) allocates %v times", allocs)
	}
}

// The number-format tables made on first use hold what upstream's made
// at start-up: every language's and currency's entry.
func TestNumberFormatTablesMadeWhole(t *testing.T) {
	for name, got := range map[string]int{
		"langNumFmt": len(langNumFmt()), "currencyNumFmt": len(currencyNumFmt()),
		"supportedLanguageInfo": len(supportedLanguageInfo()), "supportedLanguageCodeInfo": len(supportedLanguageCodeInfo()),
	} {
		want := map[string]int{"langNumFmt": 5, "currencyNumFmt": 471, "supportedLanguageInfo": 416, "supportedLanguageCodeInfo": 2}[name]
		if got != want {
			t.Errorf("%s holds %d entries; upstream's %d", name, got, want)
		}
	}
	if f := currencyNumFmt()[164]; f == "" {
		t.Error("currency format 164 is missing")
	}
	if info := supportedLanguageInfo()[1066]; len(info.tags) == 0 || info.tags[0] != "vi-VN" || info.apFmt != apFmtVietnamese {
		t.Errorf("Vietnamese (1066): %+v", info)
	}
}

// The calculation caches are cleared when a cell changes, as upstream
// clears them, and clearing caches that hold nothing costs nothing.
func TestCalcCacheClearedOnlyWhenHeld(t *testing.T) {
	f := NewFile()
	held := func() (n int) {
		for _, m := range []*sync.Map{&f.calcCache, &f.calcRawCache, &f.formulaArgCache} {
			m.Range(func(any, any) bool { n++; return true })
		}
		return n
	}
	if err := f.SetCellValue("Sheet1", "B1", 5); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("Sheet1", "A1", "=B1*2"); err != nil {
		t.Fatal(err)
	}
	if v, err := f.CalcCellValue("Sheet1", "A1"); err != nil || v != "10" {
		t.Fatalf("A1 = %q, %v; want 10", v, err)
	}
	if held() == 0 {
		t.Fatal("a calculation left nothing in the caches")
	}
	if err := f.SetCellValue("Sheet1", "B1", 6); err != nil {
		t.Fatal(err)
	}
	if n := held(); n != 0 {
		t.Fatalf("a cell set left %d cached entries", n)
	}
	if v, err := f.CalcCellValue("Sheet1", "A1"); err != nil || v != "12" {
		t.Fatalf("A1 = %q, %v after B1 changed; want 12, not the cached 10", v, err)
	}
	f.clearCalcCache()
	if allocs := testing.AllocsPerRun(100, f.clearCalcCache); allocs != 0 {
		t.Errorf("clearing empty caches allocates %v times", allocs)
	}
}
