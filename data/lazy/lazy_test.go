package lazy

import "testing"

// The pattern is compiled once, on the first call, and matches as
// regexp.MustCompile's does.
func TestRegexpCompiledOnce(t *testing.T) {
	re := Regexp(`^tháng (\d{1,2})$`)
	first := re()
	if first != re() {
		t.Error("the pattern was compiled twice")
	}
	if m := first.FindStringSubmatch("tháng 12"); len(m) != 2 || m[1] != "12" {
		t.Errorf("match %q", m)
	}
}
