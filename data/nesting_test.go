package data

import (
	"strings"
	"testing"
)

func TestNestingIsCountedOutsideStringsAndComments(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // "" when the text is within the limit
	}{
		{"a = " + strings.Repeat("[", 32) + strings.Repeat("]", 32), ""},
		{"a = " + strings.Repeat("[", 33) + strings.Repeat("]", 33), "x.toml:1:37: lists and tables nest more than 32 deep"},
		{"# " + strings.Repeat("[", 40) + "\nb = \"" + strings.Repeat("{", 40) + "\"", ""},
		{"c = '''\n" + strings.Repeat("[", 40) + "\n'''\nd = \"\\\"[[\"", ""},
		{"tên = \"Văn phòng\"; e = " + strings.Repeat("{x=", 33), "x.toml:1:120: lists and tables"},
	} {
		p := NestingProblem("x.toml", []byte(c.text))
		switch {
		case c.want == "" && p != nil:
			t.Errorf("%.40q: %v; want none", c.text, p)
		case c.want != "" && (p == nil || !strings.HasPrefix(p.String(), c.want)):
			t.Errorf("%.40q: %v; want %q", c.text, p, c.want)
		}
	}
}
