package importer

import "testing"

// The patterns are compiled on first use, so a mistyped one would only
// panic then: each is compiled here, and matches what it is for.
func TestLazyPatternsCompile(t *testing.T) {
	for text, re := range map[string]func() bool{
		"Đ/c Nguyễn Văn A":               func() bool { return honorific().MatchString("Đ/c Nguyễn Văn A") },
		"Chương trình công tác năm 2021": func() bool { return programLine().MatchString("Chương trình công tác năm 2021") },
		"Quyết định số 313/QĐ-LHH ngày 31/12/2021": func() bool {
			return decisionLine().MatchString("Quyết định số 313/QĐ-LHH ngày 31/12/2021")
		},
		"Cộng hòa":       func() bool { return nationalLine().MatchString("Cộng hòa") },
		"a + b":          func() bool { return hardSeparators().MatchString("a + b") },
		"- Văn phòng":    func() bool { return bullet().MatchString("- Văn phòng") },
		"a và b":         func() bool { return softSeparators().MatchString("a và b") },
		"các ban":        func() bool { return groupName().MatchString("các ban") },
		"a, b":           func() bool { return nonWord().MatchString("a, b") },
		"tháng 3":        func() bool { return monthHeading().MatchString("tháng 3") },
		"I. CÔNG TÁC":    func() bool { return sectionRow().MatchString("I. CÔNG TÁC") },
		"tổng cộng":      func() bool { return totalRow().MatchString("tổng cộng") },
		"12.0":           func() bool { return floatTT().MatchString("12.0") },
		"quý I năm 2021": func() bool { return yearInTime().MatchString("quý I năm 2021") },
	} {
		if !re() {
			t.Errorf("%q: its pattern does not match", text)
		}
	}
}
